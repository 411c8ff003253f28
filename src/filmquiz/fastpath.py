"""The fast path of the loader: a valid bank, written the usual way, decoded by
msgspec straight into the bank's structs and checked in bulk.

It only ever says "this is a valid bank" or "look closer": anything it cannot
vouch for goes to :mod:`filmquiz.careful`, which names every problem.
"""

from __future__ import annotations

import re
from functools import partial
from itertools import chain
from operator import attrgetter, contains, is_not
from typing import Annotated

import msgspec

from filmquiz.bank import (
    EARLIEST_YEAR,
    FORMAT_VERSION,
    LATEST_YEAR,
    Bank,
    Film,
    Question,
)


class _Document(
    msgspec.Struct,
    kw_only=True,
    forbid_unknown_fields=True,
    omit_defaults=True,
    rename={"schema": "$schema"},
):
    """A whole bank file as the fast path decodes it."""

    format: int
    title: str
    questions: Annotated[tuple[Question, ...], msgspec.Meta(min_length=1)]
    film: Film | None = None
    schema: str | None = None


# Control characters that a valid JSON text can still carry into a string:
# escapes (\n, \t, \u001b ...), a raw DEL, or a raw C1 character in UTF-8.
# A backslash before "n" that is itself escaped matches too: then the careful
# path decides. An escaped colon (\u003a) is sent there as well, so that every
# colon in the raw bytes is either a key's or a raw one inside a string.
_ESCAPED_CONTROL = re.compile(rb"\\(?:[nrtbf]|u00[0189][0-9a-fA-F]|u007[fF]|u003[aA])")
_RAW_C1 = re.compile(b"\xc2[\x80-\x9f]")

_given = partial(is_not, None)
"""True for an optional field that holds a value (even a blank one)."""
_CHUNK = 20_000
"""Questions re-encoded at a time when counting keys, to bound the memory."""


def fast_bank(data: bytes, slug: str) -> Bank | None:
    """The bank, when the bytes are a valid bank written the usual way; None
    whenever anything needs a closer look.

    Every check runs over whole columns (all ids, all choices ...) with C-level
    maps rather than a Python loop per question: at 200,000 questions that is
    the difference between a second and a fraction of one.
    """
    if _ESCAPED_CONTROL.search(data) or _RAW_C1.search(data) or b"\x7f" in data:
        return None
    try:
        document = msgspec.json.decode(data, type=_Document)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return None
    film = document.film
    year = film.year if film is not None else None
    if document.format != FORMAT_VERSION or (
        year is not None and not EARLIEST_YEAR <= year <= LATEST_YEAR
    ):
        return None
    questions = document.questions
    ids = list(map(attrgetter("id"), questions))
    answers = list(map(attrgetter("answer"), questions))
    choices = list(map(attrgetter("choices"), questions))
    categories = list(map(attrgetter("category"), questions))
    explanations = list(map(attrgetter("explanation"), questions))
    film_fields = () if film is None else tuple(msgspec.structs.astuple(film))
    # An answer is one of its choices (checked below), so checking the
    # choices for blanks covers the answers too.
    texts = chain(
        (document.title,),
        (value for value in film_fields if isinstance(value, str)),
        ids,
        map(attrgetter("prompt"), questions),
        chain.from_iterable(choices),
        filter(_given, categories),
        filter(_given, explanations),
    )
    usable = (
        len(set(ids)) == len(ids)
        and all(map(contains, choices, answers))
        and sum(map(len, map(set, choices))) == sum(map(len, choices))
        and all(map(str.strip, texts))
        and _same_keys(data, document)
    )
    if not usable:
        return None
    return Bank(slug=slug, title=document.title, questions=questions, film=film)


def _same_keys(data: bytes, document: _Document) -> bool:
    """True when every key in ``data`` became a field with a value.

    msgspec keeps the last of two equal keys and reads null into an optional
    field as if it were left out; the careful path refuses both. Re-encoding
    the decoded bank writes one colon per field that holds a value, plus the
    colons inside its strings. The raw bytes have one per key given, plus the
    colons inside their strings (none is escaped: see _ESCAPED_CONTROL). So
    the two counts are equal exactly when no key was given twice or as null,
    however the file is spaced or escaped.
    """
    encode = msgspec.json.Encoder().encode
    questions = document.questions
    head = msgspec.structs.replace(document, questions=())
    # The empty list the head re-encodes with holds no colon.
    colons = encode(head).count(b":") + sum(
        encode(questions[start : start + _CHUNK]).count(b":")
        for start in range(0, len(questions), _CHUNK)
    )
    return data.count(b":") == colons
