"""The JSON Schema (draft 2020-12) of bank format 1, for editors that check files.

The loader is what filmquiz trusts; this schema describes the same rules so that
an editor can underline mistakes as a bank is written. Rules a schema cannot
say (the answer is one of the choices, ids are unique) are in the description.
"""

from __future__ import annotations

from typing import Any

from filmquiz.bankfile.rules import (
    BANK_REQUIRED,
    DEFAULT_TYPE,
    DIFFICULTIES,
    EARLIEST_YEAR,
    FORMAT_VERSION,
    LATEST_YEAR,
    MAX_CHOICES,
    MIN_CHOICES,
    QUESTION_REQUIRED,
    QUESTION_TYPES,
    SPOILER_LEVELS,
    UNMARKED_SPOILER,
)

# Non-blank, single-line text without control characters, as the loader checks.
_CONTROLS = r"\u0000-\u001f\u007f-\u009f"
_TEXT: dict[str, Any] = {
    "type": "string",
    "pattern": rf"^[^{_CONTROLS}]*[^\s{_CONTROLS}][^{_CONTROLS}]*$",
}


_RIGHT_CHOICES: dict[str, Any] = {
    "type": "array",
    "items": _TEXT,
    "minItems": 1,
    "uniqueItems": True,
}


def _when(kind: str | None, then: dict[str, Any]) -> dict[str, Any]:
    """The rules ``then`` for questions of type ``kind`` (None: single, which
    is also what a question without a type is)."""
    if kind is None:
        condition: dict[str, Any] = {
            "anyOf": [
                {"not": {"required": ["type"]}},
                {"properties": {"type": {"const": DEFAULT_TYPE}}},
            ]
        }
    else:
        condition = {"required": ["type"], "properties": {"type": {"const": kind}}}
    return {"if": condition, "then": then}


_NOT_CHOICES = {"not": {"required": ["choices"]}}
_NOT_ACCEPT = {"not": {"required": ["accept"]}}
_TYPE_RULES: list[dict[str, Any]] = [
    _when(
        None,
        {
            "required": ["choices"],
            "properties": {"answer": _TEXT},
            "allOf": [_NOT_ACCEPT],
        },
    ),
    _when(
        "truefalse",
        {
            "properties": {"answer": {"type": "boolean"}},
            "allOf": [_NOT_CHOICES, _NOT_ACCEPT],
        },
    ),
    _when(
        "multi",
        {
            "required": ["choices"],
            "properties": {"answer": _RIGHT_CHOICES},
            "allOf": [_NOT_ACCEPT],
        },
    ),
    _when("text", {"properties": {"answer": _TEXT}, "allOf": [_NOT_CHOICES]}),
]


def bank_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dictionary."""
    question = {
        "type": "object",
        "description": (
            "One question, of one of four types. single (the default): pick "
            "one of the choices; the answer is exactly one of them. truefalse: "
            "True or False; the answer is true or false, and there are no "
            "choices. multi: pick every right choice; the answer lists them "
            "(at least one). text: type the answer; accept lists other "
            "answers taken, and case, accents, punctuation, a leading article "
            "and a small typo are forgiven. Ids must be unique within the bank."
        ),
        "required": list(QUESTION_REQUIRED),
        "additionalProperties": False,
        "allOf": _TYPE_RULES,
        "properties": {
            "id": {**_TEXT, "description": "Unique within the bank."},
            "type": {
                "enum": list(QUESTION_TYPES),
                "default": DEFAULT_TYPE,
                "description": "How the question is answered.",
            },
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
                "description": "What to pick from (single and multi only).",
            },
            "answer": {
                "description": (
                    "single: one of the choices, spelt the same. truefalse: "
                    "true or false. multi: the right choices, spelt the same. "
                    "text: the answer to type, as it is best spelt."
                ),
                "anyOf": [_TEXT, {"type": "boolean"}, _RIGHT_CHOICES],
            },
            "accept": {
                "type": "array",
                "items": _TEXT,
                "description": "text only: other answers taken, such as a nickname.",
            },
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
