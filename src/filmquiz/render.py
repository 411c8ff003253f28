"""Everything filmquiz shows people, drawn with rich.

This is the only module that imports rich. Text from a bank is always wrapped in
``rich.text.Text``, never passed as a markup string, so ``[red]`` in a question
is shown as typed.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from filmquiz.bank import Bank
from filmquiz.engine import Answer, Ending, GameResult, Round
from filmquiz.history import Comparison, GameRecord, Standing, Summary

if TYPE_CHECKING:
    from rich.table import Table

    from filmquiz.catalog import Entry
    from filmquiz.library import Saved
    from filmquiz.opentdb import Imported

PROGRESS_FROM = 2000
"""Imports of at least this many results show a progress bar."""

RIGHT = "✔"
WRONG = "✘"


class Screen:
    """Where output goes: one console for people and one for errors.

    With ``people_on_stderr`` (``--json``), text for people goes to stderr so
    that stdout carries only the JSON document.
    """

    def __init__(self, *, people_on_stderr: bool = False, no_color: bool = False):
        # no_color=False still lets rich honour the NO_COLOR environment variable.
        options: dict[str, Any] = {"highlight": False, "emoji": False}
        if no_color:
            options["no_color"] = True
        self.people = Console(stderr=people_on_stderr, **options)
        self.errors = Console(stderr=True, **options)
        self._data = Console(**options)

    # -- errors ------------------------------------------------------------

    def error(self, message: str) -> None:
        """One plain error message on stderr."""
        self.errors.print(
            Text.assemble(("error: ", "bold red"), message), soft_wrap=True
        )

    def warning(self, message: str) -> None:
        """One line on stderr about something that did not stop the command."""
        self.errors.print(
            Text.assemble(("warning: ", "bold yellow"), message), soft_wrap=True
        )

    def say(self, message: str) -> None:
        """One plain line for people."""
        self.people.print(Text(message), soft_wrap=True)

    def problems(self, lines: Iterable[str]) -> None:
        """A bank's problems on stderr, one per line."""
        for line in lines:
            self.error(line)

    # -- data for programs ---------------------------------------------------

    def json(self, document: Any) -> None:
        """One JSON document on stdout, exactly as a program expects it."""
        text = json.dumps(document, ensure_ascii=False, indent=2)
        self._data.out(text, highlight=False)

    # -- list and validate ----------------------------------------------------

    def quiz_table(self, entries: list[Entry]) -> None:
        """The quizzes there are, one row each, with where each comes from; a
        broken one shows its first problem."""

        if not entries:
            self.say("No quizzes found.")
            return
        table = _listing()
        table.add_column("Quiz", style="bold cyan", no_wrap=True)
        table.add_column("Title", ratio=1)
        table.add_column("Year", justify="right")
        table.add_column("Questions", justify="right")
        table.add_column("Categories", ratio=1)
        table.add_column("Source", no_wrap=True)
        for entry in entries:
            source = Text(entry.found.source)
            if entry.found.shadows:
                hidden = ", ".join(f.source for f in entry.found.shadows)
                source.append(f" (over {hidden})", style="dim")
            info = entry.info
            if info is None:
                problem = entry.error.problems[0] if entry.error else None
                reason = problem.describe("") if problem else "unreadable"
                broken = Text.assemble(("broken: ", "bold red"), reason)
                table.add_row(Text(entry.slug), broken, "", "", "", source)
                continue
            table.add_row(
                Text(entry.slug),
                Text(info.title),
                str(info.year) if info.year else "",
                str(info.questions),
                Text(", ".join(info.categories)),
                source,
            )
        self.people.print(table)
        self.people.print(
            Text("Play one with: filmquiz play QUIZ", style="dim"), soft_wrap=True
        )

    def valid(self, source: str, bank: Bank) -> None:
        """One line for a bank that passed every check."""
        self.people.print(
            Text.assemble(
                (f"{RIGHT} ", "green"),
                source,
                f": {plural(len(bank.questions), 'question')}, ",
                plural(len(bank.categories), "category", "categories"),
            ),
            soft_wrap=True,
        )

    def saved(self, saved: Saved) -> None:
        """Where a bank was written (by add or new), and how to play it."""
        verb = "Replaced" if saved.replaced else "Saved"
        slug = saved.bank.slug
        self.say(
            f"{verb} {slug} ({plural(len(saved.bank.questions), 'question')}) in "
            f"{saved.path}. Play it with: filmquiz play {saved.play_as}"
        )
        if saved.hides_shipped:
            self.say(f"It is used instead of the shipped quiz {slug}.")

    # -- a game ---------------------------------------------------------------

    def game_start(self, bank: Bank, rounds: tuple[Round, ...], player: str) -> None:
        """The heading of a game: which quiz, for whom, how many questions."""
        heading = Text(bank.title, style="bold")
        film = bank.film
        details = [str(film.year)] if film and film.year else []
        if film and film.director:
            details.append(film.director)
        if details:
            heading.append(f" ({', '.join(details)})", style="dim")
        self.people.print(heading)
        self.people.print(
            Text(
                f"{plural(len(rounds), 'question')} for {player}. "
                "Ctrl-C stops at any time.\n"
            ),
            style="dim",
        )

    def plain_question(self, round_: Round) -> None:
        """A question with numbered choices, for line-by-line play."""
        meta = [m for m in (round_.question.category, round_.question.difficulty) if m]
        heading = Text(f"Question {round_.number} of {round_.total}", style="bold")
        if meta:
            heading.append(f" ({', '.join(meta)})", style="dim")
        self.people.print(heading)
        self.people.print(Text(round_.question.prompt))
        for number, choice in enumerate(round_.choices, start=1):
            self.people.print(Text.assemble(f"  {number}. ", choice))

    def plain_prompt(self, count: int) -> None:
        """Ask for an answer on the current line."""
        self.people.print(f"Your answer (1-{count}): ", end="")

    def echo(self, line: str) -> None:
        """Repeat an answer read from a pipe, so the transcript reads naturally."""
        self.people.print(Text(line))

    def not_understood(self, line: str, count: int) -> None:
        """Say why an answer line was not taken."""
        self.people.print(
            Text.assemble(
                ("Not an answer: ", "yellow"),
                json.dumps(line, ensure_ascii=False),
                f". Type a number from 1 to {count}, or a choice as written.",
            ),
        )

    def feedback(self, round_: Round, answer: Answer) -> None:
        """Right or wrong, the right answer, and why."""
        question = answer.question
        if answer.correct:
            line = Text.assemble((f"{RIGHT} Right! ", "bold green"), question.answer)
        else:
            line = Text.assemble(
                (f"{WRONG} Wrong. ", "bold red"),
                "The answer is ",
                (question.answer, "bold"),
                ".",
            )
        self.people.print(line)
        if question.explanation:
            self.people.print(Text(question.explanation, style="italic"))
        self.people.print()

    def summary(self, result: GameResult, comparison: Comparison | None = None) -> None:
        """The end of a game: each answer, the score, the categories, the time,
        and how the score stands against the player's previous best."""
        if result.ending is Ending.INTERRUPTED:
            self.people.print()
            self.people.print(Text(_stopped_line(result), style="bold yellow"))
            return
        if result.answers:
            self.people.print(_answers_table(result))
            self.people.print(_categories_table(result))
        self.people.print(_score_line(result))
        if comparison is not None:
            self.people.print(_comparison_line(comparison))
        if result.ending is Ending.INPUT_ENDED:
            self.errors.print(Text(_stopped_line(result), style="yellow"))

    # -- importing --------------------------------------------------------------

    @contextmanager
    def progress(self, total: int, what: str) -> Iterator[Callable[[int], None]]:
        """A progress bar on stderr for long work; yields a function to call
        with the number of items done. Short work draws nothing."""
        if total < PROGRESS_FROM:
            yield lambda done: None
            return
        from rich.progress import Progress

        with Progress(console=self.errors, transient=True) as bar:
            task = bar.add_task(what, total=total)
            yield lambda done: bar.update(task, completed=done)

    def imported(self, report: Imported, output: Path) -> None:
        """What an import wrote, and what it left out."""
        self.say(
            f"Imported {plural(report.questions, 'question')} into {output} "
            f"({plural(report.duplicates, 'duplicate')} dropped, "
            f"{report.skipped} unusable, {report.left_out} not matching the filters)."
        )
        self.say(f"Play it with: filmquiz play {output}")

    # -- the score history ------------------------------------------------------

    def scores_table(self, summaries: list[Summary]) -> None:
        """Per quiz and player: games, best, average, last played, and the trend
        of the latest scores."""
        if not summaries:
            self.say("No complete games yet: play one with `filmquiz play QUIZ`.")
            return
        table = _listing()
        table.add_column("Quiz", style="bold cyan", no_wrap=True)
        table.add_column("Player")
        table.add_column("Games", justify="right")
        table.add_column("Best", justify="right")
        table.add_column("Avg", justify="right")
        table.add_column("Last played", no_wrap=True)
        table.add_column("Trend", no_wrap=True)
        for summary in summaries:
            table.add_row(
                Text(summary.quiz),
                Text(summary.player),
                str(summary.games),
                f"{summary.best:.0f}%",
                f"{summary.average:.0f}%",
                local_time(summary.last_played),
                Text.assemble(
                    (sparkline(summary.trend), "cyan"), f" {summary.trend[-1]:.0f}%"
                ),
            )
        self.people.print(table)

    def games_table(self, records: list[GameRecord]) -> None:
        """The games themselves, as given (newest first)."""
        if not records:
            self.say("No games yet: play one with `filmquiz play QUIZ`.")
            return
        table = _listing()
        table.add_column("Finished", no_wrap=True)
        table.add_column("Quiz", style="bold cyan", no_wrap=True)
        table.add_column("Player")
        table.add_column("Score", justify="right")
        table.add_column("%", justify="right")
        table.add_column("")
        for record in records:
            table.add_row(
                local_time(record.finished_at),
                Text(record.quiz),
                Text(record.player),
                f"{record.score}/{record.total}",
                f"{record.percent:.0f}%",
                "" if record.complete else Text("stopped", style="yellow"),
            )
        self.people.print(table)


