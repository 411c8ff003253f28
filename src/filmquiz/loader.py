"""Read a bank file and check every part of it before anything trusts it.

A valid bank takes the fast path (:mod:`filmquiz.fastpath`); anything else is
read again by the careful path (:mod:`filmquiz.careful`), which collects every
problem, so that one run of ``filmquiz validate`` shows the author everything
to fix. Whatever a file holds, the outcome is a :class:`~filmquiz.bank.Bank`
or a :class:`~filmquiz.errors.BankError`, never another exception.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from filmquiz.bank import Bank
from filmquiz.careful import careful_bank
from filmquiz.errors import BankError, Problem
from filmquiz.fastpath import fast_bank


def load_bank(path: Path) -> Bank:
    """Read and check the bank at ``path``.

    Raises :class:`BankError` listing every problem when the file cannot be
    read, is not JSON, or is not a valid bank.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise BankError(path, [Problem("", "no such file")]) from None
    except IsADirectoryError:
        raise BankError(path, [Problem("", "is a folder, not a bank file")]) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise BankError(path, [Problem("", f"cannot be read ({reason})")]) from None
    return parse_bank(data, slug=slug_of(path), source=path)


def slug_of(path: Path) -> str:
    """The name a bank file is played by: its file name without ``.json``."""
    name = path.name
    return name[: -len(".json")] if name.lower().endswith(".json") else name


def parse_bank(data: bytes, *, slug: str, source: Path) -> Bank:
    """Decode and check the bytes of a bank file; ``source`` names it in errors.

    A valid bank takes the fast path: decoded by msgspec into the final
    structs, then checked in bulk. Anything the fast path cannot vouch for is
    read again by the careful path, which finds and names every problem.
    """
    bank = fast_bank(data.removeprefix(codecs.BOM_UTF8), slug)
    if bank is not None:
        return bank
    return careful_bank(data, slug=slug, source=source)
