"""The score store: every game kept in SQLite, safe from crashes and from races.

One transaction per game, in WAL mode with full syncs, so a process killed at
any moment leaves every finished game in place and many processes can record
at once. A database file that SQLite calls damaged is moved aside (kept, never
deleted) and a fresh history begins; a folder that cannot be written raises
:class:`HistoryUnavailable`, which the command line shows as a warning while the
game goes on.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from filmquiz.engine import GameResult
from filmquiz.errors import FilmquizError
from filmquiz.history import GameRecord

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
)
SCHEMA_VERSION = len(MIGRATIONS)

_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_GAME_COLUMNS = (
    "quiz, title, player, score, total, complete, started_at, finished_at,"
    " practice, bank_questions"
)
_INSERT_GAME = (
    f"INSERT INTO games ({_GAME_COLUMNS}, player_key)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_ANSWER = (
    "INSERT INTO answers (game_id, position, question_id, chosen, correct)"
    " VALUES (?, ?, ?, ?, ?)"
)


class HistoryUnavailable(FilmquizError):
    """The score history cannot be read or written; games still play."""


def _is_damage(error: sqlite3.DatabaseError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in _DAMAGED


class ScoreStore:
    """The history of games in one SQLite file.

    ``warn`` is told, in one sentence, about anything the user should know
    (a damaged file moved aside); nothing here prints.
    """

    def __init__(self, path: Path, *, warn: Callable[[str], None]) -> None:
        self.path = path
        self._warn = warn
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise HistoryUnavailable(
                f"cannot keep scores in {path.parent} ({error.strerror or error})"
            ) from None
        self._connection = self._guarded(self._connect)

    def close(self) -> None:
        """Close the database."""
        self._connection.close()

    def __enter__(self) -> ScoreStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------

    def record(self, result: GameResult) -> None:
        """Keep one game and its answers, all or nothing."""

        def write() -> None:
            with self._transaction() as connection:
                key = player_key(result.player)
                # The spelling a player was first kept under stays theirs.
                first = connection.execute(
                    "SELECT player FROM games WHERE player_key = ? ORDER BY id LIMIT 1",
                    (key,),
                ).fetchone()
                cursor = connection.execute(
                    _INSERT_GAME,
                    (
                        result.quiz,
                        result.title,
                        first[0] if first else result.player,
                        result.score,
                        result.total,
                        result.complete,
                        _stamp(result.started_at),
                        _stamp(result.finished_at),
                        result.practice,
                        result.bank_questions,
                        key,
                    ),
                )
                connection.executemany(
                    _INSERT_ANSWER,
                    [
                        (cursor.lastrowid, position, a.question.id, a.chosen, a.correct)
                        for position, a in enumerate(result.answers, start=1)
                    ],
                )

        self._guarded(write)

    def reset(self, *, quiz: str | None = None, player: str | None = None) -> int:
        """Forget games (of one quiz, one player, or all); return how many."""
        where, parameters = _filter(quiz, player)

        def delete() -> int:
            with self._transaction() as connection:
                return connection.execute(
                    f"DELETE FROM games {where}", parameters
                ).rowcount

        return self._guarded(delete)

    # -- reading ----------------------------------------------------------------

    def games(
        self, *, quiz: str | None = None, player: str | None = None
    ) -> list[GameRecord]:
        """The games kept, newest first, of one quiz or player if given."""
        where, parameters = _filter(quiz, player)
        rows = self._guarded(
            lambda: self._connection.execute(
                f"SELECT {_GAME_COLUMNS} FROM games {where} "
                "ORDER BY finished_at DESC, id DESC",
                parameters,
            ).fetchall()
        )
        return [
            GameRecord(
                quiz=row[0],
                title=row[1],
                player=row[2],
                score=row[3],
                total=row[4],
                complete=bool(row[5]),
                started_at=datetime.fromisoformat(row[6]),
                finished_at=datetime.fromisoformat(row[7]),
                practice=bool(row[8]),
                bank_questions=row[9],
            )
            for row in rows
        ]

    def quizzes(self) -> set[str]:
        """The names of the quizzes with at least one game kept."""
        rows = self._guarded(
            lambda: self._connection.execute(
                "SELECT DISTINCT quiz FROM games"
            ).fetchall()
        )
        return {row[0] for row in rows}

    def last_outcomes(self, *, quiz: str, player: str) -> dict[str, bool]:
        """Per question id, whether the player was right the last time they
        met that question in this quiz."""
        rows = self._guarded(
            lambda: self._connection.execute(
                "SELECT answers.question_id, answers.correct FROM answers"
                " JOIN games ON games.id = answers.game_id"
                " WHERE games.quiz = ? AND games.player_key = ?"
                " ORDER BY games.finished_at, games.id, answers.position",
                (quiz, player_key(player)),
            ).fetchall()
        )
        return {question_id: bool(correct) for question_id, correct in rows}

    # -- the file ---------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.create_function("casefold", 1, player_key, deterministic=True)
        try:
            # Refuse a newer history before anything here writes to the file.
            _check_version(connection)
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            connection.execute("PRAGMA foreign_keys = ON")
            _migrate(connection)
        except BaseException:
            connection.close()
            raise
        return connection

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

    def _guarded(self, operation: Callable[[], T]) -> T:
        """Run ``operation``; if the file proves damaged, start afresh and retry."""
        try:
            return operation()
        except sqlite3.DatabaseError as error:
            if not _is_damage(error):
                raise HistoryUnavailable(
                    f"the score history {self.path} cannot be used ({error})"
                ) from None
        kept = self._move_aside()
        self._warn(
            f"the score history {self.path} was damaged; it was kept as {kept} "
            "and a new history was started"
        )
        self._connection = self._connect()
        try:
            return operation()
        except sqlite3.DatabaseError as error:
            raise HistoryUnavailable(
                f"the score history {self.path} cannot be used ({error})"
            ) from None

    def _move_aside(self) -> Path:
        connection = getattr(self, "_connection", None)
        if connection is not None:
            connection.close()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
        number = 1
        while kept.exists():
            number += 1
            kept = self.path.with_name(f"{self.path.name}.damaged-{stamp}-{number}")
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


def _check_version(connection: sqlite3.Connection) -> int:
    """The schema version of the file; HistoryUnavailable if it is too new."""
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise HistoryUnavailable(
            "the score history was written by a newer filmquiz "
            f"(schema {version}; this one knows {SCHEMA_VERSION})"
        )
    return version


def _migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema up to SCHEMA_VERSION, one transaction for all steps."""
    if _check_version(connection) == SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have migrated while this one waited for the lock.
        version = _check_version(connection)
        for statements in MIGRATIONS[version:]:
            for statement in statements:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _filter(quiz: str | None, player: str | None) -> tuple[str, tuple[str, ...]]:
    conditions, parameters = [], []
    if quiz is not None:
        conditions.append("quiz = ?")
        parameters.append(quiz)
    if player is not None:
        conditions.append("player_key = ?")
        parameters.append(player_key(player))
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    return where, tuple(parameters)


def player_key(name: str) -> str:
    """What two spellings of one player's name have in common: Ana is ana."""
    return name.casefold()


def _stamp(moment: datetime) -> str:
    """An ISO 8601 time in UTC, which also sorts as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")
