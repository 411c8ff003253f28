"""What every export is given and gives back, and the formats there are.

An exporter is a function from an :class:`Edition` (the bank, and the rounds
chosen from it) to an :class:`Exported` (the bytes to write, and what the
format could not hold). Each lives in its own module, imported only when its
format is asked for.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # this module is imported to parse the command line: keep it light
    from filmquiz.bankfile.model import Bank
    from filmquiz.bankfile.rules import Spoiler
    from filmquiz.game.engine import Round


class Edition(NamedTuple):
    """What to export."""

    bank: Bank
    rounds: tuple[Round, ...]
    """The questions to write, in order, each with its choices in the order
    shown: the bank's own order unless a seed shuffled them."""
    seed: int | None = None
    """The seed that ordered ``rounds``; None for the bank's order."""
    spoilers: Spoiler | None = None
    """The level ``--spoilers`` kept to; None when every question is in."""
    suffix: str = ""
    """The output file's suffix in lower case (``.html``), for a format
    written two ways (``sheet``)."""
    limit: int | None = None
    """``--count`` when the format chooses the spoiler level itself (a web
    page asks its player): ``rounds`` then holds every question, and the
    game takes the first ``limit`` of the level chosen."""


class LeftOut(NamedTuple):
    """A question a format cannot express, and why."""

    question: str
    """The question's id."""
    reason: str
    """In plain words: ``Aiken has no typed answers``."""


class Exported(NamedTuple):
    """An export's bytes, and what it had to leave out."""

    data: bytes
    questions: int
    """How many questions it holds."""
    left_out: tuple[LeftOut, ...] = ()
    not_kept: tuple[str, ...] = ()
    """Parts of every question the format has no place for (``ids``,
    ``explanations``), said once rather than per question."""


Exporter = Callable[["Edition"], Exported]


class Format(NamedTuple):
    """One format ``export`` writes."""

    name: str
    description: str
    module: str
    """The module of :mod:`filmquiz.formats` whose ``export`` writes it."""
    shuffled: bool = False
    """True when ``--seed`` may order it (the formats people play from)."""
    binary: bool = False
    """True when it cannot be written to standard output as text."""
    asks_spoilers: bool = False
    """True when the export asks its player which questions to play, as
    ``play`` does, unless --spoilers chose."""
    suffixes: tuple[str, ...] = ()
    """The endings its file's name may have, when what it is written as (or
    what opens it) goes by the ending; any, when empty."""

    def exporter(self) -> Exporter:
        """The function that writes this format, imported now."""
        module = importlib.import_module(f"filmquiz.formats.{self.module}")
        function: Exporter = module.export
        return function


EXPORT_FORMATS = {
    format_.name: format_
    for format_ in (
        Format(
            "html",
            "a web page that plays the quiz",
            "webpage",
            shuffled=True,
            asks_spoilers=True,
        ),
        Format(
            "sheet",
            "a printable sheet and answer key (Markdown, or HTML for .html)",
            "sheet",
            shuffled=True,
            suffixes=(".md", ".markdown", ".txt", ".html", ".htm"),
        ),
        Format("gift", "Moodle's GIFT question format", "gift"),
        Format("aiken", "the Aiken format (single-choice questions)", "aiken"),
        Format("csv", "one row per question, for spreadsheets", "csvfile"),
        Format(
            "anki",
            "an Anki deck, one note per question",
            "anki",
            binary=True,
            suffixes=(".apkg",),
        ),
    )
}
"""Every format ``export`` writes, by name."""
