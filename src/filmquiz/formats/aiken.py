"""The Aiken format, written and read: single-choice questions only.

Each question is a line of text, its choices on the lines after it, each
with a capital letter and a full stop or bracket (``A.`` or ``A)``), then
``ANSWER:`` and the right letter::

    What is Janis's profession?
    A. Art restorer
    B. Photographer
    ANSWER: B

A true/false question goes as the two choices True and False, and comes back
as a true/false question. Aiken has no place for a question's id, category,
difficulty, spoiler level, explanation or source, and no multi-select or
typed answers: those questions are left out, and named.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import ascii_uppercase
from typing import Any

from filmquiz.bankfile.rules import TRUE_FALSE
from filmquiz.errors import Problem
from filmquiz.formats.drafts import Draft, Source
from filmquiz.formats.exported import Edition, Exported, LeftOut

NOT_KEPT = (
    "ids",
    "categories",
    "difficulties",
    "spoiler levels",
    "explanations",
    "sources",
)
_CHOICE = re.compile(r"([A-Z])[.)]\s+(.*)")
_ANSWER = re.compile(r"ANSWER:\s*(.*)", re.IGNORECASE)
_REASONS = {
    "multi": "Aiken has one right answer a question, not several",
    "text": "Aiken has no typed answers",
}


def export(edition: Edition) -> Exported:
    """The edition's single-choice and true/false questions as Aiken, with
    their choices in the order shown."""
    lines: list[str] = []
    left_out: list[LeftOut] = []
    written = 0
    for round_ in edition.rounds:
        question = round_.question
        if question.type in _REASONS:
            left_out.append(LeftOut(question.id, _REASONS[question.type]))
            continue
        lines.append(question.prompt)
        lines += [
            f"{letter}. {choice}"
            for letter, choice in zip(ascii_uppercase, round_.choices, strict=False)
        ]
        right = round_.choices.index(question.right_choices[0])
        lines += [f"ANSWER: {ascii_uppercase[right]}", ""]
        written += 1
    return Exported("\n".join(lines).encode(), written, tuple(left_out), NOT_KEPT)


def read(text: str, source: Path) -> Source:
    """The questions of an Aiken file."""
    del source  # problems are located by line; the caller names the file
    drafts: list[Draft] = []
    problems: list[Problem] = []
    question: list[Any] | None = None  # [line, prompt, choices]
    number = 0

    def unfinished() -> None:
        if question is not None:
            problems.append(
                Problem(
                    f"line {question[0]} (question {number})",
                    "no ANSWER: line after its choices",
                )
            )

    for line_number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        answer = _ANSWER.match(stripped)
        choice = _CHOICE.fullmatch(stripped)
        if question is None:
            if answer or choice:
                problems.append(
                    Problem(
                        f"line {line_number}",
                        "a choice or ANSWER: line with no question before it",
                    )
                )
                continue
            number += 1
            question = [line_number, stripped, []]
        elif answer is not None:
            where = f"line {question[0]} (question {number})"
            letters = ascii_uppercase[: len(question[2])]
            given = answer.group(1).strip().upper()
            if not letters:
                problems.append(
                    Problem(
                        f"line {line_number} (question {number})",
                        "ANSWER: comes before any choice",
                    )
                )
            elif len(given) != 1 or given not in letters:
                problems.append(
                    Problem(
                        f"line {line_number} (question {number})",
                        f"ANSWER: must be one of the letters {', '.join(letters)}, "
                        f"not {answer.group(1).strip()!r}",
                    )
                )
            else:
                drafts.append(Draft(where, _fields(question[1], question[2], given)))
            question = None
        elif choice is not None:
            expected = ascii_uppercase[len(question[2])]
            if choice.group(1) != expected:
                problems.append(
                    Problem(
                        f"line {line_number} (question {number})",
                        f"the choice lettered {choice.group(1)} should be "
                        f"lettered {expected}",
                    )
                )
            question[2].append(choice.group(2).strip())
        elif not question[2]:
            question[1] += " " + stripped  # the question goes on on this line
        else:
            unfinished()
            number += 1
            question = [line_number, stripped, []]
    unfinished()
    return Source(drafts, problems, [], {})


def _fields(prompt: str, choices: list[str], letter: str) -> dict[str, Any]:
    answer = choices[ascii_uppercase.index(letter)]
    if [choice.casefold() for choice in choices] in (
        [word.casefold() for word in TRUE_FALSE],
    ):
        truth = answer.casefold() == TRUE_FALSE[0].casefold()
        return {"type": "truefalse", "prompt": prompt, "answer": truth}
    return {"prompt": prompt, "choices": choices, "answer": answer}
