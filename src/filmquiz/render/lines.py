"""What line-by-line play (:mod:`filmquiz.ask.lines`) draws: each question
with numbered choices, the answer prompt, and why a line was not an answer."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from filmquiz.game.engine import Round
from filmquiz.render.console import shown
from filmquiz.render.game import GameView
from filmquiz.visible import quote, visible


class LineView:
    """Draws the questions of a game played line by line."""

    def __init__(self, view: GameView) -> None:
        self._view = view
        self._people = view.screen.people

    def question(self, round_: Round) -> None:
        """A question with its choices numbered from 1."""
        self._view.question(round_)
        for number, choice in enumerate(round_.choices, start=1):
            self._people.print(Text.assemble(f"  {number}. ", visible(choice)))

    def menu(self, prompt: str, labels: Sequence[str]) -> None:
        """A question that is not a round (which quiz?), its choices numbered."""
        self._people.print(shown(prompt, "bold"))
        for number, label in enumerate(labels, start=1):
            self._people.print(Text.assemble(f"  {number}. ", visible(label)))

    def prompt(self, count: int) -> None:
        """Ask for an answer on the current line."""
        self._people.print(Text(f"Your answer (1-{count}): "), end="")

    def ask(self, question: str) -> None:
        """Ask a yes/no question on the current line: No unless told."""
        self._people.print(Text(f"{question} [y/N] "), end="")

    def echo(self, line: str) -> None:
        """Repeat an answer read from a pipe, so the transcript reads naturally."""
        self._people.print(shown(line))

    def not_understood(self, line: str, count: int) -> None:
        """Say why an answer line was not taken."""
        how = f"Type a number from 1 to {count}, or a choice as written."
        if not line.strip():
            self._people.print(Text(how, style="yellow"))
            return
        self._people.print(
            Text.assemble(
                ("Not an answer: ", "yellow"), quote(line, limit=80), f". {how}"
            ),
        )

    def line_too_long(self, longest: int) -> None:
        """Say why a very long answer line was not taken."""
        self._people.print(
            Text.assemble(
                ("Not an answer: ", "yellow"),
                f"a line of more than {longest:,} characters.",
            )
        )
