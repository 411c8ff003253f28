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
    GameResult,
    Place,
    Reply,
    Round,
    Rules,
    Selection,
    Turn,
    plan_game,
    ranking,
    run_game,
    run_party,
)
from filmquiz.game.scoring import speed_points, streak_bonus
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


def four_choice_bank(count: int = 6) -> Bank:
    return Bank(
        slug="four",
        title="Four",
        questions=tuple(
            Question(
                id=f"q{n}",
                prompt=f"Question {n}?",
                choices=("right", "wrong 1", "wrong 2", "wrong 3"),
                answer="right",
            )
            for n in range(count)
        ),
    )


class TimedPlayer:
    """Answers each round after the seconds given, on a clock it moves: no
    sleeping. ``None`` for a pick lets the time run out (no answer)."""

    def __init__(self, clock: list[float], script: list[tuple[float, int | None]]):
        self.clock = clock
        self.script = list(script)
        self.turns: list[Turn] = []

    def __call__(self, round_: Round, turn: Turn) -> Reply:
        self.turns.append(turn)
        seconds, pick = self.script.pop(0)
        self.clock[0] += seconds
        return Reply(None if pick is None else round_.choices[pick])


def clock_at(clock: list[float]) -> Clocks:
    return Clocks(
        wall=lambda: datetime(2026, 1, 1, 20, 0, 0, tzinfo=UTC),
        monotonic=lambda: clock[0],
    )


def play_timed(
    script: list[tuple[float, int | None]], rules: Rules, count: int = 6
) -> GameResult:
    bank = four_choice_bank(count)
    rounds = plan_game(bank, Selection(shuffle=False))
    clock = [100.0]
    return run_game(
        rounds,
        TimedPlayer(clock, script),
        lambda r, t, a: None,
        bank=bank,
        player="ana",
        rules=rules,
        clocks=clock_at(clock),
    )


class TestSpeedPoints:
    def test_the_sooner_the_more(self) -> None:
        """Kahoot's rule: round(1000 x (1 - t / T / 2)), between 500 and 1000."""
        assert [speed_points(t, 20) for t in (0, 5, 10, 19.99, 20, 30)] == [
            1000,
            875,
            750,
            500,
            500,
            500,
        ]

    def test_streak_bonus(self) -> None:
        """+100 for each right answer in a row after the first, up to +500."""
        assert [streak_bonus(n) for n in range(1, 9)] == [
            0,
            100,
            200,
            300,
            400,
            500,
            500,
            500,
        ]

    def test_a_speed_game_on_an_injected_clock(self) -> None:
        """Points per answer from the time it took, plus the streak; a wrong
        answer earns nothing and ends the streak."""
        result = play_timed(
            [(0, 0), (10, 0), (4, 0), (2, 1), (5, 0), (20, 0)],
            Rules(scoring="speed", time_limit=20),
        )
        assert [a.seconds for a in result.answers] == [0, 10, 4, 2, 5, 20]
        assert [a.streak for a in result.answers] == [1, 2, 3, 0, 1, 2]
        assert [a.points for a in result.answers] == [
            1000,
            750 + 100,
            900 + 200,
            0,
            875,
            500 + 100,
        ]
        assert result.points == 1000 + 850 + 1100 + 875 + 600
        assert result.longest_streak == 3
        assert result.score == 5

    def test_without_a_limit_speed_is_measured_against_20_seconds(self) -> None:
        """--scoring speed alone: 20 seconds; a slower right answer still
        earns 500, and nothing is late."""
        result = play_timed([(10, 0), (45, 0)], Rules(scoring="speed"), count=2)
        assert [a.points for a in result.answers] == [750, 500 + 100]
        assert not any(a.late for a in result.answers)

    def test_the_streak_bonus_stops_at_500(self) -> None:
        result = play_timed([(0, 0)] * 8, Rules(scoring="speed"), count=8)
        assert [a.points for a in result.answers] == [
            1000,
            1100,
            1200,
            1300,
            1400,
            1500,
            1500,
            1500,
        ]

    def test_standard_scoring_gives_no_points(self) -> None:
        result = play_timed([(1, 0), (1, 0)], Rules(), count=2)
        assert result.points == 0
        assert result.score == 2


