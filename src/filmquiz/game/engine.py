"""The quiz engine: which questions a game asks, in what order, and its result.

Pure logic: no terminal, no files, no clock of its own. It is handed a seed to
shuffle with, a function that asks one player one question and returns the
reply, and clocks to time each answer, so every game (a party of several
players too, with its time limits, speed points and streaks) can be replayed
exactly in a test.
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
from filmquiz.game.judging import Given, Verdict, given_text, judge
from filmquiz.game.scoring import (
    SPEED_SECONDS,
    Scoring,
    speed_points,
    streak_bonus,
)
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
    """What the player picks from, in the order shown: the question's
    choices, True and False, or nothing for a typed answer."""
    halved: tuple[str, ...] = ()
    """The choices a 50:50 leaves (the answer and one wrong choice, in the
    order shown); empty where a 50:50 cannot be used."""


class Rules(NamedTuple):
    """How a game is scored and timed, beyond which questions it asks."""

    scoring: Scoring = "standard"
    time_limit: float | None = None
    """Seconds each player has for each question; None for no limit."""
    lifelines: int = 0
    """50:50s each player may use in the game."""

    @property
    def speed_limit(self) -> float:
        """The time speed points are measured against."""
        return self.time_limit or SPEED_SECONDS


class Turn(NamedTuple):
    """One player's go at one round, as the asker needs to know it."""

    player: str
    """Who answers (a party names each player in turn)."""
    deadline: float | None = None
    """When the time to answer runs out, on the game's monotonic clock."""
    halved: tuple[str, ...] = ()
    """The choices a 50:50 would leave, when the player may use one now."""
    party: bool = False
    """True when players take turns: prompts then say whose turn it is."""


class Reply(NamedTuple):
    """What an asker brings back from a turn."""

    given: Given | None
    """The answer given; None when the time ran out first."""
    fifty_fifty: bool = False
    """True when the player used a 50:50 on this question."""


class Answer(NamedTuple):
    """What a player gave for one question, and how it was judged."""

    question: Question
    given: Given | None
    """None when no answer came in time."""
    correct: bool
    seconds: float = 0.0
    """How long the answer took."""
    points: int = 0
    """What it earned in a speed game (0 otherwise)."""
    late: bool = False
    """True when it came after the time limit, or not at all."""
    forgiven: str | None = None
    """The spelling a typed answer was taken as, despite a typo."""
    fifty_fifty: bool = False
    """True when a 50:50 was used on this question."""
    streak: int = 0
    """Right answers in a row up to this one (0 when it was wrong)."""

    @property
    def chosen(self) -> str:
        """The answer given as shown: a choice, True or False, the choices
        picked joined by semicolons (in the bank's order), the words typed;
        empty when none came."""
        return given_text(self.given, self.question.choices)


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
    """How long the game took, by a monotonic clock; in a party, how long
    this player took to answer."""
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
    rules: Rules = Rules()
    party: tuple[str, ...] = ()
    """Everyone who played, in turn order, when the game was one player's
    part of a party; empty for a game alone."""

    @property
    def points(self) -> int:
        """The points of a speed game (0 in a standard one)."""
        return sum(answer.points for answer in self.answers)

    @property
    def longest_streak(self) -> int:
        """The most right answers in a row."""
        return max((answer.streak for answer in self.answers), default=0)

    @property
    def fifty_fifty_at(self) -> int | None:
        """The number of the question a 50:50 was first used on, if any."""
        return next(
            (n for n, a in enumerate(self.answers, start=1) if a.fifty_fifty), None
        )

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
    rounds = []
    for number, question in enumerate(chosen, start=1):
        choices = (
            _shuffled_choices(question, selection.seed)
            if selection.shuffle and question.type != "truefalse"
            else question.offered
        )
        rounds.append(
            Round(
                number=number,
                total=len(chosen),
                question=question,
                choices=choices,
                halved=_halved(question, choices, selection.seed),
            )
        )
    return tuple(rounds)


FIFTY_FIFTY_FROM = 4
"""Choices a question needs for a 50:50: it takes two wrong ones away, and
must leave a wrong one."""


def _halved(question: Question, shown: tuple[str, ...], seed: int) -> tuple[str, ...]:
    """What a 50:50 leaves of a single-choice question's choices: the answer
    and one wrong choice, drawn by the seed and the question alone, in the
    order shown. Empty for questions it cannot be used on."""
    if question.type != "single" or len(shown) < FIFTY_FIFTY_FROM:
        return ()
    wrong = [choice for choice in question.choices if choice != question.answer]
    kept = random.Random(f"{seed}/{question.id}/50:50").choice(wrong)
    left = {kept, question.answer}
    return tuple(choice for choice in shown if choice in left)


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
    return tuple(rng.sample(question.offered, len(question.offered)))


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


Ask = Callable[[Round, Turn], Reply]
"""Asks one player one round and returns the reply; raises InputEnded or
KeyboardInterrupt when no answer will come."""

Tell = Callable[[Round, Turn, Answer], None]
"""Shows a player how one answer went."""


class Place(NamedTuple):
    """Where one player of a party stands."""

    place: int
    """From 1; players level on points and right answers share a place."""
    player: str
    score: int
    points: int


