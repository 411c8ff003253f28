"""The terminal menu: its layout at any width, and its keys, in process."""

from __future__ import annotations

import io
import os
import pty
import threading
import time

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import PipeInput, create_input
from prompt_toolkit.output import DummyOutput
from prompt_toolkit.output.vt100 import Vt100_Output
from prompt_toolkit.utils import get_cwidth

from filmquiz.ask.menu import Menu, wrap
from tests.support import CTRL_C, DOWN, ENTER, UP

LONG_PROMPT = (
    "Which award did Penélope Cruz win at the 78th Venice International Film "
    "Festival for her role as Janis Martínez Moreno?"
)
LONG_CHOICES = (
    "The Volpi Cup for Best Actress, presented at the closing ceremony",
    "The Golden Lion for the best film of the competition",
    "The Silver Lion Grand Jury Prize, the festival's second prize",
    "Nothing at all",
)


def menu(*choices: str, prompt: str = "Who?", **options: object) -> Menu:
    return Menu(
        heading="Question 1 of 3 (cast and crew, hard)",
        prompt=prompt,
        choices=choices,
        hint="(arrow keys and Enter, or press 1-4)",
        **options,  # type: ignore[arg-type]
    )


class TestWrap:
    @pytest.mark.parametrize("width", [20, 40, 50, 80, 120])
    def test_lines_fit_and_break_between_words(self, width: int) -> None:
        """No line is wider than asked, and every word stays whole."""
        lines = wrap(LONG_PROMPT, width, first="[1/3] ", rest="      ")
        assert all(get_cwidth(line) <= width for line in lines)
        assert " ".join(" ".join(lines).split()) == "[1/3] " + LONG_PROMPT

    def test_hanging_indent(self) -> None:
        """The first line starts with ``first``, the others with ``rest``."""
        assert wrap("one two three four", 12, first=" » 1. ", rest="      ") == [
            " » 1. one",
            "      two",
            "      three",
            "      four",
        ]

    def test_a_word_wider_than_the_line_is_the_only_thing_broken(self) -> None:
        """A word too long for any line is cut into pieces that fit."""
        assert wrap("a Supercalifragilistic b", 10) == [
            "a",
            "Supercalif",
            "ragilistic",
            "b",
        ]

    def test_wide_characters_count_two_cells(self) -> None:
        """CJK text is measured in terminal cells, not characters."""
        lines = wrap("東京物語 は 小津安二郎 の 映画", 10)
        assert all(get_cwidth(line) <= 10 for line in lines)


class TestLayout:
    @pytest.mark.parametrize("width", [40, 50, 80, 120])
    def test_nothing_cut_at_any_width(self, width: int) -> None:
        """The heading, the question, every choice and the hint are drawn
        whole, within the width, broken only between words."""
        lines = menu(*LONG_CHOICES, prompt=LONG_PROMPT).layout(width - 1, 50)
        drawn = [line.text for line in lines]
        assert all(get_cwidth(text) <= width - 1 for text in drawn)
        words = " ".join(drawn).split()
        for text in (
            LONG_PROMPT,
            *LONG_CHOICES,
            "(arrow keys and Enter, or press 1-4)",
        ):
            assert " ".join(text.split()) in " ".join(words)

    def test_choices_are_numbered_with_the_pointer_on_the_first(self) -> None:
        """Choices show their numbers; the pointer starts on the first."""
        texts = [line.text for line in menu("Anita", "Cecilia").layout(79, 20)]
        assert texts == [
            "Question 1 of 3 (cast and crew, hard)",
            "Who?",
            " » 1. Anita",
            "   2. Cecilia",
            "(arrow keys and Enter, or press 1-4)",
        ]

    def test_a_menu_taller_than_the_terminal_says_more_choices_exist(self) -> None:
        """Ten long choices in 12 rows: the pointed one is shown, and lines
        say how many choices are above and below."""
        choices = [
            f"Choice number {n} with a rather long text to wrap" for n in range(10)
        ]
        shown = menu(*choices)
        shown.pointed_at = 5
        texts = [line.text for line in shown.layout(30, 12)]
        assert len(texts) <= 12
        assert any("Choice number 5" in text for text in texts)
        above = next(text for text in texts if "↑" in text)
        below = next(text for text in texts if "↓" in text)
        assert above.strip().startswith("↑")
        assert above.endswith("more")
        assert below.strip().startswith("↓")
        assert below.endswith("more")

    def test_a_menu_that_fits_has_no_more_lines(self) -> None:
        """Without scrolling there is no ↑ or ↓ line."""
        texts = [line.text for line in menu("Anita", "Cecilia").layout(79, 20)]
        assert not any("more" in text for text in texts)


