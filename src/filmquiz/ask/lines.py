"""Asking questions line by line, for play without a terminal that can draw
menus (pipes, scripts, ``TERM=dumb``): one answer per line, drawn by
:mod:`filmquiz.render.lines`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TextIO

from filmquiz.bankfile.rules import TRUE_FALSE
from filmquiz.errors import InputEnded
from filmquiz.game.engine import Reply, Round, Turn
from filmquiz.game.judging import Given
from filmquiz.render.lines import LineView
from filmquiz.render.wording import answer_prompt

LONGEST_LINE = 1000
"""Characters an answer line may have; a longer one is not an answer, and is
read no further than its end."""

_NUMBER = re.compile("[0-9]{1,4}")
_NUMBERS = re.compile(r"[\s,]+")
_TRUE_FALSE_WORDS = {"true": True, "t": True, "false": False, "f": False}
FIFTY_FIFTY = "50"
"""The line that uses a 50:50, where one may be used."""


def interpret(line: str, choices: tuple[str, ...]) -> str | None:
    """The choice an answer line means, or None.

    A line is a choice's number (from 1, in the digits 0-9) or its exact text;
    the number wins when a choice's text is itself a number.
    """
    text = line.strip()
    if _NUMBER.fullmatch(text) and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1]
    return text if text in choices else None


def interpret_reply(line: str, round_: Round, offered: tuple[str, ...]) -> Given | None:
    """What an answer line gives for ``round_``, or None when it is not an
    answer: a choice among those ``offered`` (by its number in the round, or
    its text), True or False (also as a word), the numbers of the choices
    picked (separated by commas or spaces), or the words typed."""
    kind = round_.question.type
    if kind == "text":
        return line.strip() or None
    if kind == "multi":
        parts = [part for part in _NUMBERS.split(line.strip()) if part]
        if not parts or not all(_NUMBER.fullmatch(part) for part in parts):
            return None
        numbers = [int(part) for part in parts]
        if len(set(numbers)) != len(numbers) or not all(
            1 <= number <= len(round_.choices) for number in numbers
        ):
            return None
        return tuple(round_.choices[number - 1] for number in numbers)
    choice = interpret(line, round_.choices)
    if kind == "truefalse":
        word = _TRUE_FALSE_WORDS.get(line.strip().casefold())
        if choice is None:
            return word
        return choice == TRUE_FALSE[0]
    return choice if choice in offered else None


class LineAsker:
    """Asks each round on a line view and reads one answer per line from
    ``lines``; in a party, each line answers for the next player in turn."""

    def __init__(self, lines: TextIO, view: LineView, *, echo: bool) -> None:
        self._lines = lines
        self._view = view
        # Repeat each line read when it came from a pipe, which no terminal
        # showed as it was typed.
        self._echo = echo
        self._shown: Round | None = None

    def __call__(self, round_: Round, turn: Turn) -> Reply:
        """Ask until a line answers; raise InputEnded when lines run out.
        A 50:50 asked for (``50``) shows what is left, and asks again."""
        if self._shown is not round_:
            self._view.question(round_)
            self._shown = round_
        offered = round_.choices
        while True:
            self._view.prompt(answer_prompt(round_, turn, offered))
            line = _read_answer(self._lines, self._view)
            if line is None:
                self._view.echo("")
                raise InputEnded(
                    f"input ended before question {round_.number} "
                    f"of {round_.total} was answered"
                )
            if len(line) > LONGEST_LINE:
                if self._echo:
                    self._view.echo(line[:40] + "…")
                self._view.line_too_long(LONGEST_LINE)
                continue
            if self._echo:
                self._view.echo(line)
            if turn.halved and line.strip() == FIFTY_FIFTY:
                offered = turn.halved
                turn = turn._replace(halved=())
                self._view.halved(round_, offered)
                continue
            given = interpret_reply(line, round_, offered)
            if given is not None:
                return Reply(given, fifty_fifty=offered != round_.choices)
            self._view.not_understood(line, round_, offered)


def pick(
    prompt: str,
    labels: Sequence[str],
    names: Sequence[str],
    lines: TextIO,
    view: LineView,
    *,
    echo: bool,
) -> int:
    """Ask which of ``labels`` to take, line by line: a line is its number or
    its name (``names``, in the same order). Return its index; raise
    InputEnded when lines run out."""
    view.menu(prompt, labels)
    while True:
        view.prompt(f"Your answer (1-{len(labels)}): ")
        line = _read_answer(lines, view)
        if line is None:
            view.echo("")
            raise InputEnded("input ended before a choice was made")
        if echo:
            view.echo(line[:40] + "…" if len(line) > LONGEST_LINE else line)
        if len(line) > LONGEST_LINE:
            view.line_too_long(LONGEST_LINE)
            continue
        name = interpret(line, tuple(names))
        if name is not None:
            return list(names).index(name)
        view.not_understood_pick(line, len(labels))


def confirm(question: str, lines: TextIO, view: LineView) -> bool:
    """Ask a yes/no question line by line: only "y" or "yes" (in any case)
    is yes; anything else, or the end of input, is no."""
    view.ask(question)
    line = read_line(lines)
    if line is None:
        view.echo("")
        return False
    return line.strip().casefold() in ("y", "yes")


def _read_answer(lines: TextIO, view: LineView) -> str | None:
    """The line typed after a prompt; on Ctrl-C, end the prompt's line
    first, so that what is said next does not follow the ``^C``."""
    try:
        return read_line(lines)
    except KeyboardInterrupt:
        view.echo("")
        raise


def read_line(lines: TextIO) -> str | None:
    """The next line without its line break, None at the end of input.
    Of a line longer than LONGEST_LINE, only the start is kept; the rest
    is read and dropped a piece at a time."""
    line = lines.readline(LONGEST_LINE + 1)
    if not line:
        return None
    if len(line) > LONGEST_LINE and not line.endswith("\n"):
        while True:
            rest = lines.readline(1 << 16)
            if not rest or rest.endswith("\n"):
                break
    return line.rstrip("\r\n")
