"""The errors filmquiz raises on purpose, and the exit status each one means.

Everything below the command line raises one of these; the command line turns
each into one message on stderr and its exit status, in one place.
"""

from __future__ import annotations

import json
from enum import IntEnum
from pathlib import Path
from typing import NamedTuple


class ExitStatus(IntEnum):
    """What the ``filmquiz`` process returns, as documented in the README."""

    OK = 0
    """The command did what was asked: a game was played to the end."""
    FAILURE = 1
    """A bad bank, an unknown quiz, or input that ended before the game did."""
    USAGE = 2
    """The command line itself was wrong (an unknown option, a bad value)."""
    INTERRUPTED = 130
    """Ctrl-C: the shell's convention of 128 + SIGINT."""


def quote(value: str, limit: int = 60) -> str:
    """A string as a message shows it: in double quotes, escaped, not too long."""
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)


class FilmquizError(Exception):
    """A problem a user can cause and fix; never shown as a traceback."""

    status: ExitStatus = ExitStatus.FAILURE

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else type(self).__name__


class Problem(NamedTuple):
    """One thing wrong with a bank file."""

    where: str
    """The place: ``line 3, column 5``, ``question "ana-baby"``, or ``""``."""
    message: str
    """What is wrong, in plain words: ``answer "X" is not one of the choices``."""

    def describe(self, source: str) -> str:
        """The problem as one line, naming the file it was found in."""
        parts = [source, self.where, self.message]
        return ": ".join(part for part in parts if part)


class BankError(FilmquizError):
    """A bank file that cannot be used, with every problem found in it."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__(path, problems)
        self.path = path
        self.problems = tuple(problems)

    def lines(self) -> list[str]:
        """Each problem as one line that names the file."""
        return [problem.describe(str(self.path)) for problem in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class UnknownQuiz(FilmquizError):
    """No bank is known by the name the user gave."""


class NoQuestions(FilmquizError):
    """The options given leave no question to ask."""


class InputEnded(FilmquizError):
    """Standard input ended while a question was waiting for an answer."""
