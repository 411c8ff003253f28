"""The question bank: the frozen, already-checked objects a quiz is played from.

Objects here are only ever built by :mod:`filmquiz.loader`, which checks a file
first; everything after the loader trusts them.
"""

from __future__ import annotations

from typing import Literal, NamedTuple, get_args

Difficulty = Literal["easy", "medium", "hard"]
DIFFICULTIES: tuple[Difficulty, ...] = get_args(Difficulty)

FORMAT_VERSION = 1
"""The newest bank format this filmquiz reads."""


class Film(NamedTuple):
    """What the quiz is about; every field is optional in a bank."""

    title: str | None = None
    original_title: str | None = None
    """The title in the film's own language, when it differs."""
    year: int | None = None
    director: str | None = None


class Question(NamedTuple):
    """One multiple-choice question."""

    id: str
    """Unique within its bank; what scores and results refer to."""
    prompt: str
    choices: tuple[str, ...]
    """In the order the bank lists them; exactly one equals ``answer``."""
    answer: str
    category: str | None = None
    difficulty: Difficulty | None = None
    explanation: str | None = None
    """Why the answer is right, shown after the question is answered."""


class Bank(NamedTuple):
    """A whole quiz, as read from one file."""

    slug: str
    """The name ``play`` takes: the file name without ``.json``."""
    title: str
    questions: tuple[Question, ...]
    film: Film | None = None

    @property
    def categories(self) -> tuple[str, ...]:
        """The categories used, in order of first appearance."""
        seen = dict.fromkeys(q.category for q in self.questions if q.category)
        return tuple(seen)
