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
# path decides.
_ESCAPED_CONTROL = re.compile(rb"\\(?:[nrtbf]|u00[0189][0-9a-fA-F]|u007[fF])")
_RAW_C1 = re.compile(b"\xc2[\x80-\x9f]")


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
    difficulties = list(map(attrgetter("difficulty"), questions))
    explanations = list(map(attrgetter("explanation"), questions))
    film_fields = () if film is None else tuple(msgspec.structs.astuple(film))
    # Every key in the raw bytes must be a field that decoded to a value, so a
    # key given twice, or null where text belongs, takes the careful path.
    keys = (
        3
        + (film is not None)
        + (document.schema is not None)
        + sum(value is not None for value in film_fields)
        + 4 * len(questions)
        + sum(len(c) - c.count(None) for c in (categories, difficulties, explanations))
    )
    # An answer is one of its choices (checked below), so checking the
    # choices for blanks covers the answers too.
    texts = chain(
        (document.title,),
        (value for value in film_fields if isinstance(value, str)),
        ids,
        map(attrgetter("prompt"), questions),
        chain.from_iterable(choices),
        filter(None, categories),
        filter(None, explanations),
    )
    usable = (
        len(set(ids)) == len(ids)
        and all(map(contains, choices, answers))
        and sum(map(len, map(set, choices))) == sum(map(len, choices))
        and all(map(str.strip, texts))
        and data.count(b'":') == keys
    )
    if not usable:
        return None
    return Bank(slug=slug, title=document.title, questions=questions, film=film)
