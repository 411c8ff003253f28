"""Making any string from outside filmquiz safe to show in a terminal.

Bank text, file names, player names, lines typed or piped in and rows read
back from the score history all pass through :func:`visible` before they are
drawn: a control character (C0, DEL, C1), a bidirectional control, a lone
surrogate (or an undecodable byte of a file name), a line separator or an
invisible formatting character is written as an escape people can read, such
as ``\\x1b`` or ``\\u202e``, so that no string can move the cursor, recolour
the screen, reverse a line or pass itself off as another. (Markup is made
inert separately: everything drawn with rich is drawn as ``Text``.)
"""

from __future__ import annotations

import json
import re
import unicodedata

BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
"""Characters that change the direction text is laid out in."""

JOINERS = frozenset("\u200c\u200d")
"""Zero-width joiners that real text needs (emoji sequences, Persian): kept
when there is visible text around them."""

_SELECTOR = re.compile("[\ufe00-\ufe0f\U000e0100-\U000e01ef]")
"""Variation selectors: invisible, but part of how emoji are written."""
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
    + "".join(sorted(BIDI_CONTROLS))
    + "]"
)


INVISIBLE_PRINTABLE = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164"
    "\ufe00-\ufe0f\uffa0\U000e0100-\U000e01ef]"
)
"""Characters that Python calls printable yet that show nothing: fillers
(Hangul, the blank braille cell), variation selectors, the combining
grapheme joiner."""


def is_invisible(character: str) -> bool:
    """True for a character that takes no room on screen: a format character
    (zero-width spaces and joiners, bidi controls, soft hyphens) or one of
    INVISIBLE_PRINTABLE."""
    return (
        unicodedata.category(character) == "Cf"
        or INVISIBLE_PRINTABLE.match(character) is not None
    )


def without_invisible(text: str) -> str:
    """``text`` with its invisible characters removed: what it looks like."""
    return "".join(character for character in text if not is_invisible(character))


def visible(text: str) -> str:
    """``text`` with every character that could control the terminal, or
    hide, written as a visible escape."""
    if text.isprintable() and not INVISIBLE_PRINTABLE.search(text):
        return text
    blank = not without_invisible(text).strip()
    return "".join(_escaped(character, blank) for character in text)


def _escaped(character: str, blank: bool) -> str:
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # an undecodable byte of a file name
        return f"\\x{code - 0xDC00:02x}"
    if _UNSAFE.match(character) or (
        is_invisible(character)
        and (blank or character not in JOINERS)
        and not _SELECTOR.match(character)
    ):
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return character


def columns(text: str) -> int:
    """How many terminal columns ``text`` takes: wide characters (most emoji,
    CJK) take two, combining marks and invisible ones none."""
    width = 0
    for character in text:
        if unicodedata.combining(character) or is_invisible(character):
            continue
        width += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return width


def quote(value: str, limit: int = 60) -> str:
    """A string as a message shows it: in double quotes, escaped, visible,
    not too long."""
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return visible(json.dumps(shown, ensure_ascii=False))
