"""One quiz described for people (``filmquiz show``): its film, what its
questions are made of, where they come from and on what terms."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.table import Table
from rich.text import Text

from filmquiz.bankfile.model import Bank
from filmquiz.bankfile.rules import DIFFICULTIES
from filmquiz.render.console import Screen, shown
from filmquiz.render.wording import plural
from filmquiz.visible import visible


def quiz_details(screen: Screen, bank: Bank, path: Path) -> None:
    """The quiz's facts as label and value, then its sources, most cited
    first."""
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")
    film = bank.film
    if film is not None and film_line(bank):
        facts.add_row("Film", shown(film_line(bank)))
    categories = Counter(q.category for q in bank.questions if q.category)
    questions = plural(len(bank.questions), "question")
    if categories:
        questions += ": " + ", ".join(f"{c} {n}" for c, n in categories.items())
    facts.add_row("Questions", shown(questions))
    if set(bank.types) != {"single"}:
        facts.add_row("Types", ", ".join(f"{t} {n}" for t, n in bank.types.items()))
    difficulties = Counter(q.difficulty for q in bank.questions if q.difficulty)
    if difficulties:
        facts.add_row(
            "Difficulty",
            ", ".join(
                f"{d} {difficulties[d]}" for d in DIFFICULTIES if d in difficulties
            ),
        )
    spoilers = ", ".join(f"{level} {n}" for level, n in bank.spoilers.items() if n)
    unmarked = sum(1 for q in bank.questions if q.spoiler is None)
    if unmarked:
        spoilers += f" ({unmarked} not marked, counted as ending)"
    facts.add_row("Spoilers", spoilers)
    facts.add_row("Credits", shown(bank.credits or "not given"))
    facts.add_row("License", shown(bank.license or "not given"))
    facts.add_row("File", Text(visible(str(path))))
    screen.people.print(shown(bank.title, "bold"))
    screen.listing(facts)
    sources = Counter(q.source for q in bank.questions if q.source)
    if sources:
        screen.people.print(Text("\nSources", style="bold"))
        cited = Table.grid(padding=(0, 2))
        cited.add_column(justify="right", no_wrap=True)
        cited.add_column(overflow="fold")
        for source, count in sources.most_common():
            cited.add_row(str(count), shown(source))
        screen.listing(cited)
        screen.note(
            f"{plural(sum(sources.values()), 'question')} of "
            f"{len(bank.questions)} cite a source."
        )
    else:
        screen.note("No question cites a source.")


def film_line(bank: Bank) -> str:
    """``Parallel Mothers (Madres paralelas), 2021, directed by Pedro
    Almodóvar``, from what the bank says of its film."""
    film = bank.film
    if film is None:
        return ""
    parts = []
    if film.title:
        parts.append(
            f"{film.title} ({film.original_title})"
            if film.original_title and film.original_title != film.title
            else film.title
        )
    if film.year:
        parts.append(str(film.year))
    if film.director:
        parts.append(f"directed by {film.director}")
    return ", ".join(parts)
