"""Read a bank file and check every part of it before anything trusts it.

A valid bank takes the fast path (:mod:`filmquiz.fastpath`); anything else is
read again by the careful path (:mod:`filmquiz.careful`), which collects every
problem, so that one run of ``filmquiz validate`` shows the author everything
to fix. Whatever a file holds, the outcome is a :class:`~filmquiz.bank.Bank`
or a :class:`~filmquiz.errors.BankError`, never another exception.
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from filmquiz.bank import Bank
from filmquiz.careful import careful_bank
from filmquiz.errors import BankError, Problem
from filmquiz.fastpath import fast_bank

SIZE_LIMIT_VARIABLE = "FILMQUIZ_MAX_BANK_MB"
"""Set to a number of megabytes to read banks bigger than the default limit."""
DEFAULT_SIZE_LIMIT_MB = 100
"""A bank file may be this big (MB) unless FILMQUIZ_MAX_BANK_MB says more."""

_NOT_REGULAR = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def load_bank(path: Path) -> Bank:
    """Read and check the bank at ``path``.

    Raises :class:`BankError` listing every problem when the file cannot be
    read, is not JSON, or is not a valid bank.
    """
    return parse_bank(read_bank_file(path), slug=slug_of(path), source=path)


def read_bank_file(path: Path) -> bytes:
    """The bytes of the bank file at ``path``: a regular file no bigger than
    the size limit, read once. BankError says why anything else is refused."""

    def refuse(message: str) -> BankError:
        return BankError(path, [Problem("", message)])

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        # Non-blocking, so that opening a FIFO returns at once instead of
        # waiting for a writer.
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise refuse("no such file") from None
    except OSError as error:
        raise refuse(f"cannot be read ({error.strerror or error})") from None
    try:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            raise refuse("is a folder, not a bank file")
        if not stat.S_ISREG(status.st_mode):
            kind = _NOT_REGULAR.get(stat.S_IFMT(status.st_mode), "not a regular file")
            raise refuse(f"is {kind}, not a bank file; skipped")
        limit = size_limit()
        if status.st_size > limit:
            raise refuse(_too_big(status.st_size, limit))
        chunks = []
        read = 0
        while read <= limit:
            chunk = os.read(descriptor, min(1 << 24, limit + 1 - read))
            if not chunk:
                break
            chunks.append(chunk)
            read += len(chunk)
        if read > limit:
            raise refuse(_too_big(read, limit))
        return b"".join(chunks)
    except OSError as error:
        raise refuse(f"cannot be read ({error.strerror or error})") from None
    finally:
        os.close(descriptor)


def size_limit() -> int:
    """The biggest bank file filmquiz reads, in bytes."""
    try:
        megabytes = float(os.environ.get(SIZE_LIMIT_VARIABLE, DEFAULT_SIZE_LIMIT_MB))
    except ValueError:
        megabytes = DEFAULT_SIZE_LIMIT_MB
    return int(max(megabytes, 0) * 1_000_000)


def _too_big(size: int, limit: int) -> str:
    return (
        f"is {size / 1e6:,.0f} MB, more than the {limit / 1e6:,.0f} MB a bank may be "
        f"(set {SIZE_LIMIT_VARIABLE} to allow more)"
    )


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
