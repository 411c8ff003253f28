"""The quiz linter (``validate --strict``): each rule with a small bank that
trips it and one, as close as can be, that does not."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from filmquiz.bankfile.linting import RULES, Finding, lint
from filmquiz.bankfile.model import Bank, Film, Question


def q(id: str, prompt: str, answer: str, *wrong: str, **fields: Any) -> Question:
    """A question marked spoiler none unless told, with an explanation that
    adds a fact, and its answer first among the choices (unless told)."""
    fields.setdefault("spoiler", "none")
    fields.setdefault("explanation", "Shooting began on 22 March 2021 in Madrid.")
    choices = fields.pop("choices", (answer, *wrong))
    return Question(id=id, prompt=prompt, choices=choices, answer=answer, **fields)


def bank(*questions: Question, **fields: Any) -> Bank:
    fields.setdefault(
        "film", Film(title="Parallel Mothers", year=2021, director="Pedro Almodóvar")
    )
    return Bank(slug="test", title="Parallel Mothers", questions=questions, **fields)


def rules(found: list[Finding]) -> list[tuple[str | None, str]]:
    return [(finding.question, finding.rule) for finding in found]


COMPOSER = q(
    "composer",
    "Who composed the score?",
    "Alberto Iglesias",
    "Ennio Morricone",
    "Hans Zimmer",
    "John Williams",
    explanation="He recorded it at AIR Studios in London.",
)


class TestAnswerInPrompt:
    def test_the_answer_in_its_own_prompt(self) -> None:
        trips = q(
            "job",
            "Arturo is a forensic anthropologist. What is his job?",
            "Forensic anthropologist",
            "Military historian",
            "Criminal lawyer",
        )
        assert rules(lint(bank(trips))) == [("job", "answer-in-prompt")]

    def test_a_distinctive_part_of_the_answer_in_the_prompt(self) -> None:
        """A word only the answer has gives it away."""
        trips = q(
            "prize",
            "Which cup, named after Count Volpi, did Cruz win at Venice?",
            "The Volpi Cup",
            "The Golden Lion",
            "The Silver Lion",
        )
        found = lint(bank(trips))
        assert rules(found) == [("prize", "answer-in-prompt")]
        assert '"cup" and "volpi"' in found[0].message

    def test_a_word_a_wrong_choice_has_in_another_form_is_no_clue(self) -> None:
        """ "Muppets" in the prompt, "Muppet" in a wrong choice: both kinds
        of choice are Muppet films, so the word does not point to one."""
        fair = q(
            "koch",
            "Ed Koch played himself in which of the Muppets films?",
            "The Muppets Take Manhattan",
            "Muppet Treasure Island",
            "The Great Muppet Caper",
            "Muppets from Space",
        )
        assert lint(bank(fair)) == []

    def test_words_every_choice_shares_are_no_clue(self) -> None:
        fair = q(
            "prize",
            "Which Venice prize, a lion or a cup, did Cruz win?",
            "The Volpi Cup",
            "The Golden Lion",
            "The Silver Lion",
            "The Bronze Cup",
        )
        assert lint(bank(fair)) == []


class TestGivesAway:
    def test_an_explanation_that_answers_another_question(self) -> None:
        """The issue's example: an explanation naming the ceremony beside the
        question that asks for it."""
        ceremony = q(
            "ceremony",
            "At which Academy Awards was the film nominated?",
            "The 94th",
            "The 92nd",
            "The 93rd",
        )
        telling = q(
            "count",
            "How many Oscar nominations did the film get?",
            "Two",
            "One",
            "Three",
            explanation="Cruz and Iglesias were nominated at the 94th Academy Awards.",
        )
        assert rules(lint(bank(ceremony, telling))) == [("ceremony", "gives-away")]

    def test_a_name_in_another_prompt(self) -> None:
        telling = q(
            "city",
            "Alberto Iglesias comes from which city?",
            "San Sebastián",
            "Bilbao",
            "Pamplona",
        )
        found = lint(bank(COMPOSER, telling))
        assert rules(found) == [("composer", "gives-away")]
        assert found[0].message == (
            'the prompt of question "city" gives the answer ("Alberto Iglesias") away'
        )

    def test_the_game_heading_counts(self) -> None:
        director = q(
            "director",
            "Who wrote and directed the film?",
            "Pedro Almodóvar",
            "Alejandro Amenábar",
            "Carlos Saura",
        )
        found = lint(bank(director))
        assert rules(found) == [("director", "gives-away")]
        assert "the game's heading" in found[0].message

    def test_a_short_answer_needs_its_subject_beside_it(self) -> None:
        """ "Ana" in another sentence is not a clue; "Ana" where Cecilia's
        mother is spoken of is."""
        mother = q(
            "mother",
            "Who is Cecilia's biological mother?",
            "Ana",
            "Janis",
            "Teresa",
            spoiler="ending",
        )
        passing = q(
            "cafe",
            "Where does Janis find Ana again?",
            "In a café",
            "In a park",
            "At a hospital",
            spoiler="middle",
            explanation="Ana works there, near the flat where Janis lives.",
        )
        assert lint(bank(mother, passing)) == []
        telling = msgspec.structs.replace(
            passing,
            explanation="Ana is Cecilia's biological mother, as a test later shows.",
        )
        assert rules(lint(bank(mother, telling))) == [("mother", "gives-away")]

    def test_a_year_needs_its_subject_beside_it(self) -> None:
        """Many films came out in 1997: another question's 1997 is no clue,
        unless it speaks of the same film."""
        con_air = q(
            "con-air",
            "When was Con Air released?",
            "1997",
            "1985",
            "1999",
            "1990",
            explanation="Nicolas Cage plays the paroled Ranger Cameron Poe.",
        )
        other = q(
            "batman",
            "Who played Batman in the 1997 film Batman & Robin?",
            "George Clooney",
            "Val Kilmer",
            "Michael Keaton",
            explanation="Joel Schumacher directed both of his Batman films.",
        )
        assert lint(bank(con_air, other, film=None)) == []
        telling = msgspec.structs.replace(
            other, explanation="Con Air was released the same summer, in 1997."
        )
        assert rules(lint(bank(con_air, telling, film=None))) == [
            ("con-air", "gives-away")
        ]

    def test_the_same_answer_in_a_wrong_choice_is_no_clue(self) -> None:
        listing = q(
            "oscar",
            "Who won the Oscar for Best Original Score?",
            "Hans Zimmer",
            "Alberto Iglesias",
            "Jonny Greenwood",
        )
        assert [
            f for f in lint(bank(COMPOSER, listing)) if f.rule == "gives-away"
        ] == []


class TestNearDuplicates:
    def test_one_fact_asked_from_both_sides(self) -> None:
        plays = q(
            "plays",
            "Who plays Elena?",
            "Rossy de Palma",
            "Carmen Machi",
            "Loles León",
            explanation="Elena edits a magazine in Madrid.",
        )
        role = q(
            "role",
            "Which character does Rossy de Palma play?",
            "Elena",
            "Brígida",
            "Teresa",
            explanation="She handed Almodóvar his honorary César in 1999.",
        )
        found = lint(bank(plays, role))
        assert ("role", "near-duplicate") in rules(found)

    def test_prompts_that_differ_by_a_word(self) -> None:
        first = q(
            "janis-baby",
            "What is the name of Janis's baby daughter?",
            "Cecilia",
            "Anita",
            "Teresa",
            spoiler="early",
        )
        second = q(
            "ana-baby",
            "What is the name of Ana's baby daughter?",
            "Anita",
            "Cecilia",
            "Teresa",
            spoiler="early",
            choices=("Cecilia", "Anita", "Teresa"),
        )
        assert ("ana-baby", "near-duplicate") in rules(lint(bank(first, second)))

    def test_the_same_question_however_often(self) -> None:
        """Forty copies of one question among others: each copy is flagged,
        though its words are too common in the bank to pair on."""
        copy = q("copy", "Who directed Volver?", "Pedro Almodóvar", "Carlos Saura")
        copies = [msgspec.structs.replace(copy, id=f"copy-{n}") for n in range(40)]
        found = lint(bank(*copies, film=None))
        duplicates = [f.question for f in found if f.rule == "near-duplicate"]
        assert duplicates == [f"copy-{n}" for n in range(1, 40)]

    def test_two_facts_about_one_person_are_not_duplicates(self) -> None:
        plays = q(
            "plays",
            "Who plays Arturo?",
            "Israel Elejalde",
            "Raúl Arévalo",
            "Asier Etxeandia",
            explanation="He is known above all as a stage actor.",
        )
        job = q(
            "job",
            "What is Arturo's profession?",
            "Forensic anthropologist",
            "Military historian",
            "Criminal lawyer",
            explanation="His foundation excavates mass graves of the Civil War.",
        )
        assert lint(bank(plays, job)) == []


class TestAnswerStandsOut:
    def test_much_longer_than_every_wrong_choice(self) -> None:
        trips = q(
            "free",
            "Why is Arturo not free?",
            "His wife is being treated for cancer at a clinic",
            "A move",
            "A job",
            "A debt",
        )
        found = lint(bank(trips))
        assert rules(found) == [("free", "answer-stands-out")]
        assert "much longer" in found[0].message

    def test_the_only_one_of_its_kind(self) -> None:
        """The one choice with a comma, among three without."""
        trips = q(
            "news",
            "What news comes at the end?",
            "A pregnancy, by Arturo",
            "A move abroad",
            "A new job",
            "A lost house",
            spoiler="ending",
        )
        found = lint(bank(trips))
        assert rules(found) == [("news", "answer-stands-out")]
        assert "with a comma" in found[0].message

    def test_the_only_one_about_acting(self) -> None:
        """The issue's example: an acting award among awards that are not."""
        trips = q(
            "venice",
            "Which prize did Penélope Cruz win at Venice?",
            "Volpi Cup for Best Actress",
            "Golden Lion",
            "Silver Lion",
            "Special Jury Prize",
        )
        found = lint(bank(trips))
        assert rules(found) == [("venice", "answer-stands-out")]
        assert found[0].message == "the answer is the only choice about acting"

    def test_a_title_with_a_number_is_not_a_tell(self) -> None:
        fair = q(
            "quote",
            'Which film has the line "Houston, we have a problem"?',
            "Apollo 13",
            "The Right Stuff",
            "Capricorn One",
            "Marooned",
        )
        assert lint(bank(fair)) == []

    def test_choices_of_one_form(self) -> None:
        fair = q(
            "news",
            "What news comes at the end?",
            "She is expecting again",
            "She has adopted a son",
            "She is leaving the city",
            "She is giving up her work",
            spoiler="ending",
        )
        assert lint(bank(fair)) == []


