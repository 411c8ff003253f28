"""The history as commands use it: keep a game, compare it with the player's
best, find their mistakes; trouble is a warning, never a lost game."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from filmquiz.game.engine import Ending, GameResult
from filmquiz.scores import keeping
from filmquiz.scores.statistics import Standing
from tests.scores.test_store import BANK, result


def whole(picks: str, **fields: Any) -> GameResult:
    """A game of the whole five-question bank: it counts towards a best."""
    return result(picks, **fields)._replace(bank_questions=len(BANK.questions))


class TestKeep:
    def test_each_game_is_compared_with_the_best_before_it(self) -> None:
        """First, then a new best, then equal to it, then below it."""
        warnings: list[str] = []
        standings = [
            keeping.keep(whole(picks, minute=minute), warnings.append)
            for minute, picks in enumerate(["rwwww", "rrrww", "rrrww", "rwwww"])
        ]
        assert [c.standing if c else None for c in standings] == [
            Standing.FIRST,
            Standing.NEW_BEST,
            Standing.EQUALS_BEST,
            Standing.BELOW_BEST,
        ]
        assert [c.previous_best if c else None for c in standings] == [
            None,
            20.0,
            60.0,
            60.0,
        ]
        assert warnings == []

    def test_a_game_without_answers_is_not_kept(self, filmquiz_home: Path) -> None:
        """Stopped before the first answer: nothing to keep, nothing compared."""
        stopped = whole("", ending=Ending.INTERRUPTED)
        assert keeping.keep(stopped, pytest.fail) is None
        assert not (filmquiz_home / "scores.db").exists()

    def test_a_history_that_cannot_be_used_is_a_warning(
        self, filmquiz_home: Path
    ) -> None:
        """When the data folder is a file, the game is played and scored,
        and one warning says it was not kept."""
        filmquiz_home.parent.mkdir(parents=True, exist_ok=True)
        filmquiz_home.write_text("not a folder")
        warnings: list[str] = []
        assert keeping.keep(whole("rrrrr"), warnings.append) is None
        assert len(warnings) == 1
        assert warnings[0].endswith("; this game was not kept")

    def test_the_record_is_the_game(self) -> None:
        """What is kept of a game is what it was."""
        game = whole("rrwrw", player="Ana")._replace(practice=True)
        record = keeping.as_record(game)
        assert (record.quiz, record.player, record.score, record.total) == (
            "pm",
            "Ana",
            3,
            5,
        )
        assert (record.complete, record.practice, record.bank_questions) == (
            True,
            True,
            5,
        )
        assert record.kind == "practice"


class TestMistakes:
    def test_none_before_the_first_game(self) -> None:
        """A player who never played the quiz has no mistakes: None, not empty."""
        keeping.keep(whole("rrrrr", player="ana"), pytest.fail)
        assert keeping.mistakes(BANK, "rosa", pytest.fail) is None

    def test_the_questions_wrong_the_last_time(self) -> None:
        """The last answer to each question decides: wrong then right is no
        longer a mistake."""
        keeping.keep(whole("wwrrr", minute=1), pytest.fail)
        keeping.keep(result("rr", minute=2, ending=Ending.INTERRUPTED), pytest.fail)
        keeping.keep(whole("rrrwr", minute=3), pytest.fail)
        assert keeping.mistakes(BANK, "ana", pytest.fail) == frozenset({"q3"})

    def test_all_right_is_an_empty_set(self) -> None:
        """Every question right the last time: nothing to practise."""
        keeping.keep(whole("rrrrr"), pytest.fail)
        assert keeping.mistakes(BANK, "ANA", pytest.fail) == frozenset()
