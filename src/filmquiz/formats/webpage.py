"""The ``html`` export: one self-contained web page that plays the quiz.

The page is a template, a style sheet and two scripts (``page/``), put
together here with the quiz as JSON. Everything is inline and a
Content-Security-Policy forbids any other load, so the file works opened
from disk and asks nothing of any server. Bank text reaches the page only
as JSON data, which the script puts on screen as text, never as markup.

Typed answers are judged in the browser by a port of
:func:`~filmquiz.bankfile.rules.comparable` and
:func:`~filmquiz.game.judging.is_typo`; what those rules take from Python
(the thresholds, the leading articles, and the Unicode data JavaScript has
no way to ask for) is written into the page from the Python side, so there
is one source of truth for them.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

from filmquiz.bankfile.rules import (
    ENDING,
    LEADING_ARTICLES,
    SPOILER_CHOICES,
    TYPES_WITH_CHOICES,
    spoiler_rank,
)
from filmquiz.formats.exported import Edition, Exported
from filmquiz.game import judging
from filmquiz.visible import is_invisible

if TYPE_CHECKING:
    from filmquiz.bankfile.model import Bank, Question

EVERY_QUESTION = "Every question"
"""The widest choice's words when no question reaches the ending."""

_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_JSON_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
"""Characters a JSON string must not hold raw inside a script element:
``</script>`` would end it, and the two separators once ended a line of
JavaScript."""
_JSON_UNSAFE_PATTERN = re.compile("[<>&\u2028\u2029]")

# The planes where some character is invisible, combining, a decimal digit
# or folds differently from its lower case: the Basic and Supplementary
# Multilingual Planes, and the tags and variation selectors of plane 14.
# The other planes hold ideographs, private use or nothing.
_SCANNED = (range(0x20000), range(0xE0000, 0xE1000))


def export(edition: Edition) -> Exported:
    """The web page for ``edition``: every question of its rounds, in their
    order when a seed gave one."""
    data = script_json(page_data(edition))
    style = _asset("quiz.css")
    script = _asset("answers.js") + "\n" + _asset("quiz.js")
    policy = (
        f"default-src 'none'; script-src {_digest(script)}; "
        f"style-src {_digest(style)}; base-uri 'none'; form-action 'none'"
    )
    bank = edition.bank
    parts = {
        "policy": html.escape(policy, quote=False),
        "title": html.escape(bank.title),
        # Written into the page, not by its script: a reader without
        # JavaScript still sees what the quiz is and whose questions they are.
        "heading": html.escape(bank.title),
        "film": _paragraph("film", film_line(bank)),
        "credits": _paragraph("credits", bank.credits and f"Credits: {bank.credits}"),
        "license": _paragraph("license", bank.license and f"Licence: {bank.license}"),
        "style": style,
        "data": data,
        "script": script,
    }
    page = _PLACEHOLDER.sub(lambda match: parts[match.group(1)], _asset("quiz.html"))
    return Exported(data=page.encode("utf-8"), questions=len(edition.rounds))


def film_line(bank: Bank) -> str:
    """The film as ``show`` names it: "Parallel Mothers (Madres paralelas),
    2021, directed by Pedro Almodóvar", the title left out when the quiz's
    own title already is the film's."""
    film = bank.film
    if film is None:
        return ""
    named = bool(film.title) and film.title != bank.title
    title = film.title if named else film.original_title
    parts = []
    if title:
        both = named and film.original_title
        parts.append(f"{title} ({film.original_title})" if both else title)
    if film.year is not None:
        parts.append(str(film.year))
    if film.director:
        parts.append(f"directed by {film.director}")
    return ", ".join(parts)


def _paragraph(id_: str, text: str | None) -> str:
    """A paragraph of the page's header or footer, or nothing."""
    if not text:
        return ""
    return f'<p id="{id_}">{html.escape(text, quote=False)}</p>'


