"""``filmquiz import``: convert questions from other formats into a bank."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from filmquiz.errors import BadOption
from filmquiz.render.console import Screen
from filmquiz.results import BankImported
from filmquiz.visible import quote


def import_opentdb(
    source: str,
    *,
    output: Path,
    stdin: BinaryIO | None,
    screen: Screen,
    categories: Sequence[str] = (),
    difficulties: Sequence[str] = (),
    title: str | None = None,
    force: bool = False,
) -> BankImported:
    """Convert an Open Trivia Database API response (a file, or ``-`` for
    ``stdin``) into a bank at ``output``, with a progress bar for big ones."""
    from filmquiz.bankfile.problems import decode_json
    from filmquiz.bankfile.rules import text_problem
    from filmquiz.banks.opentdb import convert, read_response, results_of
    from filmquiz.banks.saving import save_document

    if output.is_dir():  # also "" and ".", which mean the current folder
        folder = quote(str(output) or ".")
        raise BadOption("--output", f"must be a file to write, not the folder {folder}")
    if title is not None:
        problem = text_problem(title)
        if problem:
            raise BadOption("--title", problem)
    name, data = read_response(source, stdin)
    document = decode_json(data, name)
    with screen.progress(len(results_of(document)), "Importing") as progress:
        report = convert(
            document,
            title=title,
            categories=tuple(categories),
            difficulties=tuple(difficulties),
            progress=progress,
        )
    save_document(report.document, output, force=force)
    return BankImported(report, output)
