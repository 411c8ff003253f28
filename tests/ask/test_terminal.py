"""Questions asked through questionary, driven in process by a pipe input."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from filmquiz.ask.terminal import TerminalAsker, confirm
from filmquiz.bankfile.model import Bank, Question
from filmquiz.game.engine import (
    Ending,
    Reply,
    Round,
    Selection,
    Turn,
    plan_game,
    run_game,
)
from tests.support import CTRL_C, DOWN, ENTER


def a_round(*choices: str, prompt: str = "Who?") -> Round:
    question = Question(id="q", prompt=prompt, choices=choices, answer=choices[0])
    return Round(number=1, total=1, question=question, choices=choices)


ALONE = Turn(player="ana")


def no_echo(round_: Round, turn: Turn, choice: str) -> None:
    return None


class TestTerminalAsker:
    def test_returns_the_choice_made(self, keys: PipeInput) -> None:
        """The asker answers with the text of the choice picked."""
        keys.send_text(DOWN + ENTER)
        ask = TerminalAsker(echo=no_echo, input=keys, output=DummyOutput())
        assert ask(a_round("Cecilia", "Anita", "Teresa"), ALONE) == Reply("Anita")

    def test_echoes_the_question_and_answer(self, keys: PipeInput) -> None:
        """Once answered, the menu gives way to the echo of the choice."""
        echoed: list[tuple[int, str]] = []
        keys.send_text("3")
        ask = TerminalAsker(
            echo=lambda round_, turn, choice: echoed.append((round_.number, choice)),
            input=keys,
            output=DummyOutput(),
        )
        ask(a_round("Cecilia", "Anita", "Teresa"), ALONE)
        assert echoed == [(1, "Teresa")]

    def test_ctrl_c_raises_keyboard_interrupt(self, keys: PipeInput) -> None:
        """Ctrl-C is not swallowed: the engine sees KeyboardInterrupt."""
        keys.send_text(CTRL_C)
        ask = TerminalAsker(echo=no_echo, input=keys, output=DummyOutput())
        with pytest.raises(KeyboardInterrupt):
            ask(a_round("Cecilia", "Anita"), ALONE)

    def test_markup_is_drawn_as_typed(self, keys: PipeInput) -> None:
        """Bank text that looks like markup reaches the screen unchanged, and
        the category and difficulty are shown above the question."""
        screen = io.StringIO()
        output = Vt100_Output(screen, lambda: Size(rows=24, columns=100), term="xterm")
        keys.send_text(DOWN + ENTER)
        ask = TerminalAsker(echo=no_echo, input=keys, output=output, no_color=True)
        question = Question(
            id="q",
            prompt="[bold]Who?",
            choices=("[red]Cecilia[/red]", "<b>Anita</b>"),
            answer="<b>Anita</b>",
            category="plot",
            difficulty="hard",
        )
        chosen = ask(Round(1, 1, question, question.choices), ALONE)
        assert chosen == Reply("<b>Anita</b>")
        drawn = screen.getvalue()
        assert "Question 1 of 1 (plot, hard)" in drawn
        assert "[bold]Who?" in drawn
        assert "[red]Cecilia[/red]" in drawn


class TestWholeGameInProcess:
    def test_game_played_with_keys(self, keys: PipeInput) -> None:
        """A whole game: the engine asks through the menus; each answer's echo
        sends the keys for the next question."""
        bank = Bank(
            slug="t",
            title="T",
            questions=tuple(
                Question(
                    id=f"q{n}", prompt=f"Q{n}?", choices=("x", "y", "z"), answer="y"
                )
                for n in range(3)
            ),
        )
        rounds = plan_game(bank, Selection(shuffle=False))
        next_keys = iter([ENTER, DOWN + ENTER])
        keys.send_text(DOWN + ENTER)
        ask = TerminalAsker(
            echo=lambda round_, turn, choice: keys.send_text(next(next_keys, "")),
            input=keys,
            output=DummyOutput(),
        )
        result = run_game(rounds, ask, lambda r, t, a: None, bank=bank, player="p")
        assert result.ending is Ending.COMPLETED
        assert [a.chosen for a in result.answers] == ["y", "x", "y"]
        assert result.score == 2


class TestConfirm:
    @pytest.mark.parametrize(
        ("typed", "expected"), [("y", True), ("n", False), (ENTER, False)]
    )
    def test_answers(self, keys: PipeInput, typed: str, expected: bool) -> None:
        """y confirms, n declines, and Enter takes the safe default: no."""
        keys.send_text(typed)
        assert confirm("Forget 3 games?", input=keys, output=DummyOutput()) is expected
