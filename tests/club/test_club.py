"""A film club's shared history, against a real PostgreSQL server started
for these tests: joining, sending, the leaderboard, and never losing or
doubling a game when the server is away, stopped, silent or a sender is
killed."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from filmquiz.scores.club import GAMES
from tests.club.server import MEMBER, Server, free_port, remove, start_server

pytestmark = pytest.mark.postgres

PLAY = ["play", "parallel-mothers", "--count", "2", "--seed", "3", "--no-spoilers"]
"""A game of two questions, answered 1 and 1 line by line."""


def run(
    command: str, *args: str, home: Path, env: dict[str, str] | None = None,
    answers: str = "", timeout: float = 60,
) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """The installed filmquiz, with its own home, no terminal."""
    return subprocess.run(
        [command, *args],
        input=answers,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "FILMQUIZ_HOME": str(home), "COLUMNS": "100",
             "NO_COLOR": "1", **(env or {})},
        check=False,
    )  # fmt: skip


def club_games(url: str) -> list[dict[str, Any]]:
    with psycopg.connect(url) as connection:
        cursor = connection.execute(f"SELECT uuid, player, quiz, score FROM {GAMES}")
        names = [column.name for column in cursor.description or []]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def local_uuids(home: Path) -> set[str]:
    with sqlite3.connect(home / "scores.db") as connection:
        return {row[0] for row in connection.execute("SELECT uuid FROM games")}


@pytest.fixture
def member(
    server: Server, database: str, filmquiz_command: str, tmp_path: Path
) -> Iterator[tuple[str, Path]]:
    """A machine that joined the club (as its admin): its URL and home."""
    url = server.url(database)
    home = tmp_path / "machine"
    joined = run(filmquiz_command, "club", "join", url, home=home)
    assert joined.returncode == 0, joined.stderr
    return url, home


def test_join_remembers_the_club_without_its_password(
    server: Server, database: str, filmquiz_command: str, tmp_path: Path
) -> None:
    url = server.url(database)
    home = tmp_path / "machine"
    joined = run(filmquiz_command, "club", "join", url, home=home)
    assert joined.returncode == 0, joined.stderr
    shown = server.url(database, password=False)
    assert joined.stdout == (
        f"Joined the club at {shown} (club schema 1). Games are sent there from "
        "now on, after they are kept here. Its password was not saved: put it in "
        "~/.pgpass (or PGPASSWORD) for the commands to come.\n"
    )
    assert json.loads((home / "config.json").read_text()) == {"club": shown}
    status = run(filmquiz_command, "club", "status", "--json", home=home)
    assert json.loads(status.stdout) == {
        "history": str(home / "scores.db"),
        "club": shown,
        "waiting": 0,
    }
    left = run(filmquiz_command, "club", "leave", home=home)
    assert left.stdout == (
        f"Left the club at {shown}. Games are kept here only from now on.\n"
    )
    assert json.loads((home / "config.json").read_text()) == {}


def test_a_game_goes_to_the_club_and_its_leaderboard(
    server: Server, member: tuple[str, Path], filmquiz_command: str
) -> None:
    url, home = member
    env = {"PGPASSWORD": server.admin_password}
    played = run(filmquiz_command, *PLAY, "--player", "ana", home=home, env=env,
                 answers="1\n1\n")  # fmt: skip
    assert played.returncode == 0, played.stderr
    assert played.stderr == ""
    (game,) = club_games(url)
    assert game["uuid"] in local_uuids(home)
    board = run(filmquiz_command, "scores", "--club", "--json", home=home, env=env)
    document = json.loads(board.stdout)
    assert [s["player"] for s in document["summary"]] == ["ana"]
    assert [g["player"] for g in document["games"]] == ["ana"]
    local = json.loads(run(filmquiz_command, "scores", "--json", home=home).stdout)
    assert document["summary"] == local["summary"]
    partied = run(filmquiz_command, "party", *PLAY[1:], "--players", "Bo,Cy",
                  home=home, env=env, answers="1\n1\n1\n1\n")  # fmt: skip
    assert partied.returncode == 0, partied.stderr
    assert sorted(g["player"] for g in club_games(url)) == ["Bo", "Cy", "ana"]


def test_an_unreachable_club_queues_the_game_until_sync(
    server: Server, member: tuple[str, Path], filmquiz_command: str
) -> None:
    """Password missing, then server refusing: one line each time, the game
    waits; club sync sends it once the club can be reached."""
    url, home = member
    played = run(filmquiz_command, *PLAY, home=home, answers="1\n1\n")
    assert played.returncode == 0
    lines = played.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("warning: the club at ")
    assert lines[0].endswith(
        "1 game waits to be sent, by the next filmquiz command or `filmquiz club sync`"
    )
    assert club_games(url) == []
    status = run(filmquiz_command, "club", "status", "--json", home=home)
    assert json.loads(status.stdout)["waiting"] == 1
    synced = run(filmquiz_command, "club", "sync", home=home,
                 env={"PGPASSWORD": server.admin_password})  # fmt: skip
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.startswith("Sent 1 game to the club at ")
    assert synced.stdout.endswith("; none waits to be sent.\n")
    assert len(club_games(url)) == 1


def test_a_stopped_server_loses_and_doubles_nothing(
    filmquiz_command: str, tmp_path: Path
) -> None:
    """The server stops in the middle of a run of games and starts again:
    after club sync, every game is in the club exactly once."""
    own = start_server()
    try:
        database = own.new_database()
        url = own.url(database)
        home = tmp_path / "machine"
        assert run(filmquiz_command, "club", "join", url, home=home).returncode == 0
        env = {"FILMQUIZ_CLUB_URL": url}
        for number in range(6):
            if number == 3:
                own.stop()
            played = run(filmquiz_command, *PLAY, home=home, env=env, answers="1\n1\n")
            assert played.returncode == 0, played.stderr
        assert len(club_games_or_none(url)) == 0  # the server is down
        own.start()
        synced = run(filmquiz_command, "club", "sync", home=home, env=env)
        assert synced.returncode == 0, synced.stderr
        games = club_games(url)
        assert sorted(g["uuid"] for g in games) == sorted(local_uuids(home))
        assert len(games) == 6
    finally:
        remove(own)


def club_games_or_none(url: str) -> list[dict[str, Any]]:
    try:
        return club_games(url)
    except psycopg.OperationalError:
        return []


def test_killed_between_the_club_commit_and_the_local_mark(
    server: Server, member: tuple[str, Path], filmquiz_command: str
) -> None:
    """club sync is killed (SIGKILL) after the club has committed the game
    but before the machine marked it sent: the next sync sends it again, and
    the club keeps it once."""
    url, home = member
    run(filmquiz_command, *PLAY, home=home, answers="1\n1\n")  # no password: waits
    blocker = sqlite3.connect(home / "scores.db", isolation_level=None, timeout=30)
    blocker.execute("BEGIN IMMEDIATE")  # the local mark must wait for this
    sender = subprocess.Popen(
        [filmquiz_command, "club", "sync"],
        env={**os.environ, "FILMQUIZ_HOME": str(home),
             "PGPASSWORD": server.admin_password},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 20
        while not club_games(url):
            assert time.monotonic() < deadline, "the club never got the game"
            time.sleep(0.05)
        sender.send_signal(signal.SIGKILL)
        sender.wait()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    status = run(filmquiz_command, "club", "status", "--json", home=home)
    assert json.loads(status.stdout)["waiting"] == 1  # not marked
    synced = run(filmquiz_command, "club", "sync", "--json", home=home,
                 env={"PGPASSWORD": server.admin_password})  # fmt: skip
    assert json.loads(synced.stdout)["sent"] == 0  # the club had it already
    assert len(club_games(url)) == 1


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never says a word."""
    port = free_port()
    listener = socket.socket()
    listener.bind(("127.0.0.1", port))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield port
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    listener.close()


