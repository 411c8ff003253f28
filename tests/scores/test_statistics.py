"""Pure computations over past games: summaries, trends, a new best."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from filmquiz.scores.statistics import (
    TREND_LENGTH,
    Comparison,
    GameRecord,
    Standing,
    Summary,
    compare,
    summarize,
)

START = datetime(2026, 11, 1, 20, 0, tzinfo=UTC)


def game(
    minute: int,
    score: int,
    total: int = 10,
    *,
    player: str = "ana",
    quiz: str = "pm",
    complete: bool = True,
    practice: bool = False,
    bank_questions: int | None = 69,
) -> GameRecord:
    moment = START + timedelta(minutes=minute)
    return GameRecord(
        quiz,
        quiz.upper(),
        player,
        score,
        total,
        complete,
        moment,
        moment,
        practice=practice,
        bank_questions=bank_questions,
    )


class TestSummarize:
    def test_one_summary_per_quiz_and_player(self) -> None:
        """Games group by quiz and player, sorted by quiz then player."""
        summaries = summarize(
            [game(3, 5, player="bo"), game(1, 8), game(2, 6), game(4, 2, quiz="a")]
        )
        assert summaries == [
            Summary(
                "a", "A", "ana", 1, 1, 20.0, 20.0, START + timedelta(minutes=4), (20.0,)
            ),
            Summary(
                "pm",
                "PM",
                "ana",
                2,
                2,
                80.0,
                70.0,
                START + timedelta(minutes=2),
                (80.0, 60.0),
            ),
            Summary(
                "pm",
                "PM",
                "bo",
                1,
                1,
                50.0,
                50.0,
                START + timedelta(minutes=3),
                (50.0,),
            ),
        ]

    def test_incomplete_games_are_left_out(self) -> None:
        """A game stopped early does not count towards best or average."""
        summaries = summarize([game(1, 5), game(2, 1, complete=False)])
        assert [(s.games, s.best, s.average) for s in summaries] == [(1, 50.0, 50.0)]

    def test_trend_is_the_latest_ten_oldest_first(self) -> None:
        """The trend keeps the last ten scores in the order they were played."""
        records = [game(minute, minute % 11) for minute in range(15)]
        (summary,) = summarize(reversed(records))
        assert len(summary.trend) == TREND_LENGTH
        assert summary.trend == tuple(10.0 * (m % 11) for m in range(5, 15))
        assert summary.last_played == START + timedelta(minutes=14)

    def test_scores_of_different_lengths_compare_as_percentages(self) -> None:
        """12/12 beats 8/10: best and average are percentages."""
        (summary,) = summarize([game(1, 8), game(2, 12, total=12)])
        assert (summary.best, summary.average) == (100.0, 90.0)

    def test_practice_and_short_games_do_not_count(self) -> None:
        """A --mistakes game and a game of 3 questions are played, not counted;
        a game of a whole 5-question bank counts."""
        summaries = summarize(
            [
                game(1, 5),
                game(2, 10, practice=True),
                game(3, 3, total=3),
                game(4, 5, total=5, quiz="tiny", bank_questions=5),
            ]
        )
        assert [(s.quiz, s.games, s.played, s.best) for s in summaries] == [
            ("pm", 1, 3, 50.0),
            ("tiny", 1, 1, 100.0),
        ]

    def test_a_player_with_no_counted_game(self) -> None:
        """Only practice: the summary says so, with no best or average."""
        (summary,) = summarize([game(1, 10, practice=True)])
        assert (summary.games, summary.played, summary.best, summary.average) == (
            0,
            1,
            None,
            None,
        )
        assert summary.trend == ()

    @pytest.mark.parametrize(
        ("total", "bank_questions", "kind"),
        [
            (10, 69, ""),
            (9, 69, "short"),
            (5, 5, ""),
            (3, None, "short"),
            (12, None, ""),
        ],
    )
    def test_what_counts(
        self, total: int, bank_questions: int | None, kind: str
    ) -> None:
        """At least 10 questions, or the whole bank when it has fewer."""
        record = game(1, 1, total=total, bank_questions=bank_questions)
        assert (record.kind, record.counted) == (kind, not kind)

    def test_nothing_played(self) -> None:
        """No games, no summaries."""
        assert summarize([]) == []


class TestCompare:
    @pytest.mark.parametrize(
        ("percent", "standing"),
        [
            (90.0, Standing.NEW_BEST),
            (80.0, Standing.EQUALS_BEST),
            (10.0, Standing.BELOW_BEST),
        ],
    )
    def test_against_the_previous_best(
        self, percent: float, standing: Standing
    ) -> None:
        """The best of the earlier complete games is the bar."""
        earlier = [
            game(1, 8),
            game(2, 5),
            game(3, 10, complete=False),
            game(4, 10, practice=True),
        ]
        this = game(5, int(percent / 10))
        assert compare(this, earlier) == Comparison(standing, 80.0)

    def test_first_game(self) -> None:
        """With no earlier counted game, this is the first."""
        assert compare(game(2, 5), [game(1, 9, complete=False)]) == Comparison(
            Standing.FIRST, None
        )

    @pytest.mark.parametrize(
        ("this", "kind"),
        [(game(2, 10, practice=True), "practice"), (game(2, 3, total=3), "short")],
    )
    def test_games_that_do_not_count_are_not_compared(
        self, this: GameRecord, kind: str
    ) -> None:
        """A practice or short game never becomes a best."""
        assert compare(this, [game(1, 2)]) == Comparison(
            Standing.NOT_COUNTED, None, kind
        )