class TestTimeLimit:
    def test_an_answer_after_the_limit_is_late_and_wrong(self) -> None:
        """Line by line, the engine's clock decides: past the limit, even the
        right answer counts as wrong, earns nothing and ends the streak."""
        result = play_timed(
            [(1, 0), (10.5, 0), (3, 0)], Rules(scoring="speed", time_limit=10), 3
        )
        assert [a.late for a in result.answers] == [False, True, False]
        assert [a.correct for a in result.answers] == [True, False, True]
        assert [a.points for a in result.answers] == [950, 0, 850]
        assert result.score == 2

    def test_no_answer_in_time(self) -> None:
        """A prompt that closed with no answer is late, wrong and empty."""
        result = play_timed([(10, None), (2, 0)], Rules(time_limit=10), 2)
        first = result.answers[0]
        assert (first.given, first.late, first.correct, first.chosen) == (
            None,
            True,
            False,
            "",
        )
        assert result.answers[1].correct

    def test_each_turn_has_its_deadline_on_the_game_clock(self) -> None:
        bank = four_choice_bank(2)
        rounds = plan_game(bank, Selection(shuffle=False))
        clock = [100.0]
        player = TimedPlayer(clock, [(3, 0), (1, 0)])
        run_game(
            rounds,
            player,
            lambda r, t, a: None,
            bank=bank,
            player="ana",
            rules=Rules(time_limit=15),
            clocks=clock_at(clock),
        )
        assert [turn.deadline for turn in player.turns] == [115.0, 118.0]


class FiftyFiftyPlayer:
    """Uses a 50:50 whenever it may, and picks the first choice left."""

    def __init__(self) -> None:
        self.offered: list[tuple[str, ...]] = []

    def __call__(self, round_: Round, turn: Turn) -> Reply:
        self.offered.append(turn.halved)
        if turn.halved:
            return Reply(turn.halved[0], fifty_fifty=True)
        return Reply(round_.choices[0])


class TestFiftyFifty:
    def test_it_leaves_the_answer_and_one_wrong_choice(self) -> None:
        """Two wrong choices go; what is left keeps the order shown, and is
        the same for the same seed."""
        bank = four_choice_bank(20)
        for seed in range(20):
            for round_ in plan_game(bank, Selection(seed=seed)):
                assert len(round_.halved) == 2
                assert "right" in round_.halved
                assert list(round_.halved) == [
                    c for c in round_.choices if c in round_.halved
                ]
        assert plan_game(bank, Selection(seed=3)) == plan_game(bank, Selection(seed=3))

    def test_only_where_it_leaves_a_choice_to_make(self) -> None:
        """Not for a question of fewer than four choices, nor for the other
        types."""
        small = make_bank()  # three choices each
        assert all(not r.halved for r in plan_game(small, Selection()))
        kinds = Bank(
            slug="k",
            title="K",
            questions=(
                Question(id="t", prompt="?", type="truefalse", answer=True),
                Question(id="x", prompt="?", type="text", answer="Janis"),
                Question(
                    id="m",
                    prompt="?",
                    type="multi",
                    choices=("a", "b", "c", "d"),
                    answer=("a", "b"),
                ),
            ),
        )
        assert all(not r.halved for r in plan_game(kinds, Selection()))

    def test_one_per_game(self) -> None:
        """Offered until it is used, then never again; the result says where."""
        bank = four_choice_bank(4)
        rounds = plan_game(bank, Selection(seed=5))
        player = FiftyFiftyPlayer()
        result = run_game(
            rounds,
            player,
            lambda r, t, a: None,
            bank=bank,
            player="ana",
            rules=Rules(lifelines=1),
        )
        assert [bool(halved) for halved in player.offered] == [
            True,
            False,
            False,
            False,
        ]
        assert [a.fifty_fifty for a in result.answers] == [True, False, False, False]
        assert result.fifty_fifty_at == 1
        assert result.answers[0].chosen in rounds[0].halved

    def test_none_without_lifelines(self) -> None:
        bank = four_choice_bank(2)
        player = FiftyFiftyPlayer()
        run_game(
            plan_game(bank, Selection()),
            player,
            lambda r, t, a: None,
            bank=bank,
            player="ana",
        )
        assert player.offered == [(), ()]


