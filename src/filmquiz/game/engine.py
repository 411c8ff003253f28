"""The quiz engine: which questions a game asks, in what order, and its result.

Pure logic: no terminal, no files, no clock of its own. It is handed a
``random.Random`` to shuffle with, a function that asks one question and
returns the choice made, and clocks to time the game, so every game can be
replayed exactly in a test.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import NamedTuple
from uuid import uuid4

from filmquiz.bankfile.model import Bank, Question
from filmquiz.bankfile.rules import Difficulty, Spoiler, spoiler_rank
from filmquiz.errors import InputEnded, NoQuestions
from filmquiz.visible import quote


class Selection(NamedTuple):
    """Which of a bank's questions a game asks, and in what order."""

    limit: int | None = None
    """At most this many questions; None asks all that match."""
    categories: tuple[str, ...] = ()
    """Only questions of these categories (compared without regard to case);
    none given means every category."""
    difficulties: tuple[Difficulty, ...] = ()
    """Only questions of these difficulties; none given means every one."""
    shuffle: bool = True
    """False keeps questions and choices in the order the bank lists them."""
    seed: int = 0
    """What the shuffle depends on, and all it depends on: the same seed puts
    the bank's questions in the same order, and each question's choices in
    the same order, whatever the other options."""
    only: frozenset[str] | None = None
    """When given, only the questions with these ids (``play --mistakes``)."""
    spoilers: Spoiler | None = None
    """When given, only the questions that reach no further into the film
    than this level (an unmarked question reaches the ending)."""

    @property
    def filtered(self) -> bool:
        """True when some questions of the bank may be left out."""
        return (
            self.only is not None
            or self.spoilers is not None
            or bool(self.categories or self.difficulties)
        )


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
    OUTPUT_CLOSED = "output closed"
    """Nobody reads the game any more: its output was a pipe, closed early."""


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
    bank_questions: int = 0
    """How many questions the bank had: a game of all of them counts towards
    a player's best even when it is short."""
    practice: bool = False
    """True for a game of the player's past mistakes (``--mistakes``)."""
    seed: int | None = None
    """The seed the questions were shuffled with; None in file order."""
    uuid: str = ""
    """The game's own id, made when it starts: wherever the game is sent or
    kept, and however often, it is this one game."""

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


def plan_game(bank: Bank, selection: Selection) -> tuple[Round, ...]:
    """The rounds of a game: the questions chosen, ordered, and their choices
    ordered.

    The seed orders the whole bank; the filters then keep the questions that
    match, in that order, and the limit takes the first of them. So a seed
    always starts a game with the same questions: ``--count 10`` asks the
    first ten of the game that the whole bank would be. Raises
    :class:`NoQuestions` when the selection matches no question.
    """
    questions: Sequence[Question] = bank.questions
    order: Iterable[int] = (
        _shuffled(len(questions), random.Random(selection.seed))
        if selection.shuffle
        else range(len(questions))
    )
    # Only the questions looked at are read: for a big bank behind the cache,
    # a game of 10 without filters decodes 10 questions, not all of them.
    chosen: list[Question] = []
    for position in order:
        question = questions[position]
        if not selection.filtered or _matches(question, selection):
            chosen.append(question)
            if len(chosen) == selection.limit:
                break
    if not chosen:
        raise NoQuestions(_nothing_matches(bank, selection))
    return tuple(
        Round(
            number=number,
            total=len(chosen),
            question=question,
            choices=(
                _shuffled_choices(question, selection.seed)
                if selection.shuffle
                else question.choices
            ),
        )
        for number, question in enumerate(chosen, start=1)
    )


def _shuffled(count: int, rng: random.Random) -> Iterator[int]:
    """The positions 0 to count - 1 in a random order, drawn one at a time.

    A Fisher-Yates shuffle that swaps lazily, in a dictionary: the first k
    positions cost k draws, and are the same whatever k is.
    """
    swapped: dict[int, int] = {}
    for index in range(count):
        other = rng.randrange(index, count)
        yield swapped.get(other, other)
        swapped[other] = swapped.get(index, index)


def _shuffled_choices(question: Question, seed: int) -> tuple[str, ...]:
    """The question's choices in an order fixed by the seed and the question
    alone, so that it is the same in every game that asks it with that seed."""
    rng = random.Random(f"{seed}/{question.id}")
    return tuple(rng.sample(question.choices, len(question.choices)))


def _matches(question: Question, selection: Selection) -> bool:
    if selection.only is not None and question.id not in selection.only:
        return False
    if selection.difficulties and question.difficulty not in selection.difficulties:
        return False
    if selection.spoilers is not None and spoiler_rank(question.spoiler) > spoiler_rank(
        selection.spoilers
    ):
        return False
    if not selection.categories:
        return True
    category = (question.category or "").casefold()
    return any(category == wanted.casefold() for wanted in selection.categories)


def _nothing_matches(bank: Bank, selection: Selection) -> str:
    wanted = []
    if selection.only is not None:
        wanted.append("among those chosen")
    if selection.categories:
        wanted.append(f"in {_either('category', selection.categories)}")
    if selection.difficulties:
        wanted.append(f"of {_either('difficulty', selection.difficulties)}")
    if selection.spoilers is not None:
        wanted.append(f"with spoilers no further than {quote(selection.spoilers)}")
    message = f"{quote(bank.title)} has no questions {' '.join(wanted)}"
    if selection.categories and bank.categories:
        message += f"; its categories are {', '.join(bank.categories)}"
    if selection.spoilers is not None and any(
        question.spoiler is None for question in bank.questions
    ):
        message += "; a question without a spoiler level counts as the ending"
    return message


def _either(kind: str, values: Sequence[str]) -> str:
    """``category "plot"`` or ``category "plot" or "cast"``."""
    return f"{kind} {' or '.join(quote(value) for value in values)}"


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


def run_game(
    rounds: tuple[Round, ...],
    ask: Ask,
    tell: Tell,
    *,
    bank: Bank,
    player: str,
    practice: bool = False,
    seed: int | None = None,
    game_id: str | None = None,
    clocks: Clocks | None = None,
) -> GameResult:
    """Ask each round in turn and return the result, however the game ends.

    Ctrl-C (``KeyboardInterrupt``), the end of input or a closed output (a
    ``BrokenPipeError`` from ``ask`` or ``tell``) stops the game early; the
    result then holds the answers given so far. ``practice`` and ``seed``
    are kept in the result as they are given.
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
    except BrokenPipeError:
        ending = Ending.OUTPUT_CLOSED
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
        bank_questions=len(bank.questions),
        practice=practice,
        seed=seed,
        uuid=game_id or uuid4().hex,
    )
