"""What tests share besides fixtures: bank documents made on the fly, the
shipped banks, the real data beside the clone, and keys as a terminal sends
them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from filmquiz.banks.catalog import SHIPPED_QUIZZES

SHIPPED_BANKS = sorted(SHIPPED_QUIZZES.glob("*.json"))

PARALLEL_MOTHERS = SHIPPED_QUIZZES / "parallel-mothers.json"
PARALLEL_MOTHERS_QUESTIONS = len(
    json.loads(PARALLEL_MOTHERS.read_text(encoding="utf-8"))["questions"]
)
"""How many questions the shipped parallel-mothers has: a game of all of it."""

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "opentdb.json"
"""The 5,250 real Open Trivia Database questions beside the clone, when there."""

REPOSITORY = Path(__file__).resolve().parents[1]
"""The clone: README.md, quizzes/, pyproject.toml."""


def question(id: str = "q1", **fields: Any) -> dict[str, Any]:
    """A valid question, with any field replaced."""
    base: dict[str, Any] = {
        "id": id,
        "category": "plot",
        "difficulty": "easy",
        "prompt": f"Question {id}?",
        "choices": ["Anita", "Cecilia", "Teresa"],
        "answer": "Cecilia",
        "explanation": "Because.",
    }
    base.update(fields)
    return base


def bank_document(*questions: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """A valid bank document holding ``questions`` (one default question if none)."""
    base: dict[str, Any] = {
        "format": 1,
        "title": "Test bank",
        "film": {"title": "Test", "year": 2021, "director": "Someone"},
        "questions": list(questions) or [question()],
    }
    base.update(fields)
    return base


def put_bank(folder: Path, slug: str, title: str) -> Path:
    """Write a one-question bank called ``slug`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.json"
    path.write_text(json.dumps(bank_document(question(), title=title)))
    return path


WriteBank = Callable[..., Path]
"""The write_bank fixture: write a document, str or bytes as a bank file."""

# Keys as a terminal sends them.
DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
CTRL_C = "\x03"
BACKSPACE = "\x7f"
