"""Judging a reply by its question's type, and the forgiveness of typed
answers, decided on real names from the banks."""

from __future__ import annotations

import pytest

from filmquiz.bankfile.model import Question
from filmquiz.bankfile.rules import comparable
from filmquiz.game.judging import Verdict, judge


def typed(answer: str, *accept: str) -> Question:
    return Question(id="t", prompt="Who?", type="text", answer=answer, accept=accept)


@pytest.mark.parametrize(
    ("answer", "accept", "reply", "verdict"),
    [
        # Case, accents, punctuation, spaces and a leading article.
        ("Penélope Cruz", (), "Penélope Cruz", Verdict(True)),
        ("Penélope Cruz", (), "penélope  cruz.", Verdict(True)),
        ("Penélope Cruz", (), "PENELOPE CRUZ", Verdict(True)),
        ("Pedro Almodóvar", (), "Pedro Almodovar", Verdict(True)),
        ("Aitana Sánchez-Gijón", (), "aitana sanchez gijon", Verdict(True)),
        ("The Venice Film Festival", (), "venice film festival", Verdict(True)),
        ("Venice Film Festival", (), "the Venice film festival!", Verdict(True)),
        # A small typo is forgiven, and the spelling it was taken as said.
        ("Penélope Cruz", (), "Penelope Crux", Verdict(True, "Penélope Cruz")),
        ("Milena Smit", (), "Milena Smith", Verdict(True, "Milena Smit")),
        ("Pedro Almodóvar", (), "Pedro Almodovr", Verdict(True, "Pedro Almodóvar")),
        ("Alberto Iglesias", (), "Alberto Iglesia", Verdict(True, "Alberto Iglesias")),
        # Another name, or part of one, is not a typo.
        ("Rossy de Palma", (), "Rossy", Verdict(False)),
        ("Julieta Serrano", (), "Julia Serrano", Verdict(True, "Julieta Serrano")),
        ("Julieta", (), "Julia", Verdict(False)),
        ("Janis", (), "Jana", Verdict(False)),
        ("Pedro Almodóvar", (), "Almodóvar", Verdict(False)),
        ("Penélope Cruz", (), "Cruz", Verdict(False)),
        # What accept lists is taken, and forgiven a typo too.
        ("Rossy de Palma", ("Rossy",), "Rossy", Verdict(True)),
        ("Pedro Almodóvar", ("Almodóvar",), "almodovar", Verdict(True)),
        ("Pedro Almodóvar", ("Almodóvar",), "Almodovr", Verdict(True, "Almodóvar")),
        # A number is never a typo away from another.
        ("2021", (), "2012", Verdict(False)),
        ("2021", (), "2021.", Verdict(True)),
        ("78th Venice Film Festival", (), "79th Venice Film Festival", Verdict(False)),
        # Roman numerals are numbers: a sequel is not a typo.
        ("Rocky III", (), "Rocky II", Verdict(False)),
        ("Louis XIV", (), "Louis XVI", Verdict(False)),
        ("The Godfather Part II", (), "The Godfather Part III", Verdict(False)),
        ("Star Wars: Episode IV", (), "Star Wars Episode V", Verdict(False)),
        ("Halloween", (), "Halloween II", Verdict(False)),
        # Another person, or another title a letter away, is not a typo.
        ("Ingmar Bergman", (), "Ingrid Bergman", Verdict(False)),
        ("Aliens", (), "Alien", Verdict(False)),
        ("Robert Downey Jr.", (), "Robert Downey Sr.", Verdict(False)),
        ("Michael B. Jordan", (), "Michael Jordan", Verdict(False)),
        ("Romeo + Juliet", (), "Romeo and Juliet", Verdict(False)),
        ("Them!", (), "the", Verdict(False)),
        ("Ten years", (), "Tem years", Verdict(False)),  # a three-letter word
        ("Casablanca", (), "Casablanka", Verdict(True, "Casablanca")),
        # One thing written another way is the same answer.
        ("The A-Team", (), "A-Team", Verdict(True)),
        ("The A-Team", (), "a team", Verdict(True)),
        ("A.I.", (), "AI", Verdict(True)),
        ("8½", (), "8 1/2", Verdict(True)),
        ("10,000 BC", (), "10000 BC", Verdict(True)),
        ("$1,000,000", (), "1000000", Verdict(True)),
        ("Frozen II", (), "Frozen 2", Verdict(True)),
        ("2021", (), "\u0662\u0660\u0662\u0661", Verdict(True)),  # Arabic-Indic
        ("Foo", (), "Fo\u200bo", Verdict(True)),
        # Nothing typed is nothing right.
        ("Janis", (), "  ", Verdict(False)),
        ("Janis", (), "...", Verdict(False)),
    ],
)
def test_typed_answers(
    answer: str, accept: tuple[str, ...], reply: str, verdict: Verdict
) -> None:
    """The table the typo threshold was chosen by: each row is how filmquiz
    judges a reply to a typed question."""
    assert judge(typed(answer, *accept), reply) == verdict


def test_comparable_text() -> None:
    """What typed answers are compared as."""
    assert comparable("Penélope  Cruz.") == "penelope cruz"
    assert comparable("The Venice festival") == "venice festival"
    assert comparable("The") == "the"  # an article alone is the answer
    assert comparable("The The") == "the"
    assert comparable("Rocky IV") == "rocky 4"
    assert comparable("1.5") == "1 5"
    assert comparable("¿Qué?") == "que"
    assert comparable("!!!") == ""


def test_true_false() -> None:
    """A true/false question takes True or False, or the choice as shown."""
    question = Question(id="t", prompt="Is it?", type="truefalse", answer=False)
    assert judge(question, False) == Verdict(True)
    assert judge(question, True) == Verdict(False)
    assert judge(question, "False") == Verdict(True)
    assert judge(question, "True") == Verdict(False)


def test_multi_select_is_right_only_with_exactly_the_right_choices() -> None:
    """Every right choice and no other, in any order."""
    question = Question(
        id="m",
        prompt="Who is in it?",
        type="multi",
        choices=(
            "Penélope Cruz",
            "Milena Smit",
            "Carmen Maura",
            "Aitana Sánchez-Gijón",
        ),
        answer=("Penélope Cruz", "Milena Smit"),
    )
    assert judge(question, ("Milena Smit", "Penélope Cruz")).correct
    assert not judge(question, ("Penélope Cruz",)).correct
    assert not judge(question, ("Penélope Cruz", "Milena Smit", "Carmen Maura")).correct
    assert not judge(question, ()).correct


def test_single_choice() -> None:
    question = Question(id="s", prompt="Who?", choices=("a", "b"), answer="b")
    assert judge(question, "b") == Verdict(True)
    assert judge(question, "a") == Verdict(False)


def test_rapidfuzz_is_loaded_only_for_a_typo() -> None:
    """A game pays for rapidfuzz only when a typed answer is not right as it
    stands: choices, and typed answers as spelt, never load it."""
    import subprocess
    import sys

    script = """
import sys
from filmquiz.bankfile.model import Question
from filmquiz.game.judging import judge
typed = Question(id="t", prompt="Who?", type="text", answer="Pedro Almodóvar")
single = Question(id="s", prompt="Who?", choices=("a", "b"), answer="a")
assert judge(single, "b").correct is False
assert judge(typed, "pedro almodovar").correct
assert "rapidfuzz" not in sys.modules, "loaded too soon"
assert judge(typed, "Pedro Almodovr").correct
assert "rapidfuzz" in sys.modules
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
