"""The score store: every game kept in SQLite, safe from crashes, races,
damage and locks.

One transaction per game, in WAL mode with full syncs, so a process killed at
any moment leaves every finished game in place and many processes can record
at once. A file that SQLite calls damaged is moved aside (kept, never
deleted) and a fresh history begins; the move happens under a lock, and only
if the file is still the one found damaged, so that many processes finding
the same damage at once agree on one fresh history and lose no game. A
history that stays locked by another program is not waited for forever: the
game is kept in a pending file beside it and added the next time. Rows are
read defensively: one unreadable row is left out and reported, never a
crash. A history that is only read (``scores``, ``--mistakes``) is opened
read-only, so a read-only folder can still be read.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from filmquiz.errors import FilmquizError
from filmquiz.files import Refused, read_whole, write_atomically
from filmquiz.game.engine import GameResult
from filmquiz.scores.statistics import GameRecord

T = TypeVar("T")

# Each entry moves the schema up one version (PRAGMA user_version). Entries are
# never edited once released: a change to the schema is a new entry.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        """
        CREATE TABLE games (
            id INTEGER PRIMARY KEY,
            quiz TEXT NOT NULL,
            title TEXT NOT NULL,
            player TEXT NOT NULL,
            score INTEGER NOT NULL,
            total INTEGER NOT NULL,
            complete INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL
        )
        """,
        "CREATE INDEX games_by_quiz_and_player ON games (quiz, player, finished_at)",
        """
        CREATE TABLE answers (
            game_id INTEGER NOT NULL REFERENCES games (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            chosen TEXT NOT NULL,
            correct INTEGER NOT NULL,
            PRIMARY KEY (game_id, position)
        )
        """,
    ),
    # 2: players compared without regard to case; practice and short games
    # told apart from the games that count.
    (
        "ALTER TABLE games ADD COLUMN player_key TEXT",
        "UPDATE games SET player_key = casefold(player)",
        "ALTER TABLE games ADD COLUMN practice INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE games ADD COLUMN bank_questions INTEGER",
        "CREATE INDEX games_by_player_key ON games (player_key, quiz, finished_at)",
    ),
    # 3: a stable id for each game, made when it starts, so that a game added
    # twice (from a pending file, or sent again) is kept once.
    (
        "ALTER TABLE games ADD COLUMN uuid TEXT",
        "CREATE UNIQUE INDEX games_by_uuid ON games (uuid)",
    ),
    # 4: speed games keep their points, party games who played, and each
    # answer how long it took and what it earned.
    (
        "ALTER TABLE games ADD COLUMN points INTEGER",
        "ALTER TABLE games ADD COLUMN party TEXT",
        "ALTER TABLE answers ADD COLUMN seconds REAL",
        "ALTER TABLE answers ADD COLUMN points INTEGER",
    ),
    # 5: the games kept while a member of a club, waiting to be sent to it
    # (the club as it may be shown: its URL without the password).
    ("CREATE TABLE club_queue (uuid TEXT PRIMARY KEY, club TEXT NOT NULL)",),
)
SCHEMA_VERSION = len(MIGRATIONS)

_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_GAME_COLUMNS = (
    "quiz",
    "title",
    "player",
    "score",
    "total",
    "complete",
    "started_at",
    "finished_at",
    "practice",
    "bank_questions",
    "points",
    "party",
)
"""The columns a GameRecord is read from, in its order."""
_OLD_DEFAULTS = {
    "practice": "0",
    "bank_questions": "NULL",
    "player_key": "NULL",
    "points": "NULL",
    "party": "NULL",
}
"""What a column added by a later schema reads as in an older history, which
a read-only open cannot migrate."""
_INSERT_GAME = (
    f"INSERT OR IGNORE INTO games ({', '.join(_GAME_COLUMNS)}, player_key, uuid)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ANSWER = (
    "INSERT INTO answers"
    " (game_id, position, question_id, chosen, correct, seconds, points)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)

PENDING_LIMIT = 1_000_000
"""Bytes a pending game's file may have."""

WAIT_FIRST = 2.0
"""Seconds to wait for a locked history before saying so."""
WAIT_LONGEST = 15.0
"""Seconds to wait for a locked history in all, before the game is kept in a
pending file instead."""

Warn = Callable[[str], None]


class HistoryUnavailable(FilmquizError):
    """The score history cannot be read or written; games still play."""


class HistoryBusy(HistoryUnavailable):
    """Another program holds the history's write lock."""


class _Foreign(HistoryUnavailable):
    """The file is a database, but not a filmquiz score history."""


def _code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _is_damage(error: sqlite3.Error) -> bool:
    return _code(error) in _DAMAGED


def _is_busy(error: sqlite3.Error) -> bool:
    return _code(error) in _BUSY


def player_key(name: str) -> str:
    """What two spellings of one player's name have in common: Ana is ana."""
    return name.casefold()


class ScoreStore:
    """The history of games in one SQLite file.

    ``warn`` is told, in one sentence, about anything the user should know (a
    damaged file moved aside, a locked history, unreadable rows); nothing
    here prints. With ``read_only``, the file is never written: not migrated,
    not switched to WAL, and pending games are left for the next writer.
    """

    def __init__(
        self,
        path: Path,
        *,
        warn: Warn,
        read_only: bool = False,
        for_club: str | None = None,
    ) -> None:
        self.path = path
        self.for_club = for_club
        """The club the player is a member of (its URL without password), or
        None: each game recorded is also queued to be sent to it."""
        self._warn = warn
        self._read_only = read_only
        self._version = SCHEMA_VERSION
        self._copies: list[Path] = []
        self._gave_up = False
        """True once a write waited its longest: later ones go to pending."""
        if not read_only:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise HistoryUnavailable(
                    f"cannot keep scores in {path.parent} ({error.strerror or error})"
                ) from None
        else:
            try:
                path.stat()
            except FileNotFoundError:  # nothing played yet
                self._connection = _empty_history()
                return
            except OSError as error:
                raise HistoryUnavailable(
                    f"cannot read scores in {path.parent} ({error.strerror or error})"
                ) from None
        if path.exists() and not path.is_file():
            # SQLite would wait forever on a FIFO, and read a device.
            raise HistoryUnavailable(f"the score history {path} is not a regular file")
        connect = self._connect
        self._connection = (
            self._guarded(connect)
            if read_only
            else self._waiting(lambda: self._guarded(connect))
        )
        if not read_only:
            self.add_pending()

    def close(self) -> None:
        """Close the database (and forget any copy read in its place)."""
        self._connection.close()
        import shutil

        for folder in self._copies:
            shutil.rmtree(folder, ignore_errors=True)

    def __enter__(self) -> ScoreStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------

    def record(self, result: GameResult) -> bool:
        """Keep one game and its answers, all or nothing. A history locked by
        another program is waited for, saying so; past WAIT_LONGEST, the game
        is kept in a pending file and added the next time, as are the games
        recorded after it through this store (a party's, say), without
        waiting again. True when the game went into the history itself."""
        row = _as_row(result)
        if self._gave_up:
            self._warn(keep_pending(self.path, result))
            return False
        try:
            self._waiting(lambda: self._guarded(lambda: self._write(row)))
        except HistoryBusy:
            self._gave_up = True
            self._warn(keep_pending(self.path, result))
            return False
        return True

    def reset(self, *, quiz: str | None = None, player: str | None = None) -> int:
        """Forget games (of one quiz, one player, or all); return how many."""
        where, parameters = _filter(quiz, player)

        def delete() -> int:
            with self._transaction() as connection:
                forgotten = connection.execute(
                    f"DELETE FROM games {where}", parameters
                ).rowcount
                # A game forgotten before it was sent to the club is not sent.
                connection.execute(
                    "DELETE FROM club_queue WHERE uuid NOT IN (SELECT uuid FROM games)"
                )
                return int(forgotten)

        return self._guarded(delete)

    def add_pending(self) -> int:
        """Add the games kept in pending files while the history was locked;
        return how many were added."""
        folder = pending_folder(self.path)
        try:
            files = sorted(folder.glob("*.json"))
        except OSError:
            return 0
        added = 0
        for file in files:
            try:
                row = _pending_row(read_whole(file, PENDING_LIMIT))
                self._guarded(partial(self._write, row))
            except HistoryBusy:
                break  # next time
            except (
                HistoryUnavailable,
                Refused,
                ValueError,
                KeyError,
                TypeError,
                OverflowError,
                RecursionError,
            ):
                # Not a game this filmquiz wrote, or one the history refuses:
                # kept aside, never in the way of the games after it.
                with contextlib.suppress(OSError):
                    file.rename(file.with_suffix(".unreadable"))
                continue
            with contextlib.suppress(OSError):
                file.unlink()
            added += 1
        return added

    def _write(self, row: dict[str, Any]) -> None:
        with self._transaction() as connection:
            key = player_key(row["player"])
            # The spelling a player was first kept under stays theirs.
            first = connection.execute(
                "SELECT player FROM games WHERE player_key = ? ORDER BY id LIMIT 1",
                (key,),
            ).fetchone()
            cursor = connection.execute(
                _INSERT_GAME,
                (
                    row["quiz"],
                    row["title"],
                    first[0] if first else row["player"],
                    row["score"],
                    row["total"],
                    row["complete"],
                    row["started_at"],
                    row["finished_at"],
                    row["practice"],
                    row["bank_questions"],
                    row.get("points"),
                    _party_text(row.get("party")),
                    key,
                    row["uuid"],
                ),
            )
            if cursor.rowcount == 0:
                return  # this game was kept already
            # A pending game written before answers were timed has 3 fields.
            if self.for_club is not None:
                connection.execute(
                    "INSERT OR IGNORE INTO club_queue (uuid, club) VALUES (?, ?)",
                    (row["uuid"], self.for_club),
                )
            connection.executemany(
                _INSERT_ANSWER,
                [
                    (cursor.lastrowid, position, *answer, None, None)[:7]
                    for position, answer in enumerate(row["answers"], start=1)
                ],
            )

    # -- the club's queue --------------------------------------------------------

    def queued(self, club: str, limit: int) -> list[dict[str, Any]]:
        """Up to ``limit`` games waiting to be sent to ``club``, oldest
        first, as rows the club takes."""
        if "points" not in self._columns():
            return []
        rows = self._guarded(
            lambda: self._connection.execute(
                "SELECT games.uuid, quiz, title, player, score, total, complete,"
                " started_at, finished_at, practice, bank_questions, points, party"
                " FROM club_queue JOIN games ON games.uuid = club_queue.uuid"
                " WHERE club_queue.club = ? ORDER BY games.id LIMIT ?",
                (club, limit),
            ).fetchall()
        )
        names = (
            "uuid", "quiz", "title", "player", "score", "total", "complete",
            "started_at", "finished_at", "practice", "bank_questions", "points",
            "party",
        )  # fmt: skip
        return [dict(zip(names, row, strict=True)) for row in rows]

    def waiting_for_club(self, club: str) -> int:
        """How many games wait to be sent to ``club``."""
        if self._version < 5 and not self._has_queue():
            return 0
        return int(
            self._guarded(
                lambda: self._connection.execute(
                    "SELECT count(*) FROM club_queue JOIN games"
                    " ON games.uuid = club_queue.uuid WHERE club_queue.club = ?",
                    (club,),
                ).fetchone()[0]
            )
        )

    def sent_to_club(self, uuids: list[str]) -> None:
        """Forget that these games wait: the club has them."""

        def forget() -> None:
            with self._transaction() as connection:
                connection.executemany(
                    "DELETE FROM club_queue WHERE uuid = ?", [(u,) for u in uuids]
                )

        self._waiting(lambda: self._guarded(forget))

    def _has_queue(self) -> bool:
        return bool(
            self._connection.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'club_queue'"
            ).fetchone()
        )

    # -- reading ----------------------------------------------------------------

    def games(
        self, *, quiz: str | None = None, player: str | None = None
    ) -> list[GameRecord]:
        """The games kept, newest first, of one quiz or player if given. A
        row that cannot be read is left out, with a warning."""
        where, parameters = _filter(quiz, player, self._columns())
        columns = ", ".join(
            name if name in self._columns() else _OLD_DEFAULTS[name]
            for name in _GAME_COLUMNS
        )
        rows = self._guarded(
            lambda: self._connection.execute(
                f"SELECT id, {columns} FROM games {where} "
                "ORDER BY finished_at DESC, id DESC",
                parameters,
            ).fetchall()
        )
        records = []
        unreadable = []
        for row in rows:
            record = _record(row[1:])
            if record is None:
                unreadable.append(str(row[0]))
            else:
                records.append(record)
        if unreadable:
            self._warn(
                f"the score history {self.path} has "
                f"{'a game' if len(unreadable) == 1 else f'{len(unreadable)} games'} "
                f"that cannot be read (row {', '.join(unreadable[:10])}); "
                "left out"
            )
        return records

    def quizzes(self) -> set[str]:
        """The names of the quizzes with at least one game kept."""
        rows = self._guarded(
            lambda: self._connection.execute(
                "SELECT DISTINCT quiz FROM games"
            ).fetchall()
        )
        return {row[0] for row in rows if isinstance(row[0], str)}

    def last_outcomes(self, *, quiz: str, player: str) -> dict[str, bool]:
        """Per question id, whether the player was right the last time they
        met that question in this quiz."""
        where, parameters = _filter(quiz, player, self._columns())
        rows = self._guarded(
            lambda: self._connection.execute(
                "SELECT answers.question_id, answers.correct FROM answers"
                f" JOIN games ON games.id = answers.game_id {where}"
                " ORDER BY games.finished_at, games.id, answers.position",
                parameters,
            ).fetchall()
        )
        return {
            question_id: bool(correct)
            for question_id, correct in rows
            if isinstance(question_id, str)
        }

    def _columns(self) -> set[str]:
        """The columns the games table has (fewer in an older history)."""
        if not hasattr(self, "_column_names"):
            rows = self._guarded(
                lambda: self._connection.execute("PRAGMA table_info(games)").fetchall()
            )
            self._column_names = {row[1] for row in rows}
        return self._column_names

    # -- the file ---------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        # The file as it is before opening: recovery moves it only if it is
        # still this one.
        self._inode = _inode(self.path)
        if self._read_only:
            connection = _open_read_only(self.path, self._copies)
        else:
            connection = sqlite3.connect(
                self.path, timeout=WAIT_FIRST, isolation_level=None
            )
        connection.create_function("casefold", 1, player_key, deterministic=True)
        try:
            # Refuse a newer or foreign history before anything writes to it.
            self._version = self._check_version(connection)
            if self._read_only and self._version == 0:
                connection.close()
                return _empty_history()  # nothing was ever written to it
            if not self._read_only:
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = FULL")
                connection.execute("PRAGMA foreign_keys = ON")
                self._migrate(connection)
        except _Foreign as foreign:
            connection.close()
            if self._read_only:
                raise HistoryUnavailable(
                    f"{self.path} is not a filmquiz score history ({foreign})"
                ) from None
            raise
        except BaseException:
            connection.close()
            raise
        return connection

    def _check_version(self, connection: sqlite3.Connection) -> int:
        """The schema version of the file; HistoryUnavailable if it is too new
        or not one filmquiz writes."""
        # One statement, so both come from one snapshot of the file.
        version, tables = connection.execute(
            "SELECT (SELECT user_version FROM pragma_user_version),"
            " (SELECT group_concat(name, ', ') FROM sqlite_master"
            "  WHERE type = 'table')"
        ).fetchone()
        if version > SCHEMA_VERSION:
            raise HistoryUnavailable(
                f"the score history {self.path} was written by a newer filmquiz "
                f"(schema {version}; this one knows {SCHEMA_VERSION})"
            )
        if version < 0:
            raise _Foreign(f"its schema version is {version}")
        if version == 0 and tables:
            # filmquiz sets the version in the transaction that makes its
            # tables: tables without a version are another program's.
            raise _Foreign(f"it holds other tables: {tables}")
        if version > 0:
            columns = {
                row[0]
                for row in connection.execute(
                    "SELECT name FROM pragma_table_info('games')"
                )
            }
            if not columns >= set(_GAME_COLUMNS[:8]):
                raise _Foreign(f"its schema version is {version}, but not its tables")
        return int(version)

    def _migrate(self, connection: sqlite3.Connection) -> None:
        """Bring the schema up to SCHEMA_VERSION, one transaction for all steps."""
        if self._check_version(connection) == SCHEMA_VERSION:
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while this one waited.
            version = self._check_version(connection)
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as error:
            connection.execute("ROLLBACK")
            if _is_busy(error) or _is_damage(error):
                raise
            raise HistoryUnavailable(
                f"{self.path} is not a filmquiz score history ({error})"
            ) from None
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
        self._version = SCHEMA_VERSION

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        # IMMEDIATE takes the write lock at once, so concurrent writers queue
        # on the busy timeout instead of failing half-way through a game.
        self._connection.execute("BEGIN IMMEDIATE")
        try:
            yield self._connection
        except BaseException:
            self._connection.execute("ROLLBACK")
            raise
        self._connection.execute("COMMIT")

    def _waiting(self, operation: Callable[[], T]) -> T:
        """Run a write; while another program holds the history, say so once
        and keep trying until WAIT_LONGEST, then raise HistoryBusy."""
        deadline = time.monotonic() + WAIT_LONGEST
        said = False
        while True:
            try:
                return operation()
            except HistoryBusy:
                if time.monotonic() >= deadline:
                    raise
                if not said:
                    self._warn(
                        f"the score history {self.path} is locked by another "
                        "program; waiting for it"
                    )
                    said = True

    def _guarded(self, operation: Callable[[], T]) -> T:
        """Run ``operation``; if the file proves damaged, or another program's,
        start afresh (once) and run it again. A locked history raises
        HistoryBusy."""
        why = "was damaged"
        try:
            return operation()
        except _Foreign as foreign:
            why = f"is not a filmquiz score history ({foreign})"
        except sqlite3.DatabaseError as error:
            if _is_busy(error):
                raise self._busy() from None
            if not _is_damage(error) or self._read_only:
                raise HistoryUnavailable(
                    f"the score history {self.path} cannot be used ({error})"
                ) from None
        self._recover(why)
        try:
            return operation()
        except sqlite3.DatabaseError as error:
            if _is_busy(error):
                raise self._busy() from None
            raise HistoryUnavailable(
                f"the score history {self.path} cannot be used ({error})"
            ) from None

    def _busy(self) -> HistoryBusy:
        return HistoryBusy(
            f"the score history {self.path} is locked by another program"
        )

    def _recover(self, why: str) -> None:
        """Move the file found unusable (``why``) aside and open a fresh
        history, under a lock and only if the file is still the one found
        unusable: another process may have done it already, and its fresh
        history must not be moved."""
        damaged = getattr(self, "_inode", None)
        connection = getattr(self, "_connection", None)
        if connection is not None:
            connection.close()
        with _locked(self.path.with_name(self.path.name + ".lock")):
            if damaged is None or _inode(self.path) == damaged:
                kind = "damaged" if why == "was damaged" else "foreign"
                kept = self._move_aside(kind)
                self._warn(
                    f"the score history {self.path} {why}; it was kept as "
                    f"{kept} and a new history was started"
                )
            try:
                self._connection = self._connect()
            except sqlite3.DatabaseError as error:
                raise HistoryUnavailable(
                    f"the score history {self.path} cannot be used ({error})"
                ) from None

    def _move_aside(self, kind: str) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = self.path.with_name(f"{self.path.name}.{kind}-{stamp}")
        number = 1
        while kept.exists():
            number += 1
            kept = self.path.with_name(f"{self.path.name}.{kind}-{stamp}-{number}")
        try:
            self.path.rename(kept)
            for suffix in ("-wal", "-shm"):
                companion = self.path.with_name(self.path.name + suffix)
                if companion.exists():
                    companion.rename(kept.with_name(kept.name + suffix))
        except OSError as error:
            raise HistoryUnavailable(
                f"the score history {self.path} is damaged and cannot be moved "
                f"aside ({error.strerror or error})"
            ) from None
        return kept


