"""What filmquiz runs in: which streams are terminals, and what they can do."""

from __future__ import annotations

import pytest

from filmquiz.environment import Environment, can_move_cursor


def environment(
    stdin: bool = True,
    stdout: bool = True,
    stderr: bool = True,
    cursor: bool = True,
) -> Environment:
    return Environment(
        stdin_is_terminal=stdin,
        stdout_is_terminal=stdout,
        stderr_is_terminal=stderr,
        cursor_control=cursor,
        color=True,
    )


@pytest.mark.parametrize(
    ("given", "on_stdout", "on_stderr", "interactive"),
    [
        (environment(), True, True, True),
        (environment(cursor=False), False, False, True),
        (environment(stdin=False), False, False, False),
        (environment(stdout=False), False, True, False),
        (environment(stderr=False), True, False, True),
    ],
    ids=["terminal", "dumb-terminal", "piped-in", "piped-out", "stderr-redirected"],
)
def test_menus_need_keys_and_a_screen_that_redraws(
    given: Environment, on_stdout: bool, on_stderr: bool, interactive: bool
) -> None:
    """Menus need keys from a terminal and a terminal that moves its cursor
    to draw on; a person can answer a prompt whenever both ends are terminals."""
    assert given.can_draw_menus() is on_stdout
    assert given.can_draw_menus(on_stderr=True) is on_stderr
    assert given.interactive is interactive


@pytest.mark.parametrize(
    ("term", "moves"),
    [
        ("xterm-256color", True),
        ("tmux-256color", True),
        ("linux", True),
        ("dumb", False),
        ("", False),
        (None, False),
        ("emacs", False),
        ("no-such-terminal-anywhere", False),
    ],
)
def test_which_terminals_move_their_cursor(term: str | None, moves: bool) -> None:
    """Known terminal types at once; an unknown one has no terminfo entry."""
    assert can_move_cursor(term) is moves


@pytest.mark.parametrize(
    ("no_color", "variable", "color"),
    [(False, "", True), (True, "", False), (False, "1", False)],
)
def test_colour_is_off_with_the_option_or_no_color(
    monkeypatch: pytest.MonkeyPatch, no_color: bool, variable: str, color: bool
) -> None:
    """--no-color or a non-empty NO_COLOR turn colour off; an empty one does not."""
    monkeypatch.setenv("NO_COLOR", variable)
    assert Environment.detect(no_color=no_color).color is color
