"""The score store: games kept whole through damage, races and kills."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from filmquiz.bankfile.model import Bank, Question
from filmquiz.game.engine import Answer, Ending, GameResult, Rules
from filmquiz.scores.store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    HistoryUnavailable,
    ScoreStore,
)

QUESTIONS = tuple(
    Question(id=f"q{n}", prompt=f"Q{n}?", choices=("right", "wrong"), answer="right")
    for n in range(5)
)
BANK = Bank(slug="pm", title="Parallel Mothers", questions=QUESTIONS)


def result(
    picks: str = "rrwrw",
    *,
    player: str = "ana",
    quiz: str = "pm",
    ending: Ending = Ending.COMPLETED,
    minute: int = 0,
) -> GameResult:
    """A game whose answers are ``picks``: r for right, w for wrong."""
    answers = tuple(
        Answer(q, "right" if pick == "r" else "wrong", correct=pick == "r")
        for q, pick in zip(QUESTIONS, picks, strict=False)
    )
    moment = datetime(2026, 11, 1, 20, minute, tzinfo=UTC)
    return GameResult(
        quiz=quiz,
        title="Parallel Mothers",
        player=player,
        total=len(QUESTIONS),
        answers=answers,
        ending=ending,
        started_at=moment,
        finished_at=moment,
        seconds=1.0,
    )


def open_store(path: Path, warnings: list[str] | None = None) -> ScoreStore:
    sink = warnings if warnings is not None else []
    return ScoreStore(path, warn=sink.append)


def count_games(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT count(*) FROM games").fetchone()[0])


class TestRecording:
    def test_round_trip(self, tmp_path: Path) -> None:
        """What is recorded is read back, newest first, with ISO times in UTC."""
        path = tmp_path / "scores.db"
        with open_store(path) as store:
            store.record(result("rrrrr", minute=1))
            store.record(result("wwrrr", minute=2, ending=Ending.INTERRUPTED))
            games = store.games()
        assert [(g.score, g.total, g.complete) for g in games] == [
            (3, 5, False),
            (5, 5, True),
        ]
        assert games[0].finished_at == datetime(2026, 11, 1, 20, 2, tzinfo=UTC)
        assert (games[0].quiz, games[0].title, games[0].player) == (
            "pm",
            "Parallel Mothers",
            "ana",
        )

    def test_answers_are_kept(self, tmp_path: Path) -> None:
        """Each question's id, the choice made and whether it was right."""
        path = tmp_path / "scores.db"
        with open_store(path) as store:
            store.record(result("rw", ending=Ending.INPUT_ENDED))
        with sqlite3.connect(path) as connection:
            rows = connection.execute(
                "SELECT position, question_id, chosen, correct FROM answers"
            ).fetchall()
        assert rows == [(1, "q0", "right", 1), (2, "q1", "wrong", 0)]

    def test_filters(self, tmp_path: Path) -> None:
        """games() narrows to a quiz, a player, or both."""
        with open_store(tmp_path / "scores.db") as store:
            store.record(result(player="ana", quiz="pm"))
            store.record(result(player="bo", quiz="pm"))
            store.record(result(player="bo", quiz="other"))
            assert len(store.games(quiz="pm")) == 2
            assert len(store.games(player="bo")) == 2
            assert len(store.games(quiz="other", player="ana")) == 0

    def test_last_outcomes(self, tmp_path: Path) -> None:
        """The latest meeting with each question decides, per player and quiz."""
        with open_store(tmp_path / "scores.db") as store:
            store.record(result("wwwww", minute=1))
            store.record(result("rr", minute=2, ending=Ending.INTERRUPTED))
            store.record(result("rrrrr", player="bo", minute=3))
            outcomes = store.last_outcomes(quiz="pm", player="ana")
        assert outcomes == {
            "q0": True,
            "q1": True,
            "q2": False,
            "q3": False,
            "q4": False,
        }

    def test_reset(self, tmp_path: Path) -> None:
        """reset forgets games (and their answers) of a quiz or player."""
        path = tmp_path / "scores.db"
        with open_store(path) as store:
            store.record(result(quiz="pm"))
            store.record(result(quiz="other"))
            assert store.reset(quiz="pm") == 1
            assert [g.quiz for g in store.games()] == ["other"]
            assert store.reset() == 1
        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT count(*) FROM answers").fetchone() == (0,)


