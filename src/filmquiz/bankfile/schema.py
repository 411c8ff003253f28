"""The JSON Schema (draft 2020-12) of bank format 1, for editors that check files.

The loader is what filmquiz trusts; this schema describes the same rules so that
an editor can underline mistakes as a bank is written. Rules a schema cannot
say (the answer is one of the choices, ids are unique) are in the description.
"""

from __future__ import annotations

from typing import Any

from filmquiz.bankfile.rules import (
    BANK_REQUIRED,
    DIFFICULTIES,
    EARLIEST_YEAR,
    FORMAT_VERSION,
    LATEST_YEAR,
    MAX_CHOICES,
    MIN_CHOICES,
    QUESTION_REQUIRED,
    SPOILER_LEVELS,
    UNMARKED_SPOILER,
)

# Non-blank, single-line text without control characters, as the loader checks.
_CONTROLS = r"\u0000-\u001f\u007f-\u009f"
_TEXT: dict[str, Any] = {
    "type": "string",
    "pattern": rf"^[^{_CONTROLS}]*[^\s{_CONTROLS}][^{_CONTROLS}]*$",
}


def bank_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dictionary."""
    question = {
        "type": "object",
        "description": (
            "One multiple-choice question. The answer must be exactly one of "
            "the choices, and ids must be unique within the bank."
        ),
        "required": list(QUESTION_REQUIRED),
        "additionalProperties": False,
        "properties": {
            "id": {**_TEXT, "description": "Unique within the bank."},
            "category": {**_TEXT, "description": "Free text, such as 'plot'."},
            "difficulty": {"enum": list(DIFFICULTIES)},
            "spoiler": {
                "enum": list(SPOILER_LEVELS),
                "description": (
                    "How far into the film the prompt, choices, answer or "
                    "explanation reach: none (the premise, cast, crew and "
                    "production), early, middle or ending. A question without "
                    f"it counts as {UNMARKED_SPOILER}."
                ),
            },
            "source": {
                **_TEXT,
                "description": "Where the fact comes from: a citation or an address.",
            },
            "prompt": {**_TEXT, "description": "The question as asked."},
            "choices": {
                "type": "array",
                "items": _TEXT,
                "minItems": MIN_CHOICES,
                "maxItems": MAX_CHOICES,
                "uniqueItems": True,
            },
            "answer": {**_TEXT, "description": "One of the choices, spelt the same."},
            "explanation": {**_TEXT, "description": "Why the answer is right."},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"filmquiz question bank, format {FORMAT_VERSION}",
        "type": "object",
        "required": list(BANK_REQUIRED),
        "additionalProperties": False,
        "properties": {
            "$schema": {"type": "string"},
            "format": {"const": FORMAT_VERSION},
            "title": _TEXT,
            "film": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "title": _TEXT,
                    "original_title": _TEXT,
                    "year": {
                        "type": "integer",
                        "minimum": EARLIEST_YEAR,
                        "maximum": LATEST_YEAR,
                    },
                    "director": _TEXT,
                },
            },
            "credits": {
                **_TEXT,
                "description": "Who wrote or gathered the questions.",
            },
            "license": {
                **_TEXT,
                "description": "The terms the questions may be shared on.",
            },
            "spoiler_words": {
                "type": "array",
                "items": _TEXT,
                "description": (
                    "Words that give the plot away: validate --strict warns "
                    "when a question marked none uses one."
                ),
            },
            "questions": {"type": "array", "minItems": 1, "items": question},
        },
    }
