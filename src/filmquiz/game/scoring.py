"""Points for speed games: a right answer is worth more the sooner it comes,
and a run of right answers adds a bonus."""

from __future__ import annotations

from typing import Literal, get_args

Scoring = Literal["standard", "speed"]
SCORINGS: tuple[Scoring, ...] = get_args(Scoring)
"""``standard`` counts right answers; ``speed`` also gives points."""

SPEED_SECONDS = 20.0
"""The time a speed game's points are measured against without a limit."""
STREAK_STEP = 100
"""Points each right answer in a row after the first adds..."""
STREAK_MOST = 500
"""...up to this many."""


def speed_points(seconds: float, limit: float) -> int:
    """What a right answer given after ``seconds`` of ``limit`` is worth:
    1000 at once, falling in a straight line to 500 at the limit (Kahoot's
    rule, round(1000 x (1 - t / T / 2))); no less than 500 however late."""
    share = min(max(seconds / limit, 0.0), 1.0)
    return round(1000 * (1 - share / 2))


def streak_bonus(streak: int) -> int:
    """The bonus of the ``streak``-th right answer in a row: nothing for the
    first, 100 for the second, 200 for the third ... never more than 500."""
    return min(STREAK_STEP * max(streak - 1, 0), STREAK_MOST)
