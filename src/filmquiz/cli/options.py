"""The options and arguments several commands share, defined once, with the
parsers that check their values and the completions that suggest them."""

# No ``from __future__ import annotations``: see filmquiz.cli.app.
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer


def parse_whole_number(text: str, *, least: int | None = None) -> int:
    """``text`` as an int, for an option; BadParameter in plain words."""
    from filmquiz.visible import quote

    try:
        value = int(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"must be a whole number (got {quote(text)})"
        ) from None
    if least is not None and value < least:
        raise typer.BadParameter(f"must be {least} or more (got {value})")
    return value


def parse_count(text: str) -> int:
    """A count of questions: a whole number, 1 or more."""
    return parse_whole_number(text, least=1)


def parse_seed(text: str) -> int:
    """A shuffling seed: any whole number."""
    return parse_whole_number(text)


LONGEST_TIME_LIMIT = 3600.0
"""Seconds a time limit may be: an hour per question is no limit."""


def parse_time_limit(text: str) -> float:
    """A time limit in seconds: a number from 1 to an hour (3600)."""
    import math

    from filmquiz.visible import quote

    try:
        value = float(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"must be a number of seconds (got {quote(text)})"
        ) from None
    if math.isnan(value) or not 1 <= value <= LONGEST_TIME_LIMIT:
        raise typer.BadParameter(
            f"must be from 1 to {LONGEST_TIME_LIMIT:.0f} seconds (got {quote(text)})"
        )
    return value


def _word_of(text: str, words: Sequence[str]) -> str:
    """``text`` as one of ``words``, in any case and spacing; BadParameter
    naming them all otherwise."""
    from filmquiz.bankfile.rules import one_of
    from filmquiz.visible import quote

    word = text.strip().lower()
    if word not in words:
        raise typer.BadParameter(f"must be {one_of(words)} (got {quote(text)})")
    return word


def parse_scoring(text: str) -> str:
    """A way of scoring, in any case."""
    from filmquiz.game.scoring import SCORINGS

    return _word_of(text, SCORINGS)


def parse_difficulty(text: str) -> str:
    """A difficulty, in any case."""
    from filmquiz.bankfile.rules import DIFFICULTIES

    return _word_of(text, DIFFICULTIES)


def parse_spoiler_level(text: str) -> str:
    """A spoiler level, in any case."""
    from filmquiz.bankfile.rules import SPOILER_LEVELS

    return _word_of(text, SPOILER_LEVELS)


def parse_export_format(text: str) -> str:
    """A format ``export`` writes, in any case."""
    from filmquiz.formats.exported import EXPORT_FORMATS

    return _word_of(text, list(EXPORT_FORMATS))


def complete_export_format(incomplete: str) -> list[str]:
    """The export formats that start with ``incomplete``."""
    from filmquiz.formats.exported import EXPORT_FORMATS

    return [name for name in EXPORT_FORMATS if name.startswith(incomplete.lower())]


def complete_spoiler_level(incomplete: str) -> list[str]:
    """The spoiler levels that start with ``incomplete``."""
    from filmquiz.bankfile.rules import SPOILER_LEVELS

    return [level for level in SPOILER_LEVELS if level.startswith(incomplete.lower())]


def complete_quiz(incomplete: str) -> list[str]:
    """The quiz names and bank paths that start with ``incomplete``."""
    from filmquiz.banks.catalog import complete

    return complete(incomplete)


def complete_category(ctx: typer.Context, incomplete: str) -> list[str]:
    """The categories of the quiz given on the command line so far."""
    from filmquiz.banks.catalog import categories_of

    # While an option waits for its value, the words before it may not be
    # parsed into their parameters yet: the quiz can still be among the args.
    quiz = ctx.params.get("quiz") or next(
        (word for word in ctx.args if not word.startswith("-")), None
    )
    if not isinstance(quiz, str):
        return []
    wanted = incomplete.casefold()
    found = [c for c in categories_of(quiz) if c.casefold().startswith(wanted)]
    return [_for_the_shell(c) for c in found]


