"""Names derived from text: quiz file names and question ids."""

from __future__ import annotations

import hashlib
import re

_NOT_A_WORD = re.compile(r"[^a-z0-9]+")
_ID_WORDS = 6


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: ``Parallel Mothers!`` gives
    ``parallel-mothers``; an empty result becomes ``quiz``."""
    parts = _NOT_A_WORD.sub(" ", text.casefold()).split()
    return "-".join(parts) or "quiz"


def question_id(prompt: str) -> str:
    """A stable id from a question's text: its first words and a short hash,
    so that the same text always gets the same id."""
    digest = hashlib.sha1(prompt.casefold().encode()).hexdigest()[:8]
    words = _NOT_A_WORD.sub(" ", prompt.casefold()).split()[:_ID_WORDS]
    return "-".join([*words, digest])
