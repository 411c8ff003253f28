"""The banks shipped with filmquiz: they load, they are rich, and their keys hold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from filmquiz.bankfile.reading import load_bank
from filmquiz.bankfile.schema import bank_schema
from filmquiz.banks.catalog import SHIPPED_QUIZZES, entries
from tests.support import SHIPPED_BANKS


@pytest.mark.parametrize("path", SHIPPED_BANKS, ids=lambda p: p.stem)
class TestEveryShippedBank:
    def test_loads(self, path: Path) -> None:
        """It passes every check of the loader."""
        bank = load_bank(path)
        assert bank.slug == path.stem

    def test_matches_the_schema(self, path: Path) -> None:
        """It passes the published JSON Schema too."""
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(bank_schema()).iter_errors(document))
        assert errors == []

    def test_is_a_full_quiz(self, path: Path) -> None:
        """At least 40 questions across four categories, each explained."""
        bank = load_bank(path)
        assert len(bank.questions) >= 40
        assert len(bank.categories) >= 4
        assert all(q.explanation for q in bank.questions)
        assert all(q.difficulty for q in bank.questions)

    def test_answers_are_not_given_away(self, path: Path) -> None:
        """No prompt contains its own answer, and answers are not always first."""
        bank = load_bank(path)
        for q in bank.questions:
            assert q.answer.casefold() not in q.prompt.casefold(), q.id
        places = Counter(q.choices.index(q.answer) for q in bank.questions)
        assert max(places.values()) < len(bank.questions) / 2


def test_catalog_lists_every_shipped_bank_as_usable() -> None:
    """list finds each shipped bank and none is broken."""
    found = entries()
    assert [e.path.parent for e in found] == [SHIPPED_QUIZZES] * len(found)
    assert all(e.summary is not None and e.error is None for e in found)


# Answer keys the fact sheet settles: a wrong key is the worst bug a quiz has.
PARALLEL_MOTHERS_KEYS = {
    "janis-baby": "Cecilia",
    "ana-baby": "Anita",
    "arturo-job": "Forensic anthropologist",
    "janis-test": "A maternity DNA test",
    "cast-janis": "Penélope Cruz",
    "cast-ana": "Milena Smit",
    "cast-arturo": "Israel Elejalde",
    "cast-teresa": "Aitana Sánchez-Gijón",
    "cast-elena": "Rossy de Palma",
    "cast-brigida": "Julieta Serrano",
    "composer": "Alberto Iglesias",
    "cinematographer": "José Luis Alcaine",
    "editor": "Teresa Font",
    "premiere-festival": "Venice Film Festival",
    "closing-film": "New York Film Festival",
    "volpi-cup": "Volpi Cup for Best Actress",
    "oscar-count": "Two",
    "oscar-other-category": "Best Original Score",
    "spain-release": "8 October 2021",
    "ana-age": "17",
    "story-year": "2016",
    "cecilia-mother": "Ana",
    "janis-pregnant-again": "She is pregnant again, by Arturo",
}


class TestParallelMothersFacts:
    def test_answer_keys(self) -> None:
        """The keys the fact sheet settles are the ones the bank holds."""
        bank = load_bank(SHIPPED_QUIZZES / "parallel-mothers.json")
        answers = {q.id: q.answer for q in bank.questions}
        expected = PARALLEL_MOTHERS_KEYS
        assert {key: answers[key] for key in expected} == expected

    def test_fan_page_mistakes_are_not_facts(self) -> None:
        """The fan page's errors never stand as an answer."""
        bank = load_bank(SHIPPED_QUIZZES / "parallel-mothers.json")
        answers = " ".join(q.answer.casefold() for q in bank.questions)
        for mistake in (
            "archeolog",
            "archaeolog",
            "pregnancy test",
            "divorce",
            "rosita",
            "photograph of the group",
            "120 min",
        ):
            assert mistake not in answers

    def test_no_ratings_or_runtime(self) -> None:
        """Ratings and runtime drift or disagree between sources: not quizzed."""
        bank = load_bank(SHIPPED_QUIZZES / "parallel-mothers.json")
        for q in bank.questions:
            text = q.prompt.casefold()
            for word in (
                "rating",
                "metacritic",
                "imdb",
                "rotten",
                "runtime",
                "minutes long",
                "how long is the film",
            ):
                assert word not in text, q.id
