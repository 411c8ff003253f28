"""The club remembered: its URL, never its password."""

from __future__ import annotations

import pytest

from filmquiz.scores.membership import NotAClub, check_url, without_password


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("postgresql://ana:pw@club.example:5432/films", "postgresql://ana@club.example:5432/films"),
        ("postgresql://ana@club.example/films?password=pw&sslmode=require",
         "postgresql://ana@club.example/films?sslmode=require"),
        ("postgresql://ana@club.example/films?pass%77ord=pw", "postgresql://ana@club.example/films"),
        ("postgresql://ana:p%40ss@[::1]:5/films", "postgresql://ana@[::1]:5/films"),
        ("postgres://club.example/films", "postgres://club.example/films"),
    ],
)  # fmt: skip
def test_the_password_is_taken_out(url: str, kept: str) -> None:
    """In the user part or as a parameter, the password goes."""
    assert without_password(url) == kept
    assert "pw" not in kept
    assert "p%40ss" not in kept


@pytest.mark.parametrize(
    "url",
    ["http://club.example/films", "", "films", "postgresql://ana@club:port/films"],
)
def test_what_is_not_a_club(url: str) -> None:
    with pytest.raises(NotAClub):
        check_url(url)
