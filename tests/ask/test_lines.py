"""Line-by-line play: reading answers from a pipe."""

from __future__ import annotations

import io

import pytest

from filmquiz.ask.lines import LineAsker, interpret
from filmquiz.bankfile.model import Question
from filmquiz.errors import InputEnded
from filmquiz.game.engine import Reply, Round, Turn
from filmquiz.render.console import Screen
from filmquiz.render.game import GameView
from filmquiz.render.lines import LineView

CHOICES = ("Cecilia", "Anita", "17", "2")


class TestInterpret:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("1", "Cecilia"),
            (" 2 \n", "Anita"),
            ("Anita", "Anita"),
            ("  Cecilia  ", "Cecilia"),
            ("17", "17"),
            ("2", "Anita"),
            ("4", "2"),
        ],
    )
    def test_numbers_and_text(self, line: str, expected: str) -> None:
        """A number from 1, or a choice's exact text; numbers come first."""
        assert interpret(line, CHOICES) == expected

    @pytest.mark.parametrize("line", ["", "0", "5", "anita", "Cecilia!", "-1", "1.0"])
    def test_not_an_answer(self, line: str) -> None:
        """Anything else is no answer."""
        assert interpret(line, CHOICES) is None


def a_round() -> Round:
    question = Question(id="q", prompt="Whose baby?", choices=CHOICES, answer="Cecilia")
    return Round(number=2, total=5, question=question, choices=CHOICES)


class TestLineAsker:
    def test_asks_again_after_a_bad_line(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An unrecognised line is reported and the same question asked again."""
        ask = LineAsker(
            io.StringIO("seven\n1\n"), LineView(GameView(Screen())), echo=True
        )
        assert ask(a_round(), Turn("ana")) == Reply("Cecilia")
        out = capsys.readouterr().out
        assert out == (
            "Question 2 of 5\n"
            "Whose baby?\n"
            "  1. Cecilia\n"
            "  2. Anita\n"
            "  3. 17\n"
            "  4. 2\n"
            "Your answer (1-4): seven\n"
            'Not an answer: "seven". '
            "Type a number from 1 to 4, or a choice as written.\n"
            "Your answer (1-4): 1\n"
        )

    def test_end_of_input(self) -> None:
        """No more lines: InputEnded, naming the question left unanswered."""
        ask = LineAsker(io.StringIO("nope\n"), LineView(GameView(Screen())), echo=True)
        with pytest.raises(InputEnded, match="before question 2 of 5"):
            ask(a_round(), Turn("ana"))