def pending_folder(history: Path) -> Path:
    """Where games wait that could not be added to ``history`` in time."""
    return history.with_name(history.name + ".pending")


def keep_pending(history: Path, result: GameResult) -> str:
    """Keep a game the history could not take in time in a file beside it,
    to be added the next time the history is opened; say so in a sentence."""
    row = _as_row(result)
    file = pending_folder(history) / f"{row['uuid']}.json"
    try:
        write_atomically(file, json.dumps(row, ensure_ascii=False).encode())
    except FilmquizError as error:
        return f"{error}; this game was not kept"
    return (
        f"the score history {history} is locked by another program; this game "
        f"was kept in {file} and will be added to the history next time"
    )


def _as_row(result: GameResult) -> dict[str, Any]:
    """A game as it is written: to the database, or to a pending file."""
    return {
        "uuid": result.uuid or uuid.uuid4().hex,
        "quiz": result.quiz,
        "title": result.title,
        "player": result.player,
        "score": result.score,
        "total": result.total,
        "complete": result.complete,
        "started_at": _iso_utc(result.started_at),
        "finished_at": _iso_utc(result.finished_at),
        "practice": result.practice,
        "bank_questions": result.bank_questions,
        "points": result.points if result.rules.scoring == "speed" else None,
        "party": list(result.party) or None,
        "answers": [
            [
                answer.question.id,
                answer.chosen,
                answer.correct,
                round(answer.seconds, 3),
                answer.points,
            ]
            for answer in result.answers
        ],
    }


