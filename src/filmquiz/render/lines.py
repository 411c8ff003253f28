"""What line-by-line play (:mod:`filmquiz.ask.lines`) draws: each question
with numbered choices, the answer prompt, and why a line was not an answer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from filmquiz.game.engine import Round
from filmquiz.render.console import shown
from filmquiz.render.game import GameView
from filmquiz.visible import quote, visible

MULTI_LINE_HINT = "(one or more are right: type their numbers, such as 1,3)"


class LineView:
    """Draws the questions of a game played line by line."""

    def __init__(self, view: GameView) -> None:
        self._view = view
        self._people = view.screen.people

    def question(self, round_: Round) -> None:
        """A question with its choices numbered from 1 (none for a typed
        answer), and how to answer a multi-select one."""
        self._view.question(round_)
        self._choices(round_.choices, round_.choices)
        if round_.question.type == "multi":
            self._people.print(Text(MULTI_LINE_HINT, style="dim"))

    def halved(self, round_: Round, left: tuple[str, ...]) -> None:
        """What a 50:50 leaves of a question's choices, as first numbered."""
        self._people.print(Text("50:50: two wrong choices are gone.", style="cyan"))
        self._choices(round_.choices, left)

    def _choices(self, choices: tuple[str, ...], shown: tuple[str, ...]) -> None:
        for number, choice in enumerate(choices, start=1):
            if choice in shown:
                self._people.print(Text.assemble(f"  {number}. ", visible(choice)))

    def menu(self, prompt: str, labels: Sequence[str]) -> None:
        """A question that is not a round (which quiz?), its choices numbered."""
        self._people.print(shown(prompt, "bold"))
        for number, label in enumerate(labels, start=1):
            self._people.print(Text.assemble(f"  {number}. ", visible(label)))

    def prompt(self, text: str) -> None:
        """Ask for an answer on the current line (``text`` from
        wording.answer_prompt)."""
        self._people.print(Text(visible(text)), end="")

    def ask(self, question: str) -> None:
        """Ask a yes/no question on the current line: No unless told."""
        self._people.print(Text(f"{question} [y/N] "), end="")

    def echo(self, line: str) -> None:
        """Repeat an answer read from a pipe, so the transcript reads naturally."""
        self._people.print(shown(line))

    def not_understood(
        self, line: str, round_: Round, offered: tuple[str, ...]
    ) -> None:
        """Say why an answer line was not a reply to ``round_``."""
        kind = round_.question.type
        if kind == "text":
            how = "Type an answer."
        elif kind == "multi":
            how = (
                "Type the numbers of every right choice, separated by commas "
                f"or spaces, from 1 to {len(round_.choices)}."
            )
        elif offered != round_.choices:
            numbers = [str(round_.choices.index(c) + 1) for c in offered]
            how = f"Type {' or '.join(numbers)}, or a choice as written."
        else:
            how = f"Type a number from 1 to {len(offered)}, or a choice as written."
            if kind == "truefalse":
                how = "Type 1 or true, 2 or false."
        self._say_not_understood(line, how)

    def not_understood_pick(self, line: str, count: int) -> None:
        """Say why a line did not pick one of ``count`` things."""
        how = f"Type a number from 1 to {count}, or a choice as written."
        self._say_not_understood(line, how)

    def _say_not_understood(self, line: str, how: str) -> None:
        if not line.strip():
            self._people.print(Text(how, style="yellow"))
            return
        self._people.print(
            Text.assemble(
                ("Not an answer: ", "yellow"), quote(line, limit=80), f". {how}"
            ),
        )

    def not_a_name(self, why: str) -> None:
        """Say why a line of players' names was not taken."""
        self._people.print(Text(why, style="yellow"))

    def line_too_long(self, longest: int) -> None:
        """Say why a very long answer line was not taken."""
        self._people.print(
            Text.assemble(
                ("Not an answer: ", "yellow"),
                f"a line of more than {longest:,} characters.",
            )
        )
