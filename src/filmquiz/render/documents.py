"""The JSON documents filmquiz prints with ``--json``: what programs read, so
their keys and types stay as the README documents them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
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
    return {
        "quiz": result.quiz,
        "title": result.title,
        "player": result.player,
        "score": result.score,
        "total": result.total,
        "complete": result.complete,
        "practice": result.practice,
        "seed": result.seed,
        "questions": [
            {
                "id": answer.question.id,
                "chosen": answer.chosen,
                "answer": answer.question.answer,
                "correct": answer.correct,
            }
            for answer in result.answers
        ],
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
