"""Writing banks: into the user's quizzes folder, or to a file, never half-done.

Every bank is checked before it is written, and written to a temporary file
that replaces the target in one step, so a crash leaves either the old file or
the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any, NamedTuple

from filmquiz.bank import Bank
from filmquiz.catalog import SHIPPED_QUIZZES, user_quizzes
from filmquiz.errors import FilmquizError
from filmquiz.loader import load_bank, parse_bank, slug_of


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
    """Check the bank at ``source`` and copy it into the user's quizzes folder."""
    bank = load_bank(source)
    data = source.read_bytes()
    return _store(data, bank, user_quizzes() / f"{bank.slug}.json", force=force)


def save_document(
    document: dict[str, Any], destination: Path, *, force: bool = False
) -> Saved:
    """Check a bank document and write it, as JSON, to ``destination``."""
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    bank = parse_bank(data, slug=slug_of(destination), source=destination)
    return _store(data, bank, destination, force=force)


def _store(data: bytes, bank: Bank, destination: Path, *, force: bool) -> Saved:
    replaced = destination.exists()
    if replaced and not force:
        raise BankExists(f"{destination} already exists; pass --force to replace it")
    in_user_folder = destination.parent.resolve() == user_quizzes().resolve()
    hides_shipped = in_user_folder and (SHIPPED_QUIZZES / f"{bank.slug}.json").exists()
    write_atomically(destination, data)
    play_as = bank.slug if in_user_folder else str(destination)
    return Saved(bank, destination, replaced, hides_shipped, play_as)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and one rename.

    The file gets the permissions the user's umask gives a new file (0644
    with umask 022), as any program's would: a bank in a shared folder must
    be readable by the others who share it.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = _temporary_file(path)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise FilmquizError(
            f"{path}: cannot be written ({error.strerror or error})"
        ) from None


def _temporary_file(path: Path) -> tuple[int, str]:
    """A new file beside ``path``, opened for writing, with the mode a new
    file gets from the umask (tempfile.mkstemp would make it 0600)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = str(path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp"))
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
