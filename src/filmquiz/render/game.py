"""A game as people see it: the heading, each question once answered, the
feedback after it, and the summary at the end."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from filmquiz.bankfile.model import Bank
from filmquiz.bankfile.rules import ENDING, spoiler_rank
from filmquiz.game.engine import Answer, Ending, GameResult, Round, Rules, Turn
from filmquiz.render.console import RIGHT, WRONG, Screen, shown
from filmquiz.render.wording import (
    duration,
    plural,
    round_details,
    round_number,
    spoils_the_ending,
)
from filmquiz.scores.statistics import COUNTED_FROM, Comparison, Standing
from filmquiz.visible import visible

if TYPE_CHECKING:
    from rich.table import Table

ANSWERS_TABLE_FROM = 72
"""Columns a terminal needs for the answers as a table; a narrower one gets
them as a list, where nothing has to be cut to fit."""


class GameView:
    """Draws a game on a screen, as it is played."""

    def __init__(self, screen: Screen) -> None:
        self.screen = screen
        self._people = screen.people

    def start(
        self,
        bank: Bank,
        rounds: tuple[Round, ...],
        player: str,
        *,
        practice: bool = False,
        spoilers_chosen: bool = False,
        rules: Rules | None = None,
        players: Sequence[str] = (),
    ) -> None:
        """The heading of a game: which quiz, for whom, how many questions,
        and a warning when it may give an ending away (with how to avoid it,
        unless the player chose the level)."""
        heading = shown(bank.title, "bold")
        film = bank.film
        details = [str(film.year)] if film and film.year else []
        if film and film.director:
            details.append(film.director)
        if details:
            heading.append(f" ({', '.join(details)})", style="dim")
        self._people.print(heading)
        if any(spoiler_rank(r.question.spoiler) == ENDING for r in rounds):
            warning = (
                f"Spoilers: this game may give away {spoils_the_ending(bool(film))}"
            )
            if not spoilers_chosen:
                warning += (
                    " (--spoilers middle or --no-spoilers leaves such questions out)"
                )
            self._people.print(Text(f"{warning}.", style="yellow"))
        who = Text(visible(player))
        if players:
            who = Text(", ".join(visible(name) for name in players))
            who.append(" in turns")
        self._people.print(
            Text.assemble(
                f"{plural(len(rounds), 'question')} for ",
                who,
                " (practice: your past mistakes)" if practice else "",
                ". Ctrl-C stops at any time.",
                style="dim",
            )
        )
        if rules is not None:
            self._rules(rules, rounds, players)
        self._people.print()

    def question(self, round_: Round) -> None:
        """The heading of a question (``Question 2 of 10 (plot, easy)``) and
        its prompt."""
        heading = Text(round_number(round_), style="bold")
        details = round_details(round_)
        if details:
            heading.append(f" ({details})", style="dim")
        self._people.print(heading)
        self._people.print(shown(round_.question.prompt))

    def _rules(
        self, rules: Rules, rounds: tuple[Round, ...], players: Sequence[str]
    ) -> None:
        """How the game is timed and scored, when not the usual way."""
        parts = []
        if rules.time_limit is not None:
            parts.append(f"{seconds(rules.time_limit)} per question.")
        if rules.scoring == "speed":
            parts.append(
                "Speed points: up to 1000 a right answer, the sooner the more "
                f"(500 at {seconds(rules.speed_limit)}), +100 a right answer "
                "in a row (up to +500)."
            )
        if rules.lifelines and any(r.halved for r in rounds):
            each = "Each player has one" if players else "One"
            parts.append(
                f"{each} 50:50 to take two wrong choices away (F in a menu, 50 "
                "on a line)."
            )
        if parts:
            self._people.print(Text(" ".join(parts), style="dim"))

    def answered(self, round_: Round, turn: Turn, given: str) -> None:
        """The question and the answer given, where its prompt was: what a
        terminal keeps of each question once it is answered. In a party,
        only that the player answered: the next one must not see what."""
        if turn.party:
            self._people.print(Text(f"{visible(turn.player)} has answered.", "dim"))
            return
        self.question(round_)
        if given:  # none when the time ran out, as the feedback says
            self._people.print(Text.assemble("Your answer: ", (visible(given), "bold")))

    def feedback(self, round_: Round, turn: Turn, answer: Answer) -> None:
        """Right or wrong, the right answer, and why."""
        self._people.print(verdict_line(answer, rules=None))
        question = answer.question
        if question.explanation:
            self._people.print(shown(question.explanation, "italic"))
        self._people.print()

    def summary(self, result: GameResult, comparison: Comparison | None) -> None:
        """The end of a game: each answer, the score, the categories, the time,
        and how the score stands against the player's previous best. A game
        stopped early shows what was answered."""
        if result.answers:
            self._people.print(
                Text.assemble(visible(result.title), " (", visible(result.player), ")")
            )
            self._people.print(_answers(result, self.screen.width))
            self._people.print(Text("By category"))
            self._people.print(_categories_table(result))
        lifeline = lifeline_line(result)
        if lifeline is not None and result.answers:
            self._people.print(lifeline)
        if result.ending is Ending.COMPLETED:
            self._people.print(_score_line(result))
            if comparison is not None:
                self._people.print(comparison_line(comparison))
        else:
            self._people.print(Text(_stopped_line(result), style="bold yellow"))


def verdict_line(answer: Answer, *, rules: Rules | None) -> Text:
    """How one answer went: right (with the points it earned, and the
    spelling a typo was taken as), or wrong, late or missing, with the
    right answer."""
    question = answer.question
    right = question.answer_text
    if answer.correct:
        line = Text(f"{RIGHT} Right!", style="bold green")
        if answer.forgiven is not None:
            line.append(" Taken despite a typo; it is spelt ")
            line.append(visible(answer.forgiven), "bold")
            line.append(".")
        if answer.points:
            line.append(f" +{answer.points:,} points", "bold cyan")
            if answer.streak > 1:
                line.append(f" ({answer.streak} in a row)", "cyan")
        return line
    if answer.given is None:
        head = f"{WRONG} Time is up. "
    elif answer.late:
        head = f"{WRONG} Too late ({answer.seconds:.1f} s). "
    else:
        head = f"{WRONG} Wrong. "
    label = "Right answers: " if len(question.right_choices) > 1 else "Right answer: "
    return Text.assemble((head, "bold red"), label, (visible(right), "bold"))


def seconds(value: float) -> str:
    """``20 seconds``, ``2.5 seconds``."""
    return plural(int(value), "second") if value == int(value) else f"{value:g} seconds"


def _mark(correct: bool) -> Text:
    return Text(RIGHT, style="bold green") if correct else Text(WRONG, "bold red")


def _answers(result: GameResult, width: int) -> Table:
    """Each answer of a game: as a table, or as a list where the terminal is
    too narrow for a table's columns."""
    # rich.table is imported when a table is drawn, not before the first question.
    from rich.table import Table

    speed = result.rules.scoring == "speed"
    if width < ANSWERS_TABLE_FROM:
        listing = Table.grid(padding=(0, 1))
        listing.add_column(justify="right", style="dim", no_wrap=True)
        listing.add_column(no_wrap=True)
        listing.add_column(overflow="fold")
        for number, answer in enumerate(result.answers, start=1):
            lines = shown(answer.question.prompt)
            lines.append("\nYour answer: ")
            lines.append(_given(answer))
            if not answer.correct:
                lines.append(f"\nRight answer: {visible(answer.question.answer_text)}")
            if speed:
                lines.append(f"\nPoints: {answer.points:,}")
            listing.add_row(f"{number}.", _mark(answer.correct), lines)
        return listing
    table = Table()
    table.add_column("#", justify="right", style="dim")
    table.add_column("Question", ratio=3, overflow="fold")
    table.add_column("Your answer", ratio=2, overflow="fold")
    table.add_column("Right answer", ratio=2, overflow="fold")
    if speed:
        table.add_column("Points", justify="right", no_wrap=True)
    table.add_column("", justify="center", no_wrap=True)
    for number, answer in enumerate(result.answers, start=1):
        row: list[Text | str] = [
            str(number),
            shown(answer.question.prompt),
            _given(answer),
            shown(answer.question.answer_text),
        ]
        if speed:
            row.append(f"{answer.points:,}")
        table.add_row(*row, _mark(answer.correct))
    return table


