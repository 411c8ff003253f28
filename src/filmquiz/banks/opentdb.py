"""Converting Open Trivia Database API results into a format 1 bank document.

The API serves a document ``{"response_code": 0, "results": [...]}`` whose text
is HTML-encoded (``&quot;``, ``&#039;``, ``&uuml;``) by default, or, when asked
with ``encode=base64``, ``encode=url3986`` or ``encode=urlLegacy``, encoded
that way instead; the encoding is told from the results themselves. Each result
becomes one question: text decoded and made single-line, True/False questions
made ``truefalse`` questions, and an id derived from the question's
text, so that importing the same questions again gives the same ids (and the
same history).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import html
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple
from urllib.parse import unquote, unquote_plus

from filmquiz.bankfile.rules import (
    CONTROL_CHARACTER,
    DIFFICULTIES,
    FORMAT_VERSION,
    SURROGATE,
    TRUE_FALSE,
    choice_count_fits,
    looks,
    text_problem,
)
from filmquiz.banks.naming import question_id
from filmquiz.errors import FilmquizError
from filmquiz.visible import JOINERS, is_invisible, quote, visible, without_invisible

LICENSE = "CC BY-SA 4.0"
"""The licence of the Open Trivia Database's questions, which a bank made of
them keeps."""
CREDITS = (
    "Questions from the Open Trivia Database (https://opentdb.com), written by "
    "its contributors"
)
"""The attribution the licence asks for."""

_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_BASE64_TYPES = {"bXVsdGlwbGU=", "Ym9vbGVhbg=="}
"""``multiple`` and ``boolean`` in base64: how a base64 response gives away
its encoding."""

RESPONSE_CODES = {
    1: "no results: the database has too few questions for that query",
    2: "invalid parameter: the query was not valid",
    3: "token not found: the session token does not exist",
    4: "token empty: the session token has returned every question there is; reset it",
    5: "rate limit: too many requests (the API allows one every 5 seconds)",
}
"""What the API's ``response_code`` values other than 0 mean."""


class NotOpenTdb(FilmquizError):
    """The input is JSON, but not a usable API document."""


class Imported(NamedTuple):
    """A converted bank document and what happened on the way."""

    document: dict[str, Any]
    questions: int
    """How many questions the bank holds."""
    duplicates: int
    """Results dropped because the same question came earlier."""
    skipped: int
    """Results dropped because they could not make a valid question."""
    left_out: int
    """Results that did not match --category or --difficulty."""
    notes: tuple[str, ...] = ()
    """What the import changed or skipped, each said with where it is in
    the source (the question formats' importers)."""


Decode = Callable[[str], str]


def text(raw: Any, decode: Decode = html.unescape) -> str | None:
    """API text as a bank holds it: decoded, on one line, without the
    invisible marks (such as left-to-right marks) that real API text carries;
    None when the value is not text at all (a null, a number, an object)."""
    if not isinstance(raw, str):
        return None
    decoded = decode(raw)
    if SURROGATE.search(decoded):
        return None  # not text that can be written as UTF-8
    shown = "".join(
        character
        for character in CONTROL_CHARACTER.sub(" ", decoded)
        if character in JOINERS or not is_invisible(character)
    )
    shown = " ".join(shown.split())
    # A joiner with nothing visible around it is all that is left of it.
    return shown if without_invisible(shown).strip() else ""


def read_response(source: str, stdin: BinaryIO | None) -> tuple[Path, bytes]:
    """The name and bytes of an API response: a regular file no bigger than a
    bank may be, or ``stdin`` for ``-``."""
    from filmquiz.bankfile.reading import size_limit, too_big
    from filmquiz.files import Refused, read_whole

    limit = size_limit()
    if source == "-":
        if stdin is None:
            raise FilmquizError("standard input is closed")
        data = stdin.read(limit + 1)
        if len(data) > limit:
            raise FilmquizError("standard input holds more than a bank may be")
        return Path("<stdin>"), data
    path = Path(source)
    try:
        return path, read_whole(path, limit)
    except Refused as refused:
        reason = (
            too_big(refused.size, limit) if refused.size is not None else refused.reason
        )
        raise FilmquizError(f"{visible(source)}: {reason}") from None


def results_of(document: Any) -> list[Any]:
    """The ``results`` list of an API document, or an empty list."""
    if isinstance(document, dict) and isinstance(document.get("results"), list):
        results: list[Any] = document["results"]
        return results
    return []


