"""Whether what a player gave is the answer: a choice, True or False, a set of
choices, or words typed, where case, accents, punctuation, a leading article
and a small typo are forgiven.

rapidfuzz, which measures how far a typed answer is from the right one, is
imported only when a typed answer is not right as it stands, so a game
without typed answers never loads it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from filmquiz.bankfile.model import Question
from filmquiz.bankfile.rules import TRUE_FALSE, comparable

Given = str | bool | tuple[str, ...]
"""What a player gives: a choice (single), True or False (truefalse), the
choices picked (multi), or the words typed (text)."""

TYPO_SIMILARITY = 85.0
"""How alike (0-100, rapidfuzz's ratio: the share of characters two texts
have in common, in order) a typed answer must be to a right one to be taken
as it with a typo. Chosen on the names of the banks (tests/game/
test_judging.py holds the table): "Penelope Crux" (92) and "Milena Smith"
(96) pass; "Jana" for Janis (67) and "Rossy" for Rossy de Palma (53) do not."""
WORD_SIMILARITY = 75.0
"""How alike each word must be: "Crux" for Cruz (75) passes, "Ingrid" for
Ingmar (67) does not."""
WORD_TYPO_FROM = 4
"""Letters a word needs before a slip in it is forgiven: "Sr" is not "Jr"."""
WHOLE_WORD_TYPO_FROM = 8
"""Letters a one-word answer needs before a typo in it is forgiven."""

_DIGITS = re.compile("[0-9]+")


class Verdict(NamedTuple):
    """Whether an answer is right, and how."""

    correct: bool
    forgiven: str | None = None
    """When a typed answer was taken despite a typo: the spelling it was
    taken as (the answer, or one of those accepted)."""


def given_text(given: Given | None, order: Sequence[str]) -> str:
    """An answer as shown: a choice, True or False, the choices picked
    joined by semicolons (in ``order``), the words typed; empty for none."""
    if given is None:
        return ""
    if isinstance(given, bool):
        return TRUE_FALSE[0] if given else TRUE_FALSE[1]
    if isinstance(given, str):
        return given
    return "; ".join(choice for choice in order if choice in given)


def judge(question: Question, given: Given) -> Verdict:
    """Whether ``given`` answers ``question``."""
    kind = question.type
    if kind == "multi":
        picked = given if isinstance(given, tuple) else ()
        return Verdict(set(picked) == set(question.right_choices))
    if kind == "truefalse":
        if isinstance(given, str):  # the choice as shown: "True" or "False"
            given = given == TRUE_FALSE[0]
        return Verdict(given is question.answer)
    if kind == "text":
        return judge_typed(question, given if isinstance(given, str) else "")
    return Verdict(given == question.answer)


def judge_typed(question: Question, typed: str) -> Verdict:
    """Whether ``typed`` is the answer of a text question, or one it accepts,
    once compared as :func:`~filmquiz.bankfile.rules.comparable` text, or
    within a small typo of one (see :func:`is_typo`)."""
    assert isinstance(question.answer, str)
    wanted = (question.answer, *question.accept)
    said = comparable(typed)
    if not said:
        return Verdict(False)
    if any(comparable(text) == said for text in wanted):
        return Verdict(True)
    closest = next((text for text in wanted if is_typo(said, comparable(text))), None)
    return Verdict(closest is not None, forgiven=closest)


def is_typo(said: str, target: str) -> bool:
    """True when ``said`` is ``target`` (both comparable text) with a small
    typo: as many words, the same numbers (Roman numerals are numbers too),
    each word the same or a slip away (in words of four letters or more),
    and the whole alike by TYPO_SIMILARITY. A one-word answer is forgiven a
    typo only from WHOLE_WORD_TYPO_FROM letters: a short title one letter
    away is another title (Alien, Aliens)."""
    said_words, target_words = said.split(), target.split()
    if len(said_words) != len(target_words):
        return False
    if _DIGITS.findall(said) != _DIGITS.findall(target):
        return False
    if len(target_words) == 1 and len(target) < WHOLE_WORD_TYPO_FROM:
        return False
    from rapidfuzz import fuzz

    for one, other in zip(said_words, target_words, strict=True):
        if one != other and (
            min(len(one), len(other)) < WORD_TYPO_FROM
            or fuzz.ratio(one, other) < WORD_SIMILARITY
        ):
            return False
    return fuzz.ratio(said, target) >= TYPO_SIMILARITY
