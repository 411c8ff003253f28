"""``filmquiz import``: convert questions from other formats into a bank."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from filmquiz.errors import BadOption, FilmquizError
from filmquiz.render.console import Screen
from filmquiz.results import BankImported
from filmquiz.visible import visible


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
    from filmquiz.banks.opentdb import convert, read_response, results_of
    from filmquiz.banks.saving import save_document

    _check_output(output)
    _check_title(title)
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


def _check_output(output: Path) -> None:
    if str(output) == "-":
        raise BadOption("--output", "must be a file: a bank is not written to -")
    from filmquiz.commands.destination import file_to_write

    file_to_write(output)


def _check_title(title: str | None) -> None:
    from filmquiz.bankfile.rules import text_problem

    if title is not None:
        problem = text_problem(title)
        if problem:
            raise BadOption("--title", problem)


IMPORT_MODULES = {"gift": "gift", "aiken": "aiken", "csv": "csvfile"}
"""The question formats ``import`` reads, and the module of
:mod:`filmquiz.formats` that reads each."""


def import_questions(
    format_name: str,
    source: str,
    *,
    output: Path,
    stdin: BinaryIO | None,
    title: str | None = None,
    force: bool = False,
) -> BankImported:
    """Convert a GIFT, Aiken or CSV file (or ``-`` for ``stdin``) into a bank
    at ``output``. Questions of kinds filmquiz does not play are left out and
    named; any other problem is located, and nothing is written."""
    import importlib

    from filmquiz.banks.opentdb import read_response
    from filmquiz.banks.saving import save_document
    from filmquiz.formats.drafts import assemble, source_text

    _check_output(output)
    _check_title(title)
    name, data = read_response(source, stdin)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{") and b'"questions"' in data:
        raise FilmquizError(
            f"{visible(str(name))}: is a filmquiz bank already, not {format_name}: "
            "play it as it is, or add it with filmquiz add"
        )
    module = importlib.import_module(f"filmquiz.formats.{IMPORT_MODULES[format_name]}")
    read = module.read(source_text(data, name), name)
    title = title or read.bank.get("title") or _title_from(name)
    report = assemble(read, source=name, title=title)
    save_document(report.document, output, force=force)
    return BankImported(report, output, format=format_name)


def _title_from(name: Path) -> str:
    """A title for a bank whose source gives none: its file's name, in words."""
    words = name.stem.replace("_", " ").replace("-", " ").split()
    if name == Path("<stdin>") or not words:
        return "Imported questions"
    text = " ".join(words)
    return text[0].upper() + text[1:]
