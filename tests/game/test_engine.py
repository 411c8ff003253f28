"""The pure quiz engine: seeded selection, scoring, and every way a game ends."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

import pytest
from hypothesis import given
from hypothesis import strategies as st

from filmquiz.bankfile.model import Bank, Question
from filmquiz.errors import InputEnded, NoQuestions
from filmquiz.game.engine import (
    Answer,
    CategoryScore,
    Clocks,
    Ending,
    Reply,
    Round,
    Selection,
    Turn,
    plan_game,
    run_game,
)
from filmquiz.render.documents import game_document


def make_bank() -> Bank:
    def q(id: str, category: str | None, difficulty: str | None) -> Question:
        return Question(
            id=id,
            prompt=f"{id}?",
            choices=(f"{id}-right", f"{id}-wrong-1", f"{id}-wrong-2"),
            answer=f"{id}-right",
            category=category,
            difficulty=difficulty,  # type: ignore[arg-type]
        )

    return Bank(
        slug="test",
        title="Test",
        questions=(
            q("a", "plot", "easy"),
            q("b", "Cast", "hard"),
            q("c", "plot", "medium"),
            q("d", None, "easy"),
            q("e", "cast", None),
        ),
    )


def fixed_clocks() -> Clocks:
    wall_ticks, monotonic_ticks = count(), count()
    return Clocks(
        wall=lambda: datetime(2026, 1, 1, 20, 0, next(wall_ticks), tzinfo=UTC),
        monotonic=lambda: 7.5 * next(monotonic_ticks),
    )


def ids(rounds: tuple[Round, ...]) -> list[str]:
    return [r.question.id for r in rounds]


class TestPlanGame:
    def test_no_shuffle_keeps_file_order(self) -> None:
        """Without shuffling, questions and choices keep the bank's order."""
        bank = make_bank()
        rounds = plan_game(bank, Selection(shuffle=False))
        assert ids(rounds) == ["a", "b", "c", "d", "e"]
        assert [r.choices for r in rounds] == [q.choices for q in bank.questions]
        assert [(r.number, r.total) for r in rounds] == [(n, 5) for n in range(1, 6)]

    def test_same_seed_same_game(self) -> None:
        """The same seed gives the same questions and choices in the same order."""
        first = plan_game(make_bank(), Selection(seed=42))
        second = plan_game(make_bank(), Selection(seed=42))
        assert first == second

    def test_shuffle_changes_order(self) -> None:
        """Different seeds give different orders (these two, checked once)."""
        one = plan_game(make_bank(), Selection(seed=1))
        two = plan_game(make_bank(), Selection(seed=2))
        assert ids(one) != ids(two)
        assert sorted(ids(one)) == ["a", "b", "c", "d", "e"]

    def test_shuffled_choices_keep_every_choice(self) -> None:
        """Shuffling reorders choices but never loses or adds one."""
        for round_ in plan_game(make_bank(), Selection(seed=3)):
            assert sorted(round_.choices) == sorted(round_.question.choices)

    def test_count_limits_questions(self) -> None:
        """--count takes the first N after filtering and shuffling."""
        rounds = plan_game(make_bank(), Selection(limit=2, shuffle=False))
        assert ids(rounds) == ["a", "b"]
        assert rounds[-1].total == 2

    def test_count_larger_than_bank(self) -> None:
        """Asking for more questions than there are plays them all."""
        rounds = plan_game(make_bank(), Selection(limit=99))
        assert len(rounds) == 5

    def test_category_ignores_case(self) -> None:
        """Categories match without regard to case."""
        rounds = plan_game(make_bank(), Selection(categories=("CAST",), shuffle=False))
        assert ids(rounds) == ["b", "e"]

    def test_difficulty_filter(self) -> None:
        """Only questions of the difficulty asked for."""
        rounds = plan_game(
            make_bank(), Selection(difficulties=("easy",), shuffle=False)
        )
        assert ids(rounds) == ["a", "d"]

    def test_several_categories_and_difficulties_combine(self) -> None:
        """Repeated filters keep questions of any of the values given."""
        rounds = plan_game(
            make_bank(),
            Selection(
                categories=("plot", "cast"),
                difficulties=("easy", "hard"),
                shuffle=False,
            ),
        )
        assert ids(rounds) == ["a", "b"]

    def test_nothing_matches(self) -> None:
        """A filter that leaves nothing names the categories there are."""
        with pytest.raises(NoQuestions) as caught:
            plan_game(make_bank(), Selection(categories=("music", "songs")))
        assert str(caught.value) == (
            '"Test" has no questions in category "music" or "songs"; '
            "its categories are plot, Cast, cast"
        )


def big_bank(size: int) -> Bank:
    return Bank(
        slug="big",
        title="Big",
        questions=tuple(
            Question(
                id=f"q{n}",
                prompt=f"{n}?",
                choices=("a", "b", "c", "d"),
                answer="a",
                category=("plot", "cast", "crew")[n % 3],
                difficulty=("easy", "medium", "hard")[n % 3],  # type: ignore[arg-type]
            )
            for n in range(size)
        ),
    )


