"""A real PostgreSQL server for the club's tests, started once for them."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.club.server import Server, Unavailable, remove, start_server


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    try:
        started = start_server()
    except Unavailable as why:
        if os.environ.get("CI"):
            raise  # CI installs PostgreSQL: its tests must run there
        pytest.skip(f"PostgreSQL cannot be used here: {why}")
    yield started
    remove(started)


@pytest.fixture
def database(server: Server) -> str:
    """A fresh database for one test."""
    return server.new_database()
