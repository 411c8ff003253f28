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
SPOILER_CHOICES: tuple[tuple[Spoiler, str], ...] = (
    ("none", "Only questions that spoil nothing"),
    ("middle", "Up to the middle of the film"),
    ("ending", "Every question, the ending too"),
)
"""What a game that may spoil the ending offers before it starts, safest
first: in the terminal (with the option that asks for each) and on a web
page alike."""
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


def one_of(words: Sequence[str], last: str = "or") -> str:
    """``words`` as a reader says them: "easy, medium or hard" (with
    ``last="and"``: "ids, categories and sources")."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


LEADING_ARTICLES = frozenset({"the", "a", "an", "el", "la", "los", "las", "le", "les"})
"""Articles a typed answer may start with or leave out: "the Venice festival"
is "Venice festival". English, and the Spanish and French of the banks."""
LONGEST_TYPED = 200
"""Characters a typed answer (or one it accepts) may have: a player types it."""
_NOT_A_LETTER = re.compile(r"[\W_]+")
_FRACTION = re.compile("(?<=[0-9])(?=[\u00bc-\u00be\u2150-\u215e])")
"""A vulgar fraction after a digit: 8½ is 8 1/2."""
_THOUSANDS = re.compile(r"(?<=[0-9])[,.\u00a0\u202f ](?=[0-9]{3}(?![0-9]))")
"""A thousands separator: 10,000 is 10000."""
_ABBREVIATION = re.compile(r"(?<=[^\W\d_])\.(?=[^\W\d_])")
"""A full stop inside a word: A.I. is AI."""
_ROMAN = re.compile("(x{0,3})(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10}


def comparable(text: str) -> str:
    """``text`` as a typed answer is compared: without case, accents,
    punctuation, invisible characters, extra spaces or leading articles
    ("Penélope  Cruz." is "penelope cruz", "The A-Team" is "team"), numbers
    written one way (10,000 and 10000; 8½ and 8 1/2; Frozen II and Frozen
    2); empty when nothing is left to compare."""
    import unicodedata

    folded = _FRACTION.sub(" ", without_invisible(text).casefold())
    decomposed = unicodedata.normalize("NFKD", folded)
    bare = "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else c
        for c in decomposed
        if not unicodedata.combining(c)
    )
    bare = _ABBREVIATION.sub("", _THOUSANDS.sub("", bare))
    words = _NOT_A_LETTER.sub(" ", bare.replace("'", "").replace("\u2019", "")).split()
    while len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    return " ".join(_arabic(word) for word in words)


def _arabic(word: str) -> str:
    """A Roman numeral up to 39 as digits (``iv`` is ``4``); any other word
    as it is."""
    if not word or _ROMAN.fullmatch(word) is None:
        return word
    values = [_ROMAN_VALUES[c] for c in word]
    total = sum(
        -value if later > value else value
        for value, later in zip(values, [*values[1:], 0], strict=True)
    )
    return str(total)
