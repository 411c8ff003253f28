"""Ctrl-C in the middle of drawing: the line is finished, then the interrupt
comes, and whatever is drawn next (the summary of a stopped game) is shown."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator

import pytest
from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from filmquiz.render.console import Screen


class CtrlCWhileDrawn:
    """A renderable during whose drawing Ctrl-C is pressed."""

    def __rich_console__(
        self, console: Console, options: ConsoleOptions
    ) -> Iterator[Text] | RenderResult:
        yield Text("first half")
        os.kill(os.getpid(), signal.SIGINT)
        yield Text("second half")


def test_ctrl_c_while_printing(capsys: pytest.CaptureFixture[str]) -> None:
    screen = Screen(color=False)
    with pytest.raises(KeyboardInterrupt):
        screen.people.print(CtrlCWhileDrawn())
    screen.people.print("Stopped after 1 of 3 questions.")
    assert capsys.readouterr().out == (
        "first half\nsecond half\nStopped after 1 of 3 questions.\n"
    )
