"""What past games add up to: records, per-player summaries, a new best.

Pure: the score store reads and writes :class:`GameRecord` values; this module
only computes with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import NamedTuple

TREND_LENGTH = 10
"""How many of the latest scores a trend shows."""

COUNTED_FROM = 10
"""A complete game of at least this many questions (or of a whole bank that
has fewer) counts towards a player's best, average and trend."""


class GameRecord(NamedTuple):
    """One game as the history keeps it."""

    quiz: str
    title: str
    player: str
    score: int
    total: int
    complete: bool
    """False for a game stopped by Ctrl-C or the end of input."""
    started_at: datetime
    finished_at: datetime
    practice: bool = False
    """True for a game of past mistakes (``play --mistakes``)."""
    bank_questions: int | None = None
    """How many questions the bank had, when the game was played; None for
    games kept before filmquiz recorded it."""
    points: int | None = None
    """The points of a speed game; None for a standard one."""
    party: bool = False
    """True for one player's part of a party game."""

    @property
    def percent(self) -> float:
        """The score as a percentage of the questions the game was to ask."""
        return 100.0 * self.score / self.total if self.total else 0.0

    @property
    def short(self) -> bool:
        """True for a game of fewer than COUNTED_FROM questions that did not
        ask the whole bank."""
        whole_bank = (
            self.bank_questions is not None and self.total >= self.bank_questions
        )
        return self.total < COUNTED_FROM and not whole_bank

    @property
    def counted(self) -> bool:
        """True when the game counts towards best, average and trend: played
        to the end, not practice, and not short."""
        return self.complete and not self.practice and not self.short

    @property
    def kind(self) -> str:
        """Why a game is not counted (``stopped``, ``practice``, ``short``),
        or ``""`` for a counted one."""
        if not self.complete:
            return "stopped"
        if self.practice:
            return "practice"
        return "short" if self.short else ""


class Summary(NamedTuple):
    """How one player has done on one quiz."""

    quiz: str
    title: str
    player: str
    games: int
    """How many games count: complete, not practice, not short."""
    played: int
    """How many games were played in all."""
    best: float | None
    """The best counted score, as a percentage; None when none counts."""
    average: float | None
    """The mean counted score, as a percentage; None when none counts."""
    last_played: datetime
    trend: tuple[float, ...]
    """The latest counted scores as percentages, oldest first, at most
    TREND_LENGTH."""
    best_points: int | None = None
    """The most points of a counted speed game; None when none counts."""


def summarize(records: Iterable[GameRecord]) -> list[Summary]:
    """One summary per quiz and player.

    Best, average and trend come from the games that count
    (:attr:`GameRecord.counted`): a game stopped early, a practice game or a
    short one says little about how well a player knows a quiz. Summaries are
    sorted by quiz, then player.
    """
    by_key: dict[tuple[str, str], list[GameRecord]] = {}
    for record in sorted(records, key=lambda r: r.finished_at):
        by_key.setdefault((record.quiz, record.player), []).append(record)
    summaries = []
    for (quiz, player), games in sorted(by_key.items()):
        percents = [game.percent for game in games if game.counted]
        points = [
            game.points for game in games if game.counted and game.points is not None
        ]
        summaries.append(
            Summary(
                quiz=quiz,
                title=games[-1].title,
                player=player,
                games=len(percents),
                played=len(games),
                best=max(percents) if percents else None,
                average=sum(percents) / len(percents) if percents else None,
                last_played=games[-1].finished_at,
                trend=tuple(percents[-TREND_LENGTH:]),
                best_points=max(points) if points else None,
            )
        )
    return summaries


class Standing(Enum):
    """How a game's score stands against the player's previous best."""

    FIRST = "first"
    """No earlier complete game of this quiz by this player."""
    NEW_BEST = "new best"
    EQUALS_BEST = "equals best"
    BELOW_BEST = "below best"
    NOT_COUNTED = "not counted"
    """A practice, short or stopped game: it is kept, but not compared."""


class Comparison(NamedTuple):
    """A score beside the player's previous best on the same quiz."""

    standing: Standing
    previous_best: float | None
    kind: str = ""
    """For a game that is not counted, why: its :attr:`GameRecord.kind`."""


def compare(game: GameRecord, earlier: Iterable[GameRecord]) -> Comparison:
    """How a game's score stands against the best of the player's earlier
    counted games; a game that does not count is not compared."""
    if not game.counted:
        return Comparison(Standing.NOT_COUNTED, None, game.kind)
    percent = game.percent
    earlier_percents = [record.percent for record in earlier if record.counted]
    if not earlier_percents:
        return Comparison(Standing.FIRST, None)
    best = max(earlier_percents)
    if percent > best:
        standing = Standing.NEW_BEST
    elif percent == best:
        standing = Standing.EQUALS_BEST
    else:
        standing = Standing.BELOW_BEST
    return Comparison(standing, best)
