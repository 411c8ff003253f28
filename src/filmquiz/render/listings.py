"""Listings: the quizzes there are, the score summaries and the games, each
fitted to the terminal's width without cutting a word."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text

from filmquiz.render.console import Screen, shown
from filmquiz.render.wording import clipped, plural, spoiler_counts
from filmquiz.scores.statistics import COUNTED_FROM, GameRecord, Summary
from filmquiz.visible import visible

if TYPE_CHECKING:
    from rich.console import JustifyMethod
    from rich.table import Table

    from filmquiz.banks.catalog import Entry

WIDE = 100
"""From this many columns, listings have room for every column."""
NARROW = 64
"""Below this many columns, listings drop or fold their least needed columns."""


def quiz_table(screen: Screen, entries: list[Entry]) -> None:
    """The quizzes there are, one row each, with where each comes from; a
    broken one shows its first problem. Narrower terminals fold the
    categories, then the year and source, under the title."""
    if not entries:
        screen.say("No quizzes found.")
        return
    width = screen.width
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
        summary = entry.summary
        if summary is None:
            problem = entry.error.problems[0] if entry.error else None
            reason = problem.describe("") if problem else "unreadable"
            title = Text.assemble(("broken: ", "bold red"), visible(reason))
            year = questions = categories = ""
        else:
            title = shown(clipped(summary.title))
            year = str(summary.year) if summary.year else ""
            questions = str(summary.questions)
            categories = ", ".join(summary.categories)
        if narrow:
            if year:
                title.append(f" ({year})")
            title.append("\n")
            if questions:
                title.append(f"{plural(int(questions), 'question')}, ")
            title.append(source)
        if categories and not separate_categories:
            title.append(f"\n{categories}", style="dim")
        if summary is not None:
            title.append(f"\n{spoiler_counts(summary.spoilers)}", style="dim")
        row: list[Any] = [shown(entry.slug), title]
        if not narrow:
            row.extend([year, questions])
        if separate_categories:
            row.append(shown(categories))
        if not narrow:
            row.append(source)
        table.add_row(*row)
    screen.listing(table)
    screen.note("Play one with: filmquiz play QUIZ")


def scores_table(screen: Screen, summaries: list[Summary]) -> None:
    """Per quiz and player: the games that count, best, average, last
    played, and the trend of the latest scores. Where the terminal is too
    narrow, the trend goes first, then the average, then the date."""

    speed = any(summary.best_points is not None for summary in summaries)

    def cells(summary: Summary) -> dict[str, Any]:
        games = str(summary.games)
        if summary.played != summary.games:
            games += f" of {summary.played}"
        trend = Text(sparkline(summary.trend), style="cyan")
        if summary.trend:
            trend.append(f" {summary.trend[-1]:.0f}%")
        row = {
            "Quiz": shown(summary.quiz),
            "Player": shown(summary.player),
            "Games": games,
            "Best": _percent(summary.best),
        }
        if speed:
            best = summary.best_points
            row["Best points"] = "-" if best is None else f"{best:,}"
        return {
            **row,
            "Avg": _percent(summary.average),
            "Last played": local_time(summary.last_played),
            "Trend": trend,
        }

    _fitted_listing(
        screen,
        [cells(summary) for summary in summaries],
        numbers=("Games", "Best", "Best points", "Avg", "Last played"),
        droppable=("Trend", "Last played", "Avg"),
    )
    uncounted = sum(summary.played - summary.games for summary in summaries)
    if uncounted:
        verb = "is" if uncounted == 1 else "are"
        screen.note(
            f"{plural(uncounted, 'game')} {verb} not counted: stopped early, "
            f"practice, or fewer than {COUNTED_FROM} questions (see --games)."
        )


def games_table(screen: Screen, records: list[GameRecord]) -> None:
    """The games themselves, as given (newest first), each not counted in
    the scores marked with why; the points of speed games, and which were
    party games."""
    speed = any(record.points is not None for record in records)

    def cells(record: GameRecord) -> dict[str, Any]:
        row: dict[str, Any] = {
            "Finished": local_time(record.finished_at),
            "Quiz": shown(record.quiz),
            "Player": shown(record.player),
            "Score": f"{record.score}/{record.total}",
            "%": f"{record.percent:.0f}%",
        }
        if speed:
            row["Points"] = "-" if record.points is None else f"{record.points:,}"
        notes = [
            note for note in (record.kind, "party" if record.party else "") if note
        ]
        row[""] = Text(", ".join(notes), style="yellow")
        return row

    _fitted_listing(
        screen,
        [cells(record) for record in records],
        numbers=("Score", "%", "Points"),
        droppable=("%", "Finished"),
    )


def _fitted_listing(
    screen: Screen,
    rows: list[dict[str, Any]],
    *,
    numbers: tuple[str, ...],
    droppable: tuple[str, ...],
) -> None:
    """A listing of ``rows`` (column name to cell) that fits the terminal:
    columns wrap between words where they must, and those of ``droppable``
    (never wrapped: a trend or a date in two lines reads badly) are left out,
    in order, until the rest fits."""
    columns = list(rows[0]) if rows else []
    for dropped in range(len(droppable) + 1):
        kept = [c for c in columns if c not in droppable[:dropped]]
        sizes = [
            _column_sizes(
                name,
                [row[name] for row in rows],
                whole=name in numbers or name in droppable,
            )
            for name in kept
        ]
        # Two spaces stand between columns: the padding and the divider.
        room = screen.width - 2 * (len(kept) - 1)
        if sum(least for _, least in sizes) <= room:
            break
    widths = _shared_out(
        [natural for natural, _ in sizes], [least for _, least in sizes], room
    )
    table = _listing()
    for name, width in zip(kept, widths, strict=True):
        justify: JustifyMethod = "right" if name in numbers else "left"
        style = "bold cyan" if name == "Quiz" else ""
        table.add_column(
            name, justify=justify, style=style, width=width, overflow="fold"
        )
    for row in rows:
        table.add_row(*(row[name] for name in kept))
    screen.listing(table)


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


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}%"


def _listing() -> Table:
    """A table for listings (quizzes, scores, games): a rule under the heading
    and no borders, so that six or seven columns fit a terminal 80 wide."""
    from rich.box import SIMPLE_HEAD
    from rich.table import Table

    return Table(box=SIMPLE_HEAD, pad_edge=False, show_edge=False, padding=(0, 1, 0, 0))


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
