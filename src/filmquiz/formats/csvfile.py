"""CSV, for spreadsheets: one row per question, under a header row.

The columns, in order (the README documents them for people):

``id``
    The question's id; left empty, one is made from the prompt.
``type``
    ``single``, ``truefalse``, ``multi`` or ``text``; left empty, it is told
    from the rest (choices: single, or multi for several answers; an answer
    of True or False: truefalse; otherwise text).
``prompt``
    The question.
``choices``
    One choice per line of the cell (single and multi only).
``answer``
    The right choice; True or False; the right choices, one per line; or,
    for a typed answer, the words to type, then the other spellings it
    takes, one per line.
``category``, ``difficulty``, ``spoiler``, ``explanation``, ``source``
    As in a bank file; any may be empty.

Written, the file is UTF-8 with a byte order mark, cells separated by commas;
read, the separator may also be a semicolon or a tab (told from the header).

Bank text is single-line, so a line break inside a cell can only separate
two choices or two answers: the file carries a bank exactly, and
``import csv`` gives back what ``export csv`` wrote.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from filmquiz.bankfile.model import Question
from filmquiz.bankfile.rules import TRUE_FALSE
from filmquiz.errors import Problem
from filmquiz.formats.drafts import Draft, Source
from filmquiz.formats.exported import Edition, Exported

COLUMNS = (
    "id",
    "type",
    "prompt",
    "choices",
    "answer",
    "category",
    "difficulty",
    "spoiler",
    "explanation",
    "source",
)
REQUIRED = ("prompt", "answer")
_LOWER_CASE = ("type", "difficulty", "spoiler")
"""Columns of fixed words, read in any case (a spreadsheet may capitalise)."""


def export(edition: Edition) -> Exported:
    """Every question of the edition as one row, in the bank's order."""
    # The byte order mark tells Excel the file is UTF-8: without it, Excel
    # reads "Penélope" as "PenÃ©lope".
    buffer = io.StringIO("\ufeff")
    buffer.seek(0, io.SEEK_END)
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for round_ in edition.rounds:
        writer.writerow(_row(round_.question))
    return Exported(buffer.getvalue().encode(), len(edition.rounds))


def _row(question: Question) -> list[str]:
    # A multi question's answers in the bank's own order, to come back so.
    answers = question.answer if isinstance(question.answer, tuple) else ()
    answers = answers or question.right_choices
    if question.type == "text":
        answers = (*answers, *question.accept)
    return [
        question.id,
        question.type,
        question.prompt,
        "\n".join(question.choices),
        "\n".join(answers),
        question.category or "",
        question.difficulty or "",
        question.spoiler or "",
        question.explanation or "",
        question.source or "",
    ]


def read(text: str, source: Path) -> Source:
    """The questions of a CSV file with a header row naming its columns."""
    del source  # problems are located by line; the caller names the file
    from filmquiz.bankfile.reading import size_limit

    # A cell may be as big as a bank (csv stops at 128 KB by default).
    csv.field_size_limit(min(size_limit(), 2**31 - 1))
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=_separator(text), strict=True
    )
    problems: list[Problem] = []
    drafts: list[Draft] = []
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)  # blank lines before the header
        if header is None:
            return Source([], [Problem("", "the file is empty")], [], {})
        names = [name.strip().lower() for name in header]
        problems.extend(_header_problems(names))
        if problems:
            return Source([], problems, [], {})
        start = reader.line_num + 1
        number = 0
        for row in reader:
            if not any(cell.strip() for cell in row):
                start = reader.line_num + 1
                continue  # a blank line between questions
            number += 1
            where = f"line {start} (question {number})"
            unnamed = [
                cell
                for column, cell in enumerate(row)
                if column >= len(names) or not names[column]
            ]
            if any(cell.strip() for cell in unnamed):
                problems.append(
                    Problem(
                        where,
                        f"has a cell in a column the header does not name "
                        f"(it names {sum(map(bool, names))} columns)",
                    )
                )
            else:
                named = zip(names, row, strict=False)  # a short row: cells missing
                cells = {name: cell for name, cell in named if name}
                try:
                    drafts.append(Draft(where, _fields(cells)))
                except _RowProblem as problem:
                    problems.append(Problem(where, str(problem)))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.append(Problem(f"line {reader.line_num}", f"not valid CSV: {error}"))
    return Source(drafts, problems, [], {})