Leaderboard = Callable[[Round, tuple[Place, ...]], None]
"""Shows how a party stands after a round."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Clocks(NamedTuple):
    """Where a game reads the time: swapped for fixed clocks in tests."""

    wall: Callable[[], datetime] = _utc_now
    monotonic: Callable[[], float] = time.monotonic


class _Player:
    """One player's game so far: answers, streak and 50:50s left."""

    def __init__(self, name: str, rules: Rules) -> None:
        self.name = name
        self.answers: list[Answer] = []
        self.streak = 0
        self.lifelines = rules.lifelines
        self.seconds = 0.0

    def turn(self, round_: Round, start: float, rules: Rules, party: bool) -> Turn:
        limit = rules.time_limit
        return Turn(
            player=self.name,
            deadline=None if limit is None else start + limit,
            halved=round_.halved if self.lifelines > 0 else (),
            party=party,
        )

    def answer(
        self, round_: Round, turn: Turn, reply: Reply, seconds: float, rules: Rules
    ) -> Answer:
        question = round_.question
        limit = rules.time_limit
        late = reply.given is None or (limit is not None and seconds > limit)
        verdict = (
            Verdict(False) if reply.given is None else judge(question, reply.given)
        )
        correct = verdict.correct and not late
        self.streak = self.streak + 1 if correct else 0
        points = 0
        if correct and rules.scoring == "speed":
            points = speed_points(seconds, rules.speed_limit) + streak_bonus(
                self.streak
            )
        used = reply.fifty_fifty and bool(turn.halved)
        if used:
            self.lifelines -= 1
        answer = Answer(
            question=question,
            given=reply.given,
            correct=correct,
            seconds=seconds,
            points=points,
            late=late,
            forgiven=verdict.forgiven if correct else None,
            fifty_fifty=used,
            streak=self.streak,
        )
        self.answers.append(answer)
        self.seconds += seconds
        return answer


def ranking(players: Sequence[tuple[str, int, int]]) -> tuple[Place, ...]:
    """Players (name, score, points) ranked by points, then right answers;
    those level on both share a place (1, 1, 3), in turn order."""
    ranked = sorted(players, key=lambda p: (-p[2], -p[1]))
    table: list[Place] = []
    for position, (name, score, points) in enumerate(ranked, start=1):
        level = table and (table[-1].points, table[-1].score) == (points, score)
        place = table[-1].place if level else position
        table.append(Place(place, name, score, points))
    return tuple(table)


def run_game(
    rounds: tuple[Round, ...],
    ask: Ask,
    tell: Tell,
    *,
    bank: Bank,
    player: str,
    rules: Rules | None = None,
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
    (result,) = run_party(
        rounds,
        ask,
        tell,
        bank=bank,
        players=(player,),
        rules=rules,
        practice=practice,
        seed=seed,
        game_ids=None if game_id is None else (game_id,),
        clocks=clocks,
    )
    return result


def run_party(
    rounds: tuple[Round, ...],
    ask: Ask,
    tell: Tell,
    *,
    bank: Bank,
    players: Sequence[str],
    rules: Rules | None = None,
    after_round: Leaderboard | None = None,
    before_turn: Callable[[Round, Turn], None] | None = None,
    practice: bool = False,
    seed: int | None = None,
    game_ids: Sequence[str] | None = None,
    clocks: Clocks | None = None,
) -> tuple[GameResult, ...]:
    """Ask each round of every player in turn, and return each player's
    result, in turn order; with more than one player, ``after_round`` is
    shown how they stand after each round. ``before_turn`` is called before
    each player's clock starts (a party waits for them to be ready).

    A game stops for everyone as :func:`run_game` says; each result then
    holds that player's answers so far.
    """
    rules = rules or Rules()
    clocks = clocks or Clocks()
    started_at, start_game = clocks.wall(), clocks.monotonic()
    playing = [_Player(name, rules) for name in players]
    party = len(playing) > 1
    ending = Ending.COMPLETED
    try:
        for round_ in rounds:
            for player in playing:
                if before_turn is not None:
                    before_turn(round_, player.turn(round_, 0.0, rules, party))
                start = clocks.monotonic()
                turn = player.turn(round_, start, rules, party)
                reply = ask(round_, turn)
                seconds = clocks.monotonic() - start
                tell(round_, turn, player.answer(round_, turn, reply, seconds, rules))
            if after_round is not None and len(playing) > 1:
                after_round(round_, _standing_of(playing))
    except KeyboardInterrupt:
        ending = Ending.INTERRUPTED
    except InputEnded:
        ending = Ending.INPUT_ENDED
    except BrokenPipeError:
        ending = Ending.OUTPUT_CLOSED
    finished_at, game_seconds = clocks.wall(), clocks.monotonic() - start_game
    names = tuple(players) if len(playing) > 1 else ()
    ids = list(game_ids or ())
    return tuple(
        GameResult(
            quiz=bank.slug,
            title=bank.title,
            player=player.name,
            total=len(rounds),
            answers=tuple(player.answers),
            ending=ending,
            started_at=started_at,
            finished_at=finished_at,
            # Alone, the game's own time; in a party, the time each player
            # took to answer, which is theirs alone.
            seconds=player.seconds if names else game_seconds,
            bank_questions=len(bank.questions),
            practice=practice,
            seed=seed,
            uuid=ids[index] if index < len(ids) else uuid4().hex,
            rules=rules,
            party=names,
        )
        for index, player in enumerate(playing)
    )


def _standing_of(playing: Sequence[_Player]) -> tuple[Place, ...]:
    return ranking(
        [
            (
                player.name,
                sum(a.correct for a in player.answers),
                sum(a.points for a in player.answers),
            )
            for player in playing
        ]
    )