def convert(
    document: Any,
    *,
    title: str | None = None,
    categories: Sequence[str] = (),
    difficulties: Sequence[str] = (),
    progress: Callable[[int], None] | None = None,
) -> Imported:
    """Turn an API document into a bank document.

    ``progress`` is called with the number of results done, now and then.
    Raises :class:`NotOpenTdb` when ``document`` is not an API document, says
    the API refused the query, holds no results, or none that match the
    filters.
    """
    items = _results(document)
    decode = _decoder(items)
    wanted_categories = {category.casefold() for category in categories}
    questions: list[dict[str, Any]] = []
    seen: dict[str, str] = {}  # each prompt kept, with its answer, casefolded
    ids: set[str] = set()
    found_categories: dict[str, None] = {}
    duplicates = skipped = left_out = 0
    for done, item in enumerate(items, start=1):
        if progress is not None and done % 1000 == 0:
            progress(done)
        if not isinstance(item, dict):
            skipped += 1
            continue
        item_category = text(item.get("category", ""), decode) or ""
        item_difficulty = (text(item.get("difficulty", ""), decode) or "").casefold()
        found_categories[item_category] = None
        if (
            wanted_categories and item_category.casefold() not in wanted_categories
        ) or (difficulties and item_difficulty not in difficulties):
            left_out += 1
            continue
        question = _question(item, item_category, item_difficulty, decode)
        if question is None:
            skipped += 1
            continue
        prompt, answer = question["prompt"], str(question["answer"])
        if seen.get(prompt.casefold()) == answer.casefold():
            duplicates += 1
            continue
        if question["id"] in ids:
            # Another question with the same prompt, and another answer.
            question["id"] = question_id(f"{prompt} {answer}")
        seen[prompt.casefold()] = answer.casefold()
        ids.add(question["id"])
        questions.append(question)
    if progress is not None:
        progress(len(items))
    if not questions and left_out:
        raise NotOpenTdb(_nothing_matches(categories, difficulties, found_categories))
    if not questions:
        raise NotOpenTdb(
            f"none of the {len(items)} results could make a question"
            if items
            else "the document holds no results"
        )
    if title is None:
        title = "Open Trivia DB"
        if len(categories) == 1:
            title += f": {text(categories[0], decode)}"
    bank = {
        "format": FORMAT_VERSION,
        "title": title,
        "credits": CREDITS,
        "license": LICENSE,
        "questions": questions,
    }
    return Imported(bank, len(questions), duplicates, skipped, left_out)


def _results(document: Any) -> list[Any]:
    if not isinstance(document, dict) or not isinstance(document.get("results"), list):
        raise NotOpenTdb(
            'not an Open Trivia DB document: expected {"results": [...]} '
            "as the API serves it"
        )
    code = document.get("response_code", 0)
    if code != 0:
        known = isinstance(code, int) and not isinstance(code, bool)
        meaning = (
            RESPONSE_CODES.get(code, "an unknown code")
            if known
            else ("an unknown code")
        )
        raise NotOpenTdb(
            f"the Open Trivia DB answered with response_code {code}: {meaning}"
        )
    results: list[Any] = document["results"]
    return results


def _nothing_matches(
    categories: Sequence[str], difficulties: Sequence[str], found: Iterable[str]
) -> str:
    wanted = []
    if categories:
        wanted.append("--category " + " or ".join(quote(c) for c in categories))
    if difficulties:
        wanted.append("--difficulty " + " or ".join(quote(d) for d in difficulties))
    message = f"no questions match {' and '.join(wanted)}"
    names = sorted(name for name in found if name)
    if categories and names:
        message += f"; the categories are {', '.join(names)}"
    return message


def _decoder(items: list[Any]) -> Decode:
    """How the results' text is encoded, told from the results themselves."""
    dicts = [item for item in items if isinstance(item, dict)]
    types = {item.get("type") for item in dicts if isinstance(item.get("type"), str)}
    if types and types <= _BASE64_TYPES:
        return _from_base64
    prompts = [
        item["question"] for item in dicts if isinstance(item.get("question"), str)
    ]
    if prompts and not any(" " in prompt for prompt in prompts):
        if any("%20" in prompt for prompt in prompts):
            return unquote
        if any("+" in prompt for prompt in prompts):
            return unquote_plus
        if any(_PERCENT_ESCAPE.search(prompt) for prompt in prompts):
            return unquote
    return html.unescape


def _from_base64(raw: str) -> str:
    try:
        return base64.b64decode(raw, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return ""


def _question(
    item: dict[str, Any], category: str, difficulty: str, decode: Decode
) -> dict[str, Any] | None:
    """One bank question from one result, or None when it cannot make one."""
    prompt = text(item.get("question"), decode)
    answer = text(item.get("correct_answer"), decode)
    raw_wrong = item.get("incorrect_answers")
    if not prompt or not answer or not isinstance(raw_wrong, list):
        return None
    wrong = [text(choice, decode) for choice in raw_wrong]
    kind = text(item.get("type"), decode)
    choices: list[str] = []
    if kind == "boolean":
        if answer not in TRUE_FALSE:
            return None
    else:
        if any(not choice for choice in wrong):
            return None
        choices = _place_answer(answer, [choice for choice in wrong if choice], prompt)
        looking = {looks(choice) for choice in choices}
        if not choice_count_fits(len(choices)) or len(looking) != len(choices):
            return None
    if any(text_problem(part) for part in (prompt, *choices, category) if part):
        return None  # the bank would refuse it: counted as unusable instead
    question: dict[str, Any] = {"id": question_id(prompt)}
    if kind == "boolean":
        question["type"] = "truefalse"
    if category:
        question["category"] = category
    if difficulty in DIFFICULTIES:
        question["difficulty"] = difficulty
    question["prompt"] = prompt
    if kind == "boolean":
        question["answer"] = answer == TRUE_FALSE[0]
    else:
        question.update(choices=choices, answer=answer)
    return question


def _place_answer(answer: str, wrong: Iterable[str], prompt: str) -> list[str]:
    """The choices with the answer at a place fixed by the question's text, so
    that file order does not give it away and imports stay reproducible."""
    choices = list(wrong)
    place = int(hashlib.sha1(prompt.encode()).hexdigest(), 16) % (len(choices) + 1)
    choices.insert(place, answer)
    return choices
