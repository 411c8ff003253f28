"""Asking questions line by line, for play without a terminal (pipes, scripts)."""

from __future__ import annotations

from typing import TextIO

from filmquiz.engine import Round
from filmquiz.errors import InputEnded
from filmquiz.render import Screen


def interpret(line: str, choices: tuple[str, ...]) -> str | None:
    """The choice an answer line means, or None.

    A line is a choice's number (from 1) or its exact text; the number wins
    when a choice's text is itself a number.
    """
    text = line.strip()
    if text.isdigit() and 1 <= int(text) <= len(choices):
        return choices[int(text) - 1]
    return text if text in choices else None


class LineAsker:
    """Asks each round on a screen and reads one answer per line from ``lines``."""

    def __init__(self, lines: TextIO, screen: Screen, *, echo: bool) -> None:
        self._lines = lines
        self._screen = screen
        # Repeat each line read when it came from a pipe, which no terminal
        # showed as it was typed.
        self._echo = echo

    def __call__(self, round_: Round) -> str:
        """Ask until a line names a choice; raise InputEnded when lines run out."""
        self._screen.plain_question(round_)
        while True:
            self._screen.plain_prompt(len(round_.choices))
            line = self._lines.readline()
            if not line:
                self._screen.echo("")
                raise InputEnded(
                    f"input ended before question {round_.number} "
                    f"of {round_.total} was answered"
                )
            line = line.rstrip("\r\n")
            if self._echo:
                self._screen.echo(line)
            choice = interpret(line, round_.choices)
            if choice is not None:
                return choice
            self._screen.not_understood(line, len(round_.choices))
