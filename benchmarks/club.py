"""How fast a club's history is sent to and read from PostgreSQL.

    python benchmarks/club.py [--runs N]

Starts a PostgreSQL server of its own (as the club's tests do), then times:

- ``filmquiz club sync`` sending 1,000 queued games (each run the club's
  table is emptied and the games queued again);
- the club's leaderboard over 100,000 games, read through filmquiz's club
  code (connect, query, rows made into summaries), against the same query
  run by ``psql`` (connect, query, rows printed). Goal: at most 1.2x.
- the whole ``filmquiz scores --club`` command, for information (it also
  starts Python and draws the table).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from timing import ENV, FILMQUIZ, Case, Sample, run, run_command

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.club.server import Server, bindir, remove, start_server  # noqa: E402

from filmquiz.bankfile.model import Question  # noqa: E402
from filmquiz.game.engine import Answer, Ending, GameResult  # noqa: E402
from filmquiz.scores.club import GAMES, LEADERBOARD, Club  # noqa: E402
from filmquiz.scores.membership import without_password  # noqa: E402
from filmquiz.scores.store import ScoreStore  # noqa: E402

QUEUED = 1_000
LEADERBOARD_GAMES = 100_000


def queue_games(home: Path, count: int, club: str) -> None:
    """``count`` games in a history, all waiting for ``club``."""
    question = Question(id="q", prompt="?", choices=("a", "b"), answer="a")
    moment = datetime(2026, 11, 1, 20, tzinfo=UTC)
    with ScoreStore(home / "scores.db", warn=print, for_club=club) as store:
        for number in range(count):
            store.record(
                GameResult(
                    quiz="parallel-mothers",
                    title="Parallel Mothers",
                    player=f"player{number % 20}",
                    total=10,
                    answers=(Answer(question, "a", correct=True),) * 10,
                    ending=Ending.COMPLETED,
                    started_at=moment,
                    finished_at=moment,
                    seconds=60.0,
                )
            )


def requeue(server: Server, database: str, home: Path) -> None:
    server.psql(f"TRUNCATE {GAMES}", database)
    club = without_password(server.url(database))
    with sqlite3.connect(home / "scores.db") as connection:
        connection.execute(
            "INSERT OR IGNORE INTO club_queue SELECT uuid, ? FROM games", (club,)
        )


def sending(server: Server, database: str, home: Path) -> Case:
    command = run_command(
        [FILMQUIZ, "club", "sync"],
        {"FILMQUIZ_HOME": str(home), "FILMQUIZ_CLUB_URL": server.url(database)},
    )

    def measure() -> Sample:
        requeue(server, database, home)
        return command()

    return Case(f"club sync: {QUEUED:,} games", measure)


def fill(server: Server, database: str) -> None:
    """LEADERBOARD_GAMES games of 199 players on 5 quizzes, each on all 5."""
    server.psql(
        f"INSERT INTO {GAMES} (uuid, quiz, title, player, player_key, score, total,"
        " complete, started_at, finished_at, practice, bank_questions, points)"
        " SELECT md5(n::text), 'quiz' || (n % 5), 'Quiz', 'player' || (n % 199),"
        " 'player' || (n % 199), n % 11, 10, n % 7 <> 0,"
        " now() - n * interval '1 minute', now() - n * interval '1 minute',"
        " n % 13 = 0, 40, CASE WHEN n % 2 = 0 THEN 5000 + n % 3000 END"
        f" FROM generate_series(1, {LEADERBOARD_GAMES}) AS n",
        database,
    )


def leaderboard_in_filmquiz(url: str) -> Case:
    def measure() -> Sample:
        start = time.perf_counter()
        with Club(url) as club:
            summaries = club.summaries()
        elapsed = time.perf_counter() - start
        assert len(summaries) == 5 * 199
        return Sample(elapsed, 0.0)

    return Case("leaderboard through filmquiz", measure, "leaderboard by psql", 1.2)


def leaderboard_by_psql(server: Server, database: str) -> Case:
    query = LEADERBOARD.replace("%(quiz)s", "NULL").replace("%(player)s", "NULL")
    argv = [
        str(bindir() / "psql"), "-h", "127.0.0.1", "-p", str(server.port),
        "-U", "clubadmin", "-d", database, "-qAt", "-c", query,
    ]  # fmt: skip
    return Case(
        "leaderboard by psql",
        run_command(argv, {"PGPASSWORD": server.admin_password}),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each")
    runs = parser.parse_args().runs
    server = start_server()
    try:
        home = Path(tempfile.mkdtemp(prefix="filmquiz-club-bench-"))
        send_to = server.new_database()
        with Club(server.url(send_to)) as club:
            club.migrate()
        queue_games(home, QUEUED, without_password(server.url(send_to)))
        read_from = server.new_database()
        url = server.url(read_from)
        with Club(url) as club:
            club.migrate()
        fill(server, read_from)
        server.psql("ANALYZE", read_from)
        command = run_command(
            [FILMQUIZ, "scores", "--club"],
            {"FILMQUIZ_HOME": str(home / "reader"), "FILMQUIZ_CLUB_URL": url},
        )
        run(
            [
                sending(server, send_to, home),
                leaderboard_by_psql(server, read_from),
                leaderboard_in_filmquiz(url),
                Case("filmquiz scores --club (whole command)", command),
            ],
            runs,
        )
    finally:
        remove(server)


if __name__ == "__main__":
    os.environ.update(ENV)
    main()
