"""Asking questions in a terminal: a menu for each round, arrow keys and Enter
or a number key.

This module, :mod:`filmquiz.ask.menu` and the wizard are the only ones that import
questionary and prompt_toolkit, and the command line imports them only when a
prompt is shown, so that ``filmquiz --help`` never pays for them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

import questionary
from prompt_toolkit.input import Input, create_input
from prompt_toolkit.output import ColorDepth, Output, create_output

from filmquiz.ask.menu import Menu, quiet_keys
from filmquiz.bankfile.rules import Spoiler
from filmquiz.banks.catalog import Entry
from filmquiz.game.engine import Round
from filmquiz.render.wording import (
    SPOILER_MENU,
    answer_hint,
    quiz_label,
    round_heading,
    spoils_the_ending,
)
from filmquiz.visible import visible

STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansicyan bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("instruction", "fg:ansibrightblack"),
        ("placeholder", "fg:ansibrightblack"),
    ]
)

Echo = Callable[[Round, str], None]
"""Shows the question and the choice made, once the menu has gone."""


class TerminalAsker:
    """Asks each round with a menu and returns the choice made.

    The menu erases itself once answered, and ``echo`` writes the question
    and the answer in its place. ``input`` and ``output`` replace the real
    terminal (tests pass a pipe input); ``stream`` is where the menu draws
    when no ``output`` is given.
    """

    def __init__(
        self,
        *,
        echo: Echo,
        no_color: bool = False,
        stream: TextIO | None = None,
        input: Input | None = None,
        output: Output | None = None,
    ) -> None:
        if output is None and stream is not None and stream is not sys.stdout:
            output = create_output(stdout=stream)
        self._echo = echo
        self._no_color = no_color
        # One input for the whole game, so that keys read ahead for one menu
        # are known to, and discarded by, the next.
        self._input = input or create_input()
        self._output = output

    @contextmanager
    def session(self) -> Iterator[None]:
        """The time of a game: keys pressed between menus are not echoed."""
        with quiet_keys():
            yield

    def __call__(self, round_: Round) -> str:
        """Ask until a choice is made; Ctrl-C raises KeyboardInterrupt."""
        menu = Menu(
            heading=visible(round_heading(round_)),
            prompt=visible(round_.question.prompt),
            choices=[visible(choice) for choice in round_.choices],
            hint=answer_hint(len(round_.choices)),
            input=self._input,
            output=self._output,
            no_color=self._no_color,
        )
        choice = round_.choices[menu.ask()]
        self._echo(round_, choice)
        return choice


def prompt_options(
    *, input: Input | None = None, output: Output | None = None, no_color: bool = False
) -> dict[str, Any]:
    """The keyword arguments every questionary prompt of filmquiz gets: the
    style, and the terminal to use in place of the real one, when given."""
    options: dict[str, Any] = {"style": STYLE}
    if no_color:
        options["color_depth"] = ColorDepth.DEPTH_1_BIT
    if input is not None:
        options["input"] = input
    if output is not None:
        options["output"] = output
    return options


def select(message: str, choices: Sequence[str], **options: Any) -> str:
    """Ask with questionary until one of ``choices`` is picked; Ctrl-C raises
    KeyboardInterrupt. For the short lists of the wizard and the quiz picker;
    a game's questions use :class:`~filmquiz.ask.menu.Menu`.

    ``options`` go to questionary.select (style, input, output, qmark ...).
    """
    while True:
        chosen = questionary.select(
            message,
            choices=[questionary.Choice(title=c, value=c) for c in choices],
            **options,
        ).unsafe_ask()
        # Esc then Enter makes select return "" rather than a choice.
        if chosen in choices:
            return str(chosen)


def pick_quiz(
    entries: Sequence[Entry],
    *,
    stream: TextIO | None = None,
    input: Input | None = None,
    output: Output | None = None,
    no_color: bool = False,
) -> str:
    """Ask which of the quizzes ``entries`` (all readable) to play; return its
    name. The menu draws on ``stream`` (stdout when not given)."""
    if output is None and stream is not None and stream is not sys.stdout:
        output = create_output(stdout=stream)
    labels = [visible(quiz_label(entry)) for entry in entries]
    menu = Menu(
        heading="",
        prompt="Which quiz?",
        choices=labels,
        hint=answer_hint(len(labels)),
        input=input,
        output=output,
        no_color=no_color,
    )
    return entries[menu.ask()].slug


def pick_spoiler_level(
    *,
    film: bool,
    stream: TextIO | None = None,
    input: Input | None = None,
    output: Output | None = None,
    no_color: bool = False,
) -> Spoiler:
    """Before a game that may give the ending away, ask which questions to
    play, safest first; return the spoiler level chosen."""
    if output is None and stream is not None and stream is not sys.stdout:
        output = create_output(stdout=stream)
    menu = Menu(
        heading="",
        prompt=f"This game may give away {spoils_the_ending(film)}. Which questions?",
        choices=[label for _, label in SPOILER_MENU],
        hint=answer_hint(len(SPOILER_MENU)),
        input=input,
        output=output,
        no_color=no_color,
    )
    return SPOILER_MENU[menu.ask()][0]


def confirm(
    message: str, *, input: Input | None = None, output: Output | None = None
) -> bool:
    """Ask a yes/no question, No by default; Ctrl-C raises KeyboardInterrupt."""
    options = prompt_options(input=input, output=output)
    return bool(questionary.confirm(message, default=False, **options).unsafe_ask())
