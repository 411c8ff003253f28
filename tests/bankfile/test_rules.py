"""The bank's rules are said once, and every part of filmquiz agrees with them."""

from __future__ import annotations

import msgspec
import pytest

from filmquiz.bankfile import rules
from filmquiz.bankfile.model import Bank, Film, Question
from filmquiz.bankfile.schema import bank_schema


def _field_names(struct: type[msgspec.Struct]) -> set[str]:
    return {field.encode_name for field in msgspec.structs.fields(struct)}


def _required(struct: type[msgspec.Struct]) -> set[str]:
    return {
        field.encode_name for field in msgspec.structs.fields(struct) if field.required
    }


def test_the_question_model_has_the_question_keys() -> None:
    assert _field_names(Question) == set(rules.QUESTION_KEYS)
    assert _required(Question) == set(rules.QUESTION_REQUIRED)


def test_the_film_model_has_the_film_keys() -> None:
    assert _field_names(Film) == set(rules.FILM_KEYS)
    assert _required(Film) == set()


def test_the_bank_model_keeps_every_bank_key_but_the_file_s_own() -> None:
    # "$schema" and "format" describe the file, not the quiz; slug is the
    # file's name.
    assert _field_names(Bank) == set(rules.BANK_KEYS) - {"$schema", "format"} | {"slug"}


def test_the_schema_says_the_same_keys_and_limits() -> None:
    schema = bank_schema()
    question = schema["properties"]["questions"]["items"]
    assert list(schema["properties"]) == list(rules.BANK_KEYS)
    assert schema["required"] == list(rules.BANK_REQUIRED)
    assert list(schema["properties"]["film"]["properties"]) == list(rules.FILM_KEYS)
    assert list(question["properties"]) == list(rules.QUESTION_KEYS)
    assert question["required"] == list(rules.QUESTION_REQUIRED)
    assert question["properties"]["difficulty"]["enum"] == list(rules.DIFFICULTIES)
    choices = question["properties"]["choices"]
    assert (choices["minItems"], choices["maxItems"]) == (
        rules.MIN_CHOICES,
        rules.MAX_CHOICES,
    )
    year = schema["properties"]["film"]["properties"]["year"]
    assert (year["minimum"], year["maximum"]) == (
        rules.EARLIEST_YEAR,
        rules.LATEST_YEAR,
    )


@pytest.mark.parametrize(
    ("count", "fits"),
    [
        (rules.MIN_CHOICES - 1, False),
        (rules.MIN_CHOICES, True),
        (rules.MAX_CHOICES, True),
        (rules.MAX_CHOICES + 1, False),
    ],
)
def test_choice_counts_at_the_limits(count: int, fits: bool) -> None:
    assert rules.choice_count_fits(count) is fits


@pytest.mark.parametrize(
    ("year", "fits"),
    [
        (rules.EARLIEST_YEAR - 1, False),
        (rules.EARLIEST_YEAR, True),
        (rules.LATEST_YEAR, True),
        (rules.LATEST_YEAR + 1, False),
    ],
)
def test_film_years_at_the_limits(year: int, fits: bool) -> None:
    assert rules.is_film_year(year) is fits


@pytest.mark.parametrize(
    ("words", "said"),
    [
        ((), ""),
        (("easy",), "easy"),
        (("easy", "hard"), "easy or hard"),
        (("easy", "medium", "hard"), "easy, medium or hard"),
    ],
)
def test_one_of_says_a_list_as_a_reader_would(
    words: tuple[str, ...], said: str
) -> None:
    assert rules.one_of(words) == said
