"""A film club's shared history on PostgreSQL: its tables, sending games to
it, and its leaderboard.

psycopg (``pip install 'filmquiz[club]'``) is imported only here, and only
when a club is used. Every statement is parameterised; a connection gives up
after CONNECT_TIMEOUT seconds and a statement after STATEMENT_TIMEOUT, so a
dead or silent server never holds a game. Games are only ever inserted, each
once by its uuid (``ON CONFLICT DO NOTHING``): a club needs a role that may
insert and read, never one that may delete (the README gives its SQL).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from filmquiz.errors import FilmquizError
from filmquiz.scores.membership import without_password
from filmquiz.scores.statistics import TREND_LENGTH, GameRecord, Summary

T = TypeVar("T")

CONNECT_TIMEOUT = 5
"""Seconds to wait for the club's server to answer a connection."""
STATEMENT_TIMEOUT_MS = 15_000
"""Milliseconds a statement may run on the club's server."""
ANSWER_TIMEOUT = 20.0
"""Seconds filmquiz waits for the club's server to answer anything: a
server gone silent (or a network that swallows what it is sent) is given up
on, whatever libpq and the server's own timeout would do."""
GAMES = "filmquiz_games"
SCHEMA = "filmquiz_schema"
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (
        f"""
        CREATE TABLE {GAMES} (
            uuid text PRIMARY KEY,
            quiz text NOT NULL,
            title text NOT NULL,
            player text NOT NULL,
            player_key text NOT NULL,
            score integer NOT NULL,
            total integer NOT NULL,
            complete boolean NOT NULL,
            started_at timestamptz NOT NULL,
            finished_at timestamptz NOT NULL,
            practice boolean NOT NULL,
            bank_questions integer,
            points integer,
            party text,
            received_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        f"CREATE INDEX {GAMES}_by_quiz ON {GAMES} (quiz, player_key, finished_at)",
    ),
)
"""Each entry moves the club's schema up one version; never edited once
released."""
CLUB_SCHEMA_VERSION = len(MIGRATIONS)
_LOCK = 1_764_150_011
"""The advisory lock that keeps two members from migrating at once."""
_INSERT = (
    f"INSERT INTO {GAMES} (uuid, quiz, title, player, player_key, score, total,"
    " complete, started_at, finished_at, practice, bank_questions, points, party)"
    " VALUES (%(uuid)s, %(quiz)s, %(title)s, %(player)s, %(player_key)s,"
    " %(score)s, %(total)s, %(complete)s, %(started_at)s, %(finished_at)s,"
    " %(practice)s, %(bank_questions)s, %(points)s, %(party)s)"
    " ON CONFLICT (uuid) DO NOTHING"
)
_COUNTED = (
    "complete AND NOT practice AND NOT (total < 10 AND NOT"
    " (bank_questions IS NOT NULL AND total >= bank_questions))"
)
"""statistics.GameRecord.counted, in SQL."""
_FILTER = (
    "(%(quiz)s::text IS NULL OR quiz = %(quiz)s)"
    " AND (%(player)s::text IS NULL OR player_key = %(player)s)"
    # A row no game makes (any member may insert one) is left out.
    " AND isfinite(started_at) AND isfinite(finished_at)"
    " AND score BETWEEN 0 AND total"
)
LEADERBOARD = f"""
WITH played AS (
    SELECT quiz, title, player, player_key, finished_at, received_at, points,
           {_COUNTED} AS counted,
           CASE WHEN total > 0 THEN 100.0 * score / total ELSE 0 END AS percent
    FROM {GAMES} WHERE {_FILTER}
)
SELECT quiz,
       (array_agg(title ORDER BY finished_at DESC))[1],
       (array_agg(player ORDER BY received_at, finished_at))[1],
       count(*) FILTER (WHERE counted),
       count(*),
       max(percent) FILTER (WHERE counted),
       avg(percent) FILTER (WHERE counted),
       max(finished_at),
       (array_agg(percent ORDER BY finished_at DESC) FILTER (WHERE counted))
           [1:{TREND_LENGTH}],
       max(points) FILTER (WHERE counted)
FROM played
GROUP BY quiz, player_key
ORDER BY quiz, 3
"""
"""The club's leaderboard, a row per quiz and player (players compared
without regard to case, shown as first kept): what statistics.summarize
makes of a local history, computed by the server."""


class ClubUnavailable(FilmquizError):
    """The club's server cannot be reached or used now; games wait."""


