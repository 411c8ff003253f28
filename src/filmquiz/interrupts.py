"""Holding Ctrl-C back for a moment: while a game is being kept, or a line is
being drawn, an interrupt waits for the end of it, then interrupts."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C inside waits for the end of it, then raises KeyboardInterrupt
    (inside another hold, at the end of that one). Outside the main thread,
    where signals cannot be handled, it holds nothing."""
    pressed: list[bool] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: pressed.append(True))
    except ValueError:  # not the main thread: nothing to hold
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        # Handed to the handler held back: Python's raises KeyboardInterrupt
        # now, and an outer hold keeps it until its own end.
        if callable(previous):
            previous(signal.SIGINT, None)
        elif previous != signal.SIG_IGN:
            raise KeyboardInterrupt
