"""The score history as the commands use it: keep a game, compare it with the
player's best, find their mistakes.

Trouble with the history is told to ``warn`` and never stops a game: a game
that cannot be kept is still played and scored.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from typing import NamedTuple

from filmquiz.bankfile.model import Bank
from filmquiz.game.engine import GameResult
from filmquiz.locations import history_file
from filmquiz.scores.membership import check_url, club_url, without_password
from filmquiz.scores.statistics import Comparison, GameRecord, compare
from filmquiz.scores.store import (
    HistoryBusy,
    HistoryUnavailable,
    ScoreStore,
    keep_pending,
    pending_folder,
)

Warn = Callable[[str], None]


def open_history(warn: Warn, *, read_only: bool = False) -> ScoreStore:
    """The score store; HistoryUnavailable when it cannot be used. Commands
    that only read open it read-only, so a read-only folder still works; but
    games left pending by a locked history are added first when they can be."""
    path = history_file()
    url = club_url()
    for_club = None if url is None else without_password(url)
    if read_only and any(pending_folder(path).glob("*.json")):
        with contextlib.suppress(HistoryUnavailable):
            ScoreStore(path, warn=warn, for_club=for_club).close()
    return ScoreStore(path, warn=warn, read_only=read_only, for_club=for_club)


class Sent(NamedTuple):
    """What sending to the club did."""

    club: str
    """The club, as it may be shown (no password)."""
    sent: int
    """Games the club did not have yet."""
    waiting: int
    """Games still waiting to be sent."""


SEND_AT_ONCE = 500
"""Games sent in one transaction."""


def send_to_club(warn: Warn, *, check: bool = False) -> Sent | None:
    """Send the games waiting for the club; None when not in a club. With
    ``check``, the club is reached even when nothing waits. ClubUnavailable
    (or NoDriver) when they cannot be sent now: they wait, for the next game
    or ``filmquiz club sync``."""
    url = club_url()
    if url is None:
        return None
    from filmquiz.scores.club import Club

    check_url(url)
    club_name = without_password(url)
    sent = 0
    with open_history(warn) as store:
        batch = store.queued(club_name, SEND_AT_ONCE)
        if not batch and not check:
            return Sent(club_name, 0, 0)
        with Club(url) as club:
            club.migrate()
            while batch:
                new, refused = club.send(batch)
                sent += new
                for game in refused:
                    warn(
                        f"the club at {club_name} refused game {game}; it stays in "
                        "the history here, and is not sent again"
                    )
                # A crash here sends these again next time: the club keeps
                # each game once, by its uuid.
                store.sent_to_club([row["uuid"] for row in batch])
                batch = store.queued(club_name, SEND_AT_ONCE)
        return Sent(club_name, sent, store.waiting_for_club(club_name))


def send_after_game(warn: Warn) -> str | None:
    """After a game is kept: send it (and any that wait) to the club, when
    in one. When the club cannot be reached, what to tell the player, in one
    line (they wait); None otherwise."""
    if club_url() is None:
        return None
    from filmquiz.scores.club import ClubUnavailable, NoDriver
    from filmquiz.scores.membership import NotAClub

    try:
        send_to_club(warn)
    except (ClubUnavailable, NoDriver, NotAClub, HistoryUnavailable) as error:
        try:
            waiting = waiting_for_club(warn)
        except HistoryUnavailable:
            return str(error)
        games = "1 game waits" if waiting == 1 else f"{waiting} games wait"
        return (
            f"{error}; {games} to be sent, by the next filmquiz command or "
            "`filmquiz club sync`"
        )
    return None


def waiting_for_club(warn: Warn) -> int:
    """How many games wait to be sent to the club the player is in (none
    when in none)."""
    url = club_url()
    if url is None:
        return 0
    with open_history(warn, read_only=True) as store:
        return store.waiting_for_club(without_password(url))


def as_record(result: GameResult) -> GameRecord:
    """A game's result as the history keeps it."""
    return GameRecord(
        quiz=result.quiz,
        title=result.title,
        player=result.player,
        score=result.score,
        total=result.total,
        complete=result.complete,
        started_at=result.started_at,
        finished_at=result.finished_at,
        practice=result.practice,
        bank_questions=result.bank_questions,
        points=result.points if result.rules.scoring == "speed" else None,
        party=bool(result.party),
    )


def keep(result: GameResult, warn: Warn) -> Comparison | None:
    """Record a game, and say how it stands against the player's earlier
    best; None, after a warning, when the history cannot be used. A game
    stopped before its first answer holds nothing to keep."""
    return keep_all([result], warn)[0]


def keep_all(results: Sequence[GameResult], warn: Warn) -> list[Comparison | None]:
    """Record games (a party's, one per player) with the history opened
    once, so that a locked history is waited for once, not once a player;
    each compared as :func:`keep` says."""
    comparisons: list[Comparison | None] = [None] * len(results)
    kept = [(n, result) for n, result in enumerate(results) if result.answers]
    if not kept:
        return comparisons
    try:
        with open_history(warn) as store:
            for number, result in kept:
                earlier = store.games(quiz=result.quiz, player=result.player)
                store.record(result)  # or kept pending, when it is locked
                comparisons[number] = compare(as_record(result), earlier)
    except HistoryBusy:
        for _, result in kept:
            warn(keep_pending(history_file(), result))
    except HistoryUnavailable as error:
        games = "this game was" if len(kept) == 1 else "these games were"
        warn(f"{error}; {games} not kept")
    return comparisons


def mistakes(bank: Bank, player: str, warn: Warn) -> frozenset[str] | None:
    """The ids of the questions of ``bank`` that ``player`` got wrong the last
    time they met them; None when they never played it. Raises
    HistoryUnavailable without a history."""
    with open_history(warn, read_only=True) as store:
        outcomes = store.last_outcomes(quiz=bank.slug, player=player)
    if not outcomes:
        return None
    wrong = {question_id for question_id, right in outcomes.items() if not right}
    return frozenset(q.id for q in bank.questions if q.id in wrong)
