"""Line-by-line play: reading answers from a pipe."""

from __future__ import annotations

import io

import pytest

from filmquiz.ask.lines import LineAsker, interpret, interpret_reply
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


TYPED = Question(id="x", prompt="Who directed it?", type="text", answer="Pedro")
TRUTH = Question(id="t", prompt="True?", type="truefalse", answer=False)
PICKS = ("Penélope Cruz", "Milena Smit", "Carmen Maura", "Aitana Sánchez-Gijón")
MANY = Question(id="m", prompt="Who?", type="multi", choices=PICKS, answer=PICKS[:2])
FOUR = Question(id="s", prompt="Who?", choices=PICKS, answer=PICKS[0])


def round_of(question: Question) -> Round:
    return Round(1, 1, question, question.offered)


class TestInterpretReply:
    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("1,3", (PICKS[0], PICKS[2])),
            ("1 3", (PICKS[0], PICKS[2])),
            (" 4, 2 ", (PICKS[3], PICKS[1])),
            ("2", (PICKS[1],)),
            ("1,,3", (PICKS[0], PICKS[2])),
            ("1,1", None),
            ("1,5", None),
            ("0", None),
            ("", None),
            ("Penélope Cruz", None),
            ("1;3", None),
        ],
    )
    def test_multi_select_is_numbers(self, line: str, expected: object) -> None:
        """Numbers separated by commas or spaces, each once."""
        assert interpret_reply(line, round_of(MANY), MANY.choices) == expected

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("1", True),
            ("2", False),
            ("True", True),
            ("false", False),
            ("T", True),
            ("f", False),
            ("yes", None),
            ("3", None),
        ],
    )
    def test_true_false(self, line: str, expected: object) -> None:
        """A number, the choice as shown, or the word in any case."""
        assert interpret_reply(line, round_of(TRUTH), TRUTH.offered) == expected

    def test_typed_is_the_line(self) -> None:
        assert interpret_reply("  Pedro Almodóvar ", round_of(TYPED), ()) == (
            "Pedro Almodóvar"
        )
        assert interpret_reply("   ", round_of(TYPED), ()) is None

    def test_after_a_fifty_fifty_only_what_is_left(self) -> None:
        """Choices a 50:50 took away are no answer, by number or text."""
        left = (PICKS[0], PICKS[2])
        assert interpret_reply("3", round_of(FOUR), left) == PICKS[2]
        assert interpret_reply("2", round_of(FOUR), left) is None
        assert interpret_reply(PICKS[1], round_of(FOUR), left) is None


class TestLineAskerTypes:
    def ask(self, question: Question, text: str, turn: Turn | None = None) -> Reply:
        round_ = round_of(question)
        if turn is None:
            turn = Turn("ana")
        asker = LineAsker(io.StringIO(text), LineView(GameView(Screen())), echo=True)
        return asker(round_, turn)

    def test_fifty_fifty_then_an_answer(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """50 shows the two choices left, with their first numbers, and asks
        again; the reply says the 50:50 was used."""
        round_ = Round(1, 1, FOUR, PICKS, halved=(PICKS[0], PICKS[3]))
        asker = LineAsker(
            io.StringIO("50\n2\n4\n"), LineView(GameView(Screen())), echo=True
        )
        reply = asker(round_, Turn("ana", halved=round_.halved))
        assert reply == Reply(PICKS[3], fifty_fifty=True)
        out = capsys.readouterr().out
        assert "Your answer (1-4, or 50 for a 50:50): 50\n" in out
        assert (
            "50:50: two wrong choices are gone.\n  1. Penélope Cruz\n  4. Aitana" in out
        )
        assert 'Your answer (1 or 4): 2\nNot an answer: "2". Type 1 or 4' in out

    def test_fifty_without_a_lifeline_is_not_an_answer(self) -> None:
        with pytest.raises(InputEnded):
            self.ask(FOUR, "50\n")

    def test_multi_select(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert self.ask(MANY, "Penélope\n2 1\n") == Reply((PICKS[1], PICKS[0]))
        out = capsys.readouterr().out
        assert "(one or more are right: type their numbers, such as 1,3)" in out
        assert "Type the numbers of every right choice" in out

    def test_typed(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert self.ask(TYPED, "\nPedro Almodovar\n") == Reply("Pedro Almodovar")
        out = capsys.readouterr().out
        assert "Your answer: \nType an answer.\nYour answer: Pedro Almodovar" in out

    def test_true_false(self) -> None:
        assert self.ask(TRUTH, "false\n") == Reply(False)

    def test_a_party_names_whose_turn_it_is(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """In a party the question is shown once a round, and each prompt
        names the player."""
        round_ = round_of(FOUR)
        asker = LineAsker(
            io.StringIO("1\n2\n"), LineView(GameView(Screen())), echo=True
        )
        assert asker(round_, Turn("Ana", party=True)) == Reply(PICKS[0])
        assert asker(round_, Turn("Janis", party=True)) == Reply(PICKS[1])
        out = capsys.readouterr().out
        assert out.count("Who?") == 1
        assert "Ana, your answer (1-4): 1\nJanis, your answer (1-4): 2\n" in out