def _party_text(players: Any) -> str | None:
    """Who played a party game, as kept: their names, as a JSON list."""
    return json.dumps(players, ensure_ascii=False) if players else None


def _pending_row(data: bytes) -> dict[str, Any]:
    """A pending game, read back; ValueError unless it is one as _as_row
    writes it (or as an earlier filmquiz did: no points, 3-field answers)."""
    row = json.loads(data)
    texts = ("uuid", "quiz", "title", "player", "started_at", "finished_at")
    if not isinstance(row, dict) or not all(
        isinstance(row.get(key), str) for key in texts
    ):
        raise ValueError("not a pending game")
    if not all(isinstance(row.get(key), bool) for key in ("complete", "practice")):
        raise ValueError("not a pending game")
    counts = (row.get("score"), row.get("total"), row.get("bank_questions", 0))
    if not all(_whole(n) for n in counts if n is not None) or not isinstance(
        row.get("answers"), list
    ):
        raise ValueError("not a pending game")
    for answer in row["answers"]:
        if not (
            isinstance(answer, list)
            and len(answer) in (3, 5)
            and isinstance(answer[0], str)
            and isinstance(answer[1], str)
            and isinstance(answer[2], bool)
            and (len(answer) == 3 or (_seconds(answer[3]) and _whole(answer[4])))
        ):
            raise ValueError("not a pending game")
    points, party = row.get("points"), row.get("party")
    if points is not None and not _whole(points):
        raise ValueError("not a pending game")
    if party is not None and not (
        isinstance(party, list) and all(isinstance(name, str) for name in party)
    ):
        raise ValueError("not a pending game")
    _moment(row["started_at"])
    _moment(row["finished_at"])
    return dict(row)


