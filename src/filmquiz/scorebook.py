"""The score history as the commands use it: keep a game, compare it with the
player's best, find their mistakes.

Trouble with the history is told to ``warn`` and never stops a game: a game
that cannot be kept is still played and scored.
"""

from __future__ import annotations

from collections.abc import Callable

from filmquiz.bank import Bank
from filmquiz.engine import GameResult
from filmquiz.errors import FilmquizError
from filmquiz.history import Comparison, compare
from filmquiz.locations import history_file
from filmquiz.store import HistoryUnavailable, ScoreStore

Warn = Callable[[str], None]


def open_history(warn: Warn) -> ScoreStore | None:
    """The score store, or None (after a warning) when it cannot be used."""
    try:
        return ScoreStore(history_file(), warn=warn)
    except HistoryUnavailable as error:
        warn(f"{error}; scores are not being kept")
        return None


def keep(result: GameResult, warn: Warn) -> Comparison | None:
    """Record a game, and compare a complete one with the player's earlier best."""
    store = open_history(warn)
    if store is None:
        return None
    with store:
        try:
            earlier = store.games(quiz=result.quiz, player=result.player)
            store.record(result)
        except HistoryUnavailable as error:
            warn(f"{error}; this game was not kept")
            return None
    return compare(result.percent, earlier) if result.complete else None


def mistakes(bank: Bank, player: str, warn: Warn) -> frozenset[str]:
    """The ids of the questions of ``bank`` that ``player`` got wrong the last
    time they met them. Raises FilmquizError without a history."""
    store = open_history(warn)
    if store is None:
        raise FilmquizError("--mistakes needs the score history, which is unavailable")
    with store:
        outcomes = store.last_outcomes(quiz=bank.slug, player=player)
    wrong = {question_id for question_id, right in outcomes.items() if not right}
    return frozenset(q.id for q in bank.questions if q.id in wrong)
