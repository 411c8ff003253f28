"""The ``anki`` export: an Anki deck (``.apkg``), one note per question.

The front of a card asks the question (with its lettered choices); the back
gives the answer, the explanation and the source. Every id is derived from
the bank's slug and the question ids, never drawn at random, so importing a
fresh export of the same bank updates the deck already in Anki (keeping the
player's reviews) instead of adding a second copy of every card.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import os
import re
import sqlite3
import tempfile
import time
import zipfile
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

from filmquiz.bankfile.rules import UNMARKED_SPOILER
from filmquiz.formats.exported import Edition, Exported

if TYPE_CHECKING:
    from filmquiz.bankfile.model import Bank, Question
    from filmquiz.game.engine import Round

FIELDS = ("Prompt", "Choices", "Answer", "Explanation", "Source")
"""The fields of every note, in order: Anki stores them joined by \\x1f."""

ID_FLOOR = 1 << 30
ID_SPAN = 1 << 30
"""Deck and model ids fall in [2**30, 2**31), the range genanki asks for:
clear of Anki's own small ids (the default deck is 1) and of the
millisecond timestamps Anki gives the decks and note types people make."""

_EARLIEST_ZIP_TIME = 315_532_800
"""1980-01-01 in seconds since 1970: a zip file cannot record anything earlier."""

_CARD_FRONT = """<div class="filmquiz tex2jax_ignore mathjax_ignore">
<div class="prompt">{{Prompt}}</div>
{{#Choices}}<div class="choices">{{Choices}}</div>{{/Choices}}
</div>"""
_CARD_BACK = """{{FrontSide}}
<hr id="answer">
<div class="filmquiz tex2jax_ignore mathjax_ignore">
<div class="answer">{{Answer}}</div>
{{#Explanation}}<div class="explanation">{{Explanation}}</div>{{/Explanation}}
{{#Source}}<div class="source">Source: {{Source}}</div>{{/Source}}
</div>"""
# The classes ask MathJax to leave bank text alone: a prompt holding "\(" is
# a question about punctuation, not a formula.
_CARD_STYLE = """.card { font-family: sans-serif; font-size: 20px; text-align: left;
  color: black; background-color: white; }
.prompt { font-weight: bold; margin-bottom: 0.6em; }
.choices ul { list-style: none; padding: 0; margin: 0.3em 0; }
.choices li { margin: 0.2em 0; }
.letter { font-weight: bold; }
.hint { font-style: italic; }
.answer { font-weight: bold; }
.explanation { margin-top: 0.6em; }
.source { margin-top: 0.6em; font-size: 0.8em; color: #555; }
.nightMode .source { color: #aaa; }"""

_NOT_IN_A_TAG = re.compile(r"[\s:\"]+")
"""What an Anki tag cannot hold: spaces separate tags, ``::`` nests them, and
a double quote ends a search for one."""


def export(edition: Edition, *, modified: float | None = None) -> Exported:
    """The deck for ``edition``, as the bytes of an ``.apkg`` file.

    ``modified`` is the time the notes are stamped with (seconds since 1970):
    by default ``SOURCE_DATE_EPOCH`` when it is set, so that a build can be
    reproduced byte for byte, or else now. Anki updates a note it already
    holds only from a note stamped later, so a fixed stamp would leave a
    corrected question uncorrected on the second import.
    """
    import genanki  # type: ignore[import-untyped]  # only this format needs it

    bank = edition.bank
    model = genanki.Model(
        stable_id("model", bank.slug),
        f"filmquiz: {bank.title}",
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "Question", "qfmt": _CARD_FRONT, "afmt": _CARD_BACK}],
        css=_CARD_STYLE,
    )
    # "::" in a deck's name nests it in Anki: a title is one deck.
    name = bank.title.replace("::", ": ")
    deck = genanki.Deck(stable_id("deck", bank.slug), name, _description(bank))
    for round_ in edition.rounds:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=list(note_fields(round_)),
                tags=tags(round_.question),
                guid=note_guid(bank.slug, round_.question.id),
            )
        )
    stamp = _stamp() if modified is None else modified
    return Exported(
        data=_package(genanki.Package(deck), stamp), questions=len(edition.rounds)
    )


def stable_id(kind: str, slug: str) -> int:
    """The id of a bank's deck (``kind`` "deck") or note type ("model"):
    the same for the same slug in every export, and different for the two
    kinds."""
    digest = hashlib.sha256(json.dumps(["filmquiz", kind, slug]).encode()).digest()
    return ID_FLOOR + int.from_bytes(digest[:8], "big") % ID_SPAN


def note_guid(slug: str, question_id: str) -> str:
    """The note's guid, by which Anki knows it again: the same for the same
    question of the same bank in every export."""
    from genanki import guid_for

    # One JSON string rather than guid_for(slug, id), which joins its parts
    # with "__" and so would give slug "a__b", id "c" the guid of slug "a",
    # id "b__c".
    guid: str = guid_for(json.dumps(["filmquiz", slug, question_id]))
    return guid


def field_text(text: str) -> str:
    """Bank text made safe for an Anki field, which Anki shows as HTML:
    escaped, with square brackets written as character references too so
    that Anki never reads ``[sound:...]`` or ``[latex]`` in them."""
    return html.escape(text, quote=False).replace("[", "&#91;").replace("]", "&#93;")


def note_fields(round_: Round) -> tuple[str, ...]:
    """The note's fields, in the order of FIELDS."""
    question = round_.question
    return (
        field_text(question.prompt),
        _choices_field(round_),
        _answer_field(round_),
        field_text(question.explanation or ""),
        field_text(question.source or ""),
    )


def tags(question: Question) -> list[str]:
    """The note's tags: its category, difficulty and spoiler level, each
    under a parent tag (``category::plot_and_characters``)."""
    found = [
        ("category", question.category),
        ("difficulty", question.difficulty),
        ("spoiler", question.spoiler or UNMARKED_SPOILER),
    ]
    return [f"{name}::{_tag_word(value)}" for name, value in found if value]


def _tag_word(text: str) -> str:
    """``text`` as one tag word: runs of what a tag cannot hold become ``_``."""
    return _NOT_IN_A_TAG.sub("_", text.strip()) or "_"


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def _choices_field(round_: Round) -> str:
    """The lettered choices of a single or multi question, "True or false?"
    for a true/false one, nothing for a typed answer."""
    question = round_.question
    if question.type == "truefalse":
        # Not said twice when the prompt already asks "True or false: ...".
        asks = question.prompt.casefold().startswith("true or false")
        return "" if asks else '<div class="hint">True or false?</div>'
    if not round_.choices:
        return ""
    items = "".join(
        f'<li><span class="letter">{_letter(i)}.</span> {field_text(choice)}</li>'
        for i, choice in enumerate(round_.choices)
    )
    hint = (
        '<div class="hint">Pick every right answer.</div>'
        if question.type == "multi"
        else ""
    )
    return f"{hint}<ul>{items}</ul>"


def _answer_field(round_: Round) -> str:
    """The answer: the lettered right choice (every one, for multi), True or
    False, or the words to type and the others accepted."""
    question = round_.question
    if question.type in ("single", "multi"):
        right = set(question.right_choices)
        return "<br>".join(
            f'<span class="letter">{_letter(i)}.</span> {field_text(choice)}'
            for i, choice in enumerate(round_.choices)
            if choice in right
        )
    answer = field_text(question.answer_text)
    if question.accept:
        also = "; ".join(field_text(words) for words in question.accept)
        answer += f"<br>Also accepted: {also}"
    return answer


def _description(bank: Bank) -> str:
    """The deck's description: the film, the credits and the licence."""
    lines = []
    film = bank.film
    if film is not None and film.title:
        about = field_text(film.title)
        if film.year is not None:
            about += f" ({film.year})"
        if film.director:
            about += f", directed by {field_text(film.director)}"
        lines.append(about)
    if bank.credits:
        lines.append(f"Credits: {field_text(bank.credits)}")
    if bank.license:
        lines.append(f"Licence: {field_text(bank.license)}")
    lines.append("Made with filmquiz.")
    return "<br>".join(lines)


LATEST_STAMP = 4_354_819_199
"""2107-12-31 23:59:59, the last second a zip file can date an entry."""


def _stamp() -> float:
    """SOURCE_DATE_EPOCH when it is a number of seconds a zip file can
    hold (1980 to 2107), else now."""
    fixed = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if fixed.isascii() and fixed.isdigit() and len(fixed) <= len(str(LATEST_STAMP)):
        seconds = int(fixed)
        if _EARLIEST_ZIP_TIME <= seconds <= LATEST_STAMP:
            return float(seconds)
    return time.time()


def _package(package: Any, stamp: float) -> bytes:
    """The bytes of the ``.apkg`` file holding ``package``.

    genanki's own ``write_to_file`` leaves its database behind in the
    temporary folder and dates the zip's entries by the clock, so the
    database is written here, in a folder removed afterwards, and zipped
    with the stamp as every entry's date: the same notes and stamp give the
    same bytes.
    """
    with tempfile.TemporaryDirectory(prefix="filmquiz-anki-") as folder:
        database = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database)
        try:
            # Note and card ids count up from the stamp in milliseconds, as
            # genanki's write_to_file counts them; Anki matches notes by guid.
            package.write_to_db(
                connection.cursor(), stamp, itertools.count(int(stamp * 1000))
            )
            connection.commit()
        finally:
            connection.close()
        collection = database.read_bytes()
    when = datetime.fromtimestamp(max(stamp, _EARLIEST_ZIP_TIME), UTC)
    date_time = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as apkg:
        for name, content in (("collection.anki2", collection), ("media", b"{}")):
            entry = zipfile.ZipInfo(name, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16  # readable, as any file saved
            apkg.writestr(entry, content)
    return buffer.getvalue()
