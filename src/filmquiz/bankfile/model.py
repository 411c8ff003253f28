"""The question bank: the frozen, already-checked objects a quiz is played from.

These are msgspec structs, so a valid bank file decodes straight into them in
C, with unknown keys, wrong types and bad difficulties refused on the way.
Objects here are only ever built by :mod:`filmquiz.bankfile.reading`, which
checks what a schema cannot (answers among the choices, unique ids, plain
text); everything after the loader trusts them.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import Annotated

import msgspec

from filmquiz.bankfile.rules import (
    DEFAULT_TYPE,
    MAX_CHOICES,
    QUESTION_TYPES,
    SPOILER_LEVELS,
    TRUE_FALSE,
    UNMARKED_SPOILER,
    Difficulty,
    QuestionType,
    Spoiler,
)

# gc=False: these structs hold only text, numbers and tuples of them, so they
# can never be part of a reference cycle, and leaving them out of the cyclic
# garbage collector halves the time to decode a bank of 200,000 questions.
# omit_defaults=True: encoded, a field left out stays out, so the fast path can
# count the keys a re-encoded bank has (see vouching._encoded_again_agrees).


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
    """One question, of one of four types (see rules.QUESTION_TYPES)."""

    id: str
    """Unique within its bank; what scores and results refer to."""
    prompt: str
    type: QuestionType = DEFAULT_TYPE
    choices: Annotated[tuple[str, ...], msgspec.Meta(max_length=MAX_CHOICES)] = ()
    """In the order the bank lists them: for a ``single`` question, exactly
    one equals ``answer``; for a ``multi`` one, ``answer`` lists the right
    ones. The other types have none."""
    answer: str | bool | tuple[str, ...]
    """A choice (``single``), True or False (``truefalse``), the right
    choices (``multi``), or the words to type (``text``)."""
    accept: tuple[str, ...] = ()
    """Other answers a ``text`` question takes, such as a nickname."""
    category: str | None = None
    difficulty: Difficulty | None = None
    explanation: str | None = None
    """Why the answer is right, shown after the question is answered."""
    spoiler: Spoiler | None = None
    """How far into the film the question reaches; None counts as the
    ending (see rules.UNMARKED_SPOILER)."""
    source: str | None = None
    """Where the fact comes from: a short citation or an address."""

    @property
    def offered(self) -> tuple[str, ...]:
        """What the player picks from, in the bank's order: the choices, or
        True and False; nothing for a typed answer."""
        return TRUE_FALSE if self.type == "truefalse" else self.choices

    @property
    def right_choices(self) -> tuple[str, ...]:
        """The answer as the choices that are right, in the bank's order (the
        one words to type, for a ``text`` question)."""
        answer = self.answer
        if isinstance(answer, bool):
            return (TRUE_FALSE[0] if answer else TRUE_FALSE[1],)
        if isinstance(answer, str):
            return (answer,)
        return tuple(choice for choice in self.choices if choice in answer)

    @property
    def answer_text(self) -> str:
        """The answer as shown to a player: a choice, True or False, the
        right choices joined by semicolons, or the words to type."""
        return "; ".join(self.right_choices)


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
    credits: str | None = None
    """Who wrote or gathered the questions."""
    license: str | None = None
    """The terms the questions may be shared on, such as "CC BY-SA 4.0"."""
    spoiler_words: tuple[str, ...] = ()
    """Words that give the plot away: a question marked ``none`` must not
    use them (``validate --strict`` checks)."""

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories used, in order of first appearance."""
        seen = dict.fromkeys(map(_category_of, self.questions))
        return tuple(category for category in seen if category)

    @property
    def types(self) -> dict[QuestionType, int]:
        """How many questions of each type, the types used only."""
        counts = dict.fromkeys(QUESTION_TYPES, 0)
        for question in self.questions:
            counts[question.type] += 1
        return {kind: count for kind, count in counts.items() if count}

    @property
    def spoilers(self) -> dict[Spoiler, int]:
        """How many questions reach each spoiler level, unmarked ones counted
        as the ending; every level is a key."""
        counts = dict.fromkeys(SPOILER_LEVELS, 0)
        for question in self.questions:
            counts[question.spoiler or UNMARKED_SPOILER] += 1
        return counts