def numbered(count: int, places: list[int]) -> list[Question]:
    """``count`` unrelated questions with the answer at ``places`` in turn."""
    questions = []
    for n in range(count):
        choices = [f"Choice {n}{letter}" for letter in "wxyz"]
        answer = choices[places[n % len(places)]]
        questions.append(
            q(
                f"q{n}",
                f"Question number {n}?",
                answer,
                choices=tuple(choices),
                explanation=f"Fact {n} about lighting and sound on the set.",
            )
        )
    return questions


class TestPredictableAnswers:
    @pytest.mark.parametrize(
        ("places", "says"),
        [([0], "are choice 1"), ([0, 1, 2, 3], "repeat every 4 questions")],
        ids=["always first", "A, B, C, D, A ..."],
    )
    def test_a_pattern_in_file_order(self, places: list[int], says: str) -> None:
        found = lint(bank(*numbered(16, places)))
        assert rules(found) == [(None, "predictable-answers")]
        assert says in found[0].message

    def test_places_without_a_pattern(self) -> None:
        places = [2, 0, 3, 3, 1, 0, 2, 1, 0, 3, 1, 2, 2, 0, 1, 3]
        assert lint(bank(*numbered(16, places))) == []


class TestRestatesAnswer:
    def test_an_explanation_that_only_repeats(self) -> None:
        trips = q(
            "job",
            "What does Janis do for a living?",
            "She is a photographer",
            "She is an editor",
            "She is an actress",
            explanation="Janis is a photographer.",
        )
        assert rules(lint(bank(trips))) == [("job", "restates-answer")]

    def test_an_explanation_that_adds_a_fact(self) -> None:
        fair = q(
            "job",
            "What does Janis do for a living?",
            "She is a photographer",
            "She is an editor",
            "She is an actress",
            explanation="The film opens with her photographing Arturo in Madrid.",
        )
        assert lint(bank(fair)) == []


