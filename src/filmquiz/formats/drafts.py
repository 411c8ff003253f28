"""From questions read out of another format to a bank document.

An importer reads its format into :class:`Draft` questions, each with the
place it came from, and says what it could not read. :func:`assemble` then
does what every importer needs done the same way: gives a question without
an id one derived from its text, drops the same question given twice, checks
each question by the bank's own rules and locates every problem in the
source, so that nothing reaches the bank that the bank would refuse.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from filmquiz.bankfile.rules import FORMAT_VERSION, TRUE_FALSE
from filmquiz.banks.naming import question_id
from filmquiz.banks.opentdb import Imported
from filmquiz.errors import BankError, Problem
from filmquiz.visible import quote, visible


class Draft(NamedTuple):
    """One question as an importer read it, not yet checked."""

    where: str
    """Where it starts in the source: ``line 12 (question 3)``."""
    fields: dict[str, Any]
    """The question's keys as a bank file holds them; ``id`` may be missing."""


class Source(NamedTuple):
    """All an importer read from one file."""

    drafts: list[Draft]
    problems: list[Problem]
    """What could not be read at all: the import writes nothing then."""
    left_out: list[str]
    """Questions skipped because filmquiz has no such question (a matching
    or numeric question), each located: the import goes on without them."""
    bank: dict[str, Any]
    """The bank's own keys the source held (title, film, credits ...)."""
    notes: Sequence[str] = ()
    """What was read differently from how the source meant it (a partial
    credit filmquiz does not give), each located: said, not refused."""


def source_text(data: bytes, source: Path) -> str:
    """The text of an imported file: UTF-8, with or without a byte order
    mark, or UTF-16 with one (as spreadsheets save "Unicode text")."""
    from filmquiz.bankfile.problems import looks_like_utf16, position

    def refused(where: str, message: str) -> BankError:
        return BankError(source, [Problem(where, message)])

    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise refused("", "not valid UTF-16 text") from None
    if looks_like_utf16(data):
        raise refused(
            "", "looks like UTF-16 text without a byte order mark; save it as UTF-8"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = position(data[: error.start].decode("utf-8", "replace"), None)
        bad = data[error.start : error.start + 1].hex()
        message = f"not valid UTF-8 text (byte 0x{bad}); save the file as UTF-8"
        raise refused(where, message) from None


def assemble(read: Source, *, source: Path, title: str) -> Imported:
    """The bank document of what an importer read, or BankError naming every
    problem with where it is in ``source``."""
    from filmquiz.bankfile.problems import careful_bank

    problems = list(read.problems)
    notes = [*read.left_out, *read.notes]
    questions: list[dict[str, Any]] = []
    seen: set[tuple[str, ...]] = set()
    ids: dict[str, str] = {}  # each id used, and where its question is
    duplicates = 0
    for draft in read.drafts:
        fields = dict(draft.fields)
        prompt = str(fields.get("prompt", ""))
        key = _sameness(fields)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        given = fields.get("id")
        if given is None or given in ids:
            derived = _free_id(prompt, _answer_key(fields.get("answer")), ids)
            if given is not None:
                notes.append(
                    f"{draft.where}: the id {quote(given)} is also the id of the "
                    f"question at {ids[given]}; this one is {quote(derived)}"
                )
            fields["id"] = given = derived
        ids[given] = draft.where
        notes += _redundant_accepts(fields, draft.where)
        document = {"format": FORMAT_VERSION, "title": title, "questions": [fields]}
        try:
            careful_bank(json.dumps(document).encode(), slug="import", source=source)
        except BankError as error:
            problems.extend(_located(error.problems, draft.where))
            continue
        questions.append(_ordered(fields))
    if problems:
        raise BankError(source, problems)
    if not questions:
        raise BankError(source, [Problem("", "holds no question filmquiz can play")])
    bank: dict[str, Any] = {"format": FORMAT_VERSION, "title": title}
    bank.update((k, v) for k, v in read.bank.items() if k != "title")
    bank["questions"] = questions
    notes.sort(key=_line_of)
    named = visible(str(source))
    return Imported(
        bank,
        len(questions),
        duplicates=duplicates,
        skipped=len(read.left_out),
        left_out=0,
        notes=tuple(f"{named}: {note}" for note in notes),
    )


def _redundant_accepts(fields: dict[str, Any], where: str) -> list[str]:
    """Leave out the spellings a typed answer takes that an earlier one
    already covers ("rosebud." beside "Rosebud"): a bank lists each answer
    once, and matching sets case and punctuation aside anyway."""
    accept = fields.get("accept")
    if fields.get("type") != "text" or not isinstance(accept, list):
        return []
    answer = fields.get("answer")
    if not isinstance(answer, str) or not all(isinstance(a, str) for a in accept):
        return []  # the bank's checks say what is wrong
    from filmquiz.bankfile.rules import comparable

    kept: list[str] = []
    seen = {comparable(answer)}
    notes = []
    for spelling in accept:
        said = comparable(spelling)
        if said in seen:
            notes.append(
                f"{where}: {quote(spelling)} is taken anyway, as the same answer "
                "once case, accents and punctuation are set aside"
            )
            continue
        seen.add(said)
        kept.append(spelling)
    if kept:
        fields["accept"] = kept
    else:
        del fields["accept"]
    return notes


def _line_of(note: str) -> int:
    """The line a note starts with (``line 12 ...``), to say notes in order."""
    words = note.split(maxsplit=2)
    return int(words[1]) if len(words) > 1 and words[1].isdigit() else 0


def _sameness(fields: dict[str, Any]) -> tuple[str, ...]:
    """What makes two questions the same question given twice: the same type,
    prompt, choices and answer, case aside. (The same prompt with other
    choices, or asked another way, is another question.)"""
    choices = fields.get("choices")
    listed = choices if isinstance(choices, list) else []
    return (
        str(fields.get("type", "single")),
        str(fields.get("prompt", "")).casefold(),
        "\n".join(sorted(str(choice).casefold() for choice in listed)),
        _answer_key(fields.get("answer")),
    )


def _free_id(prompt: str, answer: str, ids: dict[str, str]) -> str:
    """An id made from a question's text that no question has yet."""
    for made in (question_id(prompt), question_id(f"{prompt} {answer}")):
        if made not in ids:
            return made
    number = 2
    while f"{made}-{number}" in ids:
        number += 1
    return f"{made}-{number}"


def _answer_key(answer: Any) -> str:
    """An answer as text, to tell one question given twice."""
    if isinstance(answer, bool):
        return TRUE_FALSE[0] if answer else TRUE_FALSE[1]
    if isinstance(answer, list | tuple):
        return "\n".join(sorted(str(part).casefold() for part in answer))
    return str(answer).casefold()


def _located(problems: Iterable[Problem], where: str) -> list[Problem]:
    """A one-question bank's problems, placed where the question is."""
    return [Problem(where, problem.message) for problem in problems]


def _ordered(fields: dict[str, Any]) -> dict[str, Any]:
    """A question's keys in the order a bank file writes them."""
    from filmquiz.bankfile.rules import QUESTION_KEYS

    ordered = {key: fields[key] for key in QUESTION_KEYS if key in fields}
    if ordered.get("type") == "single":
        del ordered["type"]  # the default, which bank files leave out
    return ordered
