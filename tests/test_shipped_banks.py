"""The banks shipped with filmquiz: they load, they are rich, and their keys hold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from filmquiz.bankfile.linting import lint
from filmquiz.bankfile.reading import load_bank
from filmquiz.bankfile.schema import bank_schema
from filmquiz.banks.catalog import SHIPPED_QUIZZES, entries
from filmquiz.banks.opentdb import CREDITS as OPENTDB_CREDITS
from filmquiz.banks.opentdb import LICENSE as OPENTDB_LICENSE
from filmquiz.game.judging import judge
from tests.support import SHARED_DATA, SHIPPED_BANKS


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
        """At least 40 questions across four categories, each with its
        difficulty; those written for filmquiz (not imported) each explained."""
        bank = load_bank(path)
        assert len(bank.questions) >= 40
        assert len(bank.categories) >= 4
        assert all(q.difficulty for q in bank.questions)
        if bank.license != OPENTDB_LICENSE:
            assert all(q.explanation for q in bank.questions)

    def test_answers_are_not_given_away(self, path: Path) -> None:
        """No prompt contains its own answer (a true/false one says "True or
        false" as it asks), and answers are not always first."""
        bank = load_bank(path)
        for q in bank.questions:
            for right in q.right_choices if q.type != "truefalse" else ():
                assert right.casefold() not in q.prompt.casefold(), q.id
        singles = [q for q in bank.questions if q.type == "single"]
        places = Counter(q.choices.index(q.answer_text) for q in singles)
        assert max(places.values()) < len(singles) / 2

    def test_passes_the_quiz_linter(self, path: Path) -> None:
        """validate --strict finds nothing unfair in it."""
        assert lint(load_bank(path)) == []

    def test_every_question_says_how_far_it_spoils(self, path: Path) -> None:
        bank = load_bank(path)
        assert all(q.spoiler is not None for q in bank.questions)
        assert bank.credits


def test_catalog_lists_every_shipped_bank_as_usable() -> None:
    """list finds each shipped bank and none is broken."""
    found = entries()
    assert [e.path.parent for e in found] == [SHIPPED_QUIZZES] * len(found)
    assert all(e.summary is not None and e.error is None for e in found)


# Answer keys the fact sheet settles: a wrong key is the worst bug a quiz has.
PARALLEL_MOTHERS_KEYS = {
    "arturo-job": "Forensic anthropologist",
    "arturo-surname": "Buendía",
    "janis-full-name": "Martínez Moreno",
    "ana-full-name": "Manso Ferreras",
    "janis-namesake": "Joplin",
    "janis-raised-by": "Her grandmother",
    "ana-age": "17",
    "ana-baby": "Anita",
    "grave-relative": "Her great-grandfather",
    "teresa-apolitical": "Apolitical",
    "dior-slogan": "Chimamanda Ngozi Adichie",
    "disappeared-count": "About 100,000",
    "grave-ten": "Ten",
    "ana-job": "Live-in nanny and housekeeper",
    "janis-ana-relationship": "Lovers",
    "closing-words": "Eduardo Galeano",
    "story-year": "2016",
    "story-span": "About three years",
    "rajoy-reference": "Mariano Rajoy",
    "cast-ana": "Milena Smit",
    "cast-arturo": "Israel Elejalde",
    "cast-teresa": "Aitana Sánchez-Gijón",
    "cast-elena": "Rossy de Palma",
    "cast-brigida": "Julieta Serrano",
    "cast-toddler": "Luna Auria Contreras",
    "cinematographer": "José Luis Alcaine",
    "costume-designer": "Paola Torres",
    "production-designer": "Antxón Gómez",
    "composer-city": "San Sebastián",
    "composer-first": "The Flower of My Secret",
    "score-recorded": "AIR Studios in London",
    "cruz-first": "Live Flesh",
    "smit-debut": "No matarás",
    "premiere-month": "September",
    "spain-release": "8 October",
    "closing-film": "New York",
    "volpi-cup": "The Volpi Cup",
    "oscar-actress-winner": "Jessica Chastain",
    "oscar-score-winner": "Hans Zimmer",
    "golden-lion": "Happening",
    "goya-count": "Eight",
    "globes-winner": "Drive My Car",
    "spain-oscar-entry": "El buen patrón",
    "santa-barbara": "Sophia Loren",
    "production-company": "El Deseo",
    "pushed-back": "A Manual for Cleaning Women",
    "silence-of-others": "The Silence of Others",
    "venice-debut": "Dark Habits",
    "test-result": "She is not the mother",
    "cecilia-father": "One of the boys who assaulted Ana",
    "janis-job": "Photographer",
    "where-they-meet": "In a hospital room they share",
    "tf-goya-wins": False,
    "tf-first-spanish-volpi": True,
    "tf-shot-in-lockdown": False,
    "tf-two-daughters": True,
    "tf-cruz-globe": False,
    "tf-bafta-only": True,
    "multi-first-time": ("Aitana Sánchez-Gijón", "Milena Smit", "Israel Elejalde"),
    "multi-oscar-categories": ("Best Actress", "Best Original Score"),
    "multi-feroz-wins": (
        "Best Supporting Actress",
        "Best Original Music",
        "Best Poster",
    ),
    "multi-cruz-earlier": ("Volver", "Broken Embraces", "Pain and Glory"),
    "text-goya-actress": "Blanca Portillo",
    "text-poster-designer": "Javier Jaén",
    "text-closing-book": "Patas arriba",
    "text-nyff-hall": "Alice Tully Hall",
    "text-cesar-winner": "The Father",
    "text-european-actress": "Vicky Krieps",
    "text-iglesias-count": "13",
    "text-producer": "Agustín Almodóvar",
}


class TestParallelMothersFacts:
    def test_edited_to_the_issue(self) -> None:
        """At least 60 questions, each citing its source on the fact sheet,
        at least 8 hard ones in each category."""
        bank = load_bank(SHIPPED_QUIZZES / "parallel-mothers.json")
        assert len(bank.questions) >= 60
        assert all(q.source for q in bank.questions)
        hard = Counter(q.category for q in bank.questions if q.difficulty == "hard")
        assert min(hard[category] for category in bank.categories) >= 8

    def test_answer_keys(self) -> None:
        """The keys the fact sheet settles are the ones the bank holds."""
        bank = load_bank(SHIPPED_QUIZZES / "parallel-mothers.json")
        answers = {q.id: q.answer for q in bank.questions}
        expected = PARALLEL_MOTHERS_KEYS
        assert {key: answers[key] for key in expected} == expected

    def test_every_type_from_checked_facts(self) -> None:
        """At least 6 true/false, 4 multi-select and 8 typed-answer questions,
        each saying how far it spoils and where its fact comes from; typed
        answers are taken as a player would type them."""
        bank = load_bank(SHIPPED_QUIZZES / "parallel-mothers.json")
        kinds = Counter(q.type for q in bank.questions)
        assert kinds["truefalse"] >= 6
        assert kinds["multi"] >= 4
        assert kinds["text"] >= 8
        assert Counter(q.answer for q in bank.questions if q.type == "truefalse") == {
            True: 3,
            False: 3,
        }
        for q in bank.questions:
            if q.type != "single":
                assert q.spoiler is not None, q.id
                assert q.source, q.id
        typed = {q.id: q for q in bank.questions if q.type == "text"}
        assert judge(typed["text-goya-actress"], "blanca portillo").correct
        assert judge(typed["text-closing-book"], "Upside down").correct
        assert judge(typed["text-iglesias-count"], "thirteen").correct
        assert not judge(typed["text-iglesias-count"], "31").correct
        assert judge(typed["text-cesar-winner"], "father").correct

    def test_fan_page_mistakes_are_not_facts(self) -> None:
        """The fan page's errors never stand as an answer."""
        bank = load_bank(SHIPPED_QUIZZES / "parallel-mothers.json")
        answers = " ".join(q.answer_text.casefold() for q in bank.questions)
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


class TestFilmTrivia:
    def test_keeps_the_licence_and_credits_of_its_questions(self) -> None:
        """CC BY-SA 4.0 asks for attribution and the same licence."""
        bank = load_bank(SHIPPED_QUIZZES / "film-trivia.json")
        assert bank.license == OPENTDB_LICENSE
        assert bank.credits is not None
        assert bank.credits.startswith(OPENTDB_CREDITS)

    @pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data")
    def test_every_question_is_an_open_trivia_database_question(self) -> None:
        """Edited by selection and rewording, never by changing a fact: each
        question's answer and choices are as the database has them."""
        from filmquiz.banks.opentdb import convert

        source = json.loads(SHARED_DATA.read_text(encoding="utf-8"))
        imported = convert(source, categories=["Entertainment: Film"])
        originals = {q["id"]: q for q in imported.document["questions"]}
        bank = load_bank(SHIPPED_QUIZZES / "film-trivia.json")
        assert len(bank.questions) >= 150
        for question in bank.questions:
            original = originals[question.id]
            assert question.answer == original["answer"]
            assert question.type == original.get("type", "single")
            assert list(question.choices) == original.get("choices", [])
            assert question.difficulty == original["difficulty"]
