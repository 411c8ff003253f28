"""Pure helpers of the rendering module, and the words it uses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from rich.console import Console

from filmquiz.render.game import comparison_line
from filmquiz.render.listings import local_time, sparkline
from filmquiz.render.wording import duration, what_reset_forgets
from filmquiz.scores.statistics import Comparison, GameRecord, Standing


@pytest.mark.parametrize(
    ("percents", "drawn"),
    [
        ([], ""),
        ([0, 100], "▁█"),
        ([0, 14.3, 28.6, 42.9, 57.1, 71.4, 85.7, 100], "▁▂▃▄▅▆▇█"),
        ([-5, 150], "▁█"),
    ],
)
def test_sparkline(percents: list[float], drawn: str) -> None:
    """Scores 0 to 100 map onto eight bar heights, clamped at both ends."""
    assert sparkline(percents) == drawn


@pytest.mark.parametrize(
    ("seconds", "said"),
    [(0.4, "0s"), (42, "42s"), (59.6, "1m 00s"), (185, "3m 05s"), (3720, "1h 02m")],
)
def test_duration(seconds: float, said: str) -> None:
    """Game lengths read as people say them."""
    assert duration(seconds) == said


class TestDates:
    def test_this_year_has_no_year(self) -> None:
        """A game of this year shows day, month and time."""
        moment = datetime.now().astimezone().replace(month=1, day=2, hour=12)
        assert local_time(moment) == moment.strftime("%d %b %H:%M")

    def test_an_older_game_shows_its_year(self) -> None:
        """A game of last year says which year."""
        moment = datetime.now(UTC) - timedelta(days=400)
        shown = local_time(moment)
        assert shown.split()[2] == str(moment.astimezone().year)


def line_of(comparison: Comparison) -> tuple[str, str]:
    """The comparison line as text, and whether it is green."""
    text = comparison_line(comparison)
    console = Console(force_terminal=True, color_system="standard")
    with console.capture() as captured:
        console.print(text)
    return text.plain, captured.get()


class TestComparisonLine:
    def test_matching_a_best_of_nothing_is_no_achievement(self) -> None:
        """Matching a best of 0% is said plainly, not in green."""
        plain, drawn = line_of(Comparison(Standing.EQUALS_BEST, 0.0))
        assert plain == "Your best on this quiz is 0%."
        assert "\x1b[32m" not in drawn

    def test_matching_a_real_best(self) -> None:
        """Matching 60% is worth a green line."""
        plain, drawn = line_of(Comparison(Standing.EQUALS_BEST, 60.0))
        assert plain == "You matched your best score, 60%."
        assert "\x1b[32m" in drawn


def record(total: int, *, complete: bool = True, practice: bool = False) -> GameRecord:
    moment = datetime(2026, 11, 1, tzinfo=UTC)
    return GameRecord(
        "pm", "PM", "ana", 1, total, complete, moment, moment, practice, 69
    )


@pytest.mark.parametrize(
    ("records", "question"),
    [
        ([record(10), record(12)], "2 games of pm by ana."),
        (
            [record(10), record(3), record(10, practice=True)],
            "3 games of pm by ana: 1 counted in the scores, 2 practice, short or "
            "stopped.",
        ),
        (
            [record(10, complete=False)],
            "1 game of pm by ana, not counted in the scores (practice, short or "
            "stopped).",
        ),
    ],
)
def test_reset_says_what_it_forgets_as_the_table_counts(
    records: list[GameRecord], question: str
) -> None:
    """--reset says how many games of each kind it will forget, naming the
    player as the history spells them."""
    assert what_reset_forgets(records, quiz="pm", player="ANA") == question
