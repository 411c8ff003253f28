"""``scores --reset`` below the command line: the confirmation's answers,
including Ctrl-C, taken in process with the environment handed in."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import PipeInput
from prompt_toolkit.output import DummyOutput

from filmquiz.commands.history import reset, scores
from filmquiz.commands.play import GameOptions, play
from filmquiz.environment import Environment
from filmquiz.errors import ExitStatus
from filmquiz.render.console import Screen
from filmquiz.results import Forgotten, Message

TERMINAL = Environment(
    stdin_is_terminal=True,
    stdout_is_terminal=True,
    stderr_is_terminal=True,
    cursor_control=True,
    color=False,
)


@pytest.fixture
def one_game(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n"))
    play(
        environment=TERMINAL._replace(stdin_is_terminal=False),
        screen=Screen(color=False),
        quiz="parallel-mothers",
        player="ana",
        options=GameOptions(count=1),
    )


def games_kept() -> int:
    return len(scores(screen=Screen(color=False), quiz=None, player=None).records)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("\x03", Message("Nothing was forgotten.", ExitStatus.INTERRUPTED)),
        ("n", Message("Nothing was forgotten.")),
        ("\r", Message("Nothing was forgotten.")),
    ],
    ids=["ctrl-c", "no", "enter-means-no"],
)
def test_a_reset_not_confirmed_forgets_nothing(
    one_game: None, keys: PipeInput, typed: str, expected: Message
) -> None:
    keys.send_text(typed)
    with create_app_session(input=keys, output=DummyOutput()):
        said = reset(
            environment=TERMINAL,
            screen=Screen(color=False),
            quiz=None,
            player=None,
            yes=False,
        )
    assert said == expected
    assert games_kept() == 1


def test_a_confirmed_reset_forgets(one_game: None, keys: PipeInput) -> None:
    keys.send_text("y")
    with create_app_session(input=keys, output=DummyOutput()):
        said = reset(
            environment=TERMINAL,
            screen=Screen(color=False),
            quiz=None,
            player=None,
            yes=False,
        )
    assert isinstance(said, Forgotten)
    assert games_kept() == 0


@pytest.mark.parametrize(
    ("typed", "forgets"),
    [("y\n", True), ("YES\n", True), ("\n", False), ("no\n", False), ("", False)],
    ids=["y", "YES", "enter", "no", "end of input"],
)
def test_a_dumb_terminal_confirms_line_by_line(
    one_game: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: str,
    forgets: bool,
) -> None:
    """TERM=dumb cannot draw the yes/no menu: the question is asked on a
    line, and only y or yes forgets."""
    monkeypatch.setattr("sys.stdin", io.StringIO(typed))
    said = reset(
        environment=TERMINAL._replace(cursor_control=False),
        screen=Screen(color=False),
        quiz=None,
        player=None,
        yes=False,
    )
    assert isinstance(said, Forgotten) is forgets
    assert games_kept() == (0 if forgets else 1)
    assert "Forget it? [y/N] " in capsys.readouterr().out