def _given(answer: Answer) -> Text:
    """The answer given, in the summary: coloured right or wrong, and
    saying when it was late or missing."""
    style = "green" if answer.correct else "red"
    if answer.given is None:
        return Text("(no answer in time)", style=style)
    text = shown(answer.chosen, style)
    if answer.late:
        text.append(" (too late)", "red")
    return text


def _categories_table(result: GameResult) -> Table:
    from rich.table import Table

    table = Table()
    table.add_column("Category", overflow="fold")
    table.add_column("Right", justify="right")
    table.add_column("Asked", justify="right")
    table.add_column("%", justify="right")
    for score in result.by_category():
        table.add_row(
            shown(score.category),
            str(score.right),
            str(score.asked),
            f"{100 * score.right / score.asked:.0f}%",
        )
    return table


def _score_line(result: GameResult) -> Text:
    line = Text.assemble(
        ("Score ", "bold"),
        (f"{result.score}/{result.total}", "bold cyan"),
        f" ({result.percent:.0f}%)",
    )
    if result.rules.scoring == "speed":
        line.append(": ")
        line.append(f"{result.points:,} points", "bold cyan")
        line.append(f", longest streak {result.longest_streak},")
    line.append(f" in {duration(result.seconds)}")
    return line


def lifeline_line(result: GameResult) -> Text | None:
    """Where the 50:50 went, in a game that had one."""
    if not result.rules.lifelines:
        return None
    where = result.fifty_fifty_at
    if where is None:
        return Text("50:50 not used.", style="dim")
    return Text(f"50:50 used on question {where}.", style="dim")


def comparison_line(comparison: Comparison) -> Text:
    """How a score stands against the player's previous best, in a line."""
    best = comparison.previous_best
    if comparison.standing is Standing.NOT_COUNTED:
        if comparison.kind == "practice":
            why = "Practice games do not count towards your best."
        else:
            why = (
                f"Games of fewer than {COUNTED_FROM} questions do not count towards "
                "your best, unless they ask the whole quiz."
            )
        return Text(why, style="dim")
    if comparison.standing is Standing.FIRST:
        return Text("Your first counted game of this quiz.", style="dim")
    if comparison.standing is Standing.NEW_BEST:
        return Text.assemble(
            ("New best! ", "bold green"), f"Your previous best was {best:.0f}%."
        )
    if comparison.standing is Standing.EQUALS_BEST and best:
        return Text(f"You matched your best score, {best:.0f}%.", style="green")
    return Text(f"Your best on this quiz is {best:.0f}%.", style="dim")


def _stopped_line(result: GameResult) -> str:
    answered = len(result.answers)
    why = "Stopped" if result.ending is Ending.INTERRUPTED else "Input ended"
    if not answered:
        return f"{why} before the first answer: nothing to keep."
    share = f"{100 * result.score / answered:.0f}%"
    points = f", {result.points:,} points" if result.rules.scoring == "speed" else ""
    return (
        f"{why} after {answered} of {result.total} questions: "
        f"{result.score} of {answered} answered right ({share}){points}, "
        f"in {duration(result.seconds)}."
    )
