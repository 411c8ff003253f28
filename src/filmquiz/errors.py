"""The errors filmquiz raises on purpose, and the exit status each one means.

Everything below the command line raises one of these; the command line turns
each into one message on stderr and its exit status, in one place.
"""

from __future__ import annotations

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
    OUTPUT_CLOSED = 141
    """The output was closed early (``| head``): 128 + SIGPIPE, as the shell
    reports any program that a closed pipe stops."""


class FilmquizError(Exception):
    """A problem a user can cause and fix; never shown as a traceback."""

    status: ExitStatus = ExitStatus.FAILURE

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else type(self).__name__

    def lines(self) -> list[str]:
        """The error as the lines of its message."""
        return [str(self)]


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


SHOWN_PROBLEMS = 50
"""At most this many problems of one bank are shown; the rest are counted."""


class BankError(FilmquizError):
    """A bank file that cannot be used, with the problems found in it."""

    def __init__(self, path: Path, problems: list[Problem], more: int = 0) -> None:
        super().__init__(path, problems)
        self.path = path
        self.problems = tuple(problems)
        self.more = more
        """Problems found beyond those kept in ``problems``."""

    def lines(self) -> list[str]:
        """The first SHOWN_PROBLEMS problems as one line each, naming the file,
        then how many more there are."""
        from filmquiz.visible import visible

        source = visible(str(self.path))
        shown = [visible(p.describe(source)) for p in self.problems[:SHOWN_PROBLEMS]]
        hidden = len(self.problems) - len(shown) + self.more
        if hidden:
            noun = "problem" if hidden == 1 else "problems"
            shown.append(f"{source}: and {hidden:,} more {noun}")
        return shown

    def __str__(self) -> str:
        return "\n".join(self.lines())


class UnknownQuiz(FilmquizError):
    """No bank is known by the name the user gave."""


class NoQuestions(FilmquizError):
    """The options given leave no question to ask."""


class InputEnded(FilmquizError):
    """Standard input ended while a question was waiting for an answer."""


class BadOption(FilmquizError):
    """An option or argument with a value filmquiz cannot use, found after
    the command line was parsed: shown as the usage error it is."""

    status = ExitStatus.USAGE

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option
        """The option (``--player``) or argument (``QUIZ``) at fault."""
