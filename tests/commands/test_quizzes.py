"""The commands about banks, below the command line."""

from __future__ import annotations

import pytest

from filmquiz.commands.quizzes import new
from filmquiz.environment import Environment
from filmquiz.errors import FilmquizError


def test_the_wizard_needs_menus() -> None:
    """TERM=dumb cannot draw the wizard's menus: a plain error, before any
    question is asked."""
    dumb = Environment(
        stdin_is_terminal=True,
        stdout_is_terminal=True,
        stderr_is_terminal=True,
        cursor_control=False,
        color=False,
    )
    with pytest.raises(FilmquizError) as raised:
        new(environment=dumb)
    assert "TERM=dumb" in str(raised.value)