def _listing() -> Table:
    """A table for listings (quizzes, scores, games): a rule under the heading
    and no borders, so that six or seven columns fit a terminal 80 wide."""
    from rich.box import SIMPLE_HEAD
    from rich.table import Table

    return Table(box=SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0))


def _answers_table(result: GameResult) -> Table:
    # rich.table is imported when a table is drawn, not before the first question.
    from rich.table import Table

    table = Table(title=f"{result.title}: {result.player}", title_justify="left")
    table.add_column("#", justify="right", style="dim")
    table.add_column("Question", ratio=3)
    table.add_column("Your answer", ratio=2)
    table.add_column("Right answer", ratio=2)
    table.add_column("", justify="center", no_wrap=True)
    for number, answer in enumerate(result.answers, start=1):
        mark = (
            Text(RIGHT, style="bold green")
            if answer.correct
            else Text(WRONG, style="bold red")
        )
        table.add_row(
            str(number),
            Text(answer.question.prompt),
            Text(answer.chosen, style="green" if answer.correct else "red"),
            Text(answer.question.answer),
            mark,
        )
    return table


def _categories_table(result: GameResult) -> Table:
    from rich.table import Table

    table = Table(title="By category", title_justify="left")
    table.add_column("Category")
    table.add_column("Right", justify="right")
    table.add_column("Asked", justify="right")
    table.add_column("%", justify="right")
    for score in result.by_category():
        table.add_row(
            Text(score.category),
            str(score.right),
            str(score.asked),
            f"{100 * score.right / score.asked:.0f}%",
        )
    return table


