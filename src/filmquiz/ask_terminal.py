"""Asking questions in a terminal with questionary: arrow keys and Enter.

This is the only module that imports questionary and prompt_toolkit, and the
command line imports it only when a game is played in a terminal, so that
``filmquiz --help`` never pays for them.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any, TextIO

import questionary
from prompt_toolkit.input import Input
from prompt_toolkit.output import ColorDepth, Output, create_output

from filmquiz.engine import Round

STYLE = questionary.Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("answer", "fg:ansicyan bold"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("instruction", "fg:ansibrightblack"),
    ]
)


class TerminalAsker:
    """Asks each round as a questionary select and returns the choice made.

    ``input`` and ``output`` replace the real terminal (tests pass a pipe
    input); ``stream`` is where the prompt draws when no ``output`` is given.
    """

    def __init__(
        self,
        *,
        no_color: bool = False,
        stream: TextIO | None = None,
        input: Input | None = None,
        output: Output | None = None,
    ) -> None:
        if output is None and stream is not None and stream is not sys.stdout:
            output = create_output(stdout=stream)
        self._options = prompt_options(input=input, output=output, no_color=no_color)

    def __call__(self, round_: Round) -> str:
        """Ask until a choice is made; Ctrl-C raises KeyboardInterrupt."""
        return select(
            round_.question.prompt,
            round_.choices,
            qmark=f"[{round_.number}/{round_.total}]",
            instruction="(arrow keys, then Enter)",
            **self._options,
        )


def prompt_options(
    *, input: Input | None = None, output: Output | None = None, no_color: bool = False
) -> dict[str, Any]:
    """The keyword arguments every filmquiz prompt gives questionary: the style,
    and the terminal to use in place of the real one, when one is given."""
    options: dict[str, Any] = {"style": STYLE}
    if no_color:
        options["color_depth"] = ColorDepth.DEPTH_1_BIT
    if input is not None:
        options["input"] = input
    if output is not None:
        options["output"] = output
    return options


def select(message: str, choices: Sequence[str], **options: Any) -> str:
    """Ask until one of ``choices`` is picked; Ctrl-C raises KeyboardInterrupt.

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


def confirm(
    message: str, *, input: Input | None = None, output: Output | None = None
) -> bool:
    """Ask a yes/no question, No by default; Ctrl-C raises KeyboardInterrupt."""
    options = prompt_options(input=input, output=output)
    return bool(questionary.confirm(message, default=False, **options).unsafe_ask())