class TestSeeds:
    """A seed fixes the order of the whole bank and of each question's
    choices; every other option only picks from that order."""

    @pytest.mark.parametrize("count", [1, 5, 10, 60])
    def test_a_shorter_game_is_the_start_of_the_longer_one(self, count: int) -> None:
        """ "Seed 7, first ten" is the first ten of the whole bank with seed 7,
        with the same choice order."""
        bank = big_bank(200)
        whole = plan_game(bank, Selection(seed=7))
        short = plan_game(bank, Selection(seed=7, limit=count))
        assert [(r.question, r.choices) for r in short] == [
            (r.question, r.choices) for r in whole[:count]
        ]

    @pytest.mark.parametrize(
        "selection",
        [
            Selection(seed=7, categories=("cast",)),
            Selection(seed=7, difficulties=("hard", "easy")),
            Selection(seed=7, categories=("plot", "crew"), limit=4),
            Selection(seed=7, only=frozenset(f"q{n}" for n in range(0, 200, 7))),
        ],
    )
    def test_filters_keep_the_seeds_order(self, selection: Selection) -> None:
        """A filtered game asks its questions in the order of the whole game,
        each with the choices in the same order."""
        bank = big_bank(200)
        whole = [(r.question, r.choices) for r in plan_game(bank, Selection(seed=7))]
        filtered = [(r.question, r.choices) for r in plan_game(bank, selection)]
        kept = [pair for pair in whole if pair in filtered]
        assert filtered == kept[: len(filtered)]

    def test_seeded_order_is_a_permutation(self) -> None:
        """Every question appears once, whatever the seed."""
        bank = big_bank(500)
        for seed in range(5):
            assert sorted(ids(plan_game(bank, Selection(seed=seed)))) == sorted(
                q.id for q in bank.questions
            )

    def test_seed_is_not_the_player_or_the_time(self) -> None:
        """Two plans with seed 7, made at different moments, are equal."""
        assert plan_game(big_bank(50), Selection(seed=7)) == plan_game(
            big_bank(50), Selection(seed=7)
        )


class ScriptedPlayer:
    """Answers with a fixed list of choices, then behaves as told."""

    def __init__(self, picks: list[int], then: BaseException | None = None) -> None:
        self.picks = list(picks)
        self.then = then
        self.asked: list[str] = []

    def __call__(self, round_: Round, turn: Turn) -> Reply:
        self.asked.append(round_.question.id)
        if not self.picks:
            assert self.then is not None
            raise self.then
        return Reply(round_.choices[self.picks.pop(0)])


