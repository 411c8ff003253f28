"""Converting Open Trivia Database API results into a format 1 bank document.

The API serves a document ``{"results": [...]}`` whose text is HTML-encoded
(``&quot;``, ``&#039;``, ``&uuml;``). Each result becomes one question: text
decoded and made single-line, True/False questions given the choices "True"
and "False", and an id derived from the question's text, so that importing the
same questions again gives the same ids (and the same history).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from filmquiz.bank import DIFFICULTIES, FORMAT_VERSION, MAX_CHOICES, MIN_CHOICES
from filmquiz.errors import FilmquizError
from filmquiz.naming import question_id

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class NotOpenTdb(FilmquizError):
    """The input is JSON, but not the API's ``{"results": [...]}`` document."""


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


def text(raw: Any) -> str:
    """API text as a bank holds it: HTML entities decoded, on one line."""
    decoded = html.unescape(str(raw))
    return " ".join(_CONTROL.sub(" ", decoded).split())


def convert(
    results: Any,
    *,
    title: str | None = None,
    category: str | None = None,
    difficulty: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Imported:
    """Turn an API document into a bank document.

    ``progress`` is called with the number of results done, now and then.
    Raises :class:`NotOpenTdb` when ``results`` is not an API document.
    """
    items = _results(results)
    wanted_category = category.casefold() if category is not None else None
    questions: list[dict[str, Any]] = []
    seen: set[str] = set()
    duplicates = skipped = left_out = 0
    for done, item in enumerate(items, start=1):
        if progress is not None and done % 1000 == 0:
            progress(done)
        if not isinstance(item, dict):
            skipped += 1
            continue
        item_category = text(item.get("category", ""))
        item_difficulty = text(item.get("difficulty", "")).casefold()
        if (
            wanted_category is not None and item_category.casefold() != wanted_category
        ) or (difficulty is not None and item_difficulty != difficulty):
            left_out += 1
            continue
        question = _question(item, item_category, item_difficulty)
        if question is None:
            skipped += 1
        elif question["id"] in seen:
            duplicates += 1
        else:
            seen.add(question["id"])
            questions.append(question)
    if progress is not None:
        progress(len(items))
    if title is None:
        title = f"Open Trivia DB: {text(category)}" if category else "Open Trivia DB"
    document = {"format": FORMAT_VERSION, "title": title, "questions": questions}
    return Imported(document, len(questions), duplicates, skipped, left_out)


def _results(document: Any) -> list[Any]:
    if not isinstance(document, dict) or not isinstance(document.get("results"), list):
        raise NotOpenTdb(
            'not an Open Trivia DB document: expected {"results": [...]} '
            "as the API serves it"
        )
    results: list[Any] = document["results"]
    return results


def _question(
    item: dict[str, Any], category: str, difficulty: str
) -> dict[str, Any] | None:
    """One bank question from one result, or None when it cannot make one."""
    prompt = text(item.get("question", ""))
    answer = text(item.get("correct_answer", ""))
    wrong = item.get("incorrect_answers")
    if not prompt or not answer or not isinstance(wrong, list):
        return None
    if item.get("type") == "boolean":
        if answer not in ("True", "False"):
            return None
        choices = ["True", "False"]
    else:
        choices = _place_answer(answer, [text(w) for w in wrong], prompt)
    if (
        not MIN_CHOICES <= len(choices) <= MAX_CHOICES
        or len(set(choices)) != len(choices)
        or "" in choices
    ):
        return None
    question: dict[str, Any] = {"id": question_id(prompt)}
    if category:
        question["category"] = category
    if difficulty in DIFFICULTIES:
        question["difficulty"] = difficulty
    question.update(prompt=prompt, choices=choices, answer=answer)
    return question


def _place_answer(answer: str, wrong: Iterable[str], prompt: str) -> list[str]:
    """The choices with the answer at a place fixed by the question's text, so
    that file order does not give it away and imports stay reproducible."""
    choices = list(wrong)
    place = int(hashlib.sha1(prompt.encode()).hexdigest(), 16) % (len(choices) + 1)
    choices.insert(place, answer)
    return choices
