"""The words filmquiz uses for people, as plain strings: shared by the menus
in a terminal, the line-by-line mode and the rendered tables."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from filmquiz.bankfile.rules import SPOILER_CHOICES, Spoiler

if TYPE_CHECKING:
    from filmquiz.banks.catalog import Entry
    from filmquiz.game.engine import Round, Turn
    from filmquiz.scores.statistics import GameRecord


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


def round_number(round_: Round) -> str:
    """``Question 2 of 10``."""
    return f"Question {round_.number} of {round_.total}"


def round_details(round_: Round) -> str:
    """What kind of question it is: ``plot, easy``, or nothing."""
    question = round_.question
    return ", ".join(part for part in (question.category, question.difficulty) if part)


def round_heading(round_: Round, turn: Turn | None = None) -> str:
    """``Question 2 of 10 (plot, easy)``: the line above every question;
    in a party, whose turn it is first (``Ana: Question 2 of 10``)."""
    details = round_details(round_)
    heading = f"{round_number(round_)} ({details})" if details else round_number(round_)
    return f"{turn.player}: {heading}" if turn is not None and turn.party else heading


def answer_hint(choices: int) -> str:
    """How to answer a menu of ``choices`` in a terminal."""
    keys = "1" if choices == 1 else f"1-{min(choices, 9)}"
    return f"(arrow keys and Enter, or press {keys})"


def answer_prompt(
    round_: Round, turn: Turn, offered: tuple[str, ...] | None = None
) -> str:
    """What line-by-line play asks for an answer: ``Your answer (1-4): ``,
    ``Ana, your answers (numbers such as 1,3): ``, ``Your answer (2 or 4):``
    once a 50:50 leaves ``offered``..."""
    kind = round_.question.type
    if kind == "text":
        what = "your answer: "
    elif kind == "multi":
        what = "your answers (numbers such as 1,3): "
    else:
        lifeline = ", or 50 for a 50:50" if turn.halved else ""
        what = f"your answer (1-{len(round_.choices)}{lifeline}): "
        if offered is not None and offered != round_.choices:
            numbers = [str(round_.choices.index(c) + 1) for c in offered]
            what = f"your answer ({' or '.join(numbers)}): "
    if turn.party:
        return f"{turn.player}, {what}"
    return what[0].upper() + what[1:]


def what_reset_forgets(
    records: Sequence[GameRecord], *, quiz: str | None, player: str | None
) -> str:
    """``7 games of parallel-mothers by Ana: 5 counted in the scores, 2
    practice, short or stopped.`` The player as the history spells them."""
    who = records[0].player if player and records else player
    which = " ".join(
        part
        for part in (f"of {quiz}" if quiz else "", f"by {who}" if who else "")
        if part
    )
    counted = sum(record.counted for record in records)
    others = len(records) - counted
    what = f"{plural(len(records), 'game')} {which}".rstrip()
    if counted and others:
        what += (
            f": {counted} counted in the scores, {others} practice, short or stopped"
        )
    elif others:
        what += ", not counted in the scores (practice, short or stopped)"
    return what + "."


def quiz_label(entry: Entry) -> str:
    """``parallel-mothers: Parallel Mothers (69 questions)``, for a menu."""
    if entry.summary is None:
        return f"{entry.slug}: broken"
    questions = plural(entry.summary.questions, "question")
    return f"{entry.slug}: {clipped(entry.summary.title)} ({questions})"


_ASKED_FOR_BY = {"none": "--no-spoilers"}
"""The option that asks for a level, where it is not ``--spoilers LEVEL``."""
SPOILER_MENU: tuple[tuple[Spoiler, str], ...] = tuple(
    (level, f"{words} ({_ASKED_FOR_BY.get(level, f'--spoilers {level}')})")
    for level, words in SPOILER_CHOICES
)
"""What a game that may spoil the ending offers before it starts, safest
first: each level, and how to ask for it on the command line."""


def spoils_the_ending(film: bool) -> str:
    """``how the film ends``, or, for a quiz of many films, ``how a film
    ends``."""
    return "how the film ends" if film else "how a film ends"


LONGEST_SHOWN = 200
"""Characters of a bank's title a listing shows: a title of megabytes would
take the table minutes to lay out, and no one reads that far."""


def clipped(text: str, limit: int = LONGEST_SHOWN) -> str:
    """``text``, cut to ``limit`` characters with an ellipsis when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def spoiler_counts(counts: Mapping[Spoiler, int]) -> str:
    """How many questions reach each spoiler level, as ``list`` shows it,
    levels no question reaches left out: ``spoilers none:20, ending:24``
    (written without spaces inside, a line wraps between levels only)."""
    levels = ", ".join(f"{level}:{n}" for level, n in counts.items() if n)
    return f"spoilers {levels}"
