"""Writing banks: into the user's quizzes folder, or to a file, never half-done.

Every bank is checked before it is written, and written to a temporary file
that replaces the target in one step, so a crash leaves either the old file or
the new one, never a mix.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from filmquiz.bankfile.model import Bank
from filmquiz.bankfile.reading import parse_bank, read_bank_file, slug_of
from filmquiz.banks.catalog import SHIPPED_QUIZZES, user_quizzes
from filmquiz.errors import FilmquizError
from filmquiz.files import AlreadyThere, unwritable, write_atomically
from filmquiz.visible import visible


class BankExists(FilmquizError):
    """A bank of that name is already in the folder; ``--force`` replaces it."""


class Saved(NamedTuple):
    """Where a bank was written, and what it now hides or replaced."""

    bank: Bank
    path: Path
    replaced: bool
    """True when a file of the same name was overwritten."""
    hides_shipped: bool
    """True when a shipped bank of the same name is now hidden by this one."""
    play_as: str
    """What to type after ``filmquiz play``: the name, or the path."""


def add_bank(source: Path, *, force: bool = False) -> Saved:
    """Check the bank at ``source`` and copy it into the user's quizzes folder.

    The file is read once: the bytes checked are the bytes written, so a pipe
    or a file that changes meanwhile can never slip unchecked bytes in.
    """
    data = read_bank_file(source)
    slug = slug_of(source)
    problem = quiz_name_problem(slug)
    if problem:
        raise FilmquizError(
            f"{visible(source.name)}: {problem}; rename the file and add it again"
        )
    bank = parse_bank(data, slug=slug, source=source)
    return _store(data, bank, user_quizzes() / f"{slug}.json", force=force)


def quiz_name_problem(name: str) -> str | None:
    """Why ``name`` cannot name a quiz in a folder, or None: it is a file name
    that must be seen, and typed after ``filmquiz play``."""
    if not name:
        return "a quiz needs a name before .json"
    if name[0] in ".-":
        return "a quiz name cannot start with a dot or a hyphen"
    if not name.isprintable():
        return "a quiz name must be printable text"
    if len(os.fsencode(f"{name}.json")) > 255:
        return "a quiz name must be shorter (at most 250 bytes)"
    return None


def save_document(
    document: dict[str, Any], destination: Path, *, force: bool = False
) -> Saved:
    """Check a bank document and write it, as JSON, to ``destination``."""
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    bank = parse_bank(data, slug=slug_of(destination), source=destination)
    return _store(data, bank, destination, force=force)


def _store(data: bytes, bank: Bank, destination: Path, *, force: bool) -> Saved:
    try:
        return _stored(data, bank, destination, force=force)
    except OSError as error:  # a name too long, a folder that is a file ...
        raise unwritable(destination, error) from None


def _stored(data: bytes, bank: Bank, destination: Path, *, force: bool) -> Saved:
    replaced = destination.exists()
    if replaced and not force:
        raise BankExists(str(AlreadyThere(destination)))
    in_user_folder = destination.parent.resolve() == user_quizzes().resolve()
    hides_shipped = in_user_folder and (SHIPPED_QUIZZES / f"{bank.slug}.json").exists()
    try:
        write_atomically(destination, data, replace=force)
    except AlreadyThere as there:  # it appeared while the bank was checked
        raise BankExists(str(there)) from None
    play_as = bank.slug if in_user_folder else str(destination)
    return Saved(bank, destination, replaced, hides_shipped, play_as)
