"""Everything filmquiz shows people, drawn with rich.

This is the only module that imports rich. Text from a bank is always wrapped in
``rich.text.Text``, never passed as a markup string, so ``[red]`` in a question
is shown as typed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.text import Text

from filmquiz.bankfile.model import Bank
from filmquiz.game.engine import Answer, Ending, GameResult, Round
from filmquiz.render.wording import duration, plural, round_details, round_number
from filmquiz.scores.statistics import (
    COUNTED_FROM,
    Comparison,
    GameRecord,
    Standing,
    Summary,
)
from filmquiz.visible import BIDI_CONTROLS, quote, visible

if TYPE_CHECKING:
    from rich.console import JustifyMethod
    from rich.table import Table

    from filmquiz.banks.catalog import Entry
    from filmquiz.banks.opentdb import Imported
    from filmquiz.banks.saving import Saved

_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\u2028\u2029\ud800-\udfff" + "".join(sorted(BIDI_CONTROLS)) + "]"
)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


WIDE = 100
"""From this many columns, listings have room for every column."""
NARROW = 64
"""Below this many columns, listings drop or fold their least needed columns."""

PROGRESS_FROM = 2000
"""Imports of at least this many results show a progress bar."""

RIGHT = "✔"
WRONG = "✘"


class _Console(Console):
    """rich's console, but a closed pipe raises BrokenPipeError, for the game
    to be kept and filmquiz to end as it decides, instead of SystemExit."""

    def on_broken_pipe(self) -> None:
        raise BrokenPipeError


class Screen:
    """Where output goes: one console for people and one for errors.

    With ``people_on_stderr`` (``--json``), text for people goes to stderr so
    that stdout carries only the JSON document.
    """

    def __init__(self, *, people_on_stderr: bool = False, color: bool = True):
        options: dict[str, Any] = {"highlight": False, "emoji": False}
        if not color:
            # No escape sequence at all, even where FORCE_COLOR asks for them.
            options["color_system"] = None
        self.people = _Console(stderr=people_on_stderr, **options)
        self.errors = _Console(stderr=True, **options)
        # Into a pipe or a file, a line is one line: wrapping is for terminals.
        for console in (self.people, self.errors):
            console.soft_wrap = not console.is_terminal
        self._data = _Console(**options)

    # -- errors ------------------------------------------------------------

    def error(self, message: str) -> None:
        """One plain error message on stderr."""
        self.errors.print(
            Text.assemble(("error: ", "bold red"), visible(message)), soft_wrap=True
        )

    def usage_error(self, message: str, help_command: str) -> None:
        """A usage error on stderr, and where the help is."""
        self.error(message)
        self.errors.print(Text(f"Try '{visible(help_command)} --help' for help."))

    def warning(self, message: str) -> None:
        """One line on stderr about something that did not stop the command."""
        self.errors.print(
            Text.assemble(("warning: ", "bold yellow"), visible(message)),
            soft_wrap=True,
        )

    def say(self, message: str) -> None:
        """One plain line for people."""
        self.people.print(Text(visible(message)))

    def note(self, message: str) -> None:
        """A dim line for people: a hint, a pointer to more."""
        self.people.print(Text(visible(message), style="dim"))

    def problems(self, lines: Iterable[str]) -> None:
        """A bank's problems on stderr, one per line."""
        for line in lines:
            self.error(line)

    # -- data for programs ---------------------------------------------------

    def json(self, document: Any) -> None:
        """One JSON document on stdout, exactly as a program expects it; the
        characters that could control a terminal are written as escapes."""
        text = json.dumps(document, ensure_ascii=False, indent=2)
        self._data.out(_JSON_UNSAFE.sub(_json_escape, text), highlight=False)

    # -- list and validate ----------------------------------------------------

    def quiz_table(self, entries: list[Entry]) -> None:
        """The quizzes there are, one row each, with where each comes from; a
        broken one shows its first problem. Narrower terminals fold the
        categories, then the year and source, under the title."""
        if not entries:
            self.say("No quizzes found.")
            return
        width = self.people.width
        separate_categories = width >= WIDE
        narrow = width < NARROW
        table = _listing()
        table.add_column("Quiz", style="bold cyan", overflow="fold")
        table.add_column("Title", ratio=1, overflow="fold")
        if not narrow:
            table.add_column("Year", justify="right", no_wrap=True)
            table.add_column("Questions", justify="right", no_wrap=True)
        if separate_categories:
            table.add_column("Categories", ratio=1, overflow="fold")
        if not narrow:
            table.add_column("Source", overflow="fold")
        for entry in entries:
            source = Text(entry.found.kind)
            if entry.found.shadows:
                hidden = ", ".join(f.kind for f in entry.found.shadows)
                source.append(f" (over {hidden})", style="dim")
            info = entry.summary
            if info is None:
                problem = entry.error.problems[0] if entry.error else None
                reason = problem.describe("") if problem else "unreadable"
                title = Text.assemble(("broken: ", "bold red"), visible(reason))
                year = questions = categories = ""
            else:
                title = _shown(info.title)
                year = str(info.year) if info.year else ""
                questions = str(info.questions)
                categories = ", ".join(info.categories)
            if narrow:
                if year:
                    title.append(f" ({year})")
                title.append("\n")
                if questions:
                    title.append(f"{plural(int(questions), 'question')}, ")
                title.append(source)
            if categories and not separate_categories:
                title.append(f"\n{categories}", style="dim")
            row: list[Any] = [_shown(entry.slug), title]
            if not narrow:
                row.extend([year, questions])
            if separate_categories:
                row.append(_shown(categories))
            if not narrow:
                row.append(source)
            table.add_row(*row)
        self._listing(table)
        self.note("Play one with: filmquiz play QUIZ")

    def valid(self, source: str, bank: Bank) -> None:
        """One line for a bank that passed every check."""
        self.people.print(
            Text.assemble(
                (f"{RIGHT} ", "green"),
                visible(source),
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
            f"{saved.path}."
        )
        if saved.hides_shipped:
            self.say(f"It is used instead of the shipped quiz {slug}.")
        self.say(f"Play it with: filmquiz play {saved.play_as}")

    # -- a game ---------------------------------------------------------------

    def game_start(
        self,
        bank: Bank,
        rounds: tuple[Round, ...],
        player: str,
        *,
        practice: bool = False,
    ) -> None:
        """The heading of a game: which quiz, for whom, how many questions."""
        heading = _shown(bank.title, "bold")
        film = bank.film
        details = [str(film.year)] if film and film.year else []
        if film and film.director:
            details.append(film.director)
        if details:
            heading.append(f" ({', '.join(details)})", style="dim")
        self.people.print(heading)
        self.people.print(
            Text.assemble(
                f"{plural(len(rounds), 'question')} for ",
                visible(player),
                " (practice: your past mistakes)" if practice else "",
                ". Ctrl-C stops at any time.\n",
                style="dim",
            )
        )

    def _question_heading(self, round_: Round) -> None:
        heading = Text(round_number(round_), style="bold")
        details = round_details(round_)
        if details:
            heading.append(f" ({details})", style="dim")
        self.people.print(heading)
        self.people.print(_shown(round_.question.prompt))

    def plain_question(self, round_: Round) -> None:
        """A question with numbered choices, for line-by-line play."""
        self._question_heading(round_)
        for number, choice in enumerate(round_.choices, start=1):
            self.people.print(Text.assemble(f"  {number}. ", visible(choice)))

    def plain_prompt(self, count: int) -> None:
        """Ask for an answer on the current line."""
        self.people.print(Text(f"Your answer (1-{count}): "), end="")

    def answered(self, round_: Round, choice: str) -> None:
        """The question and the choice made, where its menu was: what a
        terminal keeps of each question once it is answered."""
        self._question_heading(round_)
        self.people.print(Text.assemble("Your answer: ", (visible(choice), "bold")))

    def echo(self, line: str) -> None:
        """Repeat an answer read from a pipe, so the transcript reads naturally."""
        self.people.print(_shown(line))

    def not_understood(self, line: str, count: int) -> None:
        """Say why an answer line was not taken."""
        how = f"Type a number from 1 to {count}, or a choice as written."
        if not line.strip():
            self.people.print(Text(how, style="yellow"))
            return
        self.people.print(
            Text.assemble(
                ("Not an answer: ", "yellow"), quote(line, limit=80), f". {how}"
            ),
        )

    def line_too_long(self, longest: int) -> None:
        """Say why a very long answer line was not taken."""
        self.people.print(
            Text.assemble(
                ("Not an answer: ", "yellow"),
                f"a line of more than {longest:,} characters.",
            )
        )

    def feedback(self, round_: Round, answer: Answer) -> None:
        """Right or wrong, the right answer, and why."""
        question = answer.question
        if answer.correct:
            line = Text(f"{RIGHT} Right!", style="bold green")
        else:
            line = Text.assemble(
                (f"{WRONG} Wrong. ", "bold red"),
                "Right answer: ",
                (visible(question.answer), "bold"),
            )
        self.people.print(line)
        if question.explanation:
            self.people.print(_shown(question.explanation, "italic"))
        self.people.print()

    def summary(self, result: GameResult, comparison: Comparison | None = None) -> None:
        """The end of a game: each answer, the score, the categories, the time,
        and how the score stands against the player's previous best. A game
        stopped early shows what was answered."""
        if result.answers:
            self.people.print(
                Text.assemble(visible(result.title), " (", visible(result.player), ")")
            )
            self.people.print(_answers(result, self.people.width))
            self.people.print(Text("By category"))
            self.people.print(_categories_table(result))
        if result.ending is Ending.COMPLETED:
            self.people.print(_score_line(result))
            if comparison is not None:
                self.people.print(_comparison_line(comparison))
        else:
            self.people.print(Text(_stopped_line(result), style="bold yellow"))

    # -- importing --------------------------------------------------------------

    @contextmanager
    def progress(self, total: int, what: str) -> Iterator[Callable[[int], None]]:
        """A progress bar on stderr for long work; yields a function to call
        with the number of items done. Short work, and work whose stderr is not
        a terminal, draws nothing."""
        if total < PROGRESS_FROM or not self.errors.is_terminal:
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
        """Per quiz and player: the games that count, best, average, last
        played, and the trend of the latest scores. Where the terminal is too
        narrow, the trend goes first, then the average, then the date."""

        def cells(summary: Summary) -> dict[str, Any]:
            games = str(summary.games)
            if summary.played != summary.games:
                games += f" of {summary.played}"
            trend = Text(sparkline(summary.trend), style="cyan")
            if summary.trend:
                trend.append(f" {summary.trend[-1]:.0f}%")
            return {
                "Quiz": _shown(summary.quiz),
                "Player": _shown(summary.player),
                "Games": games,
                "Best": _percent(summary.best),
                "Avg": _percent(summary.average),
                "Last played": local_time(summary.last_played),
                "Trend": trend,
            }

        self._fitted_listing(
            [cells(summary) for summary in summaries],
            numbers=("Games", "Best", "Avg", "Last played"),
            droppable=("Trend", "Last played", "Avg"),
            quiz_width=_widest(summaries),
        )
        uncounted = sum(summary.played - summary.games for summary in summaries)
        if uncounted:
            verb = "is" if uncounted == 1 else "are"
            self.note(
                f"{plural(uncounted, 'game')} {verb} not counted: stopped early, "
                f"practice, or fewer than {COUNTED_FROM} questions (see --games)."
            )

    def games_table(self, records: list[GameRecord]) -> None:
        """The games themselves, as given (newest first), each not counted in
        the scores marked with why."""
        self._fitted_listing(
            [
                {
                    "Finished": local_time(record.finished_at),
                    "Quiz": _shown(record.quiz),
                    "Player": _shown(record.player),
                    "Score": f"{record.score}/{record.total}",
                    "%": f"{record.percent:.0f}%",
                    "": Text(record.kind, style="yellow"),
                }
                for record in records
            ],
            numbers=("Score", "%"),
            droppable=("%", "Finished"),
            quiz_width=_widest(records),
        )

    def _fitted_listing(
        self,
        rows: list[dict[str, Any]],
        *,
        numbers: tuple[str, ...],
        droppable: tuple[str, ...],
        quiz_width: int,
    ) -> None:
        """A listing of ``rows`` (column name to cell) that fits the terminal:
        columns wrap between words where they must, and those of
        ``droppable`` are left out, in order, until the rest fits."""
        columns = list(rows[0]) if rows else []
        for dropped in range(len(droppable) + 1):
            shown = [c for c in columns if c not in droppable[:dropped]]
            sizes = [
                _column_sizes(name, [row[name] for row in rows], whole=name in numbers)
                for name in shown
            ]
            # Two spaces stand between columns: the padding and the divider.
            room = self.people.width - 2 * (len(shown) - 1)
            if sum(least for _, least in sizes) <= room:
                break
        widths = _shared_out(
            [natural for natural, _ in sizes], [least for _, least in sizes], room
        )
        table = _listing()
        for name, width in zip(shown, widths, strict=True):
            justify: JustifyMethod = "right" if name in numbers else "left"
            style = "bold cyan" if name == "Quiz" else ""
            table.add_column(
                name, justify=justify, style=style, width=width, overflow="fold"
            )
        for row in rows:
            table.add_row(*(row[name] for name in shown))
        self._listing(table)

    def no_games(self, *, quiz: str | None, player: str | None) -> None:
        """There is nothing to show: say so, naming what was asked for."""
        what = f"games of {quiz}" if quiz else "games"
        nothing = f"{player} has no {what} yet" if player else f"No {what} yet"
        self.say(f"{nothing}: play one with `filmquiz play {quiz or 'QUIZ'}`.")

    def forgotten(self, count: int) -> None:
        """How many games a reset forgot."""
        self.say(f"Forgot {plural(count, 'game')}.")

    def _listing(self, table: Table) -> None:
        """Draw a listing with no spaces at the ends of its lines."""
        from rich.segment import Segment, Segments

        segments: list[Segment] = []
        for line in self.people.render_lines(table, pad=False):
            while line and not line[-1].text.rstrip():
                line.pop()
            if line and line[-1].text != line[-1].text.rstrip():
                last = line.pop()
                line.append(Segment(last.text.rstrip(), last.style))
            segments.extend([*line, Segment.line()])
        self.people.print(Segments(segments), end="")


def _column_sizes(header: str, cells: list[Any], *, whole: bool) -> tuple[int, int]:
    """The width a column would like, and the fewest cells it can take
    without cutting a word (or, when ``whole``, without wrapping at all)."""
    from rich.cells import cell_len

    texts = [header, *(str(cell) for cell in cells)]
    natural = max(cell_len(text) for text in texts)
    if whole:
        return natural, natural
    words = [cell_len(word) for text in texts for word in text.split()]
    return natural, max(words, default=1)


def _shared_out(natural: list[int], least: list[int], room: int) -> list[int]:
    """Column widths that fit ``room``: each as wide as it would like, then
    the widest narrowed a cell at a time, never below its least."""
    widths = list(natural)
    excess = sum(widths) - room
    while excess > 0:
        narrowable = [i for i, width in enumerate(widths) if width > least[i]]
        if not narrowable:
            break
        widest = max(narrowable, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def _widest(rows: Iterable[Summary | GameRecord]) -> int:
    """The width of the longest quiz name, up to 24: a name is folded only
    when nothing else can give way."""
    return min(max((len(row.quiz) for row in rows), default=4), 24)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _shown(text: str, style: str = "") -> Text:
    """Text from outside filmquiz, drawn as it is: markup inert, and anything
    that could control the terminal made visible."""
    return Text(visible(text), style=style)


def _listing() -> Table:
    """A table for listings (quizzes, scores, games): a rule under the heading
    and no borders, so that six or seven columns fit a terminal 80 wide."""
    from rich.box import SIMPLE_HEAD
    from rich.table import Table

    return Table(box=SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0))


ANSWERS_TABLE_FROM = 72
"""Columns a terminal needs for the answers as a table; a narrower one gets
them as a list, where nothing has to be cut to fit."""


def _answers(result: GameResult, width: int) -> Table:
    """Each answer of a game: as a table, or as a list where the terminal is
    too narrow for a table's columns."""
    # rich.table is imported when a table is drawn, not before the first question.
    from rich.table import Table

    def mark(correct: bool) -> Text:
        return Text(RIGHT, style="bold green") if correct else Text(WRONG, "bold red")

    if width < ANSWERS_TABLE_FROM:
        listing = Table.grid(padding=(0, 1))
        listing.add_column(justify="right", style="dim", no_wrap=True)
        listing.add_column(no_wrap=True)
        listing.add_column(overflow="fold")
        for number, answer in enumerate(result.answers, start=1):
            lines = _shown(answer.question.prompt)
            lines.append("\nYour answer: ")
            lines.append(visible(answer.chosen), "green" if answer.correct else "red")
            if not answer.correct:
                lines.append(f"\nRight answer: {visible(answer.question.answer)}")
            listing.add_row(f"{number}.", mark(answer.correct), lines)
        return listing
    table = Table()
    table.add_column("#", justify="right", style="dim")
    table.add_column("Question", ratio=3, overflow="fold")
    table.add_column("Your answer", ratio=2, overflow="fold")
    table.add_column("Right answer", ratio=2, overflow="fold")
    table.add_column("", justify="center", no_wrap=True)
    for number, answer in enumerate(result.answers, start=1):
        table.add_row(
            str(number),
            _shown(answer.question.prompt),
            _shown(answer.chosen, "green" if answer.correct else "red"),
            _shown(answer.question.answer),
            mark(answer.correct),
        )
    return table


def _categories_table(result: GameResult) -> Table:
    from rich.table import Table

    table = Table()
    table.add_column("Category", overflow="fold")
    table.add_column("Right", justify="right")
    table.add_column("Asked", justify="right")
    table.add_column("%", justify="right")
    for score in result.by_category():
        table.add_row(
            _shown(score.category),
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
    if not answered:
        return f"{why} before the first answer: nothing to keep."
    share = f"{100 * result.score / answered:.0f}%" if answered else "0%"
    return (
        f"{why} after {answered} of {result.total} questions: "
        f"{result.score} of {answered} answered right ({share}), "
        f"in {duration(result.seconds)}."
    )