def _whole(value: Any) -> bool:
    """True for a count SQLite keeps: a whole number, 0 to 2**31 - 1."""
    return (
        isinstance(value, int) and not isinstance(value, bool) and (0 <= value < 2**31)
    )


def _seconds(value: Any) -> bool:
    """True for a time an answer took: a number of seconds, under a year."""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and 0 <= value < 366 * 86400
    )


def _moment(text: str) -> datetime:
    """A stored time, with its zone, that can be shown in any zone; ValueError
    otherwise."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError("a time without a zone")
    try:
        moment.astimezone(UTC)
        moment.astimezone()
    except (OverflowError, OSError) as error:
        raise ValueError("a time out of range") from error
    return moment


def _record(row: tuple[Any, ...]) -> GameRecord | None:
    """A row as a GameRecord, or None when it does not hold what it should."""
    quiz, title, player, score, total, complete, started, finished, *rest = row
    practice, bank_questions, points, party = rest
    texts = (quiz, title, player, started, finished)
    if not all(isinstance(text, str) for text in texts):
        return None
    if not (isinstance(score, int) and isinstance(total, int) and 0 <= score <= total):
        return None
    try:
        started_at = _moment(started)
        finished_at = _moment(finished)
    except ValueError:
        return None
    return GameRecord(
        quiz=quiz,
        title=title,
        player=player,
        score=score,
        total=total,
        complete=bool(complete),
        started_at=started_at,
        finished_at=finished_at,
        practice=bool(practice),
        bank_questions=bank_questions if isinstance(bank_questions, int) else None,
        points=points if isinstance(points, int) and points >= 0 else None,
        party=isinstance(party, str) and bool(party),
    )


def _filter(
    quiz: str | None, player: str | None, columns: set[str] | None = None
) -> tuple[str, tuple[str, ...]]:
    conditions, parameters = [], []
    if quiz is not None:
        conditions.append("quiz = ?")
        parameters.append(quiz)
    if player is not None:
        keyed = columns is None or "player_key" in columns
        conditions.append("player_key = ?" if keyed else "casefold(player) = ?")
        parameters.append(player_key(player))
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    return where, tuple(parameters)


def _iso_utc(moment: datetime) -> str:
    """An ISO 8601 time in UTC, which also sorts as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def _open_read_only(path: Path, copies: list[Path]) -> sqlite3.Connection:
    """The history opened for reading only. In a folder that cannot be
    written (where SQLite cannot make its shared-memory file), a copy of it
    and of its log is read instead, so that games still in the log are seen;
    the copy's folder is added to ``copies``, to be removed when done."""
    uri = path.resolve().as_uri()
    connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        connection.close()
    import shutil
    import tempfile

    copy = Path(tempfile.mkdtemp(prefix="filmquiz-")) / path.name
    copies.append(copy.parent)
    try:
        shutil.copyfile(path, copy)
        log = path.with_name(path.name + "-wal")
        if log.is_file():
            shutil.copyfile(log, copy.with_name(copy.name + "-wal"))
    except OSError as error:
        raise HistoryUnavailable(
            f"the score history {path} cannot be read ({error.strerror or error})"
        ) from None
    return sqlite3.connect(copy, isolation_level=None)


def _empty_history() -> sqlite3.Connection:
    """An empty history in memory: what reading a history not made yet sees."""
    connection = sqlite3.connect(":memory:", isolation_level=None)
    connection.create_function("casefold", 1, player_key, deterministic=True)
    for statements in MIGRATIONS:
        for statement in statements:
            connection.execute(statement)
    return connection


@contextmanager
def _locked(file: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``file`` (made if missing) while inside;
    where locks cannot be had, go on without."""
    try:
        import fcntl
    except ImportError:  # Windows: recovery then relies on the inode check
        yield
        return
    try:
        descriptor = os.open(file, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