def _score_line(result: GameResult) -> Text:
    return Text.assemble(
        ("Score ", "bold"),
        (f"{result.score}/{result.total}", "bold cyan"),
        f" ({result.percent:.0f}%)",
        " in ",
        duration(result.seconds),
    )


def _comparison_line(comparison: Comparison) -> Text:
    best = comparison.previous_best
    if comparison.standing is Standing.FIRST:
        return Text("Your first complete game of this quiz.", style="dim")
    if comparison.standing is Standing.NEW_BEST:
        return Text.assemble(
            ("New best! ", "bold green"), f"Your previous best was {best:.0f}%."
        )
    if comparison.standing is Standing.EQUALS_BEST:
        return Text(f"You matched your best score, {best:.0f}%.", style="green")
    return Text(f"Your best on this quiz is {best:.0f}%.", style="dim")


SPARK_LEVELS = "▁▂▃▄▅▆▇█"


def sparkline(percents: Iterable[float]) -> str:
    """Scores from 0 to 100 as a row of bars, one character each."""
    top = len(SPARK_LEVELS) - 1
    return "".join(
        SPARK_LEVELS[round(min(max(p, 0.0), 100.0) / 100 * top)] for p in percents
    )


def local_time(moment: datetime) -> str:
    """A time as people read it: in their own zone, to the minute, with the
    year only when it is not this one."""
    local = moment.astimezone()
    if local.year == datetime.now().year:
        return local.strftime("%d %b %H:%M")
    return local.strftime("%d %b %Y %H:%M")


def _stopped_line(result: GameResult) -> str:
    answered = len(result.answers)
    why = "Stopped" if result.ending is Ending.INTERRUPTED else "Input ended"
    return (
        f"{why} after {answered} of {result.total} questions: "
        f"{result.score} right ({result.percent:.0f}% of the game)."
    )


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``1 question``, ``2 questions``: a count with its noun agreeing."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def duration(seconds: float) -> str:
    """A game's length as people say it: ``42s``, ``3m 05s``, ``1h 02m``."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes:02d}m"
