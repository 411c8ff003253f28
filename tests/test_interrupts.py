"""Holding Ctrl-C back: until the end of what is held, and, when holds nest,
until the end of the outermost."""

from __future__ import annotations

import os
import signal

import pytest

from filmquiz.interrupts import interrupts_held


def ctrl_c() -> None:
    os.kill(os.getpid(), signal.SIGINT)


def test_ctrl_c_waits_for_the_end() -> None:
    done: list[str] = []

    def draw() -> None:
        with interrupts_held():
            ctrl_c()
            done.append("the rest")

    with pytest.raises(KeyboardInterrupt):
        draw()
    assert done == ["the rest"]


def test_inside_another_hold_it_waits_for_the_outer_end() -> None:
    """Ctrl-C while a line is drawn inside the keeping of a game: the game
    is still kept, and the interrupt comes after."""
    done: list[str] = []

    def keep() -> None:
        with interrupts_held():
            with interrupts_held():
                ctrl_c()
            done.append("kept")

    with pytest.raises(KeyboardInterrupt):
        keep()
    assert done == ["kept"]


def test_nothing_pressed_nothing_raised() -> None:
    with interrupts_held(), interrupts_held():
        pass
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