def page_data(edition: Edition) -> dict[str, Any]:
    """Everything the page's script is given, as JSON-ready values."""
    bank = edition.bank
    rounds = edition.rounds
    ranks = {spoiler_rank(r.question.spoiler) for r in rounds}
    film = bank.film
    return {
        "title": bank.title,
        "film": None
        if film is None
        else {
            "title": film.title,
            "originalTitle": film.original_title,
            "year": film.year,
            "director": film.director,
        },
        "credits": bank.credits,
        "license": bank.license,
        "seeded": edition.seed is not None,
        "limit": edition.limit,
        "everyQuestion": EVERY_QUESTION,
        # The page asks which questions to play only when nobody chose, and
        # only when some question reaches further than the premise.
        "askSpoilers": edition.spoilers is None and max(ranks, default=0) > 0,
        "spoilsEnding": ENDING in ranks,
        "spoilerChoices": [
            {"rank": spoiler_rank(level), "label": label}
            for level, label in SPOILER_CHOICES
        ],
        "questions": [_question(r.question, r.choices) for r in rounds],
        "rules": typed_answer_rules(),
    }


def _question(question: Question, shown: tuple[str, ...]) -> dict[str, Any]:
    """One question as the page asks it, its choices in the order ``shown``."""
    kind = question.type
    return {
        "id": question.id,
        "type": kind,
        "prompt": question.prompt,
        "choices": list(shown),
        "shuffles": kind in TYPES_WITH_CHOICES,
        # The right choices in the bank's order, as the terminal lists them
        # ("Right answers: A; B"); the words to type for a text question.
        "right": list(question.right_choices),
        "accept": list(question.accept),
        "category": question.category,
        "difficulty": question.difficulty,
        "explanation": question.explanation,
        "spoiler": spoiler_rank(question.spoiler),
    }


@cache
def typed_answer_rules() -> dict[str, Any]:
    """What the page's port of the typed-answer rules takes from Python:
    the thresholds of :func:`~filmquiz.game.judging.is_typo`, the leading
    articles of :func:`~filmquiz.bankfile.rules.comparable`, and the
    Unicode data they rely on as Python has it (which characters are
    invisible, which combine, each decimal digit's zero, and where
    ``casefold`` differs from ``lower``)."""
    return {
        "typoSimilarity": judging.TYPO_SIMILARITY,
        "wordSimilarity": judging.WORD_SIMILARITY,
        "wordTypoFrom": judging.WORD_TYPO_FROM,
        "wholeWordTypoFrom": judging.WHOLE_WORD_TYPO_FROM,
        "articles": sorted(LEADING_ARTICLES),
        "invisible": _ranges(is_invisible),
        "combining": _ranges(unicodedata.combining),
        "decimalZeros": [
            code for code in _code_points() if unicodedata.decimal(chr(code), -1) == 0
        ],
        "caseFolds": {
            character: character.casefold()
            for character in map(chr, _code_points())
            if character.casefold() != character.lower()
        },
    }


def _code_points() -> Iterable[int]:
    for plane in _SCANNED:
        for code in plane:
            if not 0xD800 <= code <= 0xDFFF:
                yield code


def _ranges(test: Callable[[str], object]) -> list[int]:
    """The code points ``test`` is true of, as a flat list of inclusive
    ranges: ``[first, last, first, last, ...]``."""
    bounds: list[int] = []
    for code in _code_points():
        if test(chr(code)):
            if bounds and bounds[-1] == code - 1:
                bounds[-1] = code
            else:
                bounds += [code, code]
    return bounds


def script_json(data: dict[str, Any]) -> str:
    """``data`` as JSON that can sit inside a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE_PATTERN.sub(lambda match: _JSON_UNSAFE[match.group()], text)


def _digest(text: str) -> str:
    """The Content-Security-Policy source that allows the inline ``text``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@cache
def _asset(name: str) -> str:
    return resources.files("filmquiz.formats").joinpath("page", name).read_text("utf-8")