def _for_the_shell(word: str) -> str:
    """``word`` as the shell asking for completions must insert it. bash puts
    a completion on the line as it is, so its spaces and other special
    characters need a backslash; zsh and fish quote what they insert."""
    import os
    import re

    if not os.environ.get("_FILMQUIZ_COMPLETE", "").endswith("bash"):
        return word
    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", word)


NoColor = Annotated[
    bool,
    typer.Option("--no-color", help="Draw without colour (so does NO_COLOR=1)."),
]
JsonOutput = Annotated[
    bool,
    typer.Option("--json", help="Print JSON on stdout instead of a table."),
]
Force = Annotated[
    bool, typer.Option("--force", help="Replace a file or quiz of the same name.")
]
QuizName = Annotated[
    str | None,
    typer.Argument(
        help="A quiz name from `filmquiz list`, or the path of a bank file; "
        "in a terminal, leave it out to pick one.",
        metavar="QUIZ",
        show_default=False,
        autocompletion=complete_quiz,
    ),
]
GivenQuiz = Annotated[
    str,
    typer.Argument(
        help="A quiz name from `filmquiz list`, or the path of a bank file.",
        metavar="QUIZ",
        show_default=False,
        autocompletion=complete_quiz,
    ),
]
"""A quiz a command cannot do without (``show``, ``export``)."""
BankOutput = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Where to write the bank.",
        show_default=False,
    ),
]
"""Where ``import`` writes the bank it makes."""
Categories = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        metavar="NAME",
        help="Only questions of this category (repeat for several).",
        autocompletion=complete_category,
    ),
]
Difficulties = Annotated[
    list[str] | None,
    typer.Option(
        "--difficulty",
        "-d",
        metavar="LEVEL",
        parser=parse_difficulty,
        help="Only questions of this difficulty: easy, medium or hard "
        "(repeat for several).",
    ),
]
SpoilerLevel = Annotated[
    str | None,
    typer.Option(
        "--spoilers",
        metavar="LEVEL",
        parser=parse_spoiler_level,
        autocompletion=complete_spoiler_level,
        help="Only questions that reveal no more of the film than LEVEL: none "
        "(the premise, cast and crew), early, middle or ending.  [default: ending]",
    ),
]
NoSpoilers = Annotated[
    bool,
    typer.Option(
        "--no-spoilers", help="Only questions that spoil nothing: --spoilers none."
    ),
]


Count = Annotated[
    int | None,
    typer.Option(
        "--count",
        "-n",
        parser=parse_count,
        metavar="N",
        help="Ask at most N questions.",
    ),
]
Seed = Annotated[
    int | None,
    typer.Option(
        parser=parse_seed,
        metavar="N",
        help="Shuffle with seed N: the same seed gives the same order of "
        "questions and choices, whatever the other options.",
    ),
]
NoShuffle = Annotated[
    bool,
    typer.Option("--no-shuffle", help="Keep questions and choices in file order."),
]
TimeLimit = Annotated[
    float | None,
    typer.Option(
        "--time-limit",
        parser=parse_time_limit,
        metavar="SECONDS",
        help="Give each answer SECONDS at most, with a countdown; no answer "
        "in time counts as wrong.",
    ),
]
ScoringWay = Annotated[
    str,
    typer.Option(
        "--scoring",
        parser=parse_scoring,
        metavar="standard|speed",
        help="speed: 500 to 1000 points a right answer, more the sooner "
        "(within --time-limit, or 20 seconds), +100 a right answer in a row.",
    ),
]
Lifelines = Annotated[
    bool,
    typer.Option(
        "--lifelines",
        help="One 50:50 a game (F in a terminal, 50 on a line) takes two "
        "wrong choices away.",
    ),
]
Pause = Annotated[
    bool,
    typer.Option(
        "--pause",
        help="Wait for Enter after each answer (and leaderboard) before the "
        "next question: for a presenter.",
    ),
]
