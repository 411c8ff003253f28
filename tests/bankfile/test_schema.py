"""The JSON Schema agrees with the loader on what a bank is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from filmquiz.bankfile.reading import load_bank
from filmquiz.bankfile.schema import bank_schema
from filmquiz.errors import BankError
from tests.support import WriteBank, bank_document, question


def test_schema_is_valid_draft_2020_12() -> None:
    """The schema itself is a valid draft 2020-12 schema."""
    Draft202012Validator.check_schema(bank_schema())
    assert bank_schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"


BAD_DOCUMENTS: list[Any] = [
    [],
    {},
    bank_document(format=2),
    bank_document(questions=[]),
    bank_document(titel="x"),
    bank_document(title="  "),
    bank_document(film={"year": "2021"}),
    bank_document(question(choices=["only"], answer="only")),
    bank_document(question(choices=["a", "a"], answer="a")),
    bank_document(question(difficulty="Hard")),
    bank_document(question(prompt=None)),
    bank_document(question(explanation="\x1b[2J")),
    bank_document(question(anwser="x")),
]


@pytest.mark.parametrize("document", BAD_DOCUMENTS)
def test_both_refuse(write_bank: WriteBank, document: Any) -> None:
    """What the schema refuses, the loader refuses."""
    assert list(Draft202012Validator(bank_schema()).iter_errors(document))
    with pytest.raises(BankError):
        load_bank(write_bank(document))


def test_both_accept(write_bank: WriteBank) -> None:
    """A valid bank passes both."""
    document = bank_document(question("a"), question("b", difficulty="hard"))
    document["$schema"] = "./bank.schema.json"
    assert not list(Draft202012Validator(bank_schema()).iter_errors(document))
    assert load_bank(write_bank(document)).title == "Test bank"


def test_what_only_the_loader_checks(write_bank: WriteBank, tmp_path: Path) -> None:
    """A schema cannot say "the answer is one of the choices": the loader does."""
    document = bank_document(question(answer="Nobody"))
    assert not list(Draft202012Validator(bank_schema()).iter_errors(document))
    with pytest.raises(BankError):
        load_bank(write_bank(document))