class TestKeys:
    def ask(self, keys: PipeInput, typed: str, *choices: str) -> int:
        keys.send_text(typed)
        return menu(*choices, input=keys, output=DummyOutput()).ask()

    def test_enter_takes_the_first_choice(self, keys: PipeInput) -> None:
        """The pointer starts on the first choice."""
        assert self.ask(keys, ENTER, "Cecilia", "Anita", "Teresa") == 0

    def test_arrow_keys_move_the_pointer(self, keys: PipeInput) -> None:
        """Down, down, up, Enter picks the second choice; up from the first
        wraps to the last."""
        assert self.ask(keys, DOWN + DOWN + UP + ENTER, "a", "b", "c") == 1

    def test_up_from_the_first_wraps_to_the_last(self, keys: PipeInput) -> None:
        """The pointer goes round."""
        assert self.ask(keys, UP + ENTER, "a", "b", "c") == 2

    @pytest.mark.parametrize(("key", "picked"), [("1", 0), ("3", 2), ("4", 3)])
    def test_number_keys_pick_at_once(
        self, keys: PipeInput, key: str, picked: int
    ) -> None:
        """A number key picks that choice without Enter."""
        assert self.ask(keys, key, "a", "b", "c", "d") == picked

    def test_a_number_beyond_the_choices_does_nothing(self, keys: PipeInput) -> None:
        """5 with four choices is ignored; Enter then picks as usual."""
        assert self.ask(keys, "5" + DOWN + ENTER, "a", "b", "c", "d") == 1

    def test_escape_then_enter_leaves_the_question(self, keys: PipeInput) -> None:
        """Esc then Enter is no answer: the same menu waits for one."""
        assert self.ask(keys, "\x1b" + ENTER + DOWN + DOWN + ENTER, "a", "b", "c") == 2

    def test_other_keys_do_nothing(self, keys: PipeInput) -> None:
        """Letters are not answers."""
        assert self.ask(keys, "xyz" + DOWN + ENTER, "a", "b") == 1

    def test_ctrl_c_raises_keyboard_interrupt(self, keys: PipeInput) -> None:
        """Ctrl-C is not swallowed: the game sees KeyboardInterrupt."""
        keys.send_text(CTRL_C)
        with pytest.raises(KeyboardInterrupt):
            menu("a", "b", input=keys, output=DummyOutput()).ask()

    def test_keys_typed_ahead_at_a_terminal_do_not_answer_the_next(self) -> None:
        """At a terminal, two keys arrive at once: the first answers this
        menu, the second is forgotten, not taken as the next one's answer.
        Keys typed before a menu is drawn are forgotten too."""
        controller, terminal = pty.openpty()

        def typing(keys: bytes, screen: io.StringIO) -> threading.Thread:
            def type_once_drawn() -> None:
                deadline = time.monotonic() + 10
                while "Who?" not in screen.getvalue() and time.monotonic() < deadline:
                    time.sleep(0.01)
                os.write(controller, keys)

            typist = threading.Thread(target=type_once_drawn)
            typist.start()
            return typist

        def drawn_on(screen: io.StringIO) -> Vt100_Output:
            return Vt100_Output(
                screen,
                lambda: Size(rows=24, columns=80),
                term="xterm",
                enable_cpr=False,
            )

        with os.fdopen(terminal, "r") as stream:
            typed = create_input(stdin=stream)
            os.write(controller, b"3")  # before the menu: forgotten
            first = io.StringIO()
            typist = typing(b"12", first)
            assert menu("a", "b", "c", input=typed, output=drawn_on(first)).ask() == 0
            typist.join()
            second = io.StringIO()
            typist = typing(b"3", second)
            assert menu("a", "b", "c", input=typed, output=drawn_on(second)).ask() == 2
            typist.join()
        os.close(controller)

    def test_keys_from_a_pipe_are_all_read(self, keys: PipeInput) -> None:
        """From a pipe (a script), keys sent at once answer menu after menu."""
        keys.send_text("1" + "3")
        assert menu("a", "b", "c", input=keys, output=DummyOutput()).ask() == 0
        assert menu("a", "b", "c", input=keys, output=DummyOutput()).ask() == 2
