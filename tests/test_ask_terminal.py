"""Questions asked through questionary, driven in process by a pipe input."""

from __future__ import annotations

import io
import random

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output

from conftest import CTRL_C, DOWN, ENTER, UP
from filmquiz.ask_terminal import TerminalAsker, confirm
from filmquiz.bank import Bank, Question
from filmquiz.engine import Ending, Round, Selection, plan_game, play


def a_round(*choices: str, prompt: str = "Who?") -> Round:
    question = Question(id="q", prompt=prompt, choices=choices, answer=choices[0])
    return Round(number=1, total=1, question=question, choices=choices)


class TestTerminalAsker:
    def test_enter_takes_the_first_choice(self, keys: PipeInput) -> None:
        """The pointer starts on the first choice."""
        keys.send_text(ENTER)
        ask = TerminalAsker(input=keys, output=DummyOutput())
        assert ask(a_round("Cecilia", "Anita", "Teresa")) == "Cecilia"

    def test_arrow_keys_move_the_pointer(self, keys: PipeInput) -> None:
        """Down, down, up, Enter picks the second choice."""
        keys.send_text(DOWN + DOWN + UP + ENTER)
        ask = TerminalAsker(input=keys, output=DummyOutput())
        assert ask(a_round("Cecilia", "Anita", "Teresa")) == "Anita"

    def test_escape_then_enter_asks_again(self, keys: PipeInput) -> None:
        """Esc then Enter makes questionary return "": that is no answer."""
        keys.send_text("\x1b" + ENTER + DOWN + DOWN + ENTER)
        ask = TerminalAsker(input=keys, output=DummyOutput())
        assert ask(a_round("Cecilia", "Anita", "Teresa")) == "Teresa"

    def test_ctrl_c_raises_keyboard_interrupt(self, keys: PipeInput) -> None:
        """Ctrl-C is not swallowed: the engine sees KeyboardInterrupt."""
        keys.send_text(CTRL_C)
        ask = TerminalAsker(input=keys, output=DummyOutput())
        with pytest.raises(KeyboardInterrupt):
            ask(a_round("Cecilia", "Anita"))

    def test_markup_is_drawn_as_typed(self, keys: PipeInput) -> None:
        """Bank text that looks like markup reaches the screen unchanged."""
        screen = io.StringIO()
        output = Vt100_Output(screen, lambda: Size(rows=24, columns=100), term="xterm")
        keys.send_text(DOWN + ENTER)
        ask = TerminalAsker(input=keys, output=output, no_color=True)
        chosen = ask(a_round("[red]Cecilia[/red]", "<b>Anita</b>", prompt="[bold]Who?"))
        assert chosen == "<b>Anita</b>"
        drawn = screen.getvalue()
        assert "[bold]Who?" in drawn
        assert "[red]Cecilia[/red]" in drawn


class TestWholeGameInProcess:
    def test_game_played_with_arrow_keys(self, keys: PipeInput) -> None:
        """A whole game: the engine asks through questionary, keys answer."""
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
        rounds = plan_game(bank, Selection(shuffle=False), random.Random())
        keys.send_text(DOWN + ENTER + ENTER + DOWN + ENTER)
        ask = TerminalAsker(input=keys, output=DummyOutput())
        result = play(rounds, ask, lambda r, a: None, bank=bank, player="p")
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
