"""The fast path of the loader: a valid bank, written the usual way, decoded by
msgspec straight into the bank's structs and checked in bulk.

It only ever says "this is a valid bank" or "look closer": anything it cannot
vouch for goes to :mod:`filmquiz.careful`, which names every problem.
"""

from __future__ import annotations

import re
from itertools import chain
from operator import attrgetter, contains
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

_MAYBE_BLANK = re.compile(b'"[ \x80-\xff]*"')
"""A JSON string, as msgspec writes it, that may be nothing but whitespace:
one made only of spaces and non-ASCII characters (empty included). msgspec
writes those raw and escapes every control character, which bank text cannot
hold anyway (see _ESCAPED_CONTROL)."""
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
    choices = list(map(attrgetter("choices"), questions))
    usable = (
        len(set(ids)) == len(ids)
        and all(map(contains, choices, map(attrgetter("answer"), questions)))
        and sum(map(len, map(set, choices))) == sum(map(len, choices))
        and _encoded_again_agrees(data, document)
    )
    if not usable:
        return None
    return Bank(slug=slug, title=document.title, questions=questions, film=film)


def _encoded_again_agrees(data: bytes, document: _Document) -> bool:
    """Re-encode the decoded bank and check two things on those bytes, where
    msgspec writes every string the same way and nothing between tokens:

    - Every key in ``data`` became a field with a value. msgspec keeps the
      last of two equal keys and reads null into an optional field as if it
      were left out; the careful path refuses both. The re-encoded bank has
      one colon per field that holds a value, plus those inside its strings;
      ``data`` has one per key given, plus those inside its strings (none
      escaped: see _ESCAPED_CONTROL). The counts are equal exactly when no key
      was given twice or as null, however the file is spaced or escaped.
    - No text is blank. Strings that could be (see _MAYBE_BLANK) are read
      back and stripped, as the careful path strips them; a match that is not
      a whole string can only make the fast path cautious, never lax.
    """
    encode = msgspec.json.Encoder().encode
    questions = document.questions
    # The head is the bank without its questions: an empty list, no colon.
    head = encode(msgspec.structs.replace(document, questions=()))
    chunks = chain(
        (head,),
        (
            encode(questions[start : start + _CHUNK])
            for start in range(0, len(questions), _CHUNK)
        ),
    )
    colons = 0
    for chunk in chunks:
        for found in _MAYBE_BLANK.finditer(chunk):
            if not msgspec.json.decode(found.group(), type=str).strip():
                return False
        colons += chunk.count(b":")
    return data.count(b":") == colons
