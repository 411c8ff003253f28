"""The loader's two paths agree: the fast path never vouches for a bank that
the careful path refuses, however the file is spaced, escaped or formatted.

Documents are built as lists of key/value pairs, so that a key can be given
twice, and written out in many styles: compact, indented, oddly spaced, every
character escaped, keys escaped.
"""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from filmquiz.bankfile.model import Bank
from filmquiz.bankfile.problems import careful_bank
from filmquiz.bankfile.vouching import fast_bank
from filmquiz.errors import BankError


class Pairs(list[tuple[str, Any]]):
    """A JSON object as written: its keys in order, repeats allowed."""


class Style(NamedTuple):
    """How a document is written out."""

    indent: str | None = None
    """Indentation per level; None writes everything on one line."""
    before_colon: str = ""
    after_colon: str = ""
    after_comma: str = ""
    escape_text: bool = False
    """Write every non-ASCII character as a \\u escape."""
    escape_keys: bool = False
    """Write the letters of keys as \\u escapes (``"an\\u0073wer"``)."""


def _string(text: str, *, escape_all: bool) -> str:
    if not escape_all:
        return json.dumps(text, ensure_ascii=False)
    return '"' + "".join(f"\\u{ord(c):04x}" if c.isalpha() else c for c in text) + '"'


def dump(value: Any, style: Style, depth: int = 0) -> str:
    """``value`` as JSON text in ``style``; Pairs may repeat keys."""
    newline = "" if style.indent is None else "\n" + style.indent * (depth + 1)
    closing = "" if style.indent is None else "\n" + style.indent * depth
    comma = "," + style.after_comma + newline
    if isinstance(value, Pairs):
        if not value:
            return "{}"
        items = (
            _string(key, escape_all=style.escape_keys)
            + style.before_colon
            + ":"
            + style.after_colon
            + dump(item, style, depth + 1)
            for key, item in value
        )
        return "{" + newline + comma.join(items) + closing + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        parts = (dump(item, style, depth + 1) for item in value)
        return "[" + newline + comma.join(parts) + closing + "]"
    if isinstance(value, str):
        if style.escape_text:
            return json.dumps(value, ensure_ascii=True)
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value)


STYLES = {
    "compact": Style(),
    "indented": Style(indent="  ", after_colon=" "),
    "spaced": Style(before_colon=" ", after_colon=" ", after_comma=" "),
    "oddly spaced": Style(
        indent="\t", before_colon=" \r\n ", after_colon="\n\t", after_comma="  "
    ),
    "escaped": Style(after_colon=" ", after_comma=" ", escape_text=True),
    "escaped keys": Style(
        before_colon=" ", after_colon=" ", after_comma=" ", escape_keys=True
    ),
}


def question(id: str = "q1", **fields: Any) -> Pairs:
    """A valid question as pairs, with fields replaced or added at the end."""
    base = {
        "id": id,
        "category": "plot",
        "difficulty": "easy",
        "spoiler": "middle",
        "source": "Fact sheet: plot",
        "prompt": f"Question {id}: who?",
        "choices": ["Anita", "Cecilia: the baby", "Teresa"],
        "answer": "Cecilia: the baby",
        "explanation": "Because: reasons.",
    }
    base.update(fields)
    return Pairs(base.items())


def bank(*questions: Pairs, **fields: Any) -> Pairs:
    """A valid bank as pairs, holding ``questions``."""
    base: dict[str, Any] = {
        "$schema": "https://example.org/bank.schema.json",
        "format": 1,
        "title": "Parallel Mothers: a test",
        "film": Pairs(
            [("title", "Test"), ("year", 2021), ("director", "Pedro Almodóvar")]
        ),
        "credits": "Written for the tests",
        "license": "CC BY-SA 4.0",
        "spoiler_words": ["dna", "cot death"],
        "questions": list(questions) or [question("q1"), question("q2")],
    }
    base.update(fields)
    return Pairs(base.items())


def with_pair(pairs: Pairs, key: str, value: Any) -> Pairs:
    """The pairs with one more, possibly repeated, key at the end."""
    return Pairs([*pairs, (key, value)])


def without(pairs: Pairs, key: str) -> Pairs:
    return Pairs((k, v) for k, v in pairs if k != key)


