"""Shared fixtures: bank files written on the fly, and the installed command."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input

from filmquiz.banks.catalog import SHIPPED_QUIZZES

SHIPPED_BANKS = sorted(SHIPPED_QUIZZES.glob("*.json"))

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "opentdb.json"
"""The 5,250 real Open Trivia Database questions beside the clone, when there."""


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


WriteBank = Callable[..., Path]


@pytest.fixture(autouse=True)
def filmquiz_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps its scores (and any other data) in its own folder."""
    home = tmp_path / "filmquiz-home"
    monkeypatch.setenv("FILMQUIZ_HOME", str(home))
    return home


@pytest.fixture
def write_bank(tmp_path: Path) -> WriteBank:
    """Write a bank file: a document (dumped as JSON), a str or bytes as given."""

    def write(content: Any = None, name: str = "fan.json") -> Path:
        path = tmp_path / name
        if content is None:
            content = bank_document()
        if isinstance(content, bytes):
            path.write_bytes(content)
        elif isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture(scope="session")
def filmquiz_command() -> str:
    """The installed ``filmquiz`` script of the Python running the tests."""
    found = shutil.which("filmquiz", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("the filmquiz command is not installed next to this Python")
    return found


# Keys as a terminal sends them.
DOWN = "\x1b[B"
UP = "\x1b[A"
ENTER = "\r"
CTRL_C = "\x03"
BACKSPACE = "\x7f"


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    """Keys for prompts run in process: send_text() them before asking."""
    with create_pipe_input() as pipe:
        yield pipe
