"""The catalog: which quizzes there are, and which file a quiz name means."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from filmquiz.bank import Bank
from filmquiz.errors import BankError, UnknownQuiz, quote
from filmquiz.loader import load_bank, slug_of

SHIPPED_QUIZZES = Path(__file__).parent / "quizzes"
"""The banks that come with filmquiz."""


class Entry(NamedTuple):
    """One bank file the catalog found, whether or not it is usable."""

    slug: str
    path: Path
    bank: Bank | None
    """The bank, or None when the file is broken."""
    error: BankError | None
    """Why the file is broken, when it is."""


def bank_files() -> dict[str, Path]:
    """Every known bank file by slug, in slug order."""
    files = sorted(SHIPPED_QUIZZES.glob("*.json")) if SHIPPED_QUIZZES.is_dir() else []
    return {slug_of(path): path for path in files}


def entries() -> list[Entry]:
    """Every known bank, loaded; a broken one is listed with its problems."""
    found = []
    for slug, path in bank_files().items():
        try:
            found.append(Entry(slug, path, load_bank(path), None))
        except BankError as error:
            found.append(Entry(slug, path, None, error))
    return found


def locate(name: str) -> Path:
    """The bank file a quiz name means: a known slug, or a path to a file.

    Raises :class:`UnknownQuiz` when it is neither.
    """
    files = bank_files()
    if name in files:
        return files[name]
    path = Path(name).expanduser()
    if looks_like_path(name) or path.is_file():
        return path
    import difflib  # only on this error path: it slows every start

    message = f"no quiz called {quote(name)}"
    close = difflib.get_close_matches(name, list(files), n=1)
    if close:
        message += f"; did you mean {quote(close[0])}?"
    raise UnknownQuiz(message + " (`filmquiz list` shows the quizzes there are)")


def looks_like_path(name: str) -> bool:
    """True when a quiz name is written as a file path rather than a slug."""
    return "/" in name or "\\" in name or name.lower().endswith(".json")


def load(name: str) -> Bank:
    """The bank a quiz name means, loaded and checked."""
    return load_bank(locate(name))
