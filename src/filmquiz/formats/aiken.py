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
_CHOICE = re.compile(r"([A-Za-z])[.)] (.*)")
_ANSWER = re.compile(r"ANSWER(?: ?: ?| (?=\S+$))(.*)")
"""``ANSWER: B``, and ``ANSWER B`` as people also write it."""
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
        if _ANSWER.fullmatch(" ".join(question.prompt.split())):
            left_out.append(
                LeftOut(question.id, "Aiken would read its prompt as the ANSWER: line")
            )
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
    reading = _Reading()
    for number, line in enumerate(text.splitlines(), start=1):
        # A tab is a space to a reader, and bank text holds none.
        stripped = " ".join(line.replace("\t", " ").split())
        if stripped:
            reading.line(number, stripped)
    reading.unfinished()
    return Source(reading.drafts, reading.problems, [], {})


class _Reading:
    """An Aiken file read line by line: a question is open from its line
    until its ANSWER: line."""

    def __init__(self) -> None:
        self.drafts: list[Draft] = []
        self.problems: list[Problem] = []
        self.number = 0
        """The question being read, from 1."""
        self.start = 0
        """The line it started on."""
        self.prompt: str | None = None
        self.choices: list[str] = []

    def line(self, number: int, text: str) -> None:
        answer = _ANSWER.fullmatch(text)
        choice = _CHOICE.fullmatch(text)
        if self.prompt is None:
            if answer is not None:
                self._problem(number, "an ANSWER: line with no question before it")
                return
            # Whatever it looks like ("J. K. Rowling wrote ..."), the line
            # that opens a question is its text.
            self.number += 1
            self.start, self.prompt, self.choices = number, text, []
        elif answer is not None:
            self._answer(number, answer.group(1))
        elif choice is not None:
            self._choice(number, choice.group(1).upper(), choice.group(2))
        elif self.choices:
            # The next question, it seems: this one never said its answer.
            self.unfinished()
            self.number += 1
            self.start, self.prompt, self.choices = number, text, []
        else:
            self._problem(
                number,
                "neither a choice (A. ...) nor ANSWER: (a question is one line, "
                "and the next starts after its ANSWER: line)",
            )

    def _choice(self, number: int, letter: str, text: str) -> None:
        if len(self.choices) == len(ascii_uppercase):
            self._problem(number, "a question has at most 26 choices, A to Z")
            return
        expected = ascii_uppercase[len(self.choices)]
        opened_with = _CHOICE.fullmatch(self.prompt or "")
        if not self.choices and letter == "B" and opened_with is not None:
            self.problems.append(
                Problem(
                    f"line {self.start}",
                    "choices with no question before them",
                )
            )
            self.prompt = None
            return
        if letter != expected:
            self._problem(
                number, f"the choice lettered {letter} should be lettered {expected}"
            )
        self.choices.append(text)

    def _answer(self, number: int, given: str) -> None:
        letters = ascii_uppercase[: len(self.choices)]
        letter = given.strip().upper()
        if not letters:
            self._problem(number, "ANSWER: comes before any choice")
        elif len(letter) != 1 or letter not in letters:
            self._problem(
                number,
                f"ANSWER: must be one of the letters {', '.join(letters)}, "
                f"not {given.strip()!r}",
            )
        elif self.prompt is not None:
            where = f"line {self.start} (question {self.number})"
            self.drafts.append(Draft(where, _fields(self.prompt, self.choices, letter)))
        self.prompt = None

    def unfinished(self) -> None:
        """Say so if the file ends with a question still open."""
        if self.prompt is not None:
            self.problems.append(
                Problem(
                    f"line {self.start} (question {self.number})",
                    "no ANSWER: line after its choices",
                )
            )

    def _problem(self, number: int, message: str) -> None:
        where = f"line {number}"
        if self.prompt is not None:
            where += f" (question {self.number})"
        self.problems.append(Problem(where, message))


def _fields(prompt: str, choices: list[str], letter: str) -> dict[str, Any]:
    answer = choices[ascii_uppercase.index(letter)]
    if [choice.casefold() for choice in choices] in (
        [word.casefold() for word in TRUE_FALSE],
    ):
        truth = answer.casefold() == TRUE_FALSE[0].casefold()
        return {"type": "truefalse", "prompt": prompt, "answer": truth}
    return {"prompt": prompt, "choices": choices, "answer": answer}
