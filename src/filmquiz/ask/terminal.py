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
from prompt_toolkit.application.current import get_app
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input import Input, create_input
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output import ColorDepth, Output, create_output

from filmquiz.ask.menu import (
    TICK,
    Menu,
    countdown,
    drop_typeahead,
    expire_at,
    quiet_keys,
    wrap,
)
from filmquiz.bankfile.rules import TRUE_FALSE, Spoiler
from filmquiz.banks.catalog import Entry
from filmquiz.game.engine import Reply, Round, Turn
from filmquiz.game.judging import given_text
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
        ("clock", "fg:ansiyellow"),
        ("clock.urgent", "fg:ansired bold"),
    ]
)
MULTI_HINT = "(Space picks or drops, a all, i invert, Enter answers)"
MULTI_NOTE = "One or more are right."

Echo = Callable[[Round, Turn, str], None]
"""Shows the question and the answer given (as text), once the prompt has
gone."""


class TerminalAsker:
    """Asks each round in the terminal and returns the reply: a menu for a
    single-choice or true/false question, questionary's checkbox for a
    multi-select one, a line to type for a typed answer; each with a
    countdown when the turn has a deadline.

    Every prompt erases itself once answered, and ``echo`` writes the
    question and the answer in its place. ``input`` and ``output`` replace
    the real terminal (tests pass a pipe input); ``stream`` is where the
    prompts draw when no ``output`` is given.
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

    def __call__(self, round_: Round, turn: Turn) -> Reply:
        """Ask until an answer is given or the time runs out; Ctrl-C raises
        KeyboardInterrupt."""
        kind = round_.question.type
        if kind == "multi":
            reply = self._checkbox(round_, turn)
        elif kind == "text":
            reply = self._typed(round_, turn)
        else:
            reply = self._menu(round_, turn)
        # In the order the player saw the choices.
        self._echo(round_, turn, given_text(reply.given, round_.choices))
        return reply

    def _menu(self, round_: Round, turn: Turn) -> Reply:
        choices = round_.choices
        menu = Menu(
            heading=visible(round_heading(round_, turn)),
            prompt=visible(round_.question.prompt),
            choices=[visible(choice) for choice in choices],
            hint=answer_hint(len(choices)),
            input=self._input,
            output=self._output,
            no_color=self._no_color,
            deadline=turn.deadline,
            halved=[choices.index(choice) for choice in turn.halved],
        )
        position = menu.ask()
        given = None if position is None else choices[position]
        if given is not None and round_.question.type == "truefalse":
            return Reply(given == TRUE_FALSE[0], menu.fifty_fifty_used)
        return Reply(given, menu.fifty_fifty_used)

    def _checkbox(self, round_: Round, turn: Turn) -> Reply:
        drop_typeahead(self._input)
        question = questionary.checkbox(
            "",
            choices=[
                questionary.Choice(title=visible(choice), value=choice)
                for choice in round_.choices
            ],
            validate=lambda picked: bool(picked) or "Pick at least one (Space picks)",
            # Said above the choices, where it wraps between words.
            instruction="",
            qmark="",
            **self._options(),
        )
        picked = _run_timed(question, round_, turn)
        return Reply(None if picked is None else tuple(picked))

    def _typed(self, round_: Round, turn: Turn) -> Reply:
        drop_typeahead(self._input)
        question = questionary.text(
            "Your answer:",
            validate=lambda typed: bool(typed.strip()) or "Type an answer",
            qmark="",
            **self._options(),
        )
        typed = _run_timed(question, round_, turn)
        return Reply(None if typed is None else str(typed))

    def _options(self) -> dict[str, Any]:
        return prompt_options(
            input=self._input, output=self._output, no_color=self._no_color
        )


def _run_timed(question: questionary.Question, round_: Round, turn: Turn) -> Any:
    """Run a questionary prompt under the round's heading and prompt, laid
    out as a menu lays them out and erased once answered; with a deadline,
    a countdown beside the heading, and None when time runs out."""
    application = question.application
    layout = application.layout
    deadline = turn.deadline
    heading = visible(round_heading(round_, turn))
    prompt = visible(round_.question.prompt)

    def top() -> StyleAndTextTuples:
        width = max(get_app().output.get_size().columns - 1, 20)
        lines: list[tuple[str, str]] = [
            *(("class:instruction", line) for line in wrap(heading, width)),
            *(("class:question", line) for line in wrap(prompt, width)),
        ]
        if round_.question.type == "multi":
            lines.append(("class:instruction", MULTI_NOTE))
            lines += [("class:instruction", line) for line in wrap(MULTI_HINT, width)]
        if deadline is not None:
            lines.append(countdown(deadline))
        fragments: StyleAndTextTuples = []
        for style, text in lines:
            fragments += [(style, text), ("", "\n")]
        return fragments[:-1]

    application.layout = Layout(
        HSplit(
            [
                Window(FormattedTextControl(top), dont_extend_height=True),
                layout.container,
            ]
        ),
        focused_element=layout.current_window,
    )
    if deadline is not None:
        application.refresh_interval = TICK
    application.erase_when_done = True
    return application.run(pre_run=lambda: expire_at(application, deadline))


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
    return entries[menu.pick()].slug


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
    return SPOILER_MENU[menu.pick()][0]


def confirm(
    message: str, *, input: Input | None = None, output: Output | None = None
) -> bool:
    """Ask a yes/no question, No by default; Ctrl-C raises KeyboardInterrupt."""
    options = prompt_options(input=input, output=output)
    return bool(questionary.confirm(message, default=False, **options).unsafe_ask())


def press_enter(
    *,
    prompt: str = "",
    choice: str = "Next question",
    hint: str = "(Enter when the room is ready)",
    stream: TextIO | None = None,
    input: Input | None = None,
    output: Output | None = None,
    no_color: bool = False,
) -> None:
    """Wait for Enter, saying so (``--pause``, a party player's turn);
    Ctrl-C raises KeyboardInterrupt."""
    if output is None and stream is not None and stream is not sys.stdout:
        output = create_output(stdout=stream)
    Menu(
        heading="",
        prompt=prompt,
        choices=[choice],
        hint=hint,
        input=input,
        output=output,
        no_color=no_color,
    ).pick()


def ask_text(
    message: str,
    *,
    validate: Callable[[str], bool | str],
    stream: TextIO | None = None,
    input: Input | None = None,
    output: Output | None = None,
) -> str:
    """Ask for a line of text until ``validate`` takes it (it returns True,
    or what to say); Ctrl-C raises KeyboardInterrupt."""
    if output is None and stream is not None and stream is not sys.stdout:
        output = create_output(stdout=stream)
    options = prompt_options(input=input, output=output)
    return str(
        questionary.text(message, validate=validate, qmark="?", **options).unsafe_ask()
    )
