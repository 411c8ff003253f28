"""The question bank: the frozen, already-checked objects a quiz is played from.

These are msgspec structs, so a valid bank file decodes straight into them in
C, with unknown keys, wrong types and bad difficulties refused on the way.
Objects here are only ever built by :mod:`filmquiz.bankfile.reading`, which
checks what a schema cannot (answers among the choices, unique ids, plain
text); everything after the loader trusts them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter
from typing import Annotated, Literal, get_args

import msgspec

from filmquiz.visible import BIDI_CONTROLS, INVISIBLE_PRINTABLE, without_invisible

Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = get_args(Difficulty)

FORMAT_VERSION = 1
"""The newest bank format this filmquiz reads."""

MIN_CHOICES = 2
MAX_CHOICES = 10
EARLIEST_YEAR = 1870
LATEST_YEAR = 2200
"""The years a film.year may hold: anything else is a typo."""

# C0 and C1 control characters, DEL and the line and paragraph separators: a
# bank is plain single-line text, and these could move the cursor, change
# colours or rewrite the screen of whoever plays it.
CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def text_problem(text: str) -> str | None:
    """What is wrong with a piece of bank text, or None: every string of a
    bank must be plain, single-line, visible text."""
    if text.isprintable() and text.strip() and not INVISIBLE_PRINTABLE.search(text):
        return None  # the usual case, decided in C
    if not without_invisible(text).strip():
        return "is blank"
    control = CONTROL_CHARACTER.search(text)
    if control is not None:
        return (
            f"contains a control character (U+{ord(control.group()):04X}); "
            "bank text must be plain, single-line text"
        )
    bidi = next((character for character in text if character in BIDI_CONTROLS), None)
    if bidi is not None:
        return (
            f"contains a bidirectional control character (U+{ord(bidi):04X}), "
            "which would change how the text reads"
        )
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        return f"contains a lone surrogate (U+{ord(surrogate.group()):04X}), not text"
    return None


def is_plain(text: str) -> bool:
    """True when ``text`` is fit for a bank (see :func:`text_problem`)."""
    return text_problem(text) is None


def looks(text: str) -> str:
    """What ``text`` looks like on screen: two choices that look the same are
    the same choice."""
    return without_invisible(text)


# gc=False: these structs hold only text, numbers and tuples of them, so they
# can never be part of a reference cycle, and leaving them out of the cyclic
# garbage collector halves the time to decode a bank of 200,000 questions.
# omit_defaults=True: encoded, a field left out stays out, so the fast path can
# count the keys a re-encoded bank has (see fastpath._same_keys).


class Film(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    forbid_unknown_fields=True,
    omit_defaults=True,
    gc=False,
):
    """What the quiz is about; every field is optional in a bank."""

    title: str | None = None
    original_title: str | None = None
    """The title in the film's own language, when it differs."""
    year: int | None = None
    director: str | None = None


class Question(
    msgspec.Struct,
    frozen=True,
    kw_only=True,
    forbid_unknown_fields=True,
    omit_defaults=True,
    gc=False,
):
    """One multiple-choice question."""

    id: str
    """Unique within its bank; what scores and results refer to."""
    prompt: str
    choices: Annotated[
        tuple[str, ...], msgspec.Meta(min_length=MIN_CHOICES, max_length=MAX_CHOICES)
    ]
    """In the order the bank lists them; exactly one equals ``answer``."""
    answer: str
    category: str | None = None
    difficulty: Difficulty | None = None
    explanation: str | None = None
    """Why the answer is right, shown after the question is answered."""


_category_of = attrgetter("category")


class Bank(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """A whole quiz, as read from one file."""

    slug: str
    """The name ``play`` takes: the file name without ``.json``."""
    title: str
    questions: Sequence[Question]
    """In file order. A tuple, or, for a big bank read from the cache, a
    sequence that decodes each question only when it is asked for."""
    film: Film | None = None

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories used, in order of first appearance."""
        seen = dict.fromkeys(map(_category_of, self.questions))
        return tuple(category for category in seen if category)
