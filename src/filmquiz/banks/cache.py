"""A cache of checked banks, so a big bank is read and checked once, not at
every start.

For a bank file of at least CACHE_FROM bytes, two files are kept in the
per-user cache folder (``cache/`` inside FILMQUIZ_HOME when that is set):

- ``.bank``: the checked bank in msgpack, each question encoded on its own
  behind an index of offsets, so a game of 10 questions decodes 10 questions
  and not 200,000;
- ``.summary``: a small summary (title, year, questions, categories) for
  ``filmquiz list``.

A cache folder may be synced or shared, so nothing in it is trusted. Each file
is signed with a key kept in the user's data folder (keyed BLAKE2b), so a
truncated, garbled or hand-written file is not used. A ``.bank`` file signs
its header, and the header holds a keyed digest of each block of questions:
a game of 10 questions proves the blocks it reads, not all 60 MB, and a
block that fails its proof makes the bank be read from its file instead.
Each names what it was made from: the bank's path, size, modification and
change times, inode and device, and the filmquiz version; touching a file
back to its old time still changes its change time, so an edited bank is
never served from an old copy. The bank's name always comes from the path
asked for, never from the cache. If the cache cannot be read, proved or
written, filmquiz reads the bank itself.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import sys
from array import array
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path
from typing import overload

import msgspec

from filmquiz import __version__
from filmquiz.bankfile.model import Bank, Film, Question
from filmquiz.bankfile.reading import load_bank, size_limit, slug_of
from filmquiz.bankfile.rules import Spoiler
from filmquiz.errors import BankError, Problem
from filmquiz.files import Refused, read_whole
from filmquiz.locations import cache_home, data_home

CACHE_FROM = 256 * 1024
"""Banks smaller than this (bytes) are read directly: that is as fast."""

_MAGIC = b"filmquiz-cache-4\n"
_MAC_SIZE = 32
_INFO_LIMIT = 1_000_000
"""Bytes an ``.summary`` file may have."""
_BLOCK = 1000
"""Questions proved by one digest."""
_DIGEST_SIZE = 16


class BankSummary(msgspec.Struct, frozen=True, kw_only=True):
    """What ``list`` shows of a bank, without its questions."""

    title: str
    year: int | None
    questions: int
    categories: tuple[str, ...]
    spoilers: dict[Spoiler, int]
    """How many questions reach each spoiler level, from none to ending."""

    @classmethod
    def of(cls, bank: Bank) -> BankSummary:
        """The summary of a bank."""
        year = bank.film.year if bank.film else None
        return cls(
            title=bank.title,
            year=year,
            questions=len(bank.questions),
            categories=bank.categories,
            spoilers=bank.spoilers,
        )


class _FileStamp(msgspec.Struct, frozen=True, array_like=True):
    """What a cached copy was made from; any difference makes it stale."""

    path: bytes
    size: int
    mtime_ns: int
    ctime_ns: int
    inode: int
    device: int
    version: str


class _Header(msgspec.Struct, array_like=True, gc=False):
    """The start of a ``.bank`` file: all of the bank but its questions and its
    name, where each question's bytes start in the rest of the file, and the
    digest of each block of questions."""

    stamp: _FileStamp
    title: str
    film: Film | None
    credits: str | None
    license: str | None
    spoiler_words: tuple[str, ...]
    offsets: bytes
    """Unsigned 64-bit little-endian integers: question i is at
    offsets[i]:offsets[i + 1] in the question bytes."""
    digests: bytes
    """A keyed digest of each block of _BLOCK questions' bytes, in order."""


class _CachedSummary(msgspec.Struct, array_like=True):
    """An ``.summary`` file: a bank's summary, or, for a broken bank, the first
    problems found in it (so that listing it again costs nothing)."""

    stamp: _FileStamp
    summary: BankSummary | None
    problems: list[tuple[str, str]] = []
    more: int = 0


