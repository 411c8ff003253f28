"""``filmquiz export anki``: an Anki deck, one note per question, with ids
that stay the same from one export to the next."""

from __future__ import annotations

import html
import json
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path
from typing import NamedTuple

import pytest

from filmquiz.banks import catalog
from filmquiz.commands.exporting import export
from filmquiz.formats import anki
from filmquiz.formats.exported import Edition
from filmquiz.game.engine import Selection, plan_game
from tests.support import (
    PARALLEL_MOTHERS_QUESTIONS,
    SHIPPED_BANKS,
    WriteBank,
    bank_document,
    question,
)


class Note(NamedTuple):
    """A note as the deck's database holds it."""

    guid: str
    model: int
    modified: int
    fields: list[str]
    tags: list[str]


class Deck(NamedTuple):
    """What an ``.apkg`` file holds: its notes in order, and the ids of its
    decks and note types (Anki's default deck and note type left out)."""

    notes: list[Note]
    decks: set[int]
    models: set[int]


def opened(data: bytes, folder: Path) -> Deck:
    """The deck in the bytes of an ``.apkg`` file (a zip holding an SQLite
    database), as Anki would read it."""
    with zipfile.ZipFile(BytesIO(data)) as apkg:
        assert sorted(apkg.namelist()) == ["collection.anki2", "media"]
        assert json.loads(apkg.read("media")) == {}
        folder.mkdir(parents=True, exist_ok=True)
        database = folder / "collection.anki2"
        database.write_bytes(apkg.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        rows = connection.execute(
            "SELECT guid, mid, mod, flds, tags FROM notes ORDER BY id"
        ).fetchall()
        decks, models = connection.execute("SELECT decks, models FROM col").fetchone()
        cards = connection.execute("SELECT count(*) FROM cards").fetchone()[0]
    finally:
        connection.close()
    notes = [
        Note(guid, model, modified, fields.split("\x1f"), tags.split())
        for guid, model, modified, fields, tags in rows
    ]
    assert cards == len(notes)  # one card per note: the question, then the answer
    return Deck(
        notes,
        {int(id) for id in json.loads(decks)} - {1},
        {int(id) for id in json.loads(models)},
    )


def edition_of(quiz: str | Path) -> Edition:
    """What ``export`` hands a format for ``quiz``: all of it, in bank order."""
    bank = catalog.load(str(quiz))
    return Edition(bank=bank, rounds=plan_game(bank, Selection(shuffle=False)))


def deck_of(quiz: str | Path, folder: Path, *, modified: float = 1_700_000_000) -> Deck:
    """The deck the anki format makes of ``quiz``, stamped ``modified``."""
    return opened(anki.export(edition_of(quiz), modified=modified).data, folder)


def escaped(text: str) -> str:
    """Bank text as it must stand in a field: HTML-escaped, and with square
    brackets that Anki could read as ``[sound:...]`` written as references."""
    return html.escape(text, quote=False).replace("[", "&#91;").replace("]", "&#93;")


def run_export(*args: str, env: dict[str, str] | None = None) -> None:
    """``filmquiz export anki ...`` run as a user runs it; it must succeed."""
    done = subprocess.run(
        [sys.executable, "-m", "filmquiz", "export", "anki", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200", **(env or {})},
    )
    assert done.returncode == 0, done.stderr


class TestDeck:
    def test_the_command_writes_a_deck(self, tmp_path: Path) -> None:
        """``filmquiz export anki`` writes an ``.apkg`` holding a note for
        every question of the bank."""
        output = tmp_path / "pm.apkg"
        run_export("parallel-mothers", "--output", str(output))
        deck = opened(output.read_bytes(), tmp_path / "opened")
        assert len(deck.notes) == PARALLEL_MOTHERS_QUESTIONS
        assert len(deck.decks) == len(deck.models) == 1

    @pytest.mark.parametrize("path", SHIPPED_BANKS, ids=lambda path: path.stem)
    def test_one_note_per_question(self, path: Path, tmp_path: Path) -> None:
        """Each question of a shipped bank is a note in the bank's order: its
        escaped prompt, every right choice in its answer, its explanation and
        source, and nothing left out."""
        edition = edition_of(path)
        exported = anki.export(edition, modified=1_700_000_000)
        assert exported.questions == len(edition.bank.questions)
        assert exported.left_out == ()
        deck = opened(exported.data, tmp_path)
        assert len(deck.notes) == len(edition.bank.questions)
        for note, asked in zip(deck.notes, edition.bank.questions, strict=True):
            prompt, choices, answer, explanation, source = note.fields
            assert prompt == escaped(asked.prompt)
            for choice in asked.choices:
                assert escaped(choice) in choices
            for right in asked.right_choices:
                assert escaped(right) in answer
            assert explanation == escaped(asked.explanation or "")
            assert source == escaped(asked.source or "")

    def test_each_type_asks_and_answers(
        self, write_bank: WriteBank, tmp_path: Path
    ) -> None:
        """Choices are lettered on the front and the right ones on the back;
        a true/false question asks "True or false?"; a typed one gives its
        answer and the others accepted."""
        yes_no = question("yes-no", type="truefalse", answer=False)
        del yes_no["choices"]
        typed = question("typed", type="text", answer="Almodóvar", accept=["Pedro"])
        del typed["choices"]
        several = question(
            "several",
            type="multi",
            choices=["Ana", "Janis", "Arturo"],
            answer=["Ana", "Arturo"],
        )
        bank = write_bank(bank_document(question("one"), yes_no, typed, several))
        one, true_false, text, multi = (
            note.fields[1:3] for note in deck_of(bank, tmp_path).notes
        )
        letter = '<span class="letter">{}.</span> {}'
        assert one == [
            "<ul>"
            + "".join(
                f"<li>{letter.format(c, name)}</li>"
                for c, name in zip("ABC", ["Anita", "Cecilia", "Teresa"], strict=True)
            )
            + "</ul>",
            letter.format("B", "Cecilia"),
        ]
        assert true_false == ['<div class="hint">True or false?</div>', "False"]
        assert text == ["", "Almodóvar<br>Also accepted: Pedro"]
        assert multi[0].startswith('<div class="hint">Pick every right answer.</div>')
        ana, arturo = letter.format("A", "Ana"), letter.format("C", "Arturo")
        assert multi[1] == f"{ana}<br>{arturo}"

    def test_markup_in_bank_text_is_escaped(
        self, write_bank: WriteBank, tmp_path: Path
    ) -> None:
        """Bank text is shown as written: ``<b>``, ``&`` and Anki's own
        ``[sound:...]`` in a prompt, choice or explanation are escaped."""
        marked = "<b>bold</b> & [sound:boo.mp3]"
        bank = write_bank(
            bank_document(
                question(
                    "markup",
                    prompt=marked,
                    choices=[marked, "Plain"],
                    answer=marked,
                    explanation=marked,
                    source=marked,
                ),
                title=marked,
            )
        )
        note = deck_of(bank, tmp_path).notes[0]
        safe = "&lt;b&gt;bold&lt;/b&gt; &amp; &#91;sound:boo.mp3&#93;"
        assert note.fields[0] == safe
        assert note.fields[3] == safe
        assert note.fields[4] == safe
        assert f"</span> {safe}</li>" in note.fields[1]
        assert note.fields[2].endswith(f"</span> {safe}")
        for field in note.fields:
            assert "<b>" not in field
            assert "[sound:" not in field

    def test_tags_hold_no_spaces(self, write_bank: WriteBank, tmp_path: Path) -> None:
        """Category, difficulty and spoiler level become tags, their spaces
        and colons made underscores; an unmarked question is tagged as
        reaching the ending."""
        bank = write_bank(
            bank_document(
                question(
                    "a",
                    category="plot and  characters",
                    difficulty="hard",
                    spoiler="early",
                ),
                question("b", category="trivia: behind the scenes"),
            )
        )
        first, second = deck_of(bank, tmp_path).notes
        assert first.tags == [
            "category::plot_and_characters",
            "difficulty::hard",
            "spoiler::early",
        ]
        assert second.tags == [
            "category::trivia_behind_the_scenes",
            "difficulty::easy",
            "spoiler::ending",
        ]


class TestStableIds:
    def test_a_second_export_has_the_same_ids(self, tmp_path: Path) -> None:
        """Exported again (later), a bank keeps its guids, deck id and note
        type id, so that Anki updates the deck rather than doubling it."""
        first = deck_of("parallel-mothers", tmp_path / "1", modified=1_700_000_000)
        later = deck_of("parallel-mothers", tmp_path / "2", modified=1_800_000_000)
        guids = [note.guid for note in first.notes]
        assert guids == [note.guid for note in later.notes]
        assert len(set(guids)) == len(guids)
        assert first.decks == later.decks
        assert first.models == later.models
        assert {note.model for note in first.notes} == first.models
        assert {note.modified for note in later.notes} == {1_800_000_000}

    def test_the_guid_comes_from_the_slug_and_question_id(self) -> None:
        """A guid depends on the bank's slug and the question's id, and no
        pair of them can pass for another."""
        assert anki.note_guid("pm", "q1") == anki.note_guid("pm", "q1")
        assert anki.note_guid("pm", "q1") != anki.note_guid("pm", "q2")
        assert anki.note_guid("a__b", "c") != anki.note_guid("a", "b__c")

    def test_another_slug_gives_other_ids(
        self, write_bank: WriteBank, tmp_path: Path
    ) -> None:
        """The same questions in a bank of another name are another deck:
        other guids, another deck id and note type id."""
        document = bank_document(question("q1"), question("q2"))
        one = deck_of(write_bank(document, name="one.json"), tmp_path / "1")
        two = deck_of(write_bank(document, name="two.json"), tmp_path / "2")
        assert not {n.guid for n in one.notes} & {n.guid for n in two.notes}
        assert not one.decks & two.decks
        assert not one.models & two.models

    def test_ids_fall_in_the_range_anki_decks_are_given(self) -> None:
        """Deck and note type ids are in [2**30, 2**31) and differ from each
        other."""
        deck, model = anki.stable_id("deck", "pm"), anki.stable_id("model", "pm")
        assert deck != model
        for id in (deck, model):
            assert 2**30 <= id < 2**31

    def test_the_same_stamp_gives_the_same_bytes(self, tmp_path: Path) -> None:
        """With SOURCE_DATE_EPOCH set, two exports are the same file, byte
        for byte, and every note carries that date."""
        outputs = [tmp_path / "1.apkg", tmp_path / "2.apkg"]
        for output in outputs:
            run_export(
                "parallel-mothers",
                "--output",
                str(output),
                env={"SOURCE_DATE_EPOCH": "1700000000"},
            )
        first, second = (output.read_bytes() for output in outputs)
        assert first == second
        with zipfile.ZipFile(BytesIO(first)) as apkg:
            dates = {entry.date_time for entry in apkg.infolist()}
        assert dates == {(2023, 11, 14, 22, 13, 20)}  # 1700000000, in UTC
        notes = opened(first, tmp_path / "opened").notes
        assert {note.modified for note in notes} == {1_700_000_000}


def test_genanki_is_loaded_only_to_export(tmp_path: Path) -> None:
    """Importing the anki format, or the command line, does not load genanki:
    only writing a deck does."""
    script = """
import sys
import filmquiz.cli.app, filmquiz.formats.anki
assert "genanki" not in sys.modules, "loaded too soon"
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_the_export_command_runs_in_process(tmp_path: Path) -> None:
    """``export`` below the command line writes the deck and reports it."""
    output = tmp_path / "pm.apkg"
    done = export("anki", "parallel-mothers", output=output, stdout=None)
    assert done.exported.questions == PARALLEL_MOTHERS_QUESTIONS
    assert done.exported.left_out == ()
    assert len(opened(output.read_bytes(), tmp_path / "o").notes) == (
        PARALLEL_MOTHERS_QUESTIONS
    )


@pytest.mark.parametrize("stamp", ["4500000000", "99999999999999", "²", "-5", "1e9"])
def test_a_date_no_deck_can_hold_is_not_used(stamp: str, tmp_path: Path) -> None:
    """A SOURCE_DATE_EPOCH outside what a zip file dates (1980 to 2107), or
    not a whole number, is passed over for now, as if it were not set."""
    output = tmp_path / "deck.apkg"
    run_export(
        "parallel-mothers", "--output", str(output), env={"SOURCE_DATE_EPOCH": stamp}
    )
    notes = opened(output.read_bytes(), tmp_path / "opened").notes
    assert abs(notes[0].modified - time.time()) < 600


def test_a_title_with_double_colons_is_one_deck(
    write_bank: WriteBank, tmp_path: Path
) -> None:
    """Anki nests decks at "::": a title holding it still names one deck."""
    path = write_bank(bank_document(title="Films::Noir :: Part 2"), name="noir.json")
    data = anki.export(edition_of(path), modified=1_700_000_000).data
    with zipfile.ZipFile(BytesIO(data)) as apkg:
        database = tmp_path / "collection.anki2"
        database.write_bytes(apkg.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        (decks,) = connection.execute("SELECT decks FROM col").fetchone()
    finally:
        connection.close()
    names = {deck["name"] for deck in json.loads(decks).values()}
    assert names == {"Default", "Films: Noir :  Part 2"}
