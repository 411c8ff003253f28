"""A terminal for end-to-end tests: the installed ``filmquiz`` spawned in a
pseudo-terminal with pexpect, its output kept on a pyte screen, so that a test
reads what a person would see, at a chosen width."""

from __future__ import annotations

import os
import time
from collections.abc import Mapping

import pexpect
import pyte


class Terminal:
    """A program in a pseudo-terminal of ``columns`` x ``rows``, drawn on a
    screen as a terminal would draw it."""

    def __init__(
        self,
        command: str,
        *args: str,
        columns: int = 80,
        rows: int = 40,
        env: Mapping[str, str] | None = None,
    ) -> None:
        environment = {
            **os.environ,
            "PROMPT_TOOLKIT_NO_CPR": "1",
            "TERM": "xterm-256color",
            "COLUMNS": str(columns),
            "LINES": str(rows),
            **(env or {}),
        }
        environment.pop("NO_COLOR", None)
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        """Every byte the program wrote."""
        self.child = pexpect.spawn(
            command, list(args), env=environment, dimensions=(rows, columns)
        )

    def pump(self, seconds: float = 0.1) -> None:
        """Take in what the program writes during ``seconds``."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                data = self.child.read_nonblocking(65536, timeout=0.05)
            except pexpect.TIMEOUT:
                data = b""
            except pexpect.EOF:
                return
            if data:
                self.raw += data
                self.stream.feed(data)
            elif time.monotonic() >= deadline:
                return

    def lines(self) -> list[str]:
        """The screen as it is now, one string per row, right spaces trimmed."""
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        """The screen as one string."""
        return "\n".join(self.lines())

    def wait_for(self, wanted: str, timeout: float = 15) -> None:
        """Wait until ``wanted`` is on the screen; fail with the screen if not."""
        deadline = time.monotonic() + timeout
        while wanted not in self.text():
            ended = not self.child.isalive() and not self._drain()
            if ended or time.monotonic() > deadline:
                raise AssertionError(f"{wanted!r} never appeared:\n{self.text()}")
            self.pump(0.05)

    def _drain(self) -> bool:
        before = len(self.raw)
        self.pump(0.2)
        return len(self.raw) > before

    def send(self, keys: str) -> None:
        """Press ``keys``, all at once."""
        self.child.send(keys)

    def finish(self, timeout: float = 20) -> int:
        """Wait for the program to end; its exit status."""
        deadline = time.monotonic() + timeout
        while self.child.isalive() and time.monotonic() < deadline:
            self.pump(0.1)
        self.pump(0.2)
        self.child.close()
        assert self.child.exitstatus is not None, "the program did not end"
        return int(self.child.exitstatus)