SEPARATORS = (",", ";", "\t")
"""What separates cells: a comma; a semicolon where a comma is a decimal
point (Excel in French or Spanish, say); a tab."""


def _separator(text: str) -> str:
    """The separator that makes the most known column names of the header."""
    header = next((line for line in text.splitlines() if line.strip()), "")

    def known(separator: str) -> int:
        cells = next(csv.reader([header], delimiter=separator), [])
        return sum(cell.strip().lower() in COLUMNS for cell in cells)

    return max(SEPARATORS, key=known)  # the first, a comma, on a tie


def _header_problems(names: list[str]) -> list[Problem]:
    problems = []
    unknown = [name for name in names if name and name not in COLUMNS]
    if unknown:
        problems.append(
            Problem(
                "line 1",
                f"unknown column {unknown[0]!r}; the columns are {', '.join(COLUMNS)}",
            )
        )
    twice = sorted({name for name in names if name and names.count(name) > 1})
    if twice:
        problems.append(Problem("line 1", f"the column {twice[0]!r} is named twice"))
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        problems.append(
            Problem("line 1", f"no {missing[0]!r} column: a question needs one")
        )
    return problems


class _RowProblem(Exception):
    """A row that cannot make a question, and why."""


def _fields(cells: dict[str, str]) -> dict[str, Any]:
    """A question's keys from the cells of its row; what the cells do not say
    is left out, for the bank's checks to name."""
    # Text is taken as it is, spaces and all, so that a bank comes back
    # exactly; the columns of fixed words are read in any case and spacing.
    for name in _LOWER_CASE:
        if name in cells:
            cells[name] = cells[name].strip().lower()
    choices = _lines(cells.get("choices", ""))
    answers = _lines(cells.get("answer", ""))
    kind = cells.get("type") or _told_type(choices, answers)
    fields: dict[str, Any] = {}
    if cells.get("id", "").strip():
        fields["id"] = cells["id"]
    fields["type"] = kind
    fields["prompt"] = cells.get("prompt", "")
    if choices or kind in ("single", "multi"):
        fields["choices"] = choices
    if kind == "truefalse" and len(answers) <= 1:
        spelled = {word.casefold(): word == TRUE_FALSE[0] for word in TRUE_FALSE}
        said = answers[0] if answers else ""
        fields["answer"] = spelled.get(said.casefold(), said)
    elif kind == "multi":
        fields["answer"] = answers
    elif kind == "text":
        fields["answer"] = answers[0] if answers else ""
        if answers[1:]:
            fields["accept"] = answers[1:]
    elif len(answers) > 1:
        raise _RowProblem(
            f"the answer cell has {len(answers)} lines, but a {kind} question has "
            "one answer (multi takes several)"
        )
    else:
        fields["answer"] = answers[0] if answers else ""
    for name in ("category", "difficulty", "spoiler", "explanation", "source"):
        if cells.get(name, "").strip():
            fields[name] = cells[name]
    return fields


def _told_type(choices: list[str], answers: list[str]) -> str:
    """The type of a row that does not say."""
    if choices:
        return "multi" if len(answers) > 1 else "single"
    if len(answers) == 1 and answers[0].casefold() in {"true", "false"}:
        return "truefalse"
    return "text"


def _lines(cell: str) -> list[str]:
    """The items of a cell, one per line, without empty lines."""
    return [line for line in cell.splitlines() if line.strip()]