class NoDriver(FilmquizError):
    """psycopg, which club play needs, is not installed."""


def _driver() -> Any:
    try:
        import psycopg
    except ImportError:
        raise NoDriver(
            "playing as a club needs psycopg: pip install 'filmquiz[club]'"
        ) from None
    return psycopg


class Club:
    """A connection to a club's server. ``url`` may hold a password; it is
    used to connect and never shown (see :func:`where`)."""

    def __init__(self, url: str) -> None:
        psycopg = _driver()
        self.url = url
        self.where = without_password(url)
        try:
            self._connection: Any = self._within(
                lambda: psycopg.connect(
                    url,
                    connect_timeout=CONNECT_TIMEOUT,
                    options=f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
                    keepalives=1,
                    keepalives_idle=5,
                    keepalives_interval=2,
                    keepalives_count=2,
                    application_name="filmquiz",
                )
            )
        except psycopg.Error as error:
            raise self._unavailable(error) from None
        except ValueError as error:  # libpq could not read the URL
            raise ClubUnavailable(
                f"the club at {self.where} cannot be used: {_said(error, url)}"
            ) from None

    def close(self) -> None:
        """Close the connection (never waiting on a server gone silent)."""
        import threading

        threading.Thread(target=self._connection.close, daemon=True).start()

    def _within(self, operation: Callable[[], T]) -> T:
        """Run ``operation`` (a talk with the server), giving up after
        ANSWER_TIMEOUT: it runs in a thread of its own, left behind if the
        server never answers (the command ends without it)."""
        import threading

        outcome: list[Any] = []

        def talk() -> None:
            try:
                outcome.append((True, operation()))
            except BaseException as error:  # handed to the caller
                outcome.append((False, error))

        thread = threading.Thread(target=talk, daemon=True)
        thread.start()
        thread.join(ANSWER_TIMEOUT)
        if not outcome:
            raise ClubUnavailable(
                f"the club at {self.where} did not answer within "
                f"{ANSWER_TIMEOUT:.0f} seconds"
            )
        done, value = outcome[0]
        if not done:
            raise value
        return value  # type: ignore[no-any-return]

    def __enter__(self) -> Club:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- the schema -------------------------------------------------------------

    def migrate(self) -> int:
        """Create or bring up to date the club's tables (all steps in one
        transaction, one member at a time); return the version."""
        return self._within(self._migrate)

    def _migrate(self) -> int:
        with self._transaction() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
            version = self._version(cursor)
            if version > CLUB_SCHEMA_VERSION:
                raise ClubUnavailable(
                    f"the club at {self.where} was set up by a newer filmquiz "
                    f"(schema {version}; this one knows {CLUB_SCHEMA_VERSION})"
                )
            if version == CLUB_SCHEMA_VERSION:
                return version
            if version == 0:
                cursor.execute(f"CREATE TABLE {SCHEMA} (version integer NOT NULL)")
                cursor.execute(f"INSERT INTO {SCHEMA} (version) VALUES (0)")
            for statements in MIGRATIONS[version:]:
                for statement in statements:
                    cursor.execute(statement)
            cursor.execute(f"UPDATE {SCHEMA} SET version = %s", (CLUB_SCHEMA_VERSION,))
        return CLUB_SCHEMA_VERSION

    def _version(self, cursor: Any) -> int:
        cursor.execute("SELECT to_regclass(%s) IS NOT NULL", (SCHEMA,))
        if not cursor.fetchone()[0]:
            return 0
        cursor.execute(f"SELECT max(version) FROM {SCHEMA}")
        found = cursor.fetchone()[0]
        return int(found or 0)

    # -- games ------------------------------------------------------------------

    def send(self, rows: Sequence[dict[str, Any]]) -> tuple[int, list[str]]:
        """Insert games, as ScoreStore.queued gives them, in one transaction;
        a game the club has already is skipped. A game the club refuses (a
        name with a NUL, a number out of range) is left out, so that it never
        holds back the others. Return how many were new, and the uuids of
        those refused, each with why."""
        return self._within(lambda: self._send(rows))

    def _send(self, rows: Sequence[dict[str, Any]]) -> tuple[int, list[str]]:
        psycopg = _driver()
        values = [_as_values(row) for row in rows]
        try:
            with self._transaction() as cursor:
                cursor.executemany(_INSERT, values, returning=False)
                return int(max(cursor.rowcount, 0)), []
        except _Refused:
            pass
        # One of them is refused: each in a savepoint of its own.
        sent, refused = 0, []
        with self._transaction() as cursor:
            for row in values:
                try:
                    with self._connection.transaction():
                        cursor.execute(_INSERT, row)
                        sent += max(cursor.rowcount, 0)
                except (psycopg.DataError, psycopg.IntegrityError) as error:
                    refused.append(f"{row['uuid']} ({_said(error, self.url)})")
        return sent, refused

    def summaries(
        self, *, quiz: str | None = None, player: str | None = None
    ) -> list[Summary]:
        """The club's leaderboard, as statistics.summarize makes a local one."""
        from filmquiz.scores.store import player_key

        parameters = {"quiz": quiz, "player": player_key(player) if player else None}
        rows = self._within(lambda: self._fetch(LEADERBOARD, parameters))
        return [
            Summary(
                quiz=quiz_,
                title=title,
                player=name,
                games=int(games),
                played=int(played),
                best=None if best is None else float(best),
                average=None if average is None else float(average),
                last_played=last,
                trend=tuple(float(p) for p in reversed(trend or [])),
                best_points=best_points,
            )
            for (
                quiz_,
                title,
                name,
                games,
                played,
                best,
                average,
                last,
                trend,
                best_points,
            ) in rows
        ]

    def games(
        self, *, quiz: str | None = None, player: str | None = None
    ) -> list[GameRecord]:
        """The club's games, newest first."""
        from filmquiz.scores.store import player_key

        parameters = {"quiz": quiz, "player": player_key(player) if player else None}
        rows = self._within(
            lambda: self._fetch(
                "SELECT quiz, title, player, score, total, complete, started_at,"
                " finished_at, practice, bank_questions, points, party IS NOT NULL"
                f" FROM {GAMES} WHERE {_FILTER} ORDER BY finished_at DESC, uuid",
                parameters,
            )
        )
        return [GameRecord(*row) for row in rows]

    def _fetch(self, query: str, parameters: dict[str, Any]) -> list[Any]:
        with self._transaction() as cursor:
            cursor.execute(query, parameters)
            return list(cursor.fetchall())

    # -- the connection ---------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        psycopg = _driver()
        try:
            with self._connection.transaction(), self._connection.cursor() as cursor:
                yield cursor
        except (psycopg.DataError, psycopg.IntegrityError) as error:
            raise _Refused(str(error)) from None
        except psycopg.errors.InsufficientPrivilege as error:
            raise ClubUnavailable(
                f"the club at {self.where} refused: {_said(error, self.url)} (its "
                "tables are set up by a role that may create them: `filmquiz club "
                "join` as the club's admin, once)"
            ) from None
        except psycopg.OperationalError as error:
            raise self._unavailable(error) from None
        except psycopg.Error as error:
            raise ClubUnavailable(
                f"the club at {self.where} cannot be used ({_said(error, self.url)})"
            ) from None

    def _unavailable(self, error: Exception) -> ClubUnavailable:
        return ClubUnavailable(
            f"the club at {self.where} cannot be used now ({_said(error, self.url)})"
        )


class _Refused(Exception):
    """The club refused a row's values (not the connection)."""


def _as_values(row: dict[str, Any]) -> dict[str, Any]:
    from filmquiz.scores.store import player_key

    return {
        **row,
        "player_key": player_key(str(row["player"])),
        "complete": bool(row["complete"]),
        "practice": bool(row["practice"]),
    }


def _said(error: Exception, url: str) -> str:
    """What the server or libpq said, on one line, never with the password."""
    from urllib.parse import urlsplit

    text = " ".join(str(error).split()) or type(error).__name__
    try:
        password = urlsplit(url).password
    except ValueError:
        password = None
    if password:
        text = text.replace(password, "***")
    return text[:300]
