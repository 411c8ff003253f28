"""``filmquiz list``: every quiz, where it comes from, and what it hides."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz.cli import app
from tests.support import WriteBank, bank_document, put_bank


@pytest.fixture
def club(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two FILMQUIZ_PATH folders."""
    first, second = tmp_path / "club-a", tmp_path / "club-b"
    monkeypatch.setenv("FILMQUIZ_PATH", os.pathsep.join([str(first), "", str(second)]))
    return first, second


class TestListCommand:
    def test_list_shows_sources(
        self, runner: CliRunner, club: tuple[Path, Path], filmquiz_home: Path
    ) -> None:
        """list --json says where each quiz comes from and what it hides."""
        put_bank(filmquiz_home / "quizzes", "parallel-mothers", "Mine")
        club[0].mkdir()
        (club[0] / "broken.json").write_text("[]")
        result = runner.invoke(app, ["list", "--json"])
        assert result.exit_code == 0
        listed = {entry["slug"]: entry for entry in json.loads(result.stdout)}
        assert listed["broken"]["broken"] == "a bank must be a JSON object, got a list"
        assert listed["broken"]["source"] == "path"
        assert listed["parallel-mothers"]["title"] == "Mine"
        assert listed["parallel-mothers"]["source"] == "user"
        assert [s["source"] for s in listed["parallel-mothers"]["shadows"]] == [
            "shipped"
        ]
        table = runner.invoke(app, ["list"], env={"COLUMNS": "200"})
        assert "user (over shipped)" in table.stdout
        assert "broken: a bank must be a JSON object, got a list" in table.stdout


def test_a_title_of_megabytes_is_clipped(
    runner: CliRunner, write_bank: WriteBank, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A listing shows the first 200 characters of a title and an ellipsis:
    laying out the whole of a huge title would take minutes."""
    path = write_bank(bank_document(title="T" * 1_000_000), name="huge.json")
    monkeypatch.setenv("FILMQUIZ_PATH", str(path.parent))
    listed = runner.invoke(app, ["list"], env={"COLUMNS": "500"})
    assert listed.exit_code == 0
    assert " " + "T" * 199 + "… " in listed.stdout
