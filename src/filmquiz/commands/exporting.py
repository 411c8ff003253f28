"""``filmquiz export``: write a bank in another format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from filmquiz.bankfile.rules import Spoiler
from filmquiz.errors import BadOption, FilmquizError
from filmquiz.files import AlreadyThere, write_atomically
from filmquiz.formats.exported import Format
from filmquiz.results import BankExported
from filmquiz.visible import quote, visible

TO_STANDARD_OUTPUT = Path("-")


def export(
    format_name: str,
    quiz: str,
    *,
    output: Path,
    stdout: BinaryIO | None,
    spoilers: Spoiler | None = None,
    seed: int | None = None,
    count: int | None = None,
    categories: Sequence[str] = (),
    difficulties: Sequence[str] = (),
    force: bool = False,
) -> BankExported:
    """Write the bank ``quiz`` names as ``format_name`` to ``output`` (``-``
    for standard output): its questions up to the ``spoilers`` level, of the
    ``categories`` and ``difficulties`` given (all when none), in the order
    ``seed`` gives (the bank's own order without one), the first ``count``
    of them when a count is given."""
    from filmquiz.banks import catalog
    from filmquiz.formats.exported import EXPORT_FORMATS, Edition
    from filmquiz.game.engine import Selection, plan_game

    format_ = EXPORT_FORMATS[format_name]
    if seed is not None and not format_.shuffled:
        shuffled = " and ".join(n for n, f in EXPORT_FORMATS.items() if f.shuffled)
        raise BadOption(
            "--seed",
            f"orders only the {shuffled} exports; {format_name} keeps the bank's order",
        )
    to_stdout = output == TO_STANDARD_OUTPUT
    if to_stdout and format_.binary:
        raise BadOption(
            "--output", f"must be a file for {article(format_name)} export, not -"
        )
    if not to_stdout:
        _check_output(output, format_, force=force)
    bank = catalog.load(quiz)
    # A page that asks its player which questions to play takes --count of
    # the level chosen: it is given them all.
    deferred = format_.asks_spoilers and spoilers is None and count is not None
    selection = Selection(
        limit=None if deferred else count,
        categories=tuple(categories),
        difficulties=tuple(difficulties),  # type: ignore[arg-type]
        shuffle=seed is not None,
        seed=seed or 0,
        spoilers=spoilers,
    )
    edition = Edition(
        bank=bank,
        rounds=plan_game(bank, selection),
        seed=seed,
        spoilers=spoilers,
        suffix=output.suffix.lower(),
        limit=count if deferred else None,
    )
    exported = format_.exporter()(edition)
    if not exported.questions:
        raise FilmquizError(
            f"{visible(bank.title)}: none of its questions can be written as "
            f"{format_name}: {exported.left_out[0].reason}"
        )
    if to_stdout:
        if stdout is None:
            raise FilmquizError("standard output is closed")
        stdout.write(exported.data)
        stdout.flush()
    else:
        write_atomically(output, exported.data, replace=force)
    left_out = {left.question for left in exported.left_out}
    spoils_ending = (
        spoilers is None
        and not format_.asks_spoilers  # a web page asks its player instead
        # Marked so, as `play` asks before such a game: an unmarked bank
        # (an import) would otherwise say it every time.
        and any(
            r.question.spoiler == "ending"
            for r in edition.rounds
            if r.question.id not in left_out
        )
    )
    return BankExported(bank, format_name, output, exported, spoils_ending)


def _check_output(output: Path, format_: Format, *, force: bool) -> None:
    """Refuse, before any work, a file ``export`` cannot or must not write."""
    from filmquiz.bankfile.rules import one_of
    from filmquiz.commands.destination import file_to_write

    exists = file_to_write(output)
    if format_.suffixes and output.suffix.lower() not in format_.suffixes:
        raise BadOption(
            "--output",
            f"must end in {one_of(list(format_.suffixes))} for "
            f"{article(format_.name)} export (not {quote(output.name)})",
        )
    if exists and not force:
        raise AlreadyThere(output)


def article(format_name: str) -> str:
    """The format's name after "a" or "an", as it is said: "an anki", "a
    sheet", "an html"."""
    return f"an {format_name}" if format_name[0] in "aeiouh" else f"a {format_name}"
