"""The catalog: which quizzes there are, where each comes from, and which file
a quiz name means.

Banks are looked for in order: the folders of ``FILMQUIZ_PATH``, the user's
quizzes folder, then the banks shipped with filmquiz. The first bank found
under a name is the one in use; any later one of the same name is shadowed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from filmquiz.bankfile.model import Bank

if TYPE_CHECKING:
    from filmquiz.banks.cache import BankSummary
from filmquiz.bankfile.reading import slug_of
from filmquiz.errors import BankError, FilmquizError, UnknownQuiz
from filmquiz.locations import expand
from filmquiz.visible import quote, visible

SHIPPED_QUIZZES = Path(__file__).parent.parent / "quizzes"
"""The banks that come with filmquiz."""

PATH_VARIABLE = "FILMQUIZ_PATH"
"""Extra folders of banks, separated like PATH, searched before all others."""


class Source(NamedTuple):
    """A folder banks are found in."""

    kind: str
    """``path`` (from FILMQUIZ_PATH), ``user`` or ``shipped``."""
    folder: Path


class Found(NamedTuple):
    """A bank file known by its name, before it is read."""

    slug: str
    path: Path
    kind: str
    """The kind of source it was found in: ``path``, ``user`` or ``shipped``."""
    shadows: tuple[Found, ...] = ()
    """Banks of the same name, from later sources, that this one hides."""


class Entry(NamedTuple):
    """A bank the catalog found, read: usable, or broken with its problems."""

    found: Found
    summary: BankSummary | None
    """What the bank holds, or None when the file is broken."""
    error: BankError | None
    """Why the file is broken, when it is."""

    @property
    def slug(self) -> str:
        """The name the bank is played by."""
        return self.found.slug

    @property
    def path(self) -> Path:
        """The file the bank was read from."""
        return self.found.path


def user_quizzes() -> Path:
    """The user's own quizzes folder, where ``add`` and ``new`` save banks."""
    from filmquiz.locations import data_home

    return data_home() / "quizzes"


def sources() -> list[Source]:
    """The folders searched for banks, first match first; a folder given
    twice (under any spelling) is searched once."""
    extra = os.environ.get(PATH_VARIABLE, "")
    candidates = [
        Source("path", expand(folder)) for folder in extra.split(os.pathsep) if folder
    ]
    candidates.append(Source("user", user_quizzes()))
    candidates.append(Source("shipped", SHIPPED_QUIZZES))
    found: list[Source] = []
    seen: set[Path] = set()
    for source in candidates:
        try:
            where = source.folder.resolve()
        except (OSError, RuntimeError):
            where = source.folder
        if where not in seen:
            seen.add(where)
            found.append(source)
    return found


def bank_files() -> dict[str, Found]:
    """Every bank file by name, in name order; the first source wins."""
    winners: dict[str, Found] = {}
    for source in sources():
        for path in _json_files(source.folder):
            slug = slug_of(path)
            if slug in winners:
                first = winners[slug]
                hidden = Found(slug, path, source.kind)
                winners[slug] = first._replace(shadows=(*first.shadows, hidden))
            else:
                winners[slug] = Found(slug, path, source.kind)
    return dict(sorted(winners.items()))


def _json_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix.lower() == ".json")
    except OSError:  # a missing or unreadable folder simply holds no banks
        return []


def entries() -> list[Entry]:
    """Every known bank, read; a broken one is listed with its problems."""
    from filmquiz.banks.cache import read_summary

    found = []
    for item in bank_files().values():
        try:
            found.append(Entry(item, read_summary(item.path), None))
        except BankError as error:
            found.append(Entry(item, None, error))
    return found


def locate(name: str) -> Path:
    """The bank file a quiz name means: a known name, or a path to a file.

    Raises :class:`UnknownQuiz` when it is neither.
    """
    path = expand(name)
    if looks_like_path(name):
        return path
    files = bank_files()
    if name in files:
        return files[name].path
    try:
        if path.is_file():
            return path
    except OSError:  # a name too long to be a file's
        pass
    raise unknown_quiz(name, list(files))


def unknown_quiz(name: str, known: list[str]) -> UnknownQuiz:
    """The error for a quiz name that is not known, with the closest name
    among ``known`` as a suggestion."""
    import difflib  # only on this error path: it slows every start

    message = f"no quiz called {quote(name)}"
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        message += f"; did you mean {quote(close[0])}?"
    return UnknownQuiz(message + " (`filmquiz list` shows the quizzes there are)")


def categories_of(name: str) -> tuple[str, ...]:
    """The categories of the quiz ``name`` means, or none when it cannot be
    read (for shell completion, which must never fail)."""
    from filmquiz.banks.cache import read_summary

    try:
        return read_summary(locate(name)).categories
    except FilmquizError:
        return ()


def complete(incomplete: str) -> list[str]:
    """Shell completion of a quiz argument: the quiz names that start with
    ``incomplete``, then bank files and folders when it looks like a path."""
    names = [name for name in bank_files() if name.startswith(incomplete)]
    if not ("/" in incomplete or incomplete.startswith((".", "~"))):
        return names
    typed = expand(incomplete)
    folder = typed if incomplete.endswith("/") else typed.parent
    prefix = "" if incomplete.endswith("/") else typed.name
    try:
        found = sorted(
            f"{incomplete}{p.name[len(prefix) :]}" + ("/" if p.is_dir() else "")
            for p in folder.iterdir()
            if p.name.startswith(prefix)
            and (p.is_dir() or p.suffix == ".json")
            # A name that cannot be shown as it is cannot be offered either.
            and visible(p.name) == p.name
        )
    except OSError:
        found = []
    return names + found


def looks_like_path(name: str) -> bool:
    """True when a quiz name is written as a file path rather than a name."""
    return "/" in name or os.sep in name or name.lower().endswith(".json")


def load(name: str) -> Bank:
    """The bank a quiz name means, read and checked."""
    from filmquiz.banks.cache import read_bank

    return read_bank(locate(name))