BAD_KINDS: dict[str, Pairs] = {
    "answer given twice": bank(with_pair(question(), "answer", "Anita")),
    "answer given twice, same value": bank(
        with_pair(question(), "answer", "Cecilia: the baby")
    ),
    "id given twice": bank(with_pair(question(), "id", "q9"), question("q2")),
    "title given twice": with_pair(bank(), "title", "Another"),
    "questions given twice": with_pair(bank(), "questions", [question("q3")]),
    "film given twice": with_pair(bank(), "film", Pairs([("year", 1999)])),
    "film year given twice": bank(
        film=Pairs([("year", 2021), ("title", "T"), ("year", 2020)])
    ),
    "format given twice": with_pair(bank(), "format", 1),
    "null category": bank(question(category=None)),
    "null difficulty": bank(question(difficulty=None)),
    "null explanation": bank(question(explanation=None)),
    "null film": bank(film=None),
    "null film title": bank(film=Pairs([("title", None)])),
    "null film year": bank(film=Pairs([("year", None)])),
    "null schema": bank(**{"$schema": None}),
    "null spoiler": bank(question(spoiler=None)),
    "null source": bank(question(source=None)),
    "null credits": bank(credits=None),
    "unknown spoiler level": bank(question(spoiler="all")),
    "spoiler words not a list": bank(spoiler_words="dna"),
    "blank spoiler word": bank(spoiler_words=["dna", " "]),
    "spoiler word not text": bank(spoiler_words=[3]),
    "spoiler words given twice": with_pair(bank(), "spoiler_words", []),
    "null answer": bank(question(answer=None)),
    "null choice": bank(question(choices=["Anita", None])),
    "missing answer": bank(without(question(), "answer")),
    "missing title": without(bank(), "title"),
    "unknown key": bank(with_pair(question(), "anwser", "Anita")),
    "answer not a choice": bank(question(answer="Anita ")),
    "choice listed twice": bank(question(choices=["Anita", "Anita", "Teresa"])),
    "one choice": bank(question(choices=["Anita"], answer="Anita")),
    "eleven choices": bank(question(choices=[str(n) for n in range(11)], answer="0")),
    "id used twice": bank(question("a"), question("a")),
    "blank prompt": bank(question(prompt=" \u00a0")),
    "blank choice": bank(question(choices=["Anita", "\u2003", "Cecilia: the baby"])),
    "control character": bank(question(explanation="bell\x07")),
    "escape sequence": bank(question(prompt="\x1b[31mred")),
    "line break": bank(question(category="a\nb")),
    "DEL": bank(question(explanation="del\x7f")),
    "C1 control": bank(question(explanation="\x9b2J")),
    "bidi control": bank(question(prompt="Who \u202eplays Janis?")),
    "invisible id": bank(question(id="\u200b\u200d")),
    "invisible prompt": bank(question(prompt="\u2060\ufeff \u00ad")),
    "look-alike choices": bank(
        question(choices=["Venice", "Venice\u200b", "Cannes"], answer="Venice")
    ),
    "lone surrogate": bank(question(explanation="\ud800 broken")),
    "line separator": bank(question(prompt="two\u2028lines")),
    "Hangul filler prompt": bank(question(prompt="\u3164")),
    "blank braille title": bank(title="\u2800\u2800"),
    "filler look-alike choices": bank(
        question(choices=["Venice", "Venice\u3164", "Cannes"], answer="Venice")
    ),
    "escape in the schema": bank(**{"$schema": "\x1b[31m"}),
    "bidi in the schema": bank(**{"$schema": "\u202e"}),
    "bad difficulty": bank(question(difficulty="Hard")),
    "format 0": bank(format=0),
    "format as text": bank(format="1"),
    "format true": bank(format=True),
    "newer format": bank(format=2),
    "year out of range": bank(film=Pairs([("year", 221)])),
    "year as text": bank(film=Pairs([("year", "2021")])),
    "year as float": bank(film=Pairs([("year", 2021.0)])),
    "no questions": bank(questions=[]),
    "questions not a list": bank(questions=Pairs([("id", "q1")])),
    "question not an object": bank("not a question"),
    "number as prompt": bank(question(prompt=5)),
    "film not an object": bank(film=[]),
    "unknown type": bank(question(type="yesno")),
    "type given twice": bank(with_pair(question(), "type", "multi")),
    "null type": bank(question(type=None)),
    "true/false with choices": bank(
        question(type="truefalse", choices=["True", "False"], answer=True)
    ),
    "true/false answer as text": bank(
        Pairs([("id", "t"), ("type", "truefalse"), ("prompt", "?"), ("answer", "true")])
    ),
    "multi answer empty": bank(question(type="multi", answer=[])),
    "multi answer as text": bank(question(type="multi")),
    "multi answer not a choice": bank(question(type="multi", answer=["Anita", "Rosa"])),
    "multi answer twice": bank(question(type="multi", answer=["Anita", "Anita"])),
    "text with choices": bank(question(type="text")),
    "text answer blank once compared": bank(
        Pairs([("id", "t"), ("type", "text"), ("prompt", "?"), ("answer", "?!")])
    ),
    "text accepts the answer again": bank(
        Pairs(
            [
                ("id", "t"),
                ("type", "text"),
                ("prompt", "?"),
                ("answer", "Penélope Cruz"),
                ("accept", ["penelope cruz"]),
            ]
        )
    ),
    "accept on a single question": bank(with_pair(question(), "accept", ["Anita"])),
    "single answer as a list": bank(question(answer=["Anita"])),
    "single without choices": bank(without(question(), "choices")),
}


def verdicts(data: bytes) -> tuple[Bank | None, Bank | None]:
    """What each path makes of ``data``: a bank, or None."""
    fast = fast_bank(data.removeprefix(codecs.BOM_UTF8), "fan")
    try:
        careful: Bank | None = careful_bank(data, slug="fan", source=Path("fan.json"))
    except BankError:
        careful = None
    return fast, careful


