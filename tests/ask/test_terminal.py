"""Questions asked through questionary, driven in process by a pipe input."""

from __future__ import annotations

import io
import time

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


PICKS = ("Penélope Cruz", "Milena Smit", "Carmen Maura", "Aitana Sánchez-Gijón")
SPACE = " "


def screen_output() -> tuple[io.StringIO, Vt100_Output]:
    screen = io.StringIO()
    return screen, Vt100_Output(screen, lambda: Size(rows=30, columns=80), term="xterm")


class TestEachType:
    def test_true_false_is_a_menu_of_two(self, keys: PipeInput) -> None:
        """True first, False second; the reply is a truth value."""
        question = Question(
            id="t", prompt="Opened Venice?", type="truefalse", answer=True
        )
        keys.send_text("2")
        ask = TerminalAsker(echo=no_echo, input=keys, output=DummyOutput())
        assert ask(Round(1, 1, question, question.offered), ALONE) == Reply(False)

    def test_multi_select_with_the_checkbox(self, keys: PipeInput) -> None:
        """Space picks, arrows move, Enter answers with every choice picked;
        Enter with none picked asks for one."""
        question = Question(
            id="m",
            prompt="Who is in it?",
            type="multi",
            choices=PICKS,
            answer=PICKS[:2],
        )
        screen, output = screen_output()
        keys.send_text(ENTER + SPACE + DOWN + DOWN + DOWN + SPACE + ENTER)
        echoed: list[str] = []
        ask = TerminalAsker(
            echo=lambda r, t, text: echoed.append(text), input=keys, output=output
        )
        reply = ask(Round(1, 1, question, PICKS), ALONE)
        assert reply == Reply((PICKS[0], PICKS[3]))
        assert echoed == ["Penélope Cruz; Aitana Sánchez-Gijón"]
        drawn = screen.getvalue()
        assert "Question 1 of 1" in drawn
        assert "One or more are right." in drawn

    def test_typed_answer(self, keys: PipeInput) -> None:
        """The words typed are the reply; a blank line is not taken."""
        question = Question(id="x", prompt="Who directed it?", type="text", answer="P")
        screen, output = screen_output()
        keys.send_text(ENTER + "Pedro Almodovar" + ENTER)
        ask = TerminalAsker(echo=no_echo, input=keys, output=output)
        assert ask(Round(1, 1, question, ()), ALONE) == Reply("Pedro Almodovar")
        assert "Who directed it?" in screen.getvalue()

    def test_the_fifty_fifty_key(self, keys: PipeInput) -> None:
        """F takes two wrong choices away: their number keys no longer
        answer, and the reply says the 50:50 was used."""
        question = Question(
            id="s", prompt="Who plays Janis?", choices=PICKS, answer=PICKS[0]
        )
        round_ = Round(1, 1, question, PICKS, halved=(PICKS[0], PICKS[2]))
        screen, output = screen_output()
        keys.send_text("f" + "2" + "3")
        ask = TerminalAsker(echo=no_echo, input=keys, output=output)
        reply = ask(round_, Turn("ana", halved=round_.halved))
        assert reply == Reply(PICKS[2], fifty_fifty=True)
        assert "F for a 50:50" in screen.getvalue()

    def test_f_does_nothing_without_a_lifeline(self, keys: PipeInput) -> None:
        question = Question(id="s", prompt="Who?", choices=PICKS, answer=PICKS[0])
        keys.send_text("f2")
        ask = TerminalAsker(echo=no_echo, input=keys, output=DummyOutput())
        assert ask(Round(1, 1, question, PICKS), ALONE) == Reply(PICKS[1])


class TestCountdown:
    def test_the_menu_shows_the_time_left_and_closes_when_it_runs_out(
        self, keys: PipeInput
    ) -> None:
        """No key pressed: the menu closes at the deadline with no answer."""
        question = Question(id="s", prompt="Who?", choices=PICKS, answer=PICKS[0])
        screen, output = screen_output()
        echoed: list[str] = []
        ask = TerminalAsker(
            echo=lambda r, t, text: echoed.append(text), input=keys, output=output
        )
        deadline = time.monotonic() + 1.2
        reply = ask(Round(1, 1, question, PICKS), Turn("ana", deadline=deadline))
        assert reply == Reply(None)
        assert echoed == [""]
        assert "⏱ 2 s left" in screen.getvalue()

    @pytest.mark.parametrize("kind", ["multi", "text"])
    def test_questionary_prompts_close_when_time_runs_out(
        self, keys: PipeInput, kind: str
    ) -> None:
        question = Question(
            id="q",
            prompt="Who?",
            type=kind,  # type: ignore[arg-type]
            choices=PICKS if kind == "multi" else (),
            answer=PICKS[:1] if kind == "multi" else "Janis",
        )
        screen, output = screen_output()
        ask = TerminalAsker(echo=no_echo, input=keys, output=output)
        deadline = time.monotonic() + 1.2
        reply = ask(
            Round(1, 1, question, question.offered), Turn("a", deadline=deadline)
        )
        assert reply == Reply(None)
        assert "s left" in screen.getvalue()

    def test_an_answer_in_time_is_taken(self, keys: PipeInput) -> None:
        question = Question(id="s", prompt="Who?", choices=PICKS, answer=PICKS[0])
        keys.send_text("3")
        ask = TerminalAsker(echo=no_echo, input=keys, output=DummyOutput())
        deadline = time.monotonic() + 30
        assert ask(Round(1, 1, question, PICKS), Turn("a", deadline=deadline)) == Reply(
            PICKS[2]
        )
