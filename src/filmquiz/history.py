"""What past games add up to: records, per-player summaries, a new best.

Pure: the score store reads and writes :class:`GameRecord` values; this module
only computes with them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import Enum
from typing import Any, NamedTuple

TREND_LENGTH = 10
"""How many of the latest scores a trend shows."""


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

    @property
    def percent(self) -> float:
        """The score as a percentage of the questions the game was to ask."""
        return 100.0 * self.score / self.total if self.total else 0.0


class Summary(NamedTuple):
    """How one player has done on one quiz, over their complete games."""

    quiz: str
    title: str
    player: str
    games: int
    best: float
    """The best score, as a percentage."""
    average: float
    """The mean score, as a percentage."""
    last_played: datetime
    trend: tuple[float, ...]
    """The latest scores as percentages, oldest first, at most TREND_LENGTH."""


def summarize(records: Iterable[GameRecord]) -> list[Summary]:
    """One summary per quiz and player, from their complete games.

    Games stopped early are left out: half a game says little about a score.
    Summaries are sorted by quiz, then player.
    """
    by_key: dict[tuple[str, str], list[GameRecord]] = {}
    for record in sorted(records, key=lambda r: r.finished_at):
        if record.complete:
            by_key.setdefault((record.quiz, record.player), []).append(record)
    summaries = []
    for (quiz, player), games in sorted(by_key.items()):
        percents = [game.percent for game in games]
        summaries.append(
            Summary(
                quiz=quiz,
                title=games[-1].title,
                player=player,
                games=len(games),
                best=max(percents),
                average=sum(percents) / len(percents),
                last_played=games[-1].finished_at,
                trend=tuple(percents[-TREND_LENGTH:]),
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


class Comparison(NamedTuple):
    """A score beside the player's previous best on the same quiz."""

    standing: Standing
    percent: float
    previous_best: float | None


def compare(percent: float, earlier: Iterable[GameRecord]) -> Comparison:
    """Compare a score with the best of the earlier complete games."""
    earlier_percents = [record.percent for record in earlier if record.complete]
    if not earlier_percents:
        return Comparison(Standing.FIRST, percent, None)
    best = max(earlier_percents)
    if percent > best:
        standing = Standing.NEW_BEST
    elif percent == best:
        standing = Standing.EQUALS_BEST
    else:
        standing = Standing.BELOW_BEST
    return Comparison(standing, percent, best)


def scores_document(
    records: Iterable[GameRecord], summaries: Iterable[Summary]
) -> dict[str, list[dict[str, Any]]]:
    """The JSON document of ``scores --json``: times in ISO 8601, scores in the
    summaries as percentages rounded to one decimal."""
    return {
        "games": [
            {
                "quiz": r.quiz,
                "title": r.title,
                "player": r.player,
                "score": r.score,
                "total": r.total,
                "complete": r.complete,
                "started_at": r.started_at.isoformat(),
                "finished_at": r.finished_at.isoformat(),
            }
            for r in records
        ],
        "summary": [
            {
                "quiz": s.quiz,
                "title": s.title,
                "player": s.player,
                "games": s.games,
                "best": round(s.best, 1),
                "average": round(s.average, 1),
                "last_played": s.last_played.isoformat(),
                "trend": [round(p, 1) for p in s.trend],
            }
            for s in summaries
        ],
    }