def test_a_server_that_never_answers_holds_no_game(
    silent_server: int, filmquiz_command: str, tmp_path: Path
) -> None:
    """The game ends within the connection timeout, and waits."""
    home = tmp_path / "machine"
    url = f"postgresql://ana@127.0.0.1:{silent_server}/club"
    started = time.monotonic()
    played = run(filmquiz_command, *PLAY, home=home, answers="1\n1\n",
                 env={"FILMQUIZ_CLUB_URL": url, "PGCONNECT_TIMEOUT": ""})  # fmt: skip
    took = time.monotonic() - started
    assert played.returncode == 0
    assert "1 game waits to be sent" in played.stderr
    assert took < 30  # bounded by the timeout, not by the silent server
    status = run(filmquiz_command, "club", "status", "--json", home=home,
                 env={"FILMQUIZ_CLUB_URL": url})  # fmt: skip
    assert json.loads(status.stdout)["waiting"] == 1


def test_four_machines_of_eight_players_at_once(
    server: Server, database: str, filmquiz_command: str, tmp_path: Path
) -> None:
    """32 games at once from 4 machines: each in the club exactly once, and
    the club's leaderboard is what the machines' histories add up to."""
    url = server.url(database)
    homes = [tmp_path / f"machine-{n}" for n in range(4)]
    for home in homes:
        assert run(filmquiz_command, "club", "join", url, home=home).returncode == 0
    processes = [
        subprocess.Popen(
            [
                filmquiz_command,
                *PLAY[:3],
                "3",
                "--seed",
                str(n),
                "--player",
                f"player{n % 8}",
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={
                **os.environ,
                "FILMQUIZ_HOME": str(home),
                "PGPASSWORD": server.admin_password,
            },
        )
        for home in homes
        for n in range(8)
    ]
    for process in processes:
        _, errors = process.communicate("1\n1\n1\n", timeout=120)
        assert process.returncode == 0, errors
    games = club_games(url)
    local = set().union(*(local_uuids(home) for home in homes))
    assert len(games) == 32
    assert {g["uuid"] for g in games} == local
    scores = Counter()
    for home in homes:
        document = json.loads(run(filmquiz_command, "scores", "--games", "--json",
                                  home=home).stdout)  # fmt: skip
        for game in document["games"]:
            scores[game["player"]] += game["score"]
    club = Counter()
    for game in games:
        club[game["player"]] += game["score"]
    assert club == scores


def test_sql_in_names_is_text_and_the_member_role_cannot_delete(
    server: Server, database: str, filmquiz_command: str, tmp_path: Path
) -> None:
    """A player called '); DROP TABLE games; -- is kept as that name; a
    member with the README's rights plays but cannot delete; the password is
    in none of filmquiz's output or files."""
    admin_url = server.url(database)
    home = tmp_path / "machine"
    outputs = [run(filmquiz_command, "club", "join", admin_url, home=home)]
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sql\n", 1)[1].split("```", 1)[0]
    grants = [line for line in block.splitlines() if line.startswith("GRANT")]
    assert grants
    for grant in grants:
        sql = grant.replace("films", database).replace(" member", f" {MEMBER}")
        server.psql(sql, database)
    member_url = server.url(database, member=True)
    name = "'); DROP TABLE games; --"
    as_member = {"FILMQUIZ_CLUB_URL": member_url}
    outputs.append(
        run(filmquiz_command, *PLAY, "--player", name, home=home, answers="1\n1\n",
            env=as_member)
    )  # fmt: skip
    outputs.append(run(filmquiz_command, "scores", "--club", home=home, env=as_member))
    assert all(done.returncode == 0 for done in outputs), outputs
    assert [g["player"] for g in club_games(admin_url)] == [name]
    with (
        psycopg.connect(member_url) as connection,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        connection.execute(f"DELETE FROM {GAMES}")
    for secret in (server.admin_password, server.member_password):
        for done in outputs:
            assert secret not in done.stdout + done.stderr
        for file in home.rglob("*"):
            if file.is_file():
                assert secret.encode() not in file.read_bytes(), file


def test_a_password_given_as_a_parameter_is_never_kept_or_shown(
    server: Server, database: str, filmquiz_command: str, tmp_path: Path
) -> None:
    home = tmp_path / "machine"
    url = f"{server.url(database, password=False)}?password={server.admin_password}"
    joined = run(filmquiz_command, "club", "join", url, home=home)
    status = run(filmquiz_command, "club", "status", home=home)
    assert joined.returncode == status.returncode == 0, joined.stderr
    for done in (joined, status):
        assert server.admin_password not in done.stdout + done.stderr
    assert server.admin_password not in (home / "config.json").read_text()


def test_a_url_that_cannot_be_read_is_one_message(
    filmquiz_command: str, tmp_path: Path
) -> None:
    home = tmp_path / "machine"
    joined = run(filmquiz_command, "club", "join", "postgresql://a@h:port/x", home=home)
    assert joined.returncode == 1
    assert joined.stderr == (
        "error: a club is a PostgreSQL URL such as "
        "postgresql://ana@club.example/films; this one has a port that is not one\n"
    )
    played = run(filmquiz_command, *PLAY, home=home, answers="1\n1\n",
                 env={"FILMQUIZ_CLUB_URL": "postgresql://a@h:port/x"})  # fmt: skip
    assert played.returncode == 0
    assert "Traceback" not in played.stderr
    assert "1 game waits to be sent" in played.stderr


def test_games_wait_for_their_own_club_and_a_reset_one_is_not_sent(
    server: Server, member: tuple[str, Path], filmquiz_command: str, database: str
) -> None:
    """A game that waits for one club is not sent to another; a game
    forgotten by scores --reset before it was sent never is."""
    url, home = member
    run(filmquiz_command, *PLAY, home=home, answers="1\n1\n")  # no password: waits
    other = server.url(server.new_database())
    env = {"FILMQUIZ_CLUB_URL": other}
    status = run(filmquiz_command, "club", "status", "--json", home=home, env=env)
    assert json.loads(status.stdout)["waiting"] == 0
    run(filmquiz_command, "club", "sync", home=home, env=env)
    assert club_games(other) == []
    reset = run(filmquiz_command, "scores", "--reset", "--yes", home=home)
    assert reset.returncode == 0
    synced = run(filmquiz_command, "club", "sync", "--json", home=home,
                 env={"PGPASSWORD": server.admin_password})  # fmt: skip
    assert json.loads(synced.stdout) == {
        "club": server.url(database, password=False),
        "sent": 0,
        "waiting": 0,
    }
    assert club_games(url) == []


def test_a_game_the_club_refuses_holds_back_no_other(
    server: Server, member: tuple[str, Path], filmquiz_command: str
) -> None:
    """A waiting game the club cannot take (a NUL in its player's name) is
    named and left out; the games after it are sent."""
    url, home = member
    run(filmquiz_command, *PLAY, home=home, answers="1\n1\n")  # no password: waits
    with sqlite3.connect(home / "scores.db") as connection:
        connection.execute(
            "UPDATE games SET player = 'evil' || char(0) || 'name', player_key = 'e'"
        )
    env = {"PGPASSWORD": server.admin_password}
    played = run(filmquiz_command, *PLAY, home=home, answers="1\n1\n", env=env)
    assert played.returncode == 0
    assert "refused game" in played.stderr
    assert len(club_games(url)) == 1
    status = run(filmquiz_command, "club", "status", "--json", home=home)
    assert json.loads(status.stdout)["waiting"] == 0


def test_a_password_with_a_hash_is_never_kept(
    server: Server, database: str, filmquiz_command: str, tmp_path: Path
) -> None:
    """libpq reads #, ? and / in a password; filmquiz never keeps or shows
    them."""
    secret = "Sup3r#S3cr?et"
    server.psql(f"CREATE ROLE hashrole LOGIN PASSWORD '{secret}'")
    server.psql(f"GRANT ALL ON DATABASE {database} TO hashrole")
    server.psql("GRANT ALL ON SCHEMA public TO hashrole", database)
    home = tmp_path / "machine"
    url = f"postgresql://hashrole:{secret}@127.0.0.1:{server.port}/{database}"
    joined = run(filmquiz_command, "club", "join", url, home=home)
    assert joined.returncode == 0, joined.stderr
    assert secret not in joined.stdout + joined.stderr
    assert "S3cr" not in (home / "config.json").read_text()


def test_a_row_no_game_makes_is_left_out_of_the_leaderboard(
    server: Server, member: tuple[str, Path], filmquiz_command: str, database: str
) -> None:
    _, home = member
    server.psql(
        f"INSERT INTO {GAMES} (uuid, quiz, title, player, player_key, score, total,"
        " complete, started_at, finished_at, practice) VALUES ('x', 'q', 'Q',"
        " 'mallory', 'mallory', 1, 2, true, 'infinity', 'infinity', false)",
        database,
    )
    env = {"PGPASSWORD": server.admin_password}
    run(
        filmquiz_command, *PLAY, "--player", "ana", home=home, answers="1\n1\n", env=env
    )
    board = run(filmquiz_command, "scores", "--club", "--json", home=home, env=env)
    assert board.returncode == 0, board.stderr
    assert [s["player"] for s in json.loads(board.stdout)["summary"]] == ["ana"]


def test_the_next_command_sends_what_waits(
    server: Server, member: tuple[str, Path], filmquiz_command: str
) -> None:
    """A game that could not be sent goes with the next command, whichever
    it is (here `list`), once the club can be reached."""
    url, home = member
    run(filmquiz_command, *PLAY, home=home, answers="1\n1\n")  # no password: waits
    assert club_games(url) == []
    listed = run(filmquiz_command, "list", home=home,
                 env={"PGPASSWORD": server.admin_password})  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert listed.stderr == ""
    assert len(club_games(url)) == 1
    status = run(filmquiz_command, "club", "status", "--json", home=home)
    assert json.loads(status.stdout)["waiting"] == 0


def test_a_misspelt_quiz_on_the_club_board_is_named(
    server: Server, member: tuple[str, Path], filmquiz_command: str
) -> None:
    _, home = member
    env = {"PGPASSWORD": server.admin_password}
    board = run(filmquiz_command, "scores", "--club", "parallel-mother", home=home,
                env=env)  # fmt: skip
    assert board.returncode == 1
    assert 'did you mean "parallel-mothers"?' in board.stderr
