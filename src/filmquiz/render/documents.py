"""The JSON documents filmquiz prints with ``--json``: what programs read, so
their keys and types stay as the README documents them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from filmquiz.bankfile.rules import DIFFICULTIES

if TYPE_CHECKING:
    from filmquiz.bankfile.model import Bank
    from filmquiz.banks.catalog import Entry
    from filmquiz.game.engine import GameResult
    from filmquiz.scores.statistics import GameRecord, Summary


def game_document(result: GameResult) -> dict[str, Any]:
    """A game's result, as ``play --json`` prints it."""
    rules = result.rules
    return {
        "quiz": result.quiz,
        "title": result.title,
        "player": result.player,
        "score": result.score,
        "total": result.total,
        "complete": result.complete,
        "practice": result.practice,
        "seed": result.seed,
        "scoring": rules.scoring,
        "time_limit": rules.time_limit,
        "points": result.points,
        "longest_streak": result.longest_streak,
        "seconds": round(result.seconds, 1),
        "fifty_fifty_at": result.fifty_fifty_at if rules.lifelines else None,
        "questions": [
            {
                "id": answer.question.id,
                "type": answer.question.type,
                "chosen": answer.chosen,
                "given": _given(answer.given),
                "answer": _given(answer.question.answer),
                "correct": answer.correct,
                "late": answer.late,
                "forgiven": answer.forgiven,
                "fifty_fifty": answer.fifty_fifty,
                "seconds": round(answer.seconds, 1),
                "points": answer.points,
            }
            for answer in result.answers
        ],
    }


def _given(value: str | bool | tuple[str, ...] | None) -> Any:
    """An answer as JSON has it: text, true or false, a list, or null."""
    return list(value) if isinstance(value, tuple) else value


def party_document(results: Sequence[GameResult]) -> dict[str, Any]:
    """A party's results, as ``party --json`` prints it: each player's game
    and the ranking (players level on points and right answers share a
    place)."""
    from filmquiz.game.engine import ranking

    first = results[0]
    places = ranking([(r.player, r.score, r.points) for r in results])
    return {
        "quiz": first.quiz,
        "title": first.title,
        "players": [result.player for result in results],
        "complete": first.complete,
        "ranking": [place._asdict() for place in places],
        "games": [game_document(result) for result in results],
    }


def no_game_document(quiz: str, title: str, player: str) -> dict[str, Any]:
    """What ``play --mistakes --json`` prints when there is nothing to
    practise: a practice game of no questions, complete, nothing wrong."""
    return {
        "quiz": quiz,
        "title": title,
        "player": player,
        "score": 0,
        "total": 0,
        "complete": True,
        "practice": True,
        "seed": None,
        "scoring": "standard",
        "time_limit": None,
        "points": 0,
        "longest_streak": 0,
        "seconds": 0.0,
        "fifty_fifty_at": None,
        "questions": [],
    }


def quiz_document(entry: Entry) -> dict[str, Any]:
    """A quiz, as ``list --json`` prints it."""
    summary = entry.summary
    return {
        "slug": entry.slug,
        "title": summary.title if summary else None,
        "year": summary.year if summary else None,
        "questions": summary.questions if summary else None,
        "categories": list(summary.categories) if summary else [],
        "spoilers": dict(summary.spoilers) if summary else None,
        "source": entry.found.kind,
        "path": str(entry.path),
        "broken": entry.error.problems[0].describe("") if entry.error else None,
        "shadows": [
            {"source": hidden.kind, "path": str(hidden.path)}
            for hidden in entry.found.shadows
        ],
    }


def scores_document(
    records: Iterable[GameRecord], summaries: Iterable[Summary]
) -> dict[str, list[dict[str, Any]]]:
    """The games and summaries, as ``scores --json`` prints them: times in
    ISO 8601, scores in the summaries as percentages rounded to one decimal."""
    return {
        "games": [
            {
                "quiz": r.quiz,
                "title": r.title,
                "player": r.player,
                "score": r.score,
                "total": r.total,
                "complete": r.complete,
                "practice": r.practice,
                "counted": r.counted,
                "points": r.points,
                "party": r.party,
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
                "played": s.played,
                "best": None if s.best is None else round(s.best, 1),
                "average": None if s.average is None else round(s.average, 1),
                "last_played": s.last_played.isoformat(),
                "trend": [round(p, 1) for p in s.trend],
                "best_points": s.best_points,
            }
            for s in summaries
        ],
    }


def quiz_details_document(bank: Bank, path: Path) -> dict[str, Any]:
    """A quiz, as ``show --json`` prints it."""
    film = bank.film
    return {
        "slug": bank.slug,
        "title": bank.title,
        "film": msgspec.to_builtins(film) if film is not None else None,
        "questions": len(bank.questions),
        "categories": dict(Counter(q.category for q in bank.questions if q.category)),
        "types": bank.types,
        "difficulties": {
            level: count
            for level in DIFFICULTIES
            if (count := sum(1 for q in bank.questions if q.difficulty == level))
        },
        "spoilers": dict(bank.spoilers),
        "unmarked": sum(1 for q in bank.questions if q.spoiler is None),
        "credits": bank.credits,
        "license": bank.license,
        "sources": dict(
            Counter(q.source for q in bank.questions if q.source).most_common()
        ),
        "path": str(path),
    }
