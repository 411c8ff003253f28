"""The floor for validating a big bank: decode it into typed msgspec structs and
check that every answer is one of its choices and every id is unique.

python benchmarks/msgspec_baseline.py BANK
"""

from __future__ import annotations

import sys
from pathlib import Path

import msgspec


class Question(msgspec.Struct):
    id: str
    prompt: str
    choices: list[str]
    answer: str
    category: str | None = None
    difficulty: str | None = None
    explanation: str | None = None


class Film(msgspec.Struct):
    title: str | None = None
    original_title: str | None = None
    year: int | None = None
    director: str | None = None


class Bank(msgspec.Struct):
    format: int
    title: str
    questions: list[Question]
    film: Film | None = None


def main() -> None:
    bank = msgspec.json.decode(Path(sys.argv[1]).read_bytes(), type=Bank)
    ids: set[str] = set()
    for question in bank.questions:
        if question.answer not in question.choices:
            sys.exit(f"{question.id}: answer is not one of the choices")
        if question.id in ids:
            sys.exit(f"{question.id}: id used twice")
        ids.add(question.id)
    print(f"{len(bank.questions)} questions")


if __name__ == "__main__":
    main()