class PartyPlayers:
    """Answers for whoever's turn it is, from a script per player."""

    def __init__(self, picks: dict[str, list[int]]) -> None:
        self.picks = picks
        self.order: list[tuple[int, str]] = []

    def __call__(self, round_: Round, turn: Turn) -> Reply:
        self.order.append((round_.number, turn.player))
        assert turn.party
        return Reply(round_.choices[self.picks[turn.player].pop(0)])


class TestParty:
    def test_three_players_take_turns_at_each_question(self) -> None:
        """Each round, every player answers the same question in turn; a
        leaderboard after each round; a result per player."""
        bank = four_choice_bank(3)
        rounds = plan_game(bank, Selection(shuffle=False))
        players = PartyPlayers(
            {"Ana": [0, 0, 1], "Janis": [1, 0, 0], "Arturo": [0, 1, 1]}
        )
        boards: list[tuple[int, tuple[Place, ...]]] = []
        results = run_party(
            rounds,
            players,
            lambda r, t, a: None,
            bank=bank,
            players=("Ana", "Janis", "Arturo"),
            after_round=lambda r, places: boards.append((r.number, places)),
        )
        assert players.order == [
            (n, name) for n in (1, 2, 3) for name in ("Ana", "Janis", "Arturo")
        ]
        assert [r.player for r in results] == ["Ana", "Janis", "Arturo"]
        assert [r.score for r in results] == [2, 2, 1]
        assert all(r.party == ("Ana", "Janis", "Arturo") for r in results)
        assert len({r.uuid for r in results}) == 3
        assert boards[0] == (
            1,
            (Place(1, "Ana", 1, 0), Place(1, "Arturo", 1, 0), Place(3, "Janis", 0, 0)),
        )
        assert boards[-1][1] == (
            Place(1, "Ana", 2, 0),
            Place(1, "Janis", 2, 0),
            Place(3, "Arturo", 1, 0),
        )

    def test_each_player_has_their_own_clock_and_points(self) -> None:
        bank = four_choice_bank(1)
        rounds = plan_game(bank, Selection(shuffle=False))
        clock = [0.0]
        script = {"Ana": (2.0, 0), "Janis": (8.0, 0), "Arturo": (21.0, 0)}
        turns: list[Turn] = []

        def ask(round_: Round, turn: Turn) -> Reply:
            turns.append(turn)
            seconds, pick = script[turn.player]
            clock[0] += seconds
            return Reply(round_.choices[pick])

        results = run_party(
            rounds,
            ask,
            lambda r, t, a: None,
            bank=bank,
            players=("Ana", "Janis", "Arturo"),
            rules=Rules(scoring="speed", time_limit=20),
            clocks=clock_at(clock),
        )
        assert [t.deadline for t in turns] == [20.0, 22.0, 30.0]
        assert [r.points for r in results] == [950, 800, 0]
        assert [r.answers[0].late for r in results] == [False, False, True]
        assert [r.seconds for r in results] == [2.0, 8.0, 21.0]

    def test_ctrl_c_stops_everyone_keeping_what_was_answered(self) -> None:
        bank = four_choice_bank(3)
        rounds = plan_game(bank, Selection(shuffle=False))
        asked = 0

        def ask(round_: Round, turn: Turn) -> Reply:
            nonlocal asked
            asked += 1
            if asked == 4:
                raise KeyboardInterrupt
            return Reply(round_.choices[0])

        results = run_party(
            rounds, ask, lambda r, t, a: None, bank=bank, players=("Ana", "Janis")
        )
        assert [len(r.answers) for r in results] == [2, 1]
        assert all(r.ending is Ending.INTERRUPTED for r in results)

    def test_the_ranking_shares_places_between_equals(self) -> None:
        """Points first, then right answers; equals on both share a place."""
        assert ranking(
            [("a", 3, 900), ("b", 5, 900), ("c", 1, 2000), ("d", 5, 900)]
        ) == (
            Place(1, "c", 1, 2000),
            Place(2, "b", 5, 900),
            Place(2, "d", 5, 900),
            Place(4, "a", 3, 900),
        )
