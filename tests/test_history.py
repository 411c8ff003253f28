"""Pure computations over past games: summaries, trends, a new best."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from filmquiz.history import (
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
) -> GameRecord:
    moment = START + timedelta(minutes=minute)
    return GameRecord(
        quiz, quiz.upper(), player, score, total, complete, moment, moment
    )


class TestSummarize:
    def test_one_summary_per_quiz_and_player(self) -> None:
        """Games group by quiz and player, sorted by quiz then player."""
        summaries = summarize(
            [game(3, 5, player="bo"), game(1, 8), game(2, 6), game(4, 2, quiz="a")]
        )
        assert summaries == [
            Summary(
                "a", "A", "ana", 1, 20.0, 20.0, START + timedelta(minutes=4), (20.0,)
            ),
            Summary(
                "pm",
                "PM",
                "ana",
                2,
                80.0,
                70.0,
                START + timedelta(minutes=2),
                (80.0, 60.0),
            ),
            Summary(
                "pm", "PM", "bo", 1, 50.0, 50.0, START + timedelta(minutes=3), (50.0,)
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
        """3/3 beats 8/10: best and average are percentages."""
        (summary,) = summarize([game(1, 8), game(2, 3, total=3)])
        assert (summary.best, summary.average) == (100.0, 90.0)

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
        earlier = [game(1, 8), game(2, 5), game(3, 10, complete=False)]
        assert compare(percent, earlier) == Comparison(standing, percent, 80.0)

    def test_first_game(self) -> None:
        """With no earlier complete game, this is the first."""
        assert compare(50.0, [game(1, 9, complete=False)]) == Comparison(
            Standing.FIRST, 50.0, None
        )
