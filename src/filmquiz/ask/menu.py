"""A menu of choices in the terminal, drawn with prompt_toolkit.

questionary's select cuts long choices at the edge of the terminal, wraps its
question in the middle of words and has no room for a countdown, so a game's
menu is built here from prompt_toolkit, which questionary itself is made of,
with the same look. Every redraw lays the text out again for the terminal's
width at that moment: the question and each choice wrap on word boundaries,
and a menu taller than the terminal scrolls, saying how many choices are above
and below. The cursor stays at the menu's top-left corner, so when the
terminal is narrowed and re-flows the lines already drawn, erasing from there
still erases all of them.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

from prompt_toolkit.application import Application
from prompt_toolkit.application.current import get_app
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.input.typeahead import clear_typeahead
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.output import ColorDepth, Output
from prompt_toolkit.styles import Style
from prompt_toolkit.utils import get_cwidth

STYLE = Style(
    [
        ("qmark", "fg:ansicyan bold"),
        ("question", "bold"),
        ("meta", "fg:ansibrightblack"),
        ("pointer", "fg:ansicyan bold"),
        ("highlighted", "fg:ansicyan bold"),
        ("number", "fg:ansibrightblack"),
        ("instruction", "fg:ansibrightblack"),
        ("more", "fg:ansibrightblack italic"),
        ("answer", "fg:ansicyan bold"),
        ("clock", "fg:ansiyellow"),
        ("clock.urgent", "fg:ansired bold"),
    ]
)

POINTER = "»"
NUMBER_KEYS = "123456789"
"""The keys that pick a choice at once: 1 picks the first one."""
FIFTY_FIFTY_KEY = "f"
"""The key that uses a 50:50, where one may be used."""
URGENT_SECONDS = 5
"""Seconds left from which the countdown turns red."""
TICK = 0.25
"""Seconds between redraws of a countdown: often enough that it never shows
a second late, and prompt_toolkit redraws only what changed."""


class Line(NamedTuple):
    """One line of the menu as drawn: its style and its text."""

    style: str
    text: str


def seconds_left(deadline: float) -> int:
    """Whole seconds left until ``deadline`` (on the monotonic clock),
    rounded up: 0 only once it has passed."""
    return max(math.ceil(deadline - time.monotonic()), 0)


def countdown(deadline: float) -> Line:
    """The countdown line: ``⏱ 12 s left``, red in the last seconds."""
    left = seconds_left(deadline)
    style = "class:clock.urgent" if left <= URGENT_SECONDS else "class:clock"
    return Line(style, f"⏱ {left} s left")


def expire_at(application: Application[Any], deadline: float | None) -> None:
    """Close ``application`` with no answer (None) when ``deadline`` passes;
    called from its pre_run, when its event loop runs."""
    if deadline is None:
        return

    async def expire() -> None:
        await asyncio.sleep(max(deadline - time.monotonic(), 0))
        if application.is_running and not application.future.done():  # type: ignore[union-attr]
            application.exit(result=None)

    application.create_background_task(expire())


def wrap(text: str, width: int, *, first: str = "", rest: str = "") -> list[str]:
    """``text`` in lines of at most ``width`` terminal cells, broken between
    words, the first line after ``first`` and the others after ``rest``.

    A word wider than a whole line is the only thing ever broken inside.
    """
    lines: list[str] = []
    line, used, fresh = first, get_cwidth(first), True
    for word in text.split():
        size = get_cwidth(word)
        if not fresh and used + 1 + size > width:
            lines.append(line)
            line, used, fresh = rest, get_cwidth(rest), True
        if not fresh:
            line, used = line + " ", used + 1
        while used + size > width and size > 1 and width - used > 0:
            head = _fit(word, width - used)
            lines.append(line + head)
            word = word[len(head) :]
            size = get_cwidth(word)
            line, used = rest, get_cwidth(rest)
        line, used, fresh = line + word, used + size, False
    lines.append(line)
    return lines


def _fit(word: str, cells: int) -> str:
    """The longest start of ``word`` that fits in ``cells`` (at least one
    character, so that breaking a word always makes progress)."""
    used = 0
    for index, character in enumerate(word):
        used += get_cwidth(character)
        if used > cells:
            return word[: max(index, 1)]
    return word


class Menu:
    """Asks one question and returns the position of the choice picked.

    ``heading`` is drawn above the question (the question number, its
    category); ``hint`` below the choices. Enter picks the choice the pointer
    is on; a number key picks that choice at once; Esc does nothing; Ctrl-C
    raises KeyboardInterrupt. Keys pressed before the menu is drawn are
    discarded, so that an impatient second Enter never answers a question
    that was not yet shown.

    With a ``deadline`` (on the monotonic clock), a countdown is drawn under
    the hint and the menu closes with no answer (None) when it passes. With
    ``halved`` (the positions a 50:50 keeps), the F key takes the other
    choices away, once; ``fifty_fifty_used`` then says so.
    """

    def __init__(
        self,
        *,
        heading: str,
        prompt: str,
        choices: Sequence[str],
        hint: str,
        input: Input | None = None,
        output: Output | None = None,
        no_color: bool = False,
        deadline: float | None = None,
        halved: Sequence[int] = (),
    ) -> None:
        self.heading = heading
        self.prompt = prompt
        self.choices = tuple(choices)
        self.hint = hint
        self.deadline = deadline
        self.halved = tuple(halved)
        self.fifty_fifty_used = False
        self.offered = list(range(len(self.choices)))
        """The positions of the choices still offered (all, until a 50:50)."""
        self.pointed_at = 0
        """Where the pointer is, among the choices offered."""
        self._application: Application[int | None] = Application(
            layout=Layout(
                Window(
                    FormattedTextControl(
                        self._fragments, focusable=True, show_cursor=False
                    ),
                    dont_extend_height=True,
                    always_hide_cursor=True,
                )
            ),
            key_bindings=self._bindings(),
            # Without colour, without any style: the pointer shows the choice.
            style=Style([]) if no_color else STYLE,
            erase_when_done=True,
            input=input,
            output=output,
            color_depth=ColorDepth.DEPTH_1_BIT if no_color else None,
            refresh_interval=TICK if deadline is not None else None,
        )

    def ask(self) -> int | None:
        """Draw the menu and wait for a choice; return its position, or None
        when the deadline passed first."""
        return self._application.run(pre_run=self._start)

    def pick(self) -> int:
        """Draw a menu without a deadline and wait for a choice; return its
        position."""
        position = self.ask()
        assert position is not None, "only a deadline ends a menu without a choice"
        return position

    def _start(self) -> None:
        self._discard_typeahead()
        expire_at(self._application, self.deadline)

    # -- keys -----------------------------------------------------------------

    def _bindings(self) -> KeyBindings:
        bindings = KeyBindings()

        @bindings.add("down")
        @bindings.add("tab")
        def _down(event: KeyPressEvent) -> None:
            self.pointed_at = (self.pointed_at + 1) % len(self.offered)

        @bindings.add("up")
        @bindings.add("s-tab")
        def _up(event: KeyPressEvent) -> None:
            self.pointed_at = (self.pointed_at - 1) % len(self.offered)

        @bindings.add("home")
        @bindings.add("pageup")
        def _first(event: KeyPressEvent) -> None:
            self.pointed_at = 0

        @bindings.add("end")
        @bindings.add("pagedown")
        def _last(event: KeyPressEvent) -> None:
            self.pointed_at = len(self.offered) - 1

        @bindings.add("enter")
        def _pick(event: KeyPressEvent) -> None:
            event.app.exit(result=self.offered[self.pointed_at])

        for position, key in enumerate(NUMBER_KEYS[: len(self.choices)]):
            bindings.add(key)(self._picking(position))

        @bindings.add(FIFTY_FIFTY_KEY)
        @bindings.add(FIFTY_FIFTY_KEY.upper())
        def _fifty_fifty(event: KeyPressEvent) -> None:
            if self.halved and not self.fifty_fifty_used:
                pointed = self.offered[self.pointed_at]
                self.offered = list(self.halved)
                self.fifty_fifty_used = True
                self.pointed_at = (
                    self.offered.index(pointed) if pointed in self.offered else 0
                )

        @bindings.add("c-c")
        def _interrupt(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        # Esc on its own, or Esc then Enter (read as one key, Meta-Enter),
        # leaves the question as it is; so does any other key.
        @bindings.add("escape")
        @bindings.add("escape", "enter")
        @bindings.add("<any>")
        def _ignore(event: KeyPressEvent) -> None:
            return None

        return bindings

    def _picking(self, position: int) -> Callable[[KeyPressEvent], None]:
        def pick(event: KeyPressEvent) -> None:
            if position in self.offered:  # not one a 50:50 took away
                event.app.exit(result=position)

        return pick

    def _discard_typeahead(self) -> None:
        drop_typeahead(self._application.input)

    # -- drawing --------------------------------------------------------------

    def _fragments(self) -> StyleAndTextTuples:
        size = get_app().output.get_size()
        lines = self.layout(max(size.columns - 1, 20), max(size.rows - 1, 3))
        fragments: StyleAndTextTuples = []
        for line in lines:
            fragments.extend([(line.style, line.text), ("", "\n")])
        return fragments[:-1]

    def layout(self, width: int, height: int) -> list[Line]:
        """The menu's lines for a terminal ``width`` cells wide with ``height``
        rows to draw in."""
        top = [
            Line("class:meta", text)
            for text in (wrap(self.heading, width) if self.heading else [])
        ]
        top += [Line("class:question", text) for text in wrap(self.prompt, width)]
        hint = self.hint
        if self.fifty_fifty_used:
            keys = " or ".join(str(position + 1) for position in self.offered)
            hint = (
                "(50:50 took two wrong choices away: arrow keys and Enter, "
                f"or press {keys})"
            )
        elif self.halved:
            hint += f"; {FIFTY_FIFTY_KEY.upper()} for a 50:50"
        bottom = [Line("class:instruction", text) for text in wrap(hint, width)]
        if self.deadline is not None:
            bottom.append(countdown(self.deadline))
        blocks = [
            self._choice_lines(index, width) for index in range(len(self.offered))
        ]
        room = height - len(top) - len(bottom)
        return [*top, *_scrolled(blocks, self.pointed_at, room), *bottom]

    def _choice_lines(self, index: int, width: int) -> list[Line]:
        pointed = index == self.pointed_at
        position = self.offered[index]
        widest = len(f"{len(self.choices)}.")
        number = f"{position + 1}."
        lead = f" {POINTER if pointed else ' '} {number:<{widest}} "
        style = "class:highlighted" if pointed else ""
        lines = wrap(self.choices[position], width, first=lead, rest=" " * len(lead))
        return [Line(style, text) for text in lines]


def _scrolled(blocks: list[list[Line]], pointed_at: int, room: int) -> list[Line]:
    """The choices' lines that fit in ``room`` rows, always with the pointed
    choice, and a line saying how many choices are hidden above or below."""
    if sum(map(len, blocks)) <= room:
        return [line for block in blocks for line in block]
    first = last = pointed_at
    used = len(blocks[pointed_at])
    # Grow the window downwards, then upwards, while it fits with both notes.
    while last + 1 < len(blocks) and used + len(blocks[last + 1]) + 2 <= room:
        last += 1
        used += len(blocks[last])
    while first > 0 and used + len(blocks[first - 1]) + 2 <= room:
        first -= 1
        used += len(blocks[first])
    shown = [line for block in blocks[first : last + 1] for line in block]
    if first > 0:
        shown.insert(0, Line("class:more", f"   ↑ {first} more"))
    if last + 1 < len(blocks):
        shown.append(Line("class:more", f"   ↓ {len(blocks) - last - 1} more"))
    return shown


def drop_typeahead(input: Input | None) -> None:
    """At a terminal, forget keys pressed before a prompt is drawn: those
    prompt_toolkit read ahead for an earlier prompt, and those waiting in the
    terminal. Input from a pipe (a script, a test) is kept: it was all meant
    to be read."""
    if input is None:
        from prompt_toolkit.input import create_input

        input = create_input()
    try:
        descriptor = input.fileno()
        if not os.isatty(descriptor):
            return
        import termios

        clear_typeahead(input)
        termios.tcflush(descriptor, termios.TCIFLUSH)
    except (ImportError, OSError, ValueError, NotImplementedError):
        return


@contextlib.contextmanager
def quiet_keys() -> Iterator[None]:
    """Keys pressed while no menu is up (during feedback) are not echoed by
    the terminal; they are discarded when the next menu opens. Ctrl-C still
    interrupts."""
    try:
        import termios

        descriptor = sys.stdin.fileno()
        saved = termios.tcgetattr(descriptor)
    except (ImportError, OSError, ValueError, AttributeError):
        yield
        return
    quiet = list(saved)
    quiet[3] &= ~(termios.ECHO | termios.ICANON)
    termios.tcsetattr(descriptor, termios.TCSANOW, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(descriptor, termios.TCSANOW, saved)
