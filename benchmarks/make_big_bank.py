"""Write a synthetic bank of 200,000 questions (about 64 MB) for the scale
benchmarks: python benchmarks/make_big_bank.py [PATH] [--questions N].

The text is random but shaped like real questions (a prompt, four choices,
an explanation, a category and a difficulty), seeded so every run writes the
same file.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

WORDS = [
    "film",
    "director",
    "actress",
    "actor",
    "studio",
    "premiere",
    "festival",
    "award",
    "score",
    "camera",
    "scene",
    "script",
    "sequel",
    "remake",
    "villain",
    "hero",
    "mother",
    "daughter",
    "village",
    "grave",
    "photographer",
    "editor",
    "producer",
    "composer",
    "nomination",
    "golden",
    "silver",
    "lion",
    "palm",
    "night",
    "city",
    "summer",
    "winter",
    "love",
    "war",
    "secret",
    "letter",
    "train",
    "island",
    "river",
    "house",
    "Madrid",
    "Venice",
    "Paris",
    "Rome",
    "Tokyo",
    "Lisbon",
    "Berlin",
    "Cannes",
    "Almodóvar",
    "Cruz",
    "Smit",
]
CATEGORIES = (
    "characters",
    "plot",
    "cast and crew",
    "production and awards",
    "music",
    "history",
)
DIFFICULTIES = ("easy", "medium", "hard")


def sentence(rng: random.Random, low: int, high: int) -> str:
    words = rng.choices(WORDS, k=rng.randint(low, high))
    return " ".join(words).capitalize()


def question(rng: random.Random, number: int) -> dict[str, object]:
    choices: list[str] = []
    while len(choices) < 4:
        choice = sentence(rng, 1, 3)
        if choice not in choices:
            choices.append(choice)
    return {
        "id": f"q{number:06d}",
        "category": rng.choice(CATEGORIES),
        "difficulty": rng.choice(DIFFICULTIES),
        "prompt": sentence(rng, 7, 12) + "?",
        "choices": choices,
        "answer": rng.choice(choices),
        "explanation": sentence(rng, 6, 12) + ".",
    }


def write(path: Path, count: int) -> None:
    """Write the bank, one question per line."""
    rng = random.Random(2021)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write('{\n"format": 1,\n"title": "Synthetic bank",\n')
        out.write('"film": {"title": "Synthetic", "year": 2021},\n"questions": [\n')
        for number in range(count):
            if number:
                out.write(",\n")
            out.write(json.dumps(question(rng, number), ensure_ascii=False))
        out.write("\n]\n}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default="benchmarks/out/big.json")
    parser.add_argument("--questions", type=int, default=200_000)
    arguments = parser.parse_args()
    write(Path(arguments.path), arguments.questions)


if __name__ == "__main__":
    main()
