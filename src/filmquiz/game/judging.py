"""Whether what a player gave is the answer: a choice, True or False, a set of
choices, or words typed, where case, accents, punctuation, a leading article
and a small typo are forgiven.

rapidfuzz, which measures how far a typed answer is from the right one, is
imported only when a typed answer is not right as it stands, so a game
without typed answers never loads it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from filmquiz.bankfile.model import Question
from filmquiz.bankfile.rules import TRUE_FALSE, comparable

Given = str | bool | tuple[str, ...]
"""What a player gives: a choice (single), True or False (truefalse), the
choices picked (multi), or the words typed (text)."""

TYPO_SIMILARITY = 85.0
"""How alike (0-100, rapidfuzz's ratio: the share of characters two texts
have in common, in order) a typed answer must be to a right one to be taken
as it with a typo. Chosen on the names of the banks: "Penelope Crux" (92)
and "Milena Smit" (96) pass; "Julia" for Julieta (83), "Jana" for Janis (67)
and "Rossy" for Rossy de Palma (53) do not."""

_DIGITS = re.compile("[0-9]+")


class Verdict(NamedTuple):
    """Whether an answer is right, and how."""

    correct: bool
    forgiven: str | None = None
    """When a typed answer was taken despite a typo: the spelling it was
    taken as (the answer, or one of those accepted)."""


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
    within a small typo of one (never in a number: 2012 is not 2021)."""
    assert isinstance(question.answer, str)
    wanted = (question.answer, *question.accept)
    said = comparable(typed)
    if not said:
        return Verdict(False)
    if any(comparable(text) == said for text in wanted):
        return Verdict(True)
    from rapidfuzz import fuzz

    best, closest = 0.0, None
    for text in wanted:
        target = comparable(text)
        if _DIGITS.findall(target) != _DIGITS.findall(said):
            continue
        similarity = fuzz.ratio(said, target, score_cutoff=TYPO_SIMILARITY)
        if similarity > best:
            best, closest = similarity, text
    return Verdict(closest is not None, forgiven=closest)
