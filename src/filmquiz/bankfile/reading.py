"""Read a bank file and check every part of it before anything trusts it.

A valid bank takes the fast path (:mod:`filmquiz.bankfile.vouching`); anything else is
read again by the careful path (:mod:`filmquiz.bankfile.problems`), which collects every
problem, so that one run of ``filmquiz validate`` shows the author everything
to fix. Whatever a file holds, the outcome is a :class:`~filmquiz.bankfile.model.Bank`
or a :class:`~filmquiz.errors.BankError`, never another exception.
"""

from __future__ import annotations

import codecs
import math
import os
import sys
from pathlib import Path

from filmquiz.bankfile.model import Bank
from filmquiz.bankfile.problems import careful_bank
from filmquiz.bankfile.vouching import fast_bank
from filmquiz.errors import BankError, Problem
from filmquiz.files import Refused, read_whole

SIZE_LIMIT_VARIABLE = "FILMQUIZ_MAX_BANK_MB"
"""Set to a number of megabytes to read banks bigger than the default limit."""
DEFAULT_SIZE_LIMIT_MB = 100
"""A bank file may be this big (MB) unless FILMQUIZ_MAX_BANK_MB says more."""


def load_bank(path: Path) -> Bank:
    """Read and check the bank at ``path``.

    Raises :class:`BankError` listing every problem when the file cannot be
    read, is not JSON, or is not a valid bank.
    """
    return parse_bank(read_bank_file(path), slug=slug_of(path), source=path)


def read_bank_file(path: Path) -> bytes:
    """The bytes of the bank file at ``path``: a regular file no bigger than
    the size limit, read once. BankError says why anything else is refused."""
    limit = size_limit()
    try:
        return read_whole(path, limit)
    except Refused as refused:
        if refused.size is not None:
            message = too_big(refused.size, limit)
        elif refused.reason == "is a folder":
            message = "is a folder, not a bank file"
        elif refused.reason.startswith("is "):
            message = f"{refused.reason}, not a bank file; skipped"
        else:
            message = refused.reason
        raise BankError(path, [Problem("", message)]) from None


def size_limit() -> int:
    """The biggest bank file filmquiz reads, in bytes: FILMQUIZ_MAX_BANK_MB
    megabytes when that is a number (inf for no limit), else the default."""
    text = os.environ.get(SIZE_LIMIT_VARIABLE, "")
    try:
        megabytes = float(text) if text else DEFAULT_SIZE_LIMIT_MB
    except ValueError:
        megabytes = DEFAULT_SIZE_LIMIT_MB
    if math.isnan(megabytes) or megabytes < 0:
        megabytes = DEFAULT_SIZE_LIMIT_MB
    if megabytes * 1_000_000 >= sys.maxsize:
        return sys.maxsize
    return int(megabytes * 1_000_000)


def too_big(size: int, limit: int) -> str:
    """Why a file of ``size`` bytes is refused, and how to allow it."""
    return (
        f"is {_megabytes(size)}, more than the {_megabytes(limit)} a bank may be "
        f"(set {SIZE_LIMIT_VARIABLE} to allow more)"
    )


def _megabytes(size: int) -> str:
    """A size in MB as people read it: ``3,000 MB``, ``0.67 MB``."""
    megabytes = size / 1e6
    return f"{megabytes:,.0f} MB" if megabytes >= 10 else f"{megabytes:.2g} MB"


def slug_of(path: Path) -> str:
    """The name a bank file is played by: its file name without ``.json``,
    any byte of it that is not text shown as an escape."""
    from filmquiz.visible import visible

    name = visible(path.name)
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
