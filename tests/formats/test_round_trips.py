"""import(export(bank)) gives back the bank, for the formats that can carry
one whole: CSV and GIFT, on every shipped bank and on generated ones."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from filmquiz.bankfile.model import Bank, Question
from filmquiz.bankfile.problems import careful_bank
from filmquiz.bankfile.reading import load_bank
from filmquiz.bankfile.rules import QUESTION_TYPES, SPOILER_LEVELS, is_plain
from filmquiz.commands.exporting import export
from filmquiz.commands.importing import import_questions
from filmquiz.errors import BankError
from filmquiz.formats import csvfile, gift
from filmquiz.formats.drafts import assemble, source_text
from filmquiz.formats.exported import Edition
from filmquiz.game.engine import Selection, plan_game
from tests.support import SHIPPED_BANKS

CARRIED_WHOLE = ("csv", "gift")
BANK_KEYS = ("title", "film", "credits", "license", "spoiler_words")
"""What GIFT carries of a bank besides its questions (CSV has questions only:
its title comes from --title)."""


@pytest.mark.parametrize("format_name", CARRIED_WHOLE)
@pytest.mark.parametrize("path", SHIPPED_BANKS, ids=lambda path: path.stem)
def test_every_shipped_bank_comes_back_the_same(
    format_name: str, path: Path, tmp_path: Path
) -> None:
    """Exported by the command and imported by the command, a shipped bank is
    the same bank: every question, field for field, in the same order."""
    bank = load_bank(path)
    written = tmp_path / f"{path.stem}.{format_name}"
    exported = export(format_name, str(path), output=written, stdout=None)
    assert exported.exported.questions == len(bank.questions)
    assert not exported.exported.left_out
    back = tmp_path / f"{path.stem}.json"
    import_questions(
        format_name, str(written), output=back, stdin=None, title=bank.title
    )
    returned = load_bank(back)
    assert returned.questions == bank.questions
    assert returned.title == bank.title
    if format_name == "gift":
        for key in BANK_KEYS:
            assert getattr(returned, key) == getattr(bank, key), key


# -- generated banks --------------------------------------------------------

_words = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cc", "Cs", "Cf", "Zl", "Zp", "Co", "Cn"),
    ),
    min_size=1,
    max_size=24,
)
plain_text = (
    _words.map(str.strip)
    .filter(lambda text: bool(text) and is_plain(text))
    # Signs GIFT has no escape for: the exporter leaves such questions out
    # (tested on its own below).
    .filter(lambda text: "->" not in text and not text.startswith("%"))
)
"""Bank text as a person writes it, with GIFT's and CSV's signs in it: any
visible characters, without spaces at the ends (both formats trim them)."""
padded_text = st.tuples(st.sampled_from(["", " ", "\u00a0"]), plain_text).map(
    lambda parts: parts[0] + parts[1] + parts[0]
)
"""Bank text with spaces at its ends, which CSV keeps and GIFT cannot."""
tricky_text = st.one_of(
    plain_text,
    st.sampled_from(
        [
            "{=not an answer}",
            "~ tilde # hash : colon",
            "\\ backslash \\n not a line",
            "::name:: inside",
            '"quoted", with a comma',
            "// not a comment",
            "[html] <b>not bold</b>",
            "$CATEGORY: not a category",
            "ANSWER: A",
            "A. not a choice",
            "####",
            "Pénélope Cruz — Madres paralelas",
        ]
    ),
)


@st.composite
def questions(
    draw: st.DrawFn, number: int, text: st.SearchStrategy[str] = tricky_text
) -> dict[str, Any]:
    kind = draw(st.sampled_from(QUESTION_TYPES))
    fields: dict[str, Any] = {
        "id": f"q{number}-{draw(st.text('abcxyz019-', max_size=6))}",
        "prompt": f"{number}. {draw(text)}",
    }
    if kind != "single":
        fields["type"] = kind
    if kind in ("single", "multi"):
        choices = draw(st.lists(text, min_size=2, max_size=6, unique=True))
        fields["choices"] = choices
        if kind == "single":
            fields["answer"] = draw(st.sampled_from(choices))
        else:
            # In any order: a bank may list them so.
            fields["answer"] = draw(
                st.lists(st.sampled_from(choices), min_size=1, unique=True)
            )
    elif kind == "truefalse":
        fields["answer"] = draw(st.booleans())
    else:
        fields["answer"] = draw(text)
        accept = draw(st.lists(text, max_size=2, unique=True))
        if accept:
            fields["accept"] = accept
    for key, values in (
        ("category", text),
        ("difficulty", st.sampled_from(["easy", "medium", "hard"])),
        ("spoiler", st.sampled_from(SPOILER_LEVELS)),
        ("explanation", text),
        ("source", text),
    ):
        if draw(st.booleans()):
            fields[key] = draw(values)
    return fields


@st.composite
def banks(draw: st.DrawFn, text: st.SearchStrategy[str] = tricky_text) -> Bank:
    count = draw(st.integers(min_value=1, max_value=6))
    document: dict[str, Any] = {
        "format": 1,
        "title": draw(text),
        "questions": [draw(questions(number, text)) for number in range(1, count + 1)],
    }
    if draw(st.booleans()):
        document["credits"] = draw(text)
        document["license"] = draw(text)
        document["film"] = {"title": draw(text), "year": 2021}
    try:
        return careful_bank(
            json.dumps(document).encode(), slug="generated", source=Path("gen.json")
        )
    except BankError:
        assume(False)  # a question the bank refuses (an answer no one can type)
        raise


def in_choice_order(question: Question) -> Question:
    """``question`` with a multi question's answers in its choices' order."""
    if question.type != "multi":
        return question
    return msgspec.structs.replace(question, answer=question.right_choices)


def through(module: Any, bank: Bank, *, title: str | None = None) -> Bank:
    """``bank`` written by ``module`` and read back, as ``import`` would,
    with ``--title`` when ``title`` is given."""
    edition = Edition(bank, plan_game(bank, Selection(shuffle=False)))
    written = module.export(edition)
    source = Path("generated")
    read = module.read(source_text(written.data, source), source)
    title = title or read.bank.get("title") or "no title carried"
    imported = assemble(read, source=source, title=title)
    data = json.dumps(imported.document).encode()
    return careful_bank(data, slug="generated", source=source)


@settings(max_examples=150, suppress_health_check=[HealthCheck.filter_too_much])
@given(banks(st.one_of(tricky_text, padded_text)))
def test_a_generated_bank_comes_back_the_same_through_csv(bank: Bank) -> None:
    """Any bank, with commas, quotes, line-like text and spaces at the ends
    of its text, survives CSV exactly."""
    returned = through(csvfile, bank, title=bank.title)
    assert returned.questions == bank.questions


@settings(max_examples=150, suppress_health_check=[HealthCheck.filter_too_much])
@given(banks())
def test_a_generated_bank_comes_back_the_same_through_gift(bank: Bank) -> None:
    """Any bank, with GIFT's own signs in its text, survives GIFT whole: but
    for the order a multi question lists its right answers in, which GIFT
    (a weight on each choice) has no place for."""
    returned = through(gift, bank)
    assert [in_choice_order(q) for q in returned.questions] == [
        in_choice_order(q) for q in bank.questions
    ]
    for key in BANK_KEYS:
        assert getattr(returned, key) == getattr(bank, key), key
