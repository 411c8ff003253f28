"""Pure helpers of the rendering module."""

from __future__ import annotations

import pytest

from filmquiz.render import duration, sparkline


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
