"""The fast path of the loader: a valid bank, written the usual way, decoded by
msgspec straight into the bank's structs and checked in bulk.

It only ever says "this is a valid bank" or "look closer": anything it cannot
vouch for goes to :mod:`filmquiz.bankfile.problems`, which names every problem.
"""

from __future__ import annotations

import re
from itertools import chain
from operator import attrgetter, contains
from typing import Annotated

import msgspec

from filmquiz.bankfile.model import Bank, Film, Question
from filmquiz.bankfile.rules import (
    FORMAT_VERSION,
    LONGEST_TYPED,
    MIN_CHOICES,
    TYPES_WITH_CHOICES,
    choice_count_fits,
    comparable,
    is_film_year,
)
from filmquiz.visible import INVISIBLE_PRINTABLE


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
    credits: str | None = None
    license: str | None = None
    spoiler_words: tuple[str, ...] = ()
    schema: str | None = None


_ESCAPED_COLON = re.compile(rb"\\u003[aA]")
"""A colon written as an escape: sent to the careful path, so that every
colon in the raw bytes is a key's or a raw one inside a string."""
_CONTROL_ESCAPE = re.compile(rb"\\(?:[bfnrt]|u00)")
"""How msgspec writes a control character in a string (the only characters
it escapes, with the quote and the backslash)."""
_LATIN1_TAILS = bytes(range(0x80, 0xC0)) + b"\xc2\xc3"
"""The bytes of Latin-1 characters beyond ASCII in UTF-8, but their first:
what is left once they are deleted is ASCII only for Latin-1 text."""
_LATIN1_UNPRINTABLE = re.compile(b"\xc2[\x80-\xa0\xad]")
"""C1 controls, the no-break space and the soft hyphen in UTF-8: the Latin-1
characters that are not printable."""
_SPACES = re.compile(b'" *"')
"""A quote, spaces and a quote: in msgspec's output, a blank string when the
first quote follows a bracket, comma or colon (and an escaped quote inside a
string when it follows a backslash)."""
_CHUNK = 5_000
"""Questions re-encoded at a time when counting keys, to bound the memory."""


def fast_bank(data: bytes, slug: str) -> Bank | None:
    """The bank, when the bytes are a valid bank written the usual way; None
    whenever anything needs a closer look.

    Every check runs over whole columns (all ids, all choices ...) with C-level
    maps rather than a Python loop per question: at 200,000 questions that is
    the difference between a second and a fraction of one.
    """
    if _ESCAPED_COLON.search(data):
        return None
    try:
        document = msgspec.json.decode(data, type=_Document)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return None
    film = document.film
    year = film.year if film is not None else None
    if document.format != FORMAT_VERSION or (
        year is not None and not is_film_year(year)
    ):
        return None
    questions = document.questions
    ids = list(map(attrgetter("id"), questions))
    usable = len(set(ids)) == len(ids) and (
        _all_single_sound(questions)
        if set(map(attrgetter("type"), questions)) == {"single"}
        else all(map(_sound, questions))
    )
    usable = usable and _encoded_again_agrees(data, document)
    if not usable:
        return None
    return Bank(
        slug=slug,
        title=document.title,
        questions=questions,
        film=film,
        credits=document.credits,
        license=document.license,
        spoiler_words=document.spoiler_words,
    )


def _all_single_sound(questions: tuple[Question, ...]) -> bool:
    """True when every one of these single-choice questions lists 2 to 10
    distinct choices, its answer among them, and accepts nothing typed:
    checked column by column, in C."""
    choices = list(map(attrgetter("choices"), questions))
    return (
        min(map(len, choices)) >= MIN_CHOICES
        and all(map(contains, choices, map(attrgetter("answer"), questions)))
        and sum(map(len, map(set, choices))) == sum(map(len, choices))
        and not any(map(attrgetter("accept"), questions))
    )


def _sound(question: Question) -> bool:
    """True when one question holds what its type asks for (the careful
    path says what is wrong when it does not)."""
    kind, choices, answer = question.type, question.choices, question.answer
    if kind in TYPES_WITH_CHOICES:
        if not choice_count_fits(len(choices)) or len(set(choices)) != len(choices):
            return False
    elif choices:
        return False
    if kind != "text" and question.accept:
        return False
    if kind == "single":
        return isinstance(answer, str) and answer in choices
    if kind == "truefalse":
        return isinstance(answer, bool)
    if kind == "multi":
        return (
            isinstance(answer, tuple)
            and bool(answer)
            and len(set(answer)) == len(answer)
            and set(answer) <= set(choices)
        )
    if not isinstance(answer, str):
        return False
    texts = (answer, *question.accept)
    typed = [comparable(text) for text in texts]
    return (
        all(typed)
        and len(set(typed)) == len(typed)
        and max(map(len, texts)) <= LONGEST_TYPED
    )


def _printable_and_visible(chunk: bytes) -> bool:
    """True when the text msgspec wrote in ``chunk`` (its control characters
    escaped, and DEL looked for already) is printable, holding no invisible
    character. ASCII is; so is Latin-1 but for C1, the no-break space and the
    soft hyphen, all found in the bytes; anything else is decoded and
    looked at."""
    if chunk.isascii():
        return True
    if chunk.translate(None, _LATIN1_TAILS).isascii():
        return _LATIN1_UNPRINTABLE.search(chunk) is None
    text = chunk.decode()
    return text.isprintable() and INVISIBLE_PRINTABLE.search(text) is None


def _encoded_again_agrees(data: bytes, document: _Document) -> bool:
    """Re-encode the decoded bank, and check on those bytes, where msgspec
    writes every string the same way and nothing between tokens:

    - Every key in ``data`` became a field with a value. msgspec keeps the
      last of two equal keys and reads null into an optional field as if it
      were left out; the careful path refuses both. The re-encoded bank has
      one colon per field that holds a value, plus those inside its strings;
      ``data`` has one per key given, plus those inside its strings (none
      escaped: see _ESCAPED_COLON). The counts are equal exactly when no key
      was given twice or as null, however the file is spaced or escaped.
    - All text is printable and visible: no control, format (bidi,
      zero-width), separator, surrogate or filler character, and no
      whitespace but the space. The careful path's text rules then come down
      to "not blank", and choices that look alike are equal.
    - No text is blank: with only spaces for whitespace, a blank string is a
      quote after a bracket, comma or colon, spaces, and a quote.
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
        if _CONTROL_ESCAPE.search(chunk) or b"\x7f" in chunk:
            return False
        if not _printable_and_visible(chunk):
            return False
        for found in _SPACES.finditer(chunk):
            if chunk[found.start() - 1 : found.start()] in (b"[", b",", b":"):
                return False
        colons += chunk.count(b":")
    return data.count(b":") == colons