def assert_agree(data: bytes) -> None:
    """The fast path vouches only for what the careful path accepts, as the
    very same bank."""
    fast, careful = verdicts(data)
    if fast is not None:
        assert careful is not None, "the fast path vouched for a refused bank"
        assert fast == careful


@pytest.mark.parametrize("style", STYLES.values(), ids=STYLES.keys())
@pytest.mark.parametrize("document", BAD_KINDS.values(), ids=BAD_KINDS.keys())
def test_bad_banks_are_refused_by_both(document: Pairs, style: Style) -> None:
    """Every bad kind, in every style, is refused, and not by luck of spacing."""
    data = dump(document, style).encode("utf-8", "surrogatepass")
    assert verdicts(data) == (None, None)


@pytest.mark.parametrize("style", STYLES.values(), ids=STYLES.keys())
def test_valid_banks_take_the_fast_path_in_any_style(style: Style) -> None:
    """A valid bank, however it is written, is the same bank on both paths,
    and the fast path does vouch for it."""
    document = bank(
        question("a"),
        question("b", category="cast", prompt="Who is Janis in Almodóvar\u2019s film?"),
        question("c", explanation="\u201cMadres paralelas\u201d, 東京で上映 🎬"),
        Pairs(
            [
                ("id", "tf"),
                ("type", "truefalse"),
                ("prompt", "True?"),
                ("answer", False),
            ]
        ),
        question("m", type="multi", answer=["Anita", "Teresa"]),
        Pairs(
            [
                ("id", "x"),
                ("type", "text"),
                ("prompt", "Who: typed?"),
                ("answer", "Rossy de Palma"),
                ("accept", ["Rossy"]),
            ]
        ),
    )
    fast, careful = verdicts(dump(document, style).encode())
    assert fast is not None
    assert fast == careful


def test_byte_order_mark_on_both_paths() -> None:
    """A UTF-8 BOM changes nothing on either path."""
    data = codecs.BOM_UTF8 + dump(bank(), STYLES["spaced"]).encode()
    fast, careful = verdicts(data)
    assert fast is not None
    assert fast == careful


# -- generated cases ----------------------------------------------------------

TEXT = st.text(
    alphabet=st.characters(max_codepoint=0x3FF, exclude_categories=["Cs"]),
    max_size=6,
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=2200),
    st.floats(allow_nan=False, allow_infinity=False),
    TEXT,
    st.sampled_from(
        ["Anita", "Cecilia: the baby", "easy", "hard", "none", "ending", "q1", "q2", ""]
    ),
    st.sampled_from(
        ["\u00a0", " \u2003 ", "\u3000", "\u2028", "\u202f", "\u205f", "  "]
    ),
    st.lists(st.sampled_from(["Anita", "Teresa", "Cecilia: the baby"]), max_size=3),
)
KEYS = st.sampled_from(
    [
        "id",
        "prompt",
        "choices",
        "answer",
        "category",
        "difficulty",
        "explanation",
        "spoiler",
        "source",
        "credits",
        "license",
        "spoiler_words",
        "title",
        "format",
        "film",
        "questions",
        "year",
        "$schema",
        "anwser",
    ]
)
WHITESPACE = st.sampled_from(["", " ", "  ", "\n", "\t", "\r\n", " \n\t "])


@st.composite
def styles(draw: st.DrawFn) -> Style:
    return Style(
        indent=draw(st.sampled_from([None, "", " ", "  ", "\t"])),
        before_colon=draw(WHITESPACE),
        after_colon=draw(WHITESPACE),
        after_comma=draw(WHITESPACE),
        escape_text=draw(st.booleans()),
        escape_keys=draw(st.booleans()),
    )


def objects(document: Pairs) -> list[Pairs]:
    """Every object in a document, the document first."""
    found = [document]
    for _, value in document:
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Pairs):
                found.extend(objects(item))
    return found


@st.composite
def mutated_banks(draw: st.DrawFn) -> Pairs:
    """A valid bank with a few keys repeated, removed, nulled or changed."""
    count = draw(st.integers(min_value=1, max_value=3))
    document = bank(*(question(f"q{n}") for n in range(count)))
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        target = draw(st.sampled_from(objects(document)))
        action = draw(st.sampled_from(["repeat", "add", "remove", "null", "change"]))
        if action == "repeat" and target:
            key, value = draw(st.sampled_from(list(target)))
            other = draw(st.one_of(st.just(value), VALUES))
            target.insert(draw(st.integers(0, len(target))), (key, other))
        elif action == "add":
            target.append((draw(KEYS), draw(VALUES)))
        elif target:
            index = draw(st.integers(0, len(target) - 1))
            key, _ = target[index]
            if action == "remove":
                del target[index]
            elif action == "null":
                target[index] = (key, None)
            else:
                target[index] = (key, draw(VALUES))
    return document


@settings(
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(document=mutated_banks(), style=styles())
def test_mutated_banks_get_the_same_verdict(document: Pairs, style: Style) -> None:
    """Thousands of mutations of a valid bank, written in any style: the fast
    path vouches only for banks the careful path accepts."""
    assert_agree(dump(document, style).encode("utf-8", "surrogatepass"))
