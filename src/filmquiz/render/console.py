"""Where filmquiz's output goes: a console for people, one for errors, and
stdout for JSON; and the few ways of writing to them that every command shares.

Text from outside filmquiz (a bank, a file name, a player's name, a line of
input) is always drawn as ``rich.text.Text`` with anything that could control
the terminal made visible, never passed as markup: ``[red]`` in a question is
shown as typed.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console, ConsoleDimensions
from rich.text import Text

from filmquiz.interrupts import interrupts_held
from filmquiz.visible import BIDI_CONTROLS, visible

if TYPE_CHECKING:
    from rich.table import Table

_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029\ud800-\udfff" + "".join(sorted(BIDI_CONTROLS)) + "]"
)

PROGRESS_FROM = 2000
"""Work of at least this many items shows a progress bar."""

RIGHT = "✔"
WRONG = "✘"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def shown(text: str, style: str = "") -> Text:
    """Text from outside filmquiz, drawn as it is: markup inert, and anything
    that could control the terminal made visible."""
    return Text(visible(text), style=style)


class _Console(Console):
    """rich's console, but a closed pipe raises BrokenPipeError, for the game
    to be kept and filmquiz to end as it decides, instead of SystemExit; and
    Ctrl-C waits for the end of what is being printed. (Interrupted in the
    middle, rich would keep buffering, and nothing after, not even the
    summary of a stopped game, would ever be shown.)"""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError

    @property
    def size(self) -> ConsoleDimensions:
        """rich takes a dumb terminal (TERM=dumb) for 80 by 25 whatever its
        size; it has a size like any other, and text wraps to it."""
        if self._width is None and self.is_dumb_terminal:
            try:
                columns, rows = os.get_terminal_size(self.file.fileno())
            except (AttributeError, ValueError, OSError):
                return super().size
            typed = self._environ.get("COLUMNS", "")
            return ConsoleDimensions(
                int(typed) if typed.isdigit() else columns or 80, rows or 25
            )
        return super().size

    @size.setter
    def size(self, new_size: tuple[int, int]) -> None:
        Console.size.fset(self, new_size)  # type: ignore[attr-defined]

    def print(self, *objects: Any, **options: Any) -> None:
        with interrupts_held():
            super().print(*objects, **options)


class Screen:
    """One console for people and one for errors.

    With ``people_on_stderr`` (``--json``), text for people goes to stderr so
    that stdout carries only the JSON document.
    """

    def __init__(self, *, people_on_stderr: bool = False, color: bool = True):
        options: dict[str, Any] = {"highlight": False, "emoji": False}
        if not color:
            # No escape sequence at all, even where FORCE_COLOR asks for them.
            options["color_system"] = None
        self.people = _Console(stderr=people_on_stderr, **options)
        self.errors = _Console(stderr=True, **options)
        # Into a pipe or a file, a line is one line: wrapping is for terminals.
        for console in (self.people, self.errors):
            console.soft_wrap = not console.is_terminal
        self._data = _Console(**options)

    @property
    def width(self) -> int:
        """The columns people's text has."""
        return self.people.width

    # -- errors ------------------------------------------------------------

    def error(self, message: str) -> None:
        """One plain error message on stderr: one line into a pipe or file,
        wrapped between words in a terminal."""
        self.errors.print(Text.assemble(("error: ", "bold red"), visible(message)))

    def usage_error(self, message: str, help_command: str) -> None:
        """A usage error on stderr, and where the help is."""
        self.error(message)
        self.errors.print(Text(f"Try '{visible(help_command)} --help' for help."))

    def warning(self, message: str) -> None:
        """One line on stderr about something that did not stop the command
        (wrapped between words in a terminal)."""
        self.errors.print(Text.assemble(("warning: ", "bold yellow"), visible(message)))

    def problems(self, lines: Iterable[str]) -> None:
        """Problems (a bank's, one per line) on stderr."""
        for line in lines:
            self.error(line)

    # -- text for people ---------------------------------------------------

    def say(self, message: str) -> None:
        """One plain line for people."""
        self.people.print(Text(visible(message)))

    def note(self, message: str) -> None:
        """A dim line for people: a hint, a pointer to more."""
        self.people.print(Text(visible(message), style="dim"))

    def listing(self, table: Table) -> None:
        """Draw a listing with no spaces at the ends of its lines."""
        from rich.segment import Segment, Segments

        segments: list[Segment] = []
        for line in self.people.render_lines(table, pad=False):
            while line and not line[-1].text.rstrip():
                line.pop()
            if line and line[-1].text != line[-1].text.rstrip():
                last = line.pop()
                line.append(Segment(last.text.rstrip(), last.style))
            segments.extend([*line, Segment.line()])
        self.people.print(Segments(segments), end="")

    @contextmanager
    def progress(self, total: int, what: str) -> Iterator[Callable[[int], None]]:
        """A progress bar on stderr for long work; yields a function to call
        with the number of items done. Short work, and work whose stderr is not
        a terminal, draws nothing."""
        if total < PROGRESS_FROM or not self.errors.is_terminal:
            yield lambda done: None
            return
        from rich.progress import Progress

        with Progress(console=self.errors, transient=True) as bar:
            task = bar.add_task(what, total=total)
            yield lambda done: bar.update(task, completed=done)

    # -- data for programs -------------------------------------------------

    def json(self, document: Any) -> None:
        """One JSON document on stdout, exactly as a program expects it; the
        characters that could control a terminal are written as escapes."""
        text = json.dumps(document, ensure_ascii=False, indent=2)
        self._data.out(_JSON_UNSAFE.sub(_json_escape, text), highlight=False)
