"""The cache of checked banks: used when fresh, rebuilt when not, never trusted
blindly."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from filmquiz.bankfile.reading import load_bank
from filmquiz.banks.cache import (
    CACHE_FROM,
    BankSummary,
    LazyQuestions,
    read_bank,
    read_summary,
)
from filmquiz.errors import BankError
from filmquiz.game.engine import Selection, plan_game
from tests.support import bank_document, question


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
        assert cache_files(filmquiz_home) == [".bank", ".summary"]
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
        assert read_summary(path).title == "Bigger"

    def test_damaged_cache_is_ignored(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """Garbage in the cache folder is read past: the bank is read again."""
        path = big_bank(tmp_path / "big.json")
        read_bank(path)
        for file in (filmquiz_home / "cache").iterdir():
            file.write_bytes(b"\x00garbage")
        assert read_bank(path).title == "Big"
        assert read_summary(path) == BankSummary.of(load_bank(path))

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

    def test_summary(self, tmp_path: Path) -> None:
        """The summary list shows: title, year, questions, categories."""
        path = big_bank(tmp_path / "big.json", count=2000)
        assert read_summary(path) == BankSummary(
            title="Big",
            year=2021,
            questions=2000,
            categories=("plot", "cast"),
            spoilers={"none": 0, "early": 0, "middle": 0, "ending": 2000},
        )


class TestPlayingFromTheCache:
    @pytest.mark.parametrize(
        "selection",
        [
            Selection(limit=10, seed=4),
            Selection(limit=5, categories=("cast",), difficulties=("hard",), seed=4),
            Selection(limit=3, shuffle=False),
        ],
        ids=["seeded", "filtered", "file-order"],
    )
    def test_plan_touches_only_the_questions_asked(
        self, tmp_path: Path, filmquiz_home: Path, selection: Selection
    ) -> None:
        """A seeded game from the cache equals the same game from the file."""
        path = big_bank(tmp_path / "big.json")
        fresh = read_bank(path)
        cached = read_bank(path)
        assert plan_game(cached, selection) == plan_game(fresh, selection)


def the_cache_file(home: Path, kind: str = ".bank") -> Path:
    (found,) = [p for p in (home / "cache").iterdir() if p.suffix == kind]
    return found


class TestUntrustedCache:
    """A cache folder may be synced or shared: a cache file is used only when
    it proves it is whole and was written here, for this very file."""

    @pytest.mark.parametrize("damage", ["truncate", "garble", "empty"])
    def test_a_damaged_cache_is_ignored_and_rebuilt(
        self, tmp_path: Path, filmquiz_home: Path, damage: str
    ) -> None:
        """A truncated or garbled cache file reads as the bank itself."""
        path = big_bank(tmp_path / "big.json")
        expected = load_bank(path)
        read_bank(path)
        cached = the_cache_file(filmquiz_home)
        data = cached.read_bytes()
        if damage == "truncate":
            cached.write_bytes(data[: len(data) // 2])
        elif damage == "garble":
            cached.write_bytes(
                data[:200] + bytes(b ^ 0x5A for b in data[200:400]) + data[400:]
            )
        else:
            cached.write_bytes(b"")
        bank = read_bank(path)
        assert tuple(bank.questions) == tuple(expected.questions)
        assert read_bank(path).questions[5] == expected.questions[5]

    def test_a_damaged_block_of_questions_is_read_from_the_bank(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """Questions garbled after the signed header: the block fails its
        proof, and the questions come from the bank file itself."""
        path = big_bank(tmp_path / "big.json")
        expected = load_bank(path)
        read_bank(path)
        cached = the_cache_file(filmquiz_home)
        data = bytearray(cached.read_bytes())
        data[-500:-400] = bytes(100)
        cached.write_bytes(bytes(data))
        bank = read_bank(path)
        assert isinstance(bank.questions, LazyQuestions)
        assert bank.questions[0] == expected.questions[0]
        assert tuple(bank.questions) == tuple(expected.questions)

    def test_a_forged_cache_plays_nothing(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """A cache file written by someone else, with text the checker would
        refuse, is not used: its signature cannot be made without the key."""
        import msgspec

        from filmquiz.banks import cache as bankcache

        path = big_bank(tmp_path / "big.json")
        read_bank(path)
        cached = the_cache_file(filmquiz_home)
        stamp = bankcache._file_stamp(path)
        assert stamp is not None
        evil = load_bank(path)
        evil_questions = [
            msgspec.structs.replace(q, prompt="\x1b]52;c;evil\x07")
            for q in evil.questions
        ]
        forged = msgspec.structs.replace(evil, questions=tuple(evil_questions))
        payload = bankcache._encode_bank(forged, stamp, bytes(32))
        cached.write_bytes(bankcache._MAGIC + bytes(32) + payload)
        assert "\x1b" not in read_bank(path).questions[0].prompt

    def test_an_edit_that_keeps_size_and_time_is_seen(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """Changing a bank without changing its size, then putting its old
        modification time back, does not serve the old content."""
        path = big_bank(tmp_path / "big.json")
        read_bank(path)
        read_summary(path)
        before = path.stat()
        text = path.read_text().replace("Question number 7,", "Question NUMBER 7,")
        path.write_text(text)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        assert path.stat().st_size == before.st_size
        assert read_bank(path).questions[7].prompt.startswith("Question NUMBER 7,")

    def test_a_link_plays_under_the_name_asked_for(
        self, tmp_path: Path, filmquiz_home: Path
    ) -> None:
        """alias.json -> big.json: each is known by the name used to reach it,
        whichever was read first."""
        path = big_bank(tmp_path / "big.json")
        alias = tmp_path / "alias.json"
        alias.symlink_to(path)
        assert read_bank(alias).slug == "alias"
        assert read_bank(path).slug == "big"
        assert read_bank(alias).slug == "alias"

    def test_the_key_is_private(self, tmp_path: Path, filmquiz_home: Path) -> None:
        """The signing key lives in the data folder, readable only by its owner."""
        read_bank(big_bank(tmp_path / "big.json"))
        key = filmquiz_home / "cache.key"
        assert key.stat().st_mode & 0o777 == 0o600
        assert not (filmquiz_home / "cache" / "cache.key").exists()

    @pytest.mark.parametrize("kind", ["bank", "summary"])
    @pytest.mark.parametrize("special", ["fifo", "zero"])
    def test_special_files_in_the_cache(
        self, tmp_path: Path, filmquiz_home: Path, kind: str, special: str
    ) -> None:
        """A FIFO, or a link to /dev/zero, where a cache file belongs is not
        read: no hang, no memory eaten."""
        path = big_bank(tmp_path / "big.json")
        expected = load_bank(path)
        read_bank(path)
        cached = the_cache_file(filmquiz_home, f".{kind}")
        cached.unlink()
        if special == "fifo":
            os.mkfifo(cached)
        else:
            cached.symlink_to("/dev/zero")
        assert read_summary(path) == BankSummary.of(expected)
        assert read_bank(path).questions[3] == expected.questions[3]

    @pytest.mark.parametrize("read", [read_bank, read_summary])
    def test_a_cached_bank_over_the_size_limit_is_refused(
        self,
        tmp_path: Path,
        filmquiz_home: Path,
        monkeypatch: pytest.MonkeyPatch,
        read: Callable[[Path], object],
    ) -> None:
        """Lowering FILMQUIZ_MAX_BANK_MB refuses a bank cached before, as
        validate does."""
        path = big_bank(tmp_path / "big.json")
        read_bank(path)
        read_summary(path)
        monkeypatch.setenv("FILMQUIZ_MAX_BANK_MB", "0.1")
        with pytest.raises(BankError, match="a bank may be"):
            read(path)

    def test_a_broken_big_bank_is_judged_once(
        self, tmp_path: Path, filmquiz_home: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """list reads a broken big bank once; after that its problems come from
        the cache, and the file is not read again (until it changes)."""
        from filmquiz.banks import cache as bankcache

        path = tmp_path / "broken.json"
        items = "[1]," * 200_000
        path.write_text('{"format": 1, "title": "x", "questions": [' + items + "1]}")
        with pytest.raises(BankError) as first:
            read_summary(path)

        def not_again(*args: object) -> None:
            raise AssertionError("the broken bank was read again")

        monkeypatch.setattr(bankcache, "read_bank", not_again)
        with pytest.raises(BankError) as second:
            read_summary(path)
        assert second.value.lines() == first.value.lines()
        assert second.value.lines()[-1].endswith("more problems")
