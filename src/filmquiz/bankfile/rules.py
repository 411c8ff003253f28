"""The rules of a bank file, in one place.

The model, both checkers, the JSON Schema, the wizard, the importers and the
command line all take what a bank may hold from here, so that a new rule (or a
new question type) is taught once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, get_args

from filmquiz.visible import BIDI_CONTROLS, INVISIBLE_PRINTABLE, without_invisible

FORMAT_VERSION = 1
"""The newest bank format this filmquiz reads."""

Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = get_args(Difficulty)
"""From easiest to hardest."""

Spoiler = Literal["none", "early", "middle", "ending"]
SPOILER_LEVELS: tuple[Spoiler, ...] = get_args(Spoiler)
"""How far into the film a question reaches (its answer, prompt, choices or
explanation), from the premise to the ending."""
UNMARKED_SPOILER: Spoiler = "ending"
"""The level of a question that does not say: the cautious one."""
ENDING = len(SPOILER_LEVELS) - 1
"""The rank of the last level, the film's ending (see spoiler_rank)."""


def spoiler_rank(level: Spoiler | None) -> int:
    """Where ``level`` (None: unmarked) stands, from 0 for ``none``."""
    return SPOILER_LEVELS.index(level or UNMARKED_SPOILER)


QuestionType = Literal["single", "truefalse", "multi", "text"]
QUESTION_TYPES: tuple[QuestionType, ...] = get_args(QuestionType)
"""How a question is answered: one of its choices (the default), True or
False, every right one of its choices, or typed in."""
DEFAULT_TYPE: QuestionType = "single"
TYPES_WITH_CHOICES: tuple[QuestionType, ...] = ("single", "multi")
"""The types that list choices; the others must not."""
TRUE_FALSE = ("True", "False")
"""How a true/false question's two answers are shown, true first."""

MIN_CHOICES = 2
MAX_CHOICES = 10
"""How many choices a question lists."""

EARLIEST_YEAR = 1870
LATEST_YEAR = 2200
"""The years a film.year may hold: anything else is a typo."""

BANK_KEYS = (
    "$schema",
    "format",
    "title",
    "film",
    "credits",
    "license",
    "spoiler_words",
    "questions",
)
BANK_REQUIRED = ("format", "title", "questions")
FILM_KEYS = ("title", "original_title", "year", "director")
QUESTION_KEYS = (
    "id",
    "type",
    "category",
    "difficulty",
    "spoiler",
    "source",
    "prompt",
    "choices",
    "answer",
    "accept",
    "explanation",
)
QUESTION_REQUIRED = ("id", "prompt", "answer")
"""The keys of each object of a bank file, in the order a bank is written."""

# C0 and C1 control characters, DEL and the line and paragraph separators: a
# bank is plain single-line text, and these could move the cursor, change
# colours or rewrite the screen of whoever plays it.
CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
SURROGATE = re.compile("[\ud800-\udfff]")
"""A lone surrogate: a string that cannot be written as UTF-8."""


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
    surrogate = SURROGATE.search(text)
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


def is_film_year(year: int) -> bool:
    """True when ``year`` may be a film's year."""
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def choice_count_fits(count: int) -> bool:
    """True when a question may list ``count`` choices."""
    return MIN_CHOICES <= count <= MAX_CHOICES


def one_of(words: Sequence[str]) -> str:
    """``words`` as a reader says them: "easy, medium or hard"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} or {words[-1]}"


LEADING_ARTICLES = frozenset({"the", "a", "an", "el", "la", "los", "las", "le", "les"})
"""Articles a typed answer may start with or leave out: "the Venice festival"
is "Venice festival". English, and the Spanish and French of the banks."""
_NOT_A_LETTER = re.compile(r"[\W_]+")


def comparable(text: str) -> str:
    """``text`` as a typed answer is compared: without case, accents,
    punctuation, extra spaces or a leading article ("Penélope  Cruz." is
    "penelope cruz"); empty when nothing is left to compare."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = _NOT_A_LETTER.sub(" ", bare.replace("'", "").replace("\u2019", "")).split()
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(words)