class LazyQuestions(Sequence[Question]):
    """A bank's questions, each decoded from the cache when first asked for,
    once the block it is in has proved itself; if a block fails, every
    question comes from ``fallback`` (the bank read from its file)."""

    def __init__(
        self,
        encoded: memoryview,
        offsets: memoryview,
        digests: bytes,
        key: bytes,
        fallback: Callable[[], Sequence[Question]],
    ) -> None:
        self._encoded = encoded
        self._offsets = offsets
        self._digests = digests
        self._key = key
        self._proved: set[int] = set()
        self._fallback = fallback
        self._instead: Sequence[Question] | None = None
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
        if self._instead is None and not self._prove(index // _BLOCK):
            self._instead = self._fallback()
        if self._instead is not None:
            return self._instead[index]
        start, end = self._offsets[index], self._offsets[index + 1]
        try:
            return self._decoder.decode(self._encoded[start:end])
        except (msgspec.DecodeError, ValueError):  # signed, yet not a question
            self._instead = self._fallback()
            return self._instead[index]

    def _prove(self, block: int) -> bool:
        if block in self._proved:
            return True
        first = block * _BLOCK
        last = min(first + _BLOCK, len(self))
        expected = self._digests[block * _DIGEST_SIZE : (block + 1) * _DIGEST_SIZE]
        found = _digest(
            self._key, self._encoded[self._offsets[first] : self._offsets[last]]
        )
        if not hmac.compare_digest(found, expected):
            return False
        self._proved.add(block)
        return True


def read_bank(path: Path) -> Bank:
    """The checked bank at ``path``, from the cache when it is fresh and
    proves itself."""
    stamp = _file_stamp(path)
    key = _key() if stamp is not None else None
    if stamp is None or key is None:
        return load_bank(path)
    cached = _read_bank(_cache_file(stamp, "bank"), stamp, key, path)
    if cached is not None:
        return cached
    bank = load_bank(path)
    payload = _encode_bank(bank, stamp, key)
    header = payload[4 : 4 + int.from_bytes(payload[:4], "little")]
    _write(_cache_file(stamp, "bank"), payload, key, signed=header)
    summary = msgspec.msgpack.encode(_CachedSummary(stamp, BankSummary.of(bank)))
    _write(_cache_file(stamp, "summary"), summary, key)
    return bank


_REMEMBERED_PROBLEMS = 50
"""Problems of a broken big bank kept in its ``.summary`` file."""


def read_summary(path: Path) -> BankSummary:
    """The summary of the checked bank at ``path``, from the cache when fresh.

    Raises BankError, as reading the bank does, when the file is broken.
    """
    stamp = _file_stamp(path)
    key = _key() if stamp is not None else None
    if stamp is not None and key is not None:
        payload = _proved(_cache_file(stamp, "summary"), key)
        if payload is not None:
            try:
                cached = msgspec.msgpack.decode(payload, type=_CachedSummary)
            except (msgspec.DecodeError, ValueError):
                cached = None
            if cached is not None and cached.stamp == stamp:
                if cached.summary is not None:
                    return cached.summary
                problems = [
                    Problem(where, message) for where, message in cached.problems
                ]
                raise BankError(path, problems, cached.more)
    try:
        return BankSummary.of(read_bank(path))
    except BankError as error:
        if stamp is not None and key is not None:
            kept = error.problems[:_REMEMBERED_PROBLEMS]
            more = len(error.problems) - len(kept) + error.more
            remembered = [(problem.where, problem.message) for problem in kept]
            broken = _CachedSummary(stamp, None, remembered, more)
            _write(_cache_file(stamp, "summary"), msgspec.msgpack.encode(broken), key)
        raise


def _encode_bank(bank: Bank, stamp: _FileStamp, key: bytes) -> bytes:
    """The payload of a ``.bank`` file: its header's length, the header, and
    the questions' bytes."""
    encode = msgspec.msgpack.Encoder().encode
    questions = [encode(question) for question in bank.questions]
    offsets = [0, *accumulate(map(len, questions))]
    body = b"".join(questions)
    digests = b"".join(
        _digest(
            key, body[offsets[first] : offsets[min(first + _BLOCK, len(questions))]]
        )
        for first in range(0, len(questions), _BLOCK)
    )
    packed = array("Q", offsets)
    if sys.byteorder != "little":
        packed.byteswap()
    header = encode(
        _Header(
            stamp,
            bank.title,
            bank.film,
            bank.credits,
            bank.license,
            bank.spoiler_words,
            packed.tobytes(),
            digests,
        )
    )
    return len(header).to_bytes(4, "little") + header + body


def _read_bank(file: Path, stamp: _FileStamp, key: bytes, path: Path) -> Bank | None:
    """The bank in a cache file whose header proves itself and matches the
    bank file now; its questions prove themselves a block at a time."""
    try:
        data = memoryview(read_whole(file, 2 * size_limit()))
    except Refused:
        return None
    start = len(_MAGIC) + _MAC_SIZE
    if data[: len(_MAGIC)] != _MAGIC or len(data) < start + 4:
        return None
    size = int.from_bytes(data[start : start + 4], "little")
    header_bytes = data[start + 4 : start + 4 + size]
    signature = bytes(data[len(_MAGIC) : start])
    if not hmac.compare_digest(signature, _mac(key, header_bytes)):
        return None
    try:
        header = msgspec.msgpack.decode(header_bytes, type=_Header)
    except (msgspec.DecodeError, ValueError):
        return None
    encoded = data[start + 4 + size :]
    offsets = _unpacked(header.offsets)
    if header.stamp != stamp or offsets is None or offsets[-1] != len(encoded):
        return None
    questions = LazyQuestions(
        encoded, offsets, header.digests, key, lambda: load_bank(path).questions
    )
    return Bank(
        slug=slug_of(path),
        title=header.title,
        questions=questions,
        film=header.film,
        credits=header.credits,
        license=header.license,
        spoiler_words=header.spoiler_words,
    )


def _unpacked(offsets: bytes) -> memoryview | None:
    """The offsets of a header as integers, or None when they cannot be."""
    if not offsets or len(offsets) % 8:
        return None
    if sys.byteorder == "little":
        return memoryview(offsets).cast("Q")
    swapped = array("Q", offsets)
    swapped.byteswap()
    return memoryview(swapped.tobytes()).cast("Q")


def _file_stamp(path: Path) -> _FileStamp | None:
    """The stamp of a regular bank file worth caching, or None."""
    try:
        status = path.stat()
        resolved = os.fsencode(path.resolve())
    except (OSError, RuntimeError):
        return None
    if not path.is_file() or not CACHE_FROM <= status.st_size <= size_limit():
        return None  # small banks are quick, and banks over the limit refused
    return _FileStamp(
        resolved,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
        status.st_ino,
        status.st_dev,
        __version__,
    )


def _cache_file(stamp: _FileStamp, kind: str) -> Path:
    import hashlib  # only for banks big enough to cache

    name = hashlib.sha256(stamp.path).hexdigest()[:24]
    return cache_home() / f"{name}.{kind}"


def _mac(key: bytes, payload: bytes | memoryview) -> bytes:
    return hashlib.blake2b(payload, key=key, digest_size=_MAC_SIZE).digest()


def _digest(key: bytes, block: bytes | memoryview) -> bytes:
    return hashlib.blake2b(block, key=key, digest_size=_DIGEST_SIZE).digest()


def _proved(file: Path, key: bytes) -> memoryview | None:
    """The payload of a small cache file, when the file is whole and was
    signed with ``key``; None otherwise (missing, truncated, garbled or
    forged)."""
    try:
        data = read_whole(file, _INFO_LIMIT)
    except Refused:
        return None
    start = len(_MAGIC) + _MAC_SIZE
    if not data.startswith(_MAGIC) or len(data) < start:
        return None
    payload = memoryview(data)[start:]
    if not hmac.compare_digest(data[len(_MAGIC) : start], _mac(key, payload)):
        return None
    return payload


def _write(
    file: Path, payload: bytes, key: bytes, *, signed: bytes | None = None
) -> None:
    """Write a cache file: the signature of ``signed`` (all of the payload
    unless said), then the payload."""
    from filmquiz.errors import FilmquizError
    from filmquiz.files import write_atomically

    signature = _mac(key, payload if signed is None else signed)
    # A cache that cannot be written only makes the next start slower.
    with contextlib.suppress(FilmquizError):
        write_atomically(file, _MAGIC + signature + payload)


def _key() -> bytes | None:
    """This user's key for signing cache files, made on first use in the data
    folder (not the cache folder, which may be shared); None when it can be
    neither read nor made."""
    import secrets

    file = data_home() / "cache.key"
    for _ in range(2):
        with contextlib.suppress(Refused):
            key = read_whole(file, _MAC_SIZE)
            if len(key) == _MAC_SIZE:
                return key
        # Made whole beside it, then linked into place: two processes making
        # a key at once agree on the first one linked.
        made = file.with_name(f".cache.key.{secrets.token_hex(4)}")
        try:
            file.parent.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(made, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(secrets.token_bytes(_MAC_SIZE))
            with contextlib.suppress(FileExistsError):
                os.link(made, file)
        except OSError:
            return None
        finally:
            with contextlib.suppress(OSError):
                made.unlink()
    return None