class TestPointsAndParties:
    def test_a_speed_game_keeps_its_points_and_each_answer_its_time(
        self, tmp_path: Path
    ) -> None:
        path = tmp_path / "scores.db"
        answers = tuple(
            Answer(q, "right", correct=True, seconds=1.5, points=900)
            for q in QUESTIONS[:2]
        )
        game = result()._replace(
            answers=answers, rules=Rules(scoring="speed"), party=("ana", "bo")
        )
        with open_store(path) as store:
            store.record(game)
            store.record(result(player="bo"))
            records = {r.player: r for r in store.games()}
        assert (records["ana"].points, records["ana"].party) == (1800, True)
        assert (records["bo"].points, records["bo"].party) == (None, False)
        with sqlite3.connect(path) as connection:
            assert connection.execute(
                "SELECT seconds, points FROM answers ORDER BY rowid LIMIT 1"
            ).fetchone() == (1.5, 900)
            assert connection.execute(
                "SELECT party FROM games WHERE points IS NOT NULL"
            ).fetchone() == ('["ana", "bo"]',)

    def test_a_history_of_schema_3_is_brought_up_to_date(self, tmp_path: Path) -> None:
        """Games kept before points were are read as standard games, and new
        ones keep their points."""
        path = tmp_path / "scores.db"
        with sqlite3.connect(path) as connection:
            connection.create_function("casefold", 1, str.casefold)
            for statements in MIGRATIONS[:3]:
                for statement in statements:
                    connection.execute(statement)
            connection.execute("PRAGMA user_version = 3")
            connection.execute(
                "INSERT INTO games (quiz, title, player, score, total, complete,"
                " started_at, finished_at, player_key, uuid) VALUES"
                " ('pm', 'PM', 'ana', 3, 5, 1, '2026-11-01T20:00:00+00:00',"
                " '2026-11-01T20:00:00+00:00', 'ana', 'old')"
            )
        with ScoreStore(path, warn=pytest.fail, read_only=True) as store:
            assert [g.points for g in store.games()] == [None]
        with open_store(path) as store:
            store.record(result()._replace(rules=Rules(scoring="speed")))
            assert sorted(g.points or 0 for g in store.games()) == [0, 0]
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA user_version").fetchone() == (
                SCHEMA_VERSION,
            )


class TestTheFile:
    def test_wal_mode_and_schema_version(self, tmp_path: Path) -> None:
        """The history is in WAL mode and carries its schema version."""
        path = tmp_path / "scores.db"
        open_store(path).close()
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
            assert connection.execute("PRAGMA user_version").fetchone() == (
                SCHEMA_VERSION,
            )

    def test_folder_is_created(self, tmp_path: Path) -> None:
        """A missing folder is made, parents and all."""
        path = tmp_path / "a" / "b" / "scores.db"
        open_store(path).close()
        assert path.is_file()

    def test_unwritable_folder(self, tmp_path: Path) -> None:
        """A folder that cannot be made is HistoryUnavailable, not a crash."""
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        with pytest.raises(HistoryUnavailable, match="cannot keep scores in"):
            open_store(blocker / "scores.db")

    def test_newer_schema_is_left_alone(self, tmp_path: Path) -> None:
        """A history from a newer filmquiz is refused, and kept as it is."""
        path = tmp_path / "scores.db"
        with sqlite3.connect(path) as connection:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        before = path.read_bytes()
        with pytest.raises(HistoryUnavailable, match="written by a newer filmquiz"):
            open_store(path)
        assert path.read_bytes() == before
        assert list(tmp_path.iterdir()) == [path]

    @pytest.mark.parametrize(
        "garbage",
        [b"garbage" * 1000, b"SQLite format 3\x00" + bytes(range(256)) * 40],
    )
    def test_damaged_file_is_moved_aside(self, tmp_path: Path, garbage: bytes) -> None:
        """A damaged file is kept under a new name; a fresh history starts."""
        path = tmp_path / "scores.db"
        path.write_bytes(garbage)
        warnings: list[str] = []
        with open_store(path, warnings) as store:
            store.record(result())
            assert len(store.games()) == 1
        (kept,) = tmp_path.glob("scores.db.damaged-*Z")
        assert kept.read_bytes() == garbage
        assert warnings == [
            f"the score history {path} was damaged; it was kept as {kept} "
            "and a new history was started"
        ]

    def test_damage_found_later_is_recovered(self, tmp_path: Path) -> None:
        """A file damaged while open is moved aside at the next write."""
        path = tmp_path / "scores.db"
        warnings: list[str] = []
        store = open_store(path, warnings)
        store.record(result())
        store.close()
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        store = open_store(path, warnings)
        path.write_bytes(b"\x00" * 8192)
        store.record(result(minute=5))
        assert [g.finished_at.minute for g in store.games()] == [5]
        store.close()
        assert len(warnings) == 1
        assert len(list(tmp_path.glob("scores.db.damaged-*Z"))) == 1


