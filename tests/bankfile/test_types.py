"""The four question types in a bank file: each one read as its type says,
the same by both of the loader's paths, and every mistake named."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from filmquiz.bankfile.model import Question
from filmquiz.bankfile.problems import careful_bank
from filmquiz.bankfile.reading import load_bank
from filmquiz.bankfile.schema import bank_schema
from filmquiz.bankfile.vouching import fast_bank
from filmquiz.errors import BankError
from tests.support import WriteBank, bank_document

TRUE_FALSE = {
    "id": "tf",
    "type": "truefalse",
    "prompt": "Parallel Mothers opened the 78th Venice Film Festival.",
    "answer": True,
}
MULTI = {
    "id": "multi",
    "type": "multi",
    "prompt": "Which of these actresses are in the film?",
    "choices": ["Penélope Cruz", "Milena Smit", "Carmen Maura"],
    "answer": ["Penélope Cruz", "Milena Smit"],
}
TEXT = {
    "id": "text",
    "type": "text",
    "prompt": "Who directed the film?",
    "answer": "Pedro Almodóvar",
    "accept": ["Almodóvar"],
}
SINGLE = {
    "id": "single",
    "type": "single",
    "prompt": "Who plays Janis?",
    "choices": ["Penélope Cruz", "Milena Smit"],
    "answer": "Penélope Cruz",
}


def both_paths(document: dict[str, Any]) -> Question:
    """The one question of ``document``, read by both paths, which agree."""
    data = json.dumps(document).encode()
    careful = careful_bank(data, slug="fan", source=Path("fan.json"))
    fast = fast_bank(data, "fan")
    if fast is not None:
        assert fast.questions == careful.questions
    jsonschema.validate(document, bank_schema())
    (question,) = careful.questions
    return question


class TestEachType:
    def test_true_false(self) -> None:
        question = both_paths(bank_document(TRUE_FALSE))
        assert (question.type, question.answer, question.choices) == (
            "truefalse",
            True,
            (),
        )
        assert question.offered == ("True", "False")
        assert question.answer_text == "True"

    def test_multi(self) -> None:
        question = both_paths(bank_document(MULTI))
        assert question.type == "multi"
        assert question.answer == ("Penélope Cruz", "Milena Smit")
        assert question.answer_text == "Penélope Cruz; Milena Smit"

    def test_text(self) -> None:
        question = both_paths(bank_document(TEXT))
        assert (question.type, question.answer, question.accept) == (
            "text",
            "Pedro Almodóvar",
            ("Almodóvar",),
        )

    def test_single_said_or_not(self) -> None:
        """ "type": "single" is what a question without a type is."""
        said = both_paths(bank_document(SINGLE))
        unsaid = {key: value for key, value in SINGLE.items() if key != "type"}
        assert said == both_paths(bank_document(unsaid))
        assert said.type == "single"

    def test_a_bank_of_every_type_takes_the_fast_path(self) -> None:
        """Written the usual way (no type given for single questions), a
        bank of mixed types is vouched for without the careful path."""
        unsaid = {key: value for key, value in SINGLE.items() if key != "type"}
        document = bank_document(TRUE_FALSE, MULTI, TEXT, unsaid)
        bank = fast_bank(json.dumps(document).encode(), "fan")
        assert bank is not None
        assert [q.type for q in bank.questions] == [
            "truefalse",
            "multi",
            "text",
            "single",
        ]


def problems(write_bank: WriteBank, *questions: dict[str, Any]) -> list[str]:
    path = write_bank(bank_document(*questions))
    with pytest.raises(BankError) as caught:
        load_bank(path)
    return [line.removeprefix(f"{path}: ") for line in caught.value.lines()]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            {**TRUE_FALSE, "type": "yesno"},
            'question "tf": type must be "single", "truefalse", "multi" or "text", '
            'got the string "yesno"',
        ),
        (
            {**TRUE_FALSE, "answer": "True"},
            'question "tf": answer must be true or false in a truefalse question, '
            'got the string "True"',
        ),
        (
            {**TRUE_FALSE, "choices": ["True", "False"]},
            'question "tf": choices are not used by a truefalse question; its '
            "answer is true or false",
        ),
        (
            {**TRUE_FALSE, "accept": ["yes"]},
            'question "tf": accept is only for a text question (a typed answer)',
        ),
        (
            {**MULTI, "answer": []},
            'question "multi": answer must list the right choices (at least one) '
            "in a multi question, got an empty list",
        ),
        (
            {**MULTI, "answer": "Penélope Cruz"},
            'question "multi": answer must list the right choices (at least one) '
            'in a multi question, got the string "Penélope Cruz"',
        ),
        (
            {**MULTI, "answer": ["Milena Smit", "Milena Smit"]},
            'question "multi": answer "Milena Smit" is listed twice',
        ),
        (
            {**MULTI, "answer": ["Milena Smit", 3]},
            'question "multi": answer[1] must be a string, got the number 3',
        ),
        (
            {key: value for key, value in MULTI.items() if key != "choices"},
            'question "multi": choices is missing',
        ),
        (
            {**TEXT, "choices": ["Pedro Almodóvar", "Carlos Saura"]},
            'question "text": choices are not used by a text question; its answer '
            "is typed (other spellings go in accept)",
        ),
        (
            {**TEXT, "answer": True},
            'question "text": answer must be a string, got true',
        ),
        (
            {**TEXT, "accept": "Almodóvar"},
            'question "text": accept must be a list of strings, got the string '
            '"Almodóvar"',
        ),
        (
            {**SINGLE, "answer": ["Penélope Cruz"]},
            'question "single": answer must be a string, got a list',
        ),
        (
            {**SINGLE, "accept": ["Cruz"]},
            'question "single": accept is only for a text question (a typed answer)',
        ),
    ],
)
def test_mistakes_are_named(
    write_bank: WriteBank, question: dict[str, Any], expected: str
) -> None:
    """Each mistake a type allows is one exact message, naming the question;
    and the JSON Schema refuses the same file."""
    assert problems(write_bank, question) == [expected]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bank_document(question), bank_schema())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            {**MULTI, "answer": ["Penélope Cruz", "Rossy de Palma"]},
            'question "multi": answer "Rossy de Palma" is not one of the choices',
        ),
        (
            {**TEXT, "answer": "?!"},
            'question "text": answer "?!" has no letters or digits to type',
        ),
        (
            {**TEXT, "accept": ["pedro almodovar"]},
            'question "text": accept "pedro almodovar" is the same answer as '
            '"Pedro Almodóvar" once case, accents and punctuation are set aside',
        ),
    ],
)
def test_mistakes_a_schema_cannot_see(
    write_bank: WriteBank, question: dict[str, Any], expected: str
) -> None:
    """What a JSON Schema cannot say (an answer among the choices, typed
    answers that differ once compared) the loader still names."""
    assert problems(write_bank, question) == [expected]


def test_an_unknown_type_still_has_its_other_fields_checked(
    write_bank: WriteBank,
) -> None:
    """Every problem is listed: the type's, and those of the fields every
    question has."""
    bogus = {
        "id": "t",
        "type": "bogus",
        "prompt": "P",
        "answer": None,
        "difficulty": "x",
        "accept": "q",
    }
    assert problems(write_bank, bogus) == [
        'question "t": type must be "single", "truefalse", "multi" or "text", '
        'got the string "bogus"',
        'question "t": accept must be a list of strings, got the string "q"',
        'question "t": difficulty must be "easy", "medium" or "hard", got the '
        'string "x"',
    ]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            {**MULTI, "choices": ["a", "a", "b"], "answer": ["c"]},
            [
                'question "multi": choice "a" is listed twice',
                'question "multi": answer "c" is not one of the choices',
            ],
        ),
        (
            {**TEXT, "accept": ["??"]},
            ['question "text": accept "??" has no letters or digits to type'],
        ),
        (
            {**TEXT, "accept": ["Almod\u200bóvar", "Almodóvar"]},
            [
                'question "text": accept "Almodóvar" is the same answer as '
                '"Almod\\u200bóvar" once case, accents and punctuation are set aside'
            ],
        ),
        (
            {**TEXT, "answer": "x" * 201},
            [
                f'question "text": answer "{"x" * 59}…" is too long to type '
                "(201 characters; at most 200)"
            ],
        ),
    ],
)
def test_every_problem_of_a_type_is_named(
    write_bank: WriteBank, question: dict[str, Any], expected: list[str]
) -> None:
    assert problems(write_bank, question) == expected