class TestSpoilers:
    def test_a_question_without_a_level(self) -> None:
        trips = q(
            "q", "Who plays Ana?", "Milena Smit", "Ester Expósito", "Anna Castillo"
        )
        unmarked = msgspec.structs.replace(trips, spoiler=None)
        assert rules(lint(bank(unmarked))) == [("q", "no-spoiler-level")]
        assert lint(bank(trips)) == []

    def test_a_spoiler_word_in_a_none_question(self) -> None:
        trips = q(
            "test",
            "What kind of test does Janis take?",
            "A maternity DNA test",
            "A blood test",
            "An eye test",
            explanation="She takes it after Arturo's visit to the flat.",
        )
        words = {"spoiler_words": ("DNA", "cot death")}
        found = lint(bank(trips, **words))
        assert rules(found) == [("test", "spoiler-word")]
        assert '"DNA"' in found[0].message
        marked = msgspec.structs.replace(trips, spoiler="middle")
        assert lint(bank(marked, **words)) == []


def test_every_rule_is_tested() -> None:
    """Each rule the README lists has a class of tests here."""
    tested = {
        "answer-in-prompt": TestAnswerInPrompt,
        "gives-away": TestGivesAway,
        "near-duplicate": TestNearDuplicates,
        "answer-stands-out": TestAnswerStandsOut,
        "predictable-answers": TestPredictableAnswers,
        "restates-answer": TestRestatesAnswer,
        "no-spoiler-level": TestSpoilers,
        "spoiler-word": TestSpoilers,
    }
    assert set(tested) == set(RULES)