def _record_games(path: str, player: str, games: int) -> None:
    with ScoreStore(Path(path), warn=print) as store:
        for number in range(games):
            store.record(result("rrwrw"[: 1 + number % 5], player=player))


class TestConcurrency:
    PROCESSES = 8
    GAMES = 10

    def test_many_processes_lose_nothing(self, tmp_path: Path) -> None:
        """8 processes recording 10 games each, at once: all 80 are kept."""
        path = tmp_path / "scores.db"
        context = multiprocessing.get_context("spawn")
        workers = [
            context.Process(target=_record_games, args=(str(path), f"p{n}", self.GAMES))
            for n in range(self.PROCESSES)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=120)
            assert worker.exitcode == 0
        with open_store(path) as store:
            games = store.games()
        assert len(games) == self.PROCESSES * self.GAMES
        per_player = {g.player for g in games}
        assert per_player == {f"p{n}" for n in range(self.PROCESSES)}
        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT count(*) FROM answers").fetchone() == (
                self.PROCESSES * sum(1 + n % 5 for n in range(self.GAMES)),
            )


RECORD_FOREVER = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from tests.scores.test_store import result
from filmquiz.scores.store import ScoreStore

with ScoreStore(Path(sys.argv[1]), warn=print) as store:
    number = 0
    while True:
        store.record(result("rrwrw"))
        number += 1
        print(number, flush=True)
