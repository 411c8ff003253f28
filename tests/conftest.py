"""Shared fixtures: every test in its own data folder, bank files written on
the fly, the installed command, keys for prompts, and the CLI runner."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput, create_pipe_input
from typer.testing import CliRunner

from tests.support import WriteBank, bank_document


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


@pytest.fixture
def keys() -> Iterator[PipeInput]:
    """Keys for prompts run in process: send_text() them before asking."""
    with create_pipe_input() as pipe:
        yield pipe


@pytest.fixture
def runner() -> CliRunner:
    """Runs the command line in process, stdout and stderr kept apart."""
    return CliRunner()
