"""``filmquiz export``: write a bank in another format."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from filmquiz.bankfile.rules import Spoiler
from filmquiz.errors import BadOption, FilmquizError
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
    force: bool = False,
) -> BankExported:
    """Write the bank ``quiz`` names as ``format_name`` to ``output`` (``-``
    for standard output), up to the ``spoilers`` level, in the order
    ``seed`` gives (the bank's own order without one)."""
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
        raise BadOption("--output", f"an {format_name} export must go to a file, not -")
    if not to_stdout and (output.is_dir() or not output.name):
        folder = quote(str(output) or ".")
        raise BadOption("--output", f"must be a file to write, not the folder {folder}")
    if not to_stdout and output.exists() and not force:
        raise FilmquizError(
            f"{visible(str(output))} already exists; pass --force to replace it"
        )
    bank = catalog.load(quiz)
    selection = Selection(shuffle=seed is not None, seed=seed or 0, spoilers=spoilers)
    edition = Edition(
        bank=bank,
        rounds=plan_game(bank, selection),
        seed=seed,
        spoilers=spoilers,
        suffix=output.suffix.lower(),
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
        from filmquiz.files import write_atomically

        write_atomically(output, exported.data)
    return BankExported(bank, format_name, output, exported)
