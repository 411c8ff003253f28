"""The environment and the screen of a command, made when it needs them:
rich is imported only by commands that draw."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from filmquiz.environment import Environment
    from filmquiz.render.console import Screen


def detect_environment(no_color: bool = False) -> "Environment":
    """The streams and terminal this command runs with."""
    from filmquiz.environment import Environment

    return Environment.detect(no_color=no_color)


def screen_for(*, people_on_stderr: bool = False, no_color: bool = False) -> "Screen":
    """A screen with colour as the environment wants it; with
    ``people_on_stderr``, people's text goes to stderr (for ``--json``)."""
    from filmquiz.render.console import Screen

    color = detect_environment(no_color).color
    return Screen(people_on_stderr=people_on_stderr, color=color)