class TestPlay:
    def test_complete_game(self) -> None:
        """Every round is asked, told, scored and timed."""
        bank = make_bank()
        rounds = plan_game(bank, Selection(limit=3, shuffle=False))
        told: list[tuple[str, bool]] = []
        result = run_game(
            rounds,
            ScriptedPlayer([0, 1, 0]),
            lambda r, t, a: told.append((r.question.id, a.correct)),
            bank=bank,
            player="ana",
            clocks=fixed_clocks(),
        )
        assert told == [("a", True), ("b", False), ("c", True)]
        assert result.ending is Ending.COMPLETED
        assert result.complete
        assert (result.score, result.total) == (2, 3)
        assert result.percent == pytest.approx(66.666, abs=0.01)
        assert result.seconds == 7.5 * 7  # from the game's start to its end
        assert result.started_at == datetime(2026, 1, 1, 20, 0, 0, tzinfo=UTC)
        assert result.finished_at == datetime(2026, 1, 1, 20, 0, 1, tzinfo=UTC)
        assert result.by_category() == [
            CategoryScore("plot", 2, 2),
            CategoryScore("Cast", 0, 1),
        ]

    def test_interrupt_keeps_answers(self) -> None:
        """Ctrl-C stops the game with the answers given so far."""
        bank = make_bank()
        rounds = plan_game(bank, Selection(shuffle=False))
        result = run_game(
            rounds,
            ScriptedPlayer([0, 0], then=KeyboardInterrupt()),
            lambda r, t, a: None,
            bank=bank,
            player="ana",
        )
        assert result.ending is Ending.INTERRUPTED
        assert not result.complete
        assert [a.question.id for a in result.answers] == ["a", "b"]
        assert (result.score, result.total) == (2, 5)

    def test_interrupt_while_telling(self) -> None:
        """Ctrl-C while feedback is drawn keeps the answer just given."""
        bank = make_bank()
        rounds = plan_game(bank, Selection(shuffle=False))

        def tell(round_: Round, turn: Turn, answer: Answer) -> None:
            raise KeyboardInterrupt

        result = run_game(rounds, ScriptedPlayer([0]), tell, bank=bank, player="ana")
        assert result.ending is Ending.INTERRUPTED
        assert len(result.answers) == 1

    def test_input_ended(self) -> None:
        """The end of input stops the game, recorded as such."""
        bank = make_bank()
        rounds = plan_game(bank, Selection(shuffle=False))
        result = run_game(
            rounds,
            ScriptedPlayer([1], then=InputEnded("gone")),
            lambda r, t, a: None,
            bank=bank,
            player="ana",
        )
        assert result.ending is Ending.INPUT_ENDED
        assert (result.score, len(result.answers)) == (0, 1)

    def test_uncategorised_questions_are_grouped(self) -> None:
        """Questions without a category are scored under "uncategorised"."""
        bank = make_bank()
        rounds = plan_game(bank, Selection(difficulties=("easy",), shuffle=False))
        result = run_game(
            rounds, ScriptedPlayer([0, 0]), lambda r, t, a: None, bank=bank, player="p"
        )
        assert result.by_category() == [
            CategoryScore("plot", 1, 1),
            CategoryScore("uncategorised", 1, 1),
        ]

    def test_document(self) -> None:
        """The JSON document has the fields ``play --json`` promises."""
        bank = make_bank()
        rounds = plan_game(bank, Selection(limit=2, shuffle=False))
        result = run_game(
            rounds,
            ScriptedPlayer([0, 2]),
            lambda r, t, a: None,
            bank=bank,
            player="ana",
            practice=True,
            seed=7,
        )
        assert game_document(result) == {
            "quiz": "test",
            "title": "Test",
            "player": "ana",
            "score": 1,
            "total": 2,
            "complete": True,
            "practice": True,
            "seed": 7,
            "scoring": "standard",
            "time_limit": None,
            "points": 0,
            "longest_streak": 1,
            "seconds": 0.0,
            "fifty_fifty_at": None,
            "questions": [
                {
                    "id": "a",
                    "type": "single",
                    "chosen": "a-right",
                    "given": "a-right",
                    "answer": "a-right",
                    "correct": True,
                    "late": False,
                    "forgiven": None,
                    "fifty_fifty": False,
                    "seconds": 0.0,
                    "points": 0,
                },
                {
                    "id": "b",
                    "type": "single",
                    "chosen": "b-wrong-2",
                    "given": "b-wrong-2",
                    "answer": "b-right",
                    "correct": False,
                    "late": False,
                    "forgiven": None,
                    "fifty_fifty": False,
                    "seconds": 0.0,
                    "points": 0,
                },
            ],
        }


SPOILERS = ("none", "early", "middle", "ending", None)


def spoiler_bank(levels: list[str | None]) -> Bank:
    return Bank(
        slug="spoilers",
        title="Spoilers",
        questions=tuple(
            Question(
                id=f"q{n}",
                prompt=f"Question {n}?",
                choices=("right", "wrong"),
                answer="right",
                spoiler=level,  # type: ignore[arg-type]
            )
            for n, level in enumerate(levels)
        ),
    )


class TestSpoilerLevels:
    @given(
        levels=st.lists(st.sampled_from(SPOILERS), min_size=1, max_size=30),
        wanted=st.sampled_from(SPOILERS[:-1]),
        seed=st.integers(),
        shuffle=st.booleans(),
        limit=st.one_of(st.none(), st.integers(min_value=1, max_value=30)),
        mistakes=st.one_of(st.none(), st.frozensets(st.sampled_from(["q0", "q1"]))),
    )
    def test_no_question_past_the_level_is_ever_planned(
        self,
        levels: list[str | None],
        wanted: str,
        seed: int,
        shuffle: bool,
        limit: int | None,
        mistakes: frozenset[str] | None,
    ) -> None:
        """Whatever else is chosen, a game with a spoiler level asks every
        question up to that level it can, and none past it; an unmarked
        question is an ending one."""
        order = ("none", "early", "middle", "ending")
        bank = spoiler_bank(levels)
        allowed = {
            q.id
            for q in bank.questions
            if order.index(q.spoiler or "ending") <= order.index(wanted)
            and (mistakes is None or q.id in mistakes)
        }
        selection = Selection(
            limit=limit,
            seed=seed,
            shuffle=shuffle,
            spoilers=wanted,  # type: ignore[arg-type]
            only=mistakes,
        )
        if not allowed:
            with pytest.raises(NoQuestions):
                plan_game(bank, selection)
            return
        asked = {r.question.id for r in plan_game(bank, selection)}
        assert asked <= allowed
        assert len(asked) == min(len(allowed), limit or len(allowed))

    def test_nothing_at_the_level_says_why(self) -> None:
        bank = spoiler_bank(["ending", None])
        with pytest.raises(NoQuestions) as raised:
            plan_game(bank, Selection(spoilers="middle"))
        assert str(raised.value) == (
            '"Spoilers" has no questions with spoilers no further than "middle"; '
            "a question without a spoiler level counts as the ending"
        )
