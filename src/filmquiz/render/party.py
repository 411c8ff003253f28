"""A party as the room sees it on one screen: whose turn it is, each round's
answers revealed once everyone has given theirs, the leaderboard after each
round, and the podium at the end."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.text import Text

from filmquiz.game.engine import Answer, Ending, GameResult, Place, Round, Turn, ranking
from filmquiz.render.console import RIGHT, WRONG, Screen, shown
from filmquiz.render.game import GameView, comparison_line
from filmquiz.render.wording import plural
from filmquiz.scores.statistics import Comparison, Standing
from filmquiz.visible import visible

if TYPE_CHECKING:
    from rich.table import Table

PODIUM_MEDALS = {1: "🥇", 2: "🥈", 3: "🥉"}


class PartyView:
    """Draws a party, turn by turn and round by round."""

    def __init__(
        self,
        screen: Screen,
        *,
        clear_between_turns: bool,
        ready: Callable[[str], None] | None = None,
        speed: bool = False,
    ) -> None:
        self.screen = screen
        self.game = GameView(screen)
        self._people = screen.people
        self._clear = clear_between_turns
        self._ready = ready
        self._speed = speed
        self._answers: list[tuple[str, Answer]] = []

    def before_turn(self, round_: Round, turn: Turn) -> None:
        """In a terminal, clear the screen before each player's turn but the
        round's first, so nobody sees what the one before them picked; then
        wait until the player says they are ready (``ready``), so that their
        clock starts when they have the keyboard."""
        if self._clear and self._answers:
            self._people.clear()
        if self._ready is not None:
            self._ready(turn.player)

    def answered(self, round_: Round, turn: Turn, answer: Answer) -> None:
        """Keep a player's answer until everyone has given theirs."""
        self._answers.append((turn.player, answer))

    def round_over(self, round_: Round, places: tuple[Place, ...]) -> None:
        """The round revealed: the right answer and why, how each player
        did; then the leaderboard."""
        if self._clear:
            self._people.clear()
        else:
            self._people.print()
        question = round_.question
        self._people.print(
            Text.assemble(
                (f"{round_.number} of {round_.total}: ", "bold"),
                shown(question.prompt),
            )
        )
        label = "Right answers: " if len(question.right_choices) > 1 else "Answer: "
        self._people.print(
            Text.assemble(label, (visible(question.answer_text), "bold green"))
        )
        if question.explanation:
            self._people.print(shown(question.explanation, "italic"))
        for player, answer in self._answers:
            self._people.print(reveal_line(player, answer))
        self._answers.clear()
        self._people.print(Text("Leaderboard", style="bold"))
        self._people.print(leaderboard(places, speed=self._speed))
        self._people.print()

    def summary(
        self, results: Sequence[GameResult], comparisons: Sequence[Comparison | None]
    ) -> None:
        """The podium (players level on points and right answers share a
        place), then each player's game in a line."""
        first = results[0]
        places = ranking([(r.player, r.score, r.points) for r in results])
        if not first.answers:
            why = "Stopped" if first.ending is Ending.INTERRUPTED else "Input ended"
            self._people.print(
                Text(f"{why} before the first answer: nothing to keep.", "bold yellow")
            )
            return
        if first.ending is not Ending.COMPLETED:
            self._people.print(Text(_stopped(results), style="bold yellow"))
        self._people.print(Text(visible(first.title), style="bold"))
        self._people.print(podium(places, speed=first.rules.scoring == "speed"))
        lines = [comparison_line(c) if c is not None else None for c in comparisons]
        # Said once when it is the same for everyone (a short game, say).
        shared = len({str(line) for line in lines}) == 1 and lines[0] is not None
        for result, line in zip(results, lines, strict=True):
            self._people.print(Padding(player_line(result), (0, 0, 0, 2), expand=False))
            if line is not None and result.complete and not shared:
                self._people.print(Padding(line, (0, 0, 0, 4), expand=False))
        if shared and first.complete and lines[0] is not None:
            together = comparisons[0]
            if together is not None and together.standing is Standing.FIRST:
                lines[0] = Text("Everyone's first counted game of this quiz.", "dim")
            self._people.print(lines[0])


def _stopped(results: Sequence[GameResult]) -> str:
    """How a party stopped: after how many rounds, and whether the last was
    cut short (the standings count every answer given)."""
    first = results[0]
    why = "Stopped" if first.ending is Ending.INTERRUPTED else "Input ended"
    done = min(len(result.answers) for result in results)
    cut = max(len(result.answers) for result in results) > done
    said = f"{why} after {plural(done, 'round')} of {first.total}"
    if cut:
        said += f", in round {done + 1}, before everyone had answered it"
    return said + "; the standings then, counting every answer given:"


def reveal_line(player: str, answer: Answer) -> Text:
    """How one player did in a round: ``✔ Ana: True +950 (2 in a row)``,
    ``✘ Janis: False``, ``✘ Arturo: no answer in time``."""
    line = Text.assemble(
        (RIGHT, "bold green") if answer.correct else (WRONG, "bold red"),
        " ",
        (visible(player), "bold"),
        ": ",
    )
    if answer.given is None:
        line.append("no answer in time", "red")
        return line
    line.append(visible(answer.chosen), "green" if answer.correct else "red")
    if answer.late:
        line.append(f" (too late: {answer.seconds:.1f} s)", "red")
    if answer.forgiven is not None:
        line.append(" (taken despite a typo)")
    if answer.points:
        line.append(f" +{answer.points:,}", "bold cyan")
        if answer.streak > 1:
            line.append(f" ({answer.streak} in a row)", "cyan")
    return line


def leaderboard(places: Sequence[Place], *, speed: bool) -> Table:
    """Where each player stands: place, name, right answers, and points in a
    speed game."""
    from rich.table import Table

    table = Table()
    table.add_column("#", justify="right")
    table.add_column("Player", overflow="fold")
    table.add_column("Right", justify="right")
    if speed:
        table.add_column("Points", justify="right")
    for place in places:
        row: list[str | Text] = [
            str(place.place),
            shown(place.player),
            str(place.score),
        ]
        if speed:
            row.append(f"{place.points:,}")
        table.add_row(*row)
    return table


def podium(places: Sequence[Place], *, speed: bool) -> Text:
    """``🥇 1. Ana: 7 right, 5,400 points``, a line per player."""
    text = Text()
    for place in places:
        medal = PODIUM_MEDALS.get(place.place, "  ")
        text.append(f"{medal} {place.place}. ", "bold")
        text.append(visible(place.player), "bold cyan" if place.place == 1 else "bold")
        text.append(f": {place.score} right")
        if speed:
            text.append(f", {place.points:,} points")
        text.append("\n")
    text.rstrip()
    return text


def player_line(result: GameResult) -> Text:
    """A player's game in a line: ``Ana: 7/10 (70%), 5,400 points, longest
    streak 4, 50:50 on question 3.``"""
    line = Text.assemble((visible(result.player), "bold"), ": ")
    answered = len(result.answers)
    line.append(f"{result.score}/{answered}")
    line.append(f" ({100 * result.score / answered:.0f}%)" if answered else "")
    if result.rules.scoring == "speed":
        line.append(f", {result.points:,} points")
    line.append(f", longest streak {result.longest_streak}")
    if result.rules.lifelines:
        where = result.fifty_fifty_at
        line.append(
            ", 50:50 unused" if where is None else f", 50:50 on question {where}"
        )
    marks = "".join(RIGHT if a.correct else WRONG for a in result.answers)
    line.append(f"  {marks}", "dim")
    return line