"""


class TestKilled:
    def test_sigkill_mid_game_loses_no_finished_game(self, tmp_path: Path) -> None:
        """SIGKILL at random moments: integrity holds, every finished game stays."""
        path = tmp_path / "scores.db"
        rng = random.Random(2021)
        reported = 0
        for _ in range(5):
            child = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    RECORD_FOREVER,
                    str(path),
                    str(Path(__file__).parents[2]),
                ],
                stdout=subprocess.PIPE,
                text=True,
            )
            assert child.stdout is not None
            finished = 0
            while finished < 20:
                line = child.stdout.readline()
                assert line, "the recording process ended by itself"
                finished = int(line)
            time.sleep(rng.uniform(0.0, 0.05))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=20)
            # Lines written before the kill name games already committed.
            rest = child.stdout.read()
            finished = max([finished, *(int(n) for n in rest.split())])
            reported += finished
        with sqlite3.connect(path) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert count_games(path) >= reported
        with open_store(path) as store:
            assert all(g.score == 3 for g in store.games())


class TestTheHistoryLosesNothing:
    def test_32_games_at_once_on_a_damaged_history(
        self, filmquiz_command: str, tmp_path: Path
    ) -> None:
        """32 filmquiz processes finish at once on a truncated history: one
        damaged copy is kept, one fresh history starts, and all 32 are in it."""
        home = tmp_path / "home"
        path = home / "scores.db"
        with open_store(path) as store:
            for minute in range(40):
                store.record(result(minute=minute % 60))
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = path.read_bytes()
        path.write_bytes(data[: len(data) // 2])
        bank = tmp_path / "one.json"
        bank.write_text(
            '{"format": 1, "title": "One", "questions": [{"id": "q", "prompt": '
            '"Yes?", "choices": ["yes", "no"], "answer": "yes"}]}'
        )
        env = {**os.environ, "FILMQUIZ_HOME": str(home)}
        processes = [
            subprocess.Popen(
                [filmquiz_command, "play", str(bank), "--player", f"p{n}"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                env=env,
            )
            for n in range(32)
        ]
        for process in processes:
            assert process.stdin is not None
            process.stdin.write(b"1\n")
            process.stdin.close()
        errors = [process.stderr.read() for process in processes if process.stderr]
        statuses = [process.wait(timeout=120) for process in processes]
        assert statuses == [0] * 32, errors
        players = {g.player for g in open_store(path).games()}
        assert players == {f"p{n}" for n in range(32)}
        assert len(list(home.glob("scores.db.damaged-*Z"))) == 1
        assert b"Traceback" not in b"".join(errors)

    def test_a_bad_row_is_left_out_and_named(self, tmp_path: Path) -> None:
        """One row with a timestamp that is not one: the others are read, the
        row is named once, and new games still go in."""
        path = tmp_path / "scores.db"
        with open_store(path) as store:
            store.record(result(minute=1))
            store.record(result(minute=2))
        with sqlite3.connect(path) as connection:
            connection.execute(
                "UPDATE games SET finished_at = 'yesterday-ish' WHERE id = 2"
            )
        warnings: list[str] = []
        with open_store(path, warnings) as store:
            assert [g.finished_at.minute for g in store.games()] == [1]
            store.record(result(minute=3))
            assert len(store.games(player="ana")) == 2
        assert warnings[0] == (
            f"the score history {path} has a game that cannot be read (row 2); left out"
        )

    def test_a_locked_history_keeps_the_game_for_later(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Another program holds the history: filmquiz says it waits, then keeps
        the game in a pending file, added (once) when the history is free."""
        from filmquiz.scores import store as store_module

        monkeypatch.setattr(store_module, "WAIT_FIRST", 0.2)
        monkeypatch.setattr(store_module, "WAIT_LONGEST", 0.8)
        path = tmp_path / "scores.db"
        open_store(path).close()
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        warnings: list[str] = []
        game = result(minute=7)
        with open_store(path, warnings) as store:
            store.record(game)
        pending = store_module.pending_folder(path)
        (kept,) = pending.glob("*.json")
        assert warnings == [
            f"the score history {path} is locked by another program; waiting for it",
            f"the score history {path} is locked by another program; this game was "
            f"kept in {kept} and will be added to the history next time",
        ]
        spare = shutil.copy(kept, tmp_path / "spare.json")
        blocker.execute("COMMIT")
        blocker.close()
        with open_store(path) as store:
            assert [g.finished_at.minute for g in store.games()] == [7]
        assert list(pending.glob("*.json")) == []
        shutil.move(spare, kept)
        with open_store(path) as store:
            assert len(store.games()) == 1

    def test_a_locked_history_is_waited_for_once_for_a_party(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A party's games, kept through one store: once a write has waited
        its longest, the others go to pending at once, not a wait each."""
        from filmquiz.scores import store as store_module

        monkeypatch.setattr(store_module, "WAIT_FIRST", 0.2)
        monkeypatch.setattr(store_module, "WAIT_LONGEST", 0.8)
        path = tmp_path / "scores.db"
        open_store(path).close()
        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        warnings: list[str] = []
        with open_store(path, warnings) as store:
            kept = [store.record(result(player=name)) for name in ("a", "b", "c")]
        blocker.execute("ROLLBACK")
        blocker.close()
        assert kept == [False, False, False]
        waits = [w for w in warnings if w.endswith("waiting for it")]
        assert len(waits) == 1
        assert len(list(store_module.pending_folder(path).glob("*.json"))) == 3
        with open_store(path) as store:
            assert sorted(g.player for g in store.games()) == ["a", "b", "c"]

    def test_a_game_added_twice_is_kept_once(self, tmp_path: Path) -> None:
        """The same game (one uuid) recorded twice is one game."""
        path = tmp_path / "scores.db"
        game = result()._replace(uuid="0123456789abcdef")
        with open_store(path) as store:
            store.record(game)
            store.record(game)
            assert len(store.games()) == 1

    def test_a_newer_history_names_its_file(self, tmp_path: Path) -> None:
        """schema 99: the message says which file, and nothing is changed."""
        path = tmp_path / "scores.db"
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA user_version = 99")
        with pytest.raises(HistoryUnavailable) as caught:
            open_store(path)
        assert str(caught.value) == (
            f"the score history {path} was written by a newer filmquiz (schema 99; "
            f"this one knows {SCHEMA_VERSION})"
        )

    @pytest.mark.parametrize(
        ("setup", "message"),
        [
            ("PRAGMA user_version = -1", "its schema version is -1"),
            ("CREATE TABLE games (x)", "it holds other tables: games"),
            (
                "CREATE TABLE t (x); PRAGMA user_version = 3",
                "its schema version is 3, but not its tables",
            ),
        ],
    )
    def test_a_foreign_database(self, tmp_path: Path, setup: str, message: str) -> None:
        """Another program's database where the history belongs: reading says
        so; writing keeps it aside, untouched, and starts a history beside it."""
        path = tmp_path / "scores.db"
        with sqlite3.connect(path) as connection:
            connection.executescript(setup)
        before = path.read_bytes()
        with pytest.raises(HistoryUnavailable) as caught:
            ScoreStore(path, warn=print, read_only=True)
        assert (
            str(caught.value) == f"{path} is not a filmquiz score history ({message})"
        )
        warnings: list[str] = []
        with open_store(path, warnings) as store:
            store.record(result())
            assert len(store.games()) == 1
        (kept,) = tmp_path.glob("scores.db.foreign-*Z")
        assert kept.read_bytes() == before
        assert warnings == [
            f"the score history {path} is not a filmquiz score history ({message}); "
            f"it was kept as {kept} and a new history was started"
        ]

    @pytest.mark.parametrize("content", [b"", None])
    def test_an_empty_history(self, tmp_path: Path, content: bytes | None) -> None:
        """A 0-byte file, or a database with no table yet (a first game killed
        early), reads as no games, and takes the next one."""
        path = tmp_path / "scores.db"
        if content is None:
            sqlite3.connect(path).close()
        else:
            path.write_bytes(content)
        with ScoreStore(path, warn=print, read_only=True) as store:
            assert store.games() == []
        with open_store(path) as store:
            store.record(result())
            assert len(store.games()) == 1

    def test_a_fifo_as_the_history(self, tmp_path: Path) -> None:
        """A FIFO named scores.db is refused at once, not waited on."""
        path = tmp_path / "scores.db"
        os.mkfifo(path)
        for read_only in (True, False):
            with pytest.raises(HistoryUnavailable, match="is not a regular file"):
                ScoreStore(path, warn=print, read_only=read_only)

    @pytest.mark.parametrize(
        "bad",
        [
            {"player": 5},
            {"score": 10**30},
            {"answers": [["q0", "right"]]},
            {"finished_at": "0001-01-01T00:00:00+14:00"},
            {"answers": [["q0", "right", True, 1.5, 10**30]]},
            {"answers": [["q0", "right", True, 10**400, 5]]},
            {"answers": [["q0", "right", True, -1, 5]]},
            {"points": 10**30},
            {"party": "ana"},
            {"complete": None},
            {"practice": "no"},
            "[" * 100_000,
            "not even a game",
        ],
    )
    def test_a_bad_pending_file_is_set_aside(
        self, tmp_path: Path, bad: dict[str, Any] | str
    ) -> None:
        """A pending file that is not a game is kept aside, and the valid
        pending games after it are still added."""
        from filmquiz.scores.store import _as_row, pending_folder

        path = tmp_path / "scores.db"
        open_store(path).close()
        folder = pending_folder(path)
        folder.mkdir()
        row = _as_row(result(minute=1))
        if isinstance(bad, str):
            (folder / "aaaa.json").write_text(bad)
        else:
            broken = {**row, **bad, "uuid": "aaaa"}
            broken = {k: v for k, v in broken.items() if v is not None}
            (folder / "aaaa.json").write_text(json.dumps(broken))
        good = {**row, "uuid": "zzzz"}
        (folder / "zzzz.json").write_text(json.dumps(good))
        with open_store(path) as store:
            assert len(store.games()) == 1
        assert [p.name for p in folder.iterdir()] == ["aaaa.unreadable"]

    @pytest.mark.parametrize(
        ("column", "value"),
        [
            ("finished_at", "0001-01-01T00:00:00+14:00"),
            ("finished_at", "2026-11-01T20:00:00"),
            ("score", -5),
            ("score", 99),
            ("title", b"\xff"),
        ],
    )
    def test_rows_that_cannot_be_shown_are_left_out(
        self, tmp_path: Path, column: str, value: object
    ) -> None:
        """A time out of range or without a zone, a score below 0 or above the
        total: left out, named, never shown."""
        path = tmp_path / "scores.db"
        with open_store(path) as store:
            store.record(result(minute=1))
            store.record(result(minute=2))
        with sqlite3.connect(path) as connection:
            connection.execute(f"UPDATE games SET {column} = ? WHERE id = 2", (value,))
        warnings: list[str] = []
        with open_store(path, warnings) as store:
            assert [g.finished_at.minute for g in store.games()] == [1]
        assert "(row 2)" in warnings[0]


@contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    """``folder`` as nobody can write it: by its mode for a normal user; for
    root, who ignores modes, through a read-only mount of it."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)
        return
    mounted = folder.with_name(folder.name + "-read-only")
    mounted.mkdir()
    done = subprocess.run(
        ["mount", "--bind", str(folder), str(mounted)], capture_output=True, check=False
    )
    assert done.returncode == 0, f"root could not mount a folder: {done.stderr!r}"
    try:
        subprocess.run(
            ["mount", "-o", "remount,ro,bind", str(mounted)],
            check=True,
            capture_output=True,
        )
        yield mounted
    finally:
        done = subprocess.run(["umount", str(mounted)], check=False)
        if done.returncode != 0:
            subprocess.run(["umount", "-l", str(mounted)], check=False)


class TestReadOnly:
    def test_scores_and_mistakes_read_a_read_only_history(
        self, filmquiz_command: str, tmp_path: Path
    ) -> None:
        """A history in a folder that cannot be written can still be read:
        scores lists it, and --mistakes finds the mistakes in it."""
        home = tmp_path / "home"
        env = {**os.environ, "FILMQUIZ_HOME": str(home)}
        played = subprocess.run(
            [
                filmquiz_command,
                "play",
                "parallel-mothers",
                "-n",
                "3",
                "--no-shuffle",
                "--player",
                "ana",
            ],
            input="1\n1\n1\n",
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert played.returncode == 0
        with read_only(home) as folder:
            env = {**os.environ, "FILMQUIZ_HOME": str(folder)}
            listed = subprocess.run(
                [filmquiz_command, "scores", "--games"],
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            assert listed.returncode == 0, listed.stderr
            assert "parallel-mothers" in listed.stdout
            practice = subprocess.run(
                [
                    filmquiz_command,
                    "play",
                    "parallel-mothers",
                    "--mistakes",
                    "--player",
                    "ana",
                    "--json",
                ],
                input="1\n" * 3,
                capture_output=True,
                text=True,
                env=env,
                check=False,
            )
            assert practice.returncode == 0, practice.stderr
            assert json.loads(practice.stdout)["total"] >= 1
            assert "this game was not kept" in practice.stderr

    def test_games_still_in_the_log_are_read(self, tmp_path: Path) -> None:
        """A read-only copy of a history whose latest games are still in its
        write-ahead log (no shared-memory file beside it) shows them all."""
        live = tmp_path / "live" / "scores.db"
        synced = tmp_path / "synced"
        synced.mkdir()
        store = open_store(live)
        for minute in range(5):
            store.record(result(minute=minute))
        shutil.copy(live, synced / "scores.db")
        shutil.copy(live.with_name("scores.db-wal"), synced / "scores.db-wal")
        store.close()
        with (
            read_only(synced) as folder,
            ScoreStore(folder / "scores.db", warn=print, read_only=True) as copy,
        ):
            assert len(copy.games()) == 5
