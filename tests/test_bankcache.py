"""The cache of checked banks: used when fresh, rebuilt when not, never trusted
blindly."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import bank_document, question
from filmquiz.bankcache import CACHE_FROM, BankInfo, LazyQuestions, read_bank, read_info
from filmquiz.engine import Selection, plan_game
from filmquiz.errors import BankError
from filmquiz.loader import load_bank


def big_bank(path: Path, count: int = 3000, title: str = "Big") -> Path:
    """A bank over CACHE_FROM bytes, with varied questions."""
    questions = [
        question(
            f"q{n}",
            prompt=f"Question number {n}, padded to be long enough to cache?",
            choices=[f"right {n}", f"wrong {n}", f"other {n}"],
            answer=f"right {n}",
            category=("plot", "cast")[n % 2],
            difficulty=("easy", "medium", "hard")[n % 3],
        )
        for n in range(count)
    ]
    path.write_text(json.dumps(bank_document(*questions, title=title)))
    assert path.stat().st_size >= CACHE_FROM
    return path


def cache_files(home: Path) -> list[str]:
    folder = home / "cache"
    return sorted(p.suffix for p in folder.iterdir()) if folder.is_dir() else []


class TestCache:
    def test_small_banks_are_not_cached(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """A small bank is read directly: caching would not be faster."""
        path = tmp_path / "small.json"
        path.write_text(json.dumps(bank_document()))
        assert read_bank(path) == load_bank(path)
        assert cache_files(filmquiz_home) == []

    def test_big_bank_is_cached_and_read_back(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """The first read writes the cache; the next reads the same bank from it."""
        path = big_bank(tmp_path / "big.json")
        first = read_bank(path)
        assert cache_files(filmquiz_home) == [".bank", ".info"]
        second = read_bank(path)
        assert isinstance(second.questions, LazyQuestions)
        assert (second.slug, second.title, second.film) == (
            first.slug,
            first.title,
            first.film,
        )
        assert list(second.questions) == list(first.questions)
        assert second.questions[-1] == first.questions[-1]
        assert list(second.questions[10:13]) == list(first.questions[10:13])
        with pytest.raises(IndexError):
            second.questions[len(first.questions)]

    def test_changed_file_rebuilds(self, tmp_path: Path, filmquiz_home: Path) -> None:
        """A bank that changes is read again, not served stale from the cache."""
        path = big_bank(tmp_path / "big.json")
        assert read_bank(path).title == "Big"
        big_bank(path, title="Bigger")
        stat = path.stat()
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        assert read_bank(path).title == "Bigger"
        assert read_info(path).title == "Bigger"

    def test_damaged_cache_is_ignored(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """Garbage in the cache folder is read past: the bank is read again."""
        path = big_bank(tmp_path / "big.json")
        read_bank(path)
        for file in (filmquiz_home / "cache").iterdir():
            file.write_bytes(b"\x00garbage")
        assert read_bank(path).title == "Big"
        assert read_info(path) == BankInfo.of(load_bank(path))

    def test_broken_bank_is_never_cached(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """A broken bank raises as always, and leaves no cache behind."""
        path = big_bank(tmp_path / "big.json")
        path.write_text(
            path.read_text().replace('"answer": "right 7"', '"answer": "x"')
        )
        with pytest.raises(BankError):
            read_bank(path)
        assert cache_files(filmquiz_home) == []

    def test_unwritable_cache_still_reads(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A cache folder that cannot be made only makes reading slower."""
        blocker = tmp_path / "file"
        blocker.write_text("")
        monkeypatch.setenv("FILMQUIZ_HOME", str(blocker))
        path = big_bank(tmp_path / "big.json")
        assert read_bank(path).title == "Big"

    def test_info(self, tmp_path: Path) -> None:
        """The summary list shows: title, year, questions, categories."""
        path = big_bank(tmp_path / "big.json", count=2000)
        assert read_info(path) == BankInfo(
            title="Big", year=2021, questions=2000, categories=("plot", "cast")
        )


class TestPlayingFromTheCache:
    def test_plan_touches_only_the_questions_asked(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """A seeded game from the cache equals the same game from the file."""
        path = big_bank(tmp_path / "big.json")
        fresh = read_bank(path)
        cached = read_bank(path)
        for selection in (
            Selection(limit=10, seed=4),
            Selection(limit=5, categories=("cast",), difficulties=("hard",), seed=4),
            Selection(limit=3, shuffle=False),
        ):
            assert plan_game(cached, selection) == plan_game(fresh, selection)
