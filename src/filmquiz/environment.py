"""What filmquiz runs in: which streams are terminals, whether the terminal can
move its cursor, whether colour is wanted.

Decided once per command and passed down, so that the rest of filmquiz never
asks ``isatty`` itself, and tests can hand in any environment they like.
"""

from __future__ import annotations

import os
import sys
from typing import NamedTuple, TextIO

# Terminal types known to move the cursor; any other is looked up in terminfo.
_CAPABLE_TERMINALS = (
    "xterm",
    "screen",
    "tmux",
    "vt1",
    "vt2",
    "linux",
    "rxvt",
    "alacritty",
    "kitty",
    "foot",
    "wezterm",
    "konsole",
    "gnome",
    "putty",
    "st-",
    "ansi",
    "cygwin",
    "iterm",
)
_INCAPABLE_TERMINALS = ("", "dumb", "unknown", "emacs")


class Environment(NamedTuple):
    """The streams and terminal a command runs with."""

    stdin_is_terminal: bool
    stdout_is_terminal: bool
    stderr_is_terminal: bool
    cursor_control: bool
    """True when the terminal can move its cursor and redraw a menu
    (``TERM=dumb`` cannot)."""
    color: bool
    """False with ``--no-color`` or a non-empty ``NO_COLOR``."""

    @classmethod
    def detect(cls, *, no_color: bool = False) -> Environment:
        """The environment of this process."""
        return cls(
            stdin_is_terminal=_is_terminal(sys.stdin),
            stdout_is_terminal=_is_terminal(sys.stdout),
            stderr_is_terminal=_is_terminal(sys.stderr),
            cursor_control=can_move_cursor(os.environ.get("TERM")),
            color=not no_color and not os.environ.get("NO_COLOR"),
        )

    def can_draw_menus(self, *, on_stderr: bool = False) -> bool:
        """True when questions can be asked with menus: keys come from a
        terminal, and the menu is drawn on one that can move its cursor."""
        drawn_on = self.stderr_is_terminal if on_stderr else self.stdout_is_terminal
        return self.stdin_is_terminal and drawn_on and self.cursor_control

    @property
    def interactive(self) -> bool:
        """True when a person can answer a prompt: both stdin and stdout are
        terminals, whatever the terminal can draw."""
        return self.stdin_is_terminal and self.stdout_is_terminal


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (ValueError, OSError):  # a closed or detached stream
        return False


def can_move_cursor(term: str | None) -> bool:
    """Whether a terminal of type ``term`` (the TERM variable) can move its
    cursor: known types at once, others by their terminfo entry."""
    if os.name == "nt" and not term:
        return True  # the Windows console, driven through its own API
    name = (term or "").lower()
    if name in _INCAPABLE_TERMINALS:
        return False
    if name.startswith(_CAPABLE_TERMINALS):
        return True
    try:
        import curses

        curses.setupterm(name, sys.__stdout__.fileno() if sys.__stdout__ else -1)
        return bool(curses.tigetstr("cuu1") or curses.tigetstr("cup"))
    except Exception:  # no terminfo entry, or no curses at all
        return False
