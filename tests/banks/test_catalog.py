"""Where banks come from: FILMQUIZ_PATH, the user's folder, shipped, paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from filmquiz.banks import catalog
from filmquiz.errors import UnknownQuiz
from tests.support import SHIPPED_BANKS, WriteBank, put_bank


@pytest.fixture
def club(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two FILMQUIZ_PATH folders."""
    first, second = tmp_path / "club-a", tmp_path / "club-b"
    monkeypatch.setenv("FILMQUIZ_PATH", os.pathsep.join([str(first), "", str(second)]))
    return first, second


class TestSources:
    def test_order(self, club: tuple[Path, Path], filmquiz_home: Path) -> None:
        """FILMQUIZ_PATH folders in order, then the user's folder, then shipped."""
        assert catalog.sources() == [
            catalog.Source("path", club[0]),
            catalog.Source("path", club[1]),
            catalog.Source("user", filmquiz_home / "quizzes"),
            catalog.Source("shipped", catalog.SHIPPED_QUIZZES),
        ]

    def test_user_bank_hides_shipped(self, filmquiz_home: Path) -> None:
        """A user bank named like a shipped one is the one played."""
        mine = put_bank(filmquiz_home / "quizzes", "parallel-mothers", "Mine")
        found = catalog.bank_files()["parallel-mothers"]
        assert (found.path, found.kind) == (mine, "user")
        assert [(f.kind, f.path) for f in found.shadows] == [
            ("shipped", catalog.SHIPPED_QUIZZES / "parallel-mothers.json")
        ]
        assert catalog.load("parallel-mothers").title == "Mine"

    def test_path_folders_come_first(
        self, club: tuple[Path, Path], filmquiz_home: Path
    ) -> None:
        """The first FILMQUIZ_PATH folder wins over the second and the user's."""
        put_bank(club[1], "noir", "Second")
        put_bank(filmquiz_home / "quizzes", "noir", "User")
        first = put_bank(club[0], "noir", "First")
        found = catalog.bank_files()["noir"]
        assert (found.path, found.kind) == (first, "path")
        assert [f.kind for f in found.shadows] == ["path", "user"]

    def test_missing_folders_are_empty(self, club: tuple[Path, Path]) -> None:
        """Folders that do not exist hold no banks and raise nothing."""
        assert list(catalog.bank_files()) == [path.stem for path in SHIPPED_BANKS]

    def test_broken_bank_does_not_hide_others(self, club: tuple[Path, Path]) -> None:
        """A broken bank is listed as broken; the others still load."""
        club[0].mkdir()
        (club[0] / "aaa.json").write_text("{oops")
        put_bank(club[0], "zzz", "Fine")
        entries = {e.slug: e for e in catalog.entries()}
        assert entries["aaa"].summary is None
        assert entries["aaa"].error is not None
        assert entries["zzz"].summary is not None
        assert entries["parallel-mothers"].summary is not None


class TestLocate:
    def test_a_path_is_a_path(self, write_bank: WriteBank) -> None:
        """Anything with a slash or ending in .json is read as a path."""
        path = write_bank(name="parallel-mothers.json")
        assert catalog.locate(str(path)) == path

    def test_unknown_name(self) -> None:
        """An unknown name suggests the closest one."""
        with pytest.raises(UnknownQuiz, match='did you mean "parallel-mothers"'):
            catalog.locate("paralel-mothers")
