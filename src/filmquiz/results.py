"""What each command comes to: values that :mod:`filmquiz.render.results`
draws, for people or as JSON, and the exit status each one means.

Commands never print their outcome; they return one of these. So the table a
person reads and the document a program reads are drawn from the same value,
and cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filmquiz.errors import ExitStatus

if TYPE_CHECKING:
    from filmquiz.bankfile.linting import Finding
    from filmquiz.bankfile.model import Bank
    from filmquiz.banks.catalog import Entry
    from filmquiz.banks.opentdb import Imported
    from filmquiz.banks.saving import Saved
    from filmquiz.formats.exported import Exported
    from filmquiz.game.engine import GameResult
    from filmquiz.scores.statistics import Comparison, GameRecord, Summary


@dataclass(frozen=True)
class Message:
    """A command that ends in one sentence (nothing to practise, nothing
    forgotten, a wizard stopped)."""

    text: str
    status: ExitStatus = ExitStatus.OK
    document: Any = None
    """What ``--json`` prints after it, when the command promises JSON."""


@dataclass(frozen=True)
class GamePlayed:
    """A game, played to its end or stopped, and already kept."""

    result: GameResult
    comparison: Comparison | None
    """How the score stands against the player's best; None when the game
    was not kept or not compared."""
    club_note: str | None = None
    """Why the game could not be sent to the club (it waits), to be said
    after the summary."""

    @property
    def status(self) -> ExitStatus:
        """0 for a game played to the end; how it stopped otherwise."""
        return _ending_status(self.result)


@dataclass(frozen=True)
class PartyPlayed:
    """A party, played to its end or stopped, each player's game kept."""

    results: tuple[GameResult, ...]
    """Each player's game, in turn order."""
    comparisons: tuple[Comparison | None, ...]
    """How each player's score stands against their best, in the same order."""
    club_note: str | None = None
    """Why the games could not be sent to the club (they wait)."""

    @property
    def status(self) -> ExitStatus:
        """As for a game alone (see GamePlayed.status): every player's game
        ended the same way."""
        return _ending_status(self.results[0])


def _ending_status(result: GameResult) -> ExitStatus:
    """The exit status of how a game ended."""
    from filmquiz.game.engine import Ending

    return {
        Ending.COMPLETED: ExitStatus.OK,
        Ending.INPUT_ENDED: ExitStatus.FAILURE,
        Ending.INTERRUPTED: ExitStatus.INTERRUPTED,
        Ending.OUTPUT_CLOSED: ExitStatus.OUTPUT_CLOSED,
    }[result.ending]


@dataclass(frozen=True)
class QuizList:
    """The quizzes there are (``list``)."""

    entries: list[Entry]
    status: ExitStatus = ExitStatus.OK


@dataclass(frozen=True)
class Check:
    """One bank file ``validate`` looked at."""

    name: str
    """The file as shown: its path."""
    bank: Bank | None
    """The bank, when it passed every check."""
    problems: tuple[str, ...] = ()
    """Each problem as one line naming the file, when it did not."""
    warnings: tuple[Finding, ...] = ()
    """What ``--strict`` found unfair in the bank, when asked."""


@dataclass(frozen=True)
class Validation:
    """Every bank file ``validate`` was given, checked."""

    checks: list[Check]
    strict: bool = False
    """True when warnings were looked for, and fail the validation."""

    @property
    def status(self) -> ExitStatus:
        """1 when any file has a problem, or, when strict, a warning."""
        if any(check.bank is None or check.warnings for check in self.checks):
            return ExitStatus.FAILURE
        return ExitStatus.OK


@dataclass(frozen=True)
class BankSaved:
    """A bank written by ``add`` or ``new``."""

    saved: Saved
    status: ExitStatus = ExitStatus.OK
    """INTERRUPTED when the wizard was stopped and what was written kept."""


@dataclass(frozen=True)
class BankImported:
    """A bank written by ``import``, and what the import left out."""

    report: Imported
    output: Path
    format: str = "opentdb"
    """The format read: ``opentdb``, ``gift``, ``aiken`` or ``csv``."""
    status: ExitStatus = ExitStatus.OK


@dataclass(frozen=True)
class BankExported:
    """A bank written by ``export`` in another format."""

    bank: Bank
    format: str
    output: Path
    """The file written; ``-`` for standard output."""
    exported: Exported
    spoils_ending: bool = False
    """True when questions about the film's ending were written without
    --spoilers asking for them (a web page asks its player instead)."""
    status: ExitStatus = ExitStatus.OK


@dataclass(frozen=True)
class ScoreHistory:
    """The games asked for (``scores``) and a summary per quiz and player."""

    records: list[GameRecord]
    summaries: list[Summary]
    quiz: str | None
    player: str | None
    """The quiz and player asked for, or None for all."""
    list_games: bool = False
    """True for the games themselves (``--games``), not the summaries."""
    status: ExitStatus = ExitStatus.OK
    club: str | None = None
    """The club whose history this is (``--club``; no password); None for
    the local one."""


@dataclass(frozen=True)
class Forgotten:
    """What ``scores --reset`` forgot."""

    games: int
    status: ExitStatus = ExitStatus.OK


@dataclass(frozen=True)
class QuizDetails:
    """One quiz as ``show`` describes it: its film, what its questions are
    made of, where they come from and on what terms."""

    bank: Bank
    path: Path
    status: ExitStatus = ExitStatus.OK


@dataclass(frozen=True)
class Document:
    """A JSON document to print as it is (``schema``)."""

    document: Any
    status: ExitStatus = ExitStatus.OK


Result = (
    Message
    | GamePlayed
    | PartyPlayed
    | QuizList
    | Validation
    | BankSaved
    | BankImported
    | BankExported
    | ScoreHistory
    | Forgotten
    | QuizDetails
    | Document
)
"""Anything a command returns."""
