"""A cache of checked banks, so a big bank is read and checked once, not at
every start.

For a bank file of at least CACHE_FROM bytes, two files are kept in the
per-user cache folder (``cache/`` inside FILMQUIZ_HOME when that is set):

- ``.bank``: the checked bank in msgpack, each question encoded on its own
  behind an index of offsets, so a game of 10 questions decodes 10 questions
  and not 200,000;
- ``.info``: a small summary (title, year, questions, categories) for
  ``filmquiz list``.

Both are keyed by the bank's path and stamped with its size, modification time
and the filmquiz version; any change rebuilds them. The cache is only ever a
shortcut: if it cannot be read or written, filmquiz reads the bank itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from itertools import accumulate
from pathlib import Path
from typing import overload

import msgspec

from filmquiz import __version__
from filmquiz.bank import Bank, Film, Question
from filmquiz.loader import load_bank
from filmquiz.locations import cache_home

CACHE_FROM = 256 * 1024
"""Banks smaller than this (bytes) are read directly: that is as fast."""


class BankInfo(msgspec.Struct, frozen=True, kw_only=True):
    """What ``list`` shows of a bank, without its questions."""

    title: str
    year: int | None
    questions: int
    categories: tuple[str, ...]

    @classmethod
    def of(cls, bank: Bank) -> BankInfo:
        """The summary of a bank."""
        year = bank.film.year if bank.film else None
        return cls(
            title=bank.title,
            year=year,
            questions=len(bank.questions),
            categories=bank.categories,
        )


class _Stamp(msgspec.Struct, frozen=True, array_like=True):
    """What a cached copy was made from; any difference makes it stale."""

    path: str
    size: int
    mtime_ns: int
    version: str


class _Header(msgspec.Struct, array_like=True, gc=False):
    """The start of a ``.bank`` file: all of the bank but its questions, and
    where each question's bytes start in the rest of the file."""

    stamp: _Stamp
    slug: str
    title: str
    film: Film | None
    offsets: list[int]
    """Question i is at offsets[i]:offsets[i + 1] in the question bytes."""


class LazyQuestions(Sequence[Question]):
    """A bank's questions, each decoded from the cache when first asked for."""

    def __init__(self, encoded: memoryview, offsets: list[int]) -> None:
        self._encoded = encoded
        self._offsets = offsets
        self._decoder = msgspec.msgpack.Decoder(Question)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, index: int) -> Question: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Question]: ...
    def __getitem__(self, index: int | slice) -> Question | Sequence[Question]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        start, end = self._offsets[index], self._offsets[index + 1]
        return self._decoder.decode(self._encoded[start:end])


class _CachedInfo(msgspec.Struct, array_like=True):
    stamp: _Stamp
    info: BankInfo


def read_bank(path: Path) -> Bank:
    """The checked bank at ``path``, from the cache when it is fresh."""
    stamp = _stamp(path)
    if stamp is None:
        return load_bank(path)
    cached = _read_bank(_cache_file(stamp, "bank"), stamp)
    if cached is not None:
        return cached
    bank = load_bank(path)
    _write(_cache_file(stamp, "bank"), _encode_bank(bank, stamp))
    _write(
        _cache_file(stamp, "info"),
        msgspec.msgpack.encode(_CachedInfo(stamp, BankInfo.of(bank))),
    )
    return bank


def _encode_bank(bank: Bank, stamp: _Stamp) -> bytes:
    encode = msgspec.msgpack.Encoder().encode
    questions = [encode(question) for question in bank.questions]
    offsets = [0, *accumulate(map(len, questions))]
    header = encode(_Header(stamp, bank.slug, bank.title, bank.film, offsets))
    return len(header).to_bytes(4, "little") + header + b"".join(questions)


def _read_bank(file: Path, stamp: _Stamp) -> Bank | None:
    try:
        data = memoryview(file.read_bytes())
        size = int.from_bytes(data[:4], "little")
        header = msgspec.msgpack.decode(data[4 : 4 + size], type=_Header)
    except (OSError, ValueError):
        return None
    if header.stamp != stamp:
        return None
    questions = LazyQuestions(data[4 + size :], header.offsets)
    return Bank(
        slug=header.slug, title=header.title, questions=questions, film=header.film
    )


def read_info(path: Path) -> BankInfo:
    """The summary of the checked bank at ``path``, from the cache when fresh.

    Raises BankError, as reading the bank does, when the file is broken.
    """
    stamp = _stamp(path)
    if stamp is not None:
        try:
            cached = msgspec.msgpack.decode(
                _cache_file(stamp, "info").read_bytes(), type=_CachedInfo
            )
        except (OSError, ValueError):
            cached = None
        if cached is not None and cached.stamp == stamp:
            return cached.info
    return BankInfo.of(read_bank(path))


def _stamp(path: Path) -> _Stamp | None:
    """The stamp of a bank file worth caching, or None."""
    try:
        status = path.stat()
    except OSError:
        return None
    if status.st_size < CACHE_FROM:
        return None
    return _Stamp(str(path.resolve()), status.st_size, status.st_mtime_ns, __version__)


def _cache_file(stamp: _Stamp, kind: str) -> Path:
    import hashlib  # only for banks big enough to cache

    name = hashlib.sha256(stamp.path.encode()).hexdigest()[:24]
    return cache_home() / f"{name}.{kind}"


def _write(file: Path, data: bytes) -> None:
    from filmquiz.errors import FilmquizError
    from filmquiz.library import write_atomically

    # A cache that cannot be written only makes the next start slower.
    with contextlib.suppress(FilmquizError):
        write_atomically(file, data)
