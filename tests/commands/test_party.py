"""``filmquiz party`` as a function: asking for the players where there is
someone to ask, and refusing what cannot make a party."""

from __future__ import annotations

import io

import pytest

from filmquiz.commands.party import party, party_names
from filmquiz.commands.play import GameOptions
from filmquiz.environment import Environment
from filmquiz.errors import BadOption, ExitStatus
from filmquiz.render.console import Screen
from filmquiz.results import PartyPlayed


def dumb_terminal() -> Environment:
    return Environment(
        stdin_is_terminal=True,
        stdout_is_terminal=True,
        stderr_is_terminal=True,
        cursor_control=False,
        color=False,
    )


def test_a_dumb_terminal_asks_for_the_players_until_they_make_a_party(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """One name, or a name twice, is said and asked again; then the party
    plays with the names given."""
    answers = "Ana\nAna, ana\nAna, Janis\n1\n1\n"
    monkeypatch.setattr("sys.stdin", io.StringIO(answers))
    played = party(
        environment=dumb_terminal(),
        screen=Screen(color=False),
        quiz="parallel-mothers",
        players=None,
        options=GameOptions(count=1, seed=4, spoilers="none"),
    )
    assert isinstance(played, PartyPlayed)
    assert [r.player for r in played.results] == ["Ana", "Janis"]
    out = capsys.readouterr().out
    assert "Two or more names, separated by commas." in out
    assert "ana is named twice." in out


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("Ana", "needs at least two names separated by commas"),
        (",,Ana,,", "needs at least two names separated by commas"),
        ("Ana,ANA", "names ANA twice"),
        (",".join(f"p{n}" for n in range(13)), "may name at most 12 players"),
        ("Ana,Ja\x07nis", 'has "Ja\\u0007nis", which must be a name of printable'),
    ],
)
def test_names_that_make_no_party(typed: str, message: str) -> None:
    with pytest.raises(BadOption) as refused:
        party_names(typed)
    assert refused.value.option == "--players"
    assert str(refused.value).startswith(message)
    assert refused.value.status is ExitStatus.USAGE


def test_names_are_trimmed_and_kept_in_turn_order() -> None:
    assert party_names(" Ana , Janis,Arturo ") == ("Ana", "Janis", "Arturo")
