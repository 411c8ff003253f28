"""The quiz engine: which questions a game asks, in what order, and its result.

Pure logic: no terminal, no files, no clock of its own. It is handed a
``random.Random`` to shuffle with, a function that asks one question and
returns the choice made, and clocks to time the game, so every game can be
replayed exactly in a test.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import Any, NamedTuple

from filmquiz.bank import Bank, Difficulty, Question
from filmquiz.errors import InputEnded, NoQuestions, quote


class Selection(NamedTuple):
    """Which of a bank's questions a game asks, and whether it shuffles them."""

    limit: int | None = None
    """At most this many questions; None asks all that match."""
    category: str | None = None
    """Only this category, compared without regard to case."""
    difficulty: Difficulty | None = None
    shuffle: bool = True
    """False keeps questions and choices in the order the bank lists them."""
    only: frozenset[str] | None = None
    """When given, only the questions with these ids (``play --mistakes``)."""


class Round(NamedTuple):
    """One question as a game asks it."""

    number: int
    """Its place in the game, from 1."""
    total: int
    """How many questions the game asks."""
    question: Question
    choices: tuple[str, ...]
    """The question's choices in the order shown to the player."""


class Answer(NamedTuple):
    """A choice the player made, and whether it was right."""

    question: Question
    chosen: str

    @property
    def correct(self) -> bool:
        """True when the choice made is the question's answer."""
        return self.chosen == self.question.answer


class Ending(Enum):
    """How a game stopped."""

    COMPLETED = "completed"
    INTERRUPTED = "interrupted"
    """The player pressed Ctrl-C."""
    INPUT_ENDED = "input ended"
    """Standard input ran out before the last question."""


class CategoryScore(NamedTuple):
    """How a game went in one category."""

    category: str
    right: int
    asked: int


class GameResult(NamedTuple):
    """Everything a finished or stopped game produced."""

    quiz: str
    """The slug of the bank played."""
    title: str
    player: str
    total: int
    """How many questions the game was to ask."""
    answers: tuple[Answer, ...]
    """The questions answered, in the order asked."""
    ending: Ending
    started_at: datetime
    finished_at: datetime
    seconds: float
    """How long the game took, by a monotonic clock."""

    @property
    def score(self) -> int:
        """How many answers were right."""
        return sum(answer.correct for answer in self.answers)

    @property
    def complete(self) -> bool:
        """True when every question was answered."""
        return self.ending is Ending.COMPLETED

    @property
    def percent(self) -> float:
        """The score as a percentage of the questions the game was to ask."""
        return 100.0 * self.score / self.total if self.total else 0.0

    def by_category(self) -> list[CategoryScore]:
        """The score in each category answered, in order of first appearance."""
        tally: dict[str, list[int]] = {}
        for answer in self.answers:
            counts = tally.setdefault(
                answer.question.category or "uncategorised", [0, 0]
            )
            counts[0] += answer.correct
            counts[1] += 1
        return [
            CategoryScore(name, right, asked) for name, (right, asked) in tally.items()
        ]

    def to_document(self) -> dict[str, Any]:
        """The result as the JSON document ``play --json`` prints."""
        return {
            "quiz": self.quiz,
            "title": self.title,
            "player": self.player,
            "score": self.score,
            "total": self.total,
            "complete": self.complete,
            "questions": [
                {
                    "id": answer.question.id,
                    "chosen": answer.chosen,
                    "answer": answer.question.answer,
                    "correct": answer.correct,
                }
                for answer in self.answers
            ],
        }


def plan_game(
    bank: Bank, selection: Selection, rng: random.Random
) -> tuple[Round, ...]:
    """The rounds of a game: the questions chosen, ordered, and their choices ordered.

    Raises :class:`NoQuestions` when the selection matches no question.
    """
    questions: Sequence[Question] = bank.questions
    if selection.only is not None or selection.category or selection.difficulty:
        questions = [q for q in questions if _matches(q, selection)]
    if not questions:
        raise NoQuestions(_nothing_matches(bank, selection))
    total = (
        len(questions)
        if selection.limit is None
        else min(selection.limit, len(questions))
    )
    # sample() draws only the questions asked, so a game of 10 from a bank of
    # 200,000 touches 10 questions, not all of them.
    chosen = rng.sample(questions, total) if selection.shuffle else questions[:total]
    return tuple(
        Round(
            number=number,
            total=total,
            question=question,
            choices=(
                tuple(rng.sample(question.choices, len(question.choices)))
                if selection.shuffle
                else question.choices
            ),
        )
        for number, question in enumerate(chosen, start=1)
    )


def _matches(question: Question, selection: Selection) -> bool:
    if selection.only is not None and question.id not in selection.only:
        return False
    if selection.difficulty and question.difficulty != selection.difficulty:
        return False
    if selection.category is None:
        return True
    return (question.category or "").casefold() == selection.category.casefold()


def _nothing_matches(bank: Bank, selection: Selection) -> str:
    wanted = []
    if selection.only is not None:
        wanted.append("among those chosen")
    if selection.category is not None:
        wanted.append(f"in category {quote(selection.category)}")
    if selection.difficulty is not None:
        wanted.append(f"of difficulty {quote(selection.difficulty)}")
    message = f"{quote(bank.title)} has no questions {' '.join(wanted)}"
    if selection.category is not None and bank.categories:
        message += f"; its categories are {', '.join(bank.categories)}"
    return message


Ask = Callable[[Round], str]
"""Asks one round and returns the choice made; raises InputEnded or
KeyboardInterrupt when no answer will come."""

Tell = Callable[[Round, Answer], None]
"""Shows the player how one answer went."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Clocks(NamedTuple):
    """Where a game reads the time: swapped for fixed clocks in tests."""

    wall: Callable[[], datetime] = _utc_now
    monotonic: Callable[[], float] = time.monotonic


def play(
    rounds: tuple[Round, ...],
    ask: Ask,
    tell: Tell,
    *,
    bank: Bank,
    player: str,
    clocks: Clocks | None = None,
) -> GameResult:
    """Ask each round in turn and return the result, however the game ends.

    Ctrl-C (``KeyboardInterrupt``) or the end of input stops the game early;
    the result then holds the answers given so far.
    """
    clocks = clocks or Clocks()
    started_at, start = clocks.wall(), clocks.monotonic()
    answers: list[Answer] = []
    ending = Ending.COMPLETED
    try:
        for round_ in rounds:
            answer = Answer(round_.question, ask(round_))
            answers.append(answer)
            tell(round_, answer)
    except KeyboardInterrupt:
        ending = Ending.INTERRUPTED
    except InputEnded:
        ending = Ending.INPUT_ENDED
    return GameResult(
        quiz=bank.slug,
        title=bank.title,
        player=player,
        total=len(rounds),
        answers=tuple(answers),
        ending=ending,
        started_at=started_at,
        finished_at=clocks.wall(),
        seconds=clocks.monotonic() - start,
    )
