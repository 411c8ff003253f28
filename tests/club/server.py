"""A real PostgreSQL server for the club's tests and benchmark: initdb and
pg_ctl from the system's PostgreSQL (``pg_config --bindir``), in a fresh
folder, on 127.0.0.1 at a free port and on a Unix socket there, stopped
afterwards. As root, the server runs as the ``postgres`` user, since initdb
refuses root."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path
from typing import NamedTuple

ADMIN = "clubadmin"
MEMBER = "clubmember"


class Unavailable(Exception):
    """PostgreSQL is not installed here."""


def bindir() -> Path:
    """The folder of PostgreSQL's programs (initdb, pg_ctl, psql)."""
    pg_config = shutil.which("pg_config")
    if pg_config is None:
        # Debian keeps each version's programs apart; the newest will do.
        found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
        if found:
            return found[-1].parent
        raise Unavailable("pg_config is not on PATH: PostgreSQL is not installed")
    found = subprocess.run(
        [pg_config, "--bindir"], capture_output=True, text=True, check=True
    ).stdout.strip()
    folder = Path(found)
    if not (folder / "initdb").exists():
        raise Unavailable(f"no initdb in {folder}: the PostgreSQL server is missing")
    return folder


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server(NamedTuple):
    folder: Path
    port: int
    admin_password: str
    member_password: str

    @property
    def socket_folder(self) -> str:
        return str(self.folder)

    def url(self, database: str, *, member: bool = False, password: bool = True) -> str:
        """A URL for ``database``, as the admin or the limited member."""
        user, secret = (
            (MEMBER, self.member_password) if member else (ADMIN, self.admin_password)
        )
        credentials = f"{user}:{secret}" if password else user
        return f"postgresql://{credentials}@127.0.0.1:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run ``sql`` as the superuser, over the Unix socket."""
        done = subprocess.run(
            [
                str(bindir() / "psql"),
                "-h", self.socket_folder, "-p", str(self.port), "-U", "postgres",
                "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql,
            ],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        return done.stdout

    def new_database(self) -> str:
        """A fresh database owned by the club's admin."""
        name = f"club_{uuid.uuid4().hex[:10]}"
        self.psql(f"CREATE DATABASE {name} OWNER {ADMIN}")
        return name

    def stop(self) -> None:
        _as_postgres(
            [str(bindir() / "pg_ctl"), "-D", str(self.folder / "data"), "-m",
             "fast", "stop"], check=False,
        )  # fmt: skip

    def start(self) -> None:
        _as_postgres(
            [
                str(bindir() / "pg_ctl"), "-D", str(self.folder / "data"),
                "-l", str(self.folder / "log"), "-w", "-o",
                f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1",
                "start",
            ]
        )  # fmt: skip


def _as_postgres(argv: list[str], *, check: bool = True) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *argv], capture_output=True, check=check)


def start_server(port: int | None = None) -> Server:
    """Start a server (on ``port``, or a free one) with the club's two
    roles: an admin that owns the databases, and a member with no rights yet
    (the README's SQL gives them)."""
    programs = bindir()
    folder = Path(tempfile.mkdtemp(prefix="filmquiz-pg-", dir="/tmp"))
    folder.chmod(0o777)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    _as_postgres(
        [str(programs / "initdb"), "-D", str(folder / "data"), "-U", "postgres",
         "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8"]
    )  # fmt: skip
    server = Server(folder, port or free_port(), uuid.uuid4().hex, uuid.uuid4().hex)
    server.start()
    server.psql(
        f"CREATE ROLE {ADMIN} LOGIN PASSWORD '{server.admin_password}'; "
        f"CREATE ROLE {MEMBER} LOGIN PASSWORD '{server.member_password}'"
    )
    return server


def remove(server: Server) -> None:
    server.stop()
    shutil.rmtree(server.folder, ignore_errors=True)
