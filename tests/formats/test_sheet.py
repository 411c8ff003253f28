"""``filmquiz export sheet``: a printable question sheet and answer key, in
Markdown or, for an ``.html`` file, a self-contained HTML page."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt

from filmquiz.bankfile.model import Bank, Question
from filmquiz.bankfile.rules import Spoiler
from filmquiz.banks import catalog
from filmquiz.commands.exporting import export
from filmquiz.game.engine import Selection, plan_game
from tests.support import (
    PARALLEL_MOTHERS_QUESTIONS,
    SHIPPED_BANKS,
    WriteBank,
    bank_document,
    question,
)

LETTERS = "ABCDEFGHIJ"
KEY_HEADING = re.compile(r"^## Answer key: .*$", re.MULTILINE)
SHEET_QUESTION = re.compile(r"^\*\*(\d+)\.\*\* (.*)$")
SHEET_CHOICE = re.compile(r"^- \*\*([A-J])\.\*\* (.*)$")
KEY_ANSWER = re.compile(r"^\*\*(\d+)\.\*\* (?:\*\*([A-J](?:, [A-J])*)\*\*: )?(.*?)\\?$")
MARKDOWN_ESCAPE = re.compile(r"\\(.)")
MARKUP = ("<em>", "<a ", "<b>", "<code>", "<s>", "<del>", "<table>", "<script")
"""Tags bank text would have made had it been read as Markdown."""


def export_by_command(output: Path) -> subprocess.CompletedProcess[str]:
    """``filmquiz export sheet parallel-mothers --output OUTPUT``, run as a
    user runs it."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "filmquiz",
            "export",
            "sheet",
            "parallel-mothers",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "200"},
    )


def sheet(
    quiz: str | Path,
    output: Path,
    *,
    seed: int | None = None,
    spoilers: Spoiler | None = None,
) -> str:
    """The sheet ``export`` writes for ``quiz`` to ``output``, read back."""
    export(
        "sheet",
        str(quiz),
        output=output,
        stdout=None,
        seed=seed,
        spoilers=spoilers,
    )
    return output.read_text(encoding="utf-8")


def unescaped(markdown: str) -> str:
    """Markdown text with its backslash escapes taken out again."""
    return MARKDOWN_ESCAPE.sub(r"\1", markdown)


def read_markdown(page: str) -> tuple[list[tuple[str, list[str]]], list[list[str]]]:
    """The questions of a Markdown sheet (prompt and choices, numbers checked
    to run 1, 2, 3 ...) and the key's entries (number, letters, answer, and
    the lines after), read back as a person would."""
    sheet_part, key_part = KEY_HEADING.split(page)
    questions: list[tuple[str, list[str]]] = []
    for line in sheet_part.splitlines():
        if found := SHEET_QUESTION.match(line):
            assert int(found[1]) == len(questions) + 1
            questions.append((unescaped(found[2]), []))
        elif found := SHEET_CHOICE.match(line):
            choices = questions[-1][1]
            assert found[1] == LETTERS[len(choices)]
            choices.append(unescaped(found[2]))
    entries = [entry.splitlines() for entry in key_part.strip().split("\n\n")]
    return questions, entries


def rendered(markdown: str) -> str:
    """``markdown`` as a CommonMark renderer with GitHub's tables and
    strikethrough draws it."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)


def letters_of(question: Question, shown: list[str]) -> str:
    """The letters of a question's right choices among ``shown``."""
    right = set(question.right_choices)
    return ", ".join(LETTERS[i] for i, choice in enumerate(shown) if choice in right)


def without_choices(id: str, **fields: Any) -> dict[str, Any]:
    """A question that lists no choices (true/false or typed)."""
    made = question(id, **fields)
    del made["choices"]
    return made


SMALL_BANK = bank_document(
    question("pick", prompt="Who is Janis?", choices=["Anita", "Cecilia"]),
    without_choices(
        "yes-no",
        type="truefalse",
        prompt="Janis is a photographer.",
        answer=True,
        explanation="She takes Arturo's picture.",
    ),
    question(
        "several",
        type="multi",
        prompt="Who are mothers?",
        choices=["Janis", "Ana", "Arturo"],
        answer=["Janis", "Ana"],
        source="Fact sheet",
    ),
    {
        "id": "typed",
        "type": "text",
        "prompt": "Who directed it?",
        "answer": "Pedro Almodóvar",
        "accept": ["Almodóvar"],
    },
    title="Small bank",
    credits="The film club",
    license="CC BY 4.0",
)
SMALL_SHEET = """\
# Small bank

Film: Test (2021), directed by Someone.

4 questions.

## Questions

**1.** Who is Janis?

- **A.** Anita
- **B.** Cecilia

**2.** Janis is a photographer.

- **A.** True
- **B.** False

**3.** Who are mothers?

*Pick every right answer.*

- **A.** Janis
- **B.** Ana
- **C.** Arturo

**4.** Who directed it?

Answer: ________________________________

---

Credits: The film club\\
Licence: CC BY 4.0

---

## Answer key: Small bank

**1.** **B**: Cecilia\\
Because.

**2.** **A**: True\\
She takes Arturo's picture.

**3.** **A, B**: Janis; Ana\\
Because.\\
Source: Fact sheet

**4.** Pedro Almodóvar (also accepted: Almodóvar)
"""


class TestMarkdown:
    def test_the_command_writes_the_sheet(self, tmp_path: Path) -> None:
        """``filmquiz export sheet`` writes the Markdown sheet of a shipped
        bank, and says so."""
        output = tmp_path / "pm.md"
        done = export_by_command(output)
        assert done.returncode == 0, done.stderr
        assert done.stdout == (
            "It gives away how the film ends: --spoilers LEVEL leaves out what its "
            "readers may not have seen.\n"
            f'Exported {PARALLEL_MOTHERS_QUESTIONS} questions of "Parallel Mothers" '
            f"as sheet to {output}.\n"
        )
        page = output.read_text(encoding="utf-8")
        assert page.startswith("# Parallel Mothers\n")
        questions, answers = read_markdown(page)
        assert len(questions) == len(answers) == PARALLEL_MOTHERS_QUESTIONS

    def test_every_type_is_numbered_lettered_and_answered(
        self, write_bank: WriteBank, tmp_path: Path
    ) -> None:
        """Questions are numbered 1, 2, 3; choices (True and False too) are
        lettered; a multi question says to pick every right one; a typed one
        leaves a line; the key repeats the numbers with letters, answers,
        accepted answers, explanations and sources."""
        bank = write_bank(SMALL_BANK)
        assert sheet(bank, tmp_path / "small.md") == SMALL_SHEET

    @pytest.mark.parametrize("path", SHIPPED_BANKS, ids=lambda path: path.stem)
    def test_the_key_gives_the_right_letters(self, path: Path, tmp_path: Path) -> None:
        """For every question of a shipped bank, in the bank's order, the key
        gives the letters of its right choices and its answer."""
        bank = catalog.load(str(path))
        questions, answers = read_markdown(sheet(path, tmp_path / "sheet.md"))
        assert [prompt for prompt, _ in questions] == [q.prompt for q in bank.questions]
        for number, (bank_question, (_, shown), entry) in enumerate(
            zip(bank.questions, questions, answers, strict=True), start=1
        ):
            found = KEY_ANSWER.match(entry[0])
            assert found is not None, entry
            assert int(found[1]) == number
            assert shown == list(bank_question.offered)
            if bank_question.type == "text":
                assert found[2] is None
                assert unescaped(found[3]).startswith(str(bank_question.answer))
            else:
                assert found[2] == letters_of(bank_question, shown)
                assert unescaped(found[3]) == bank_question.answer_text
            if bank_question.explanation:
                explanation = unescaped(entry[1].removesuffix("\\"))
                assert explanation == bank_question.explanation

    def test_a_seed_gives_the_order_play_gives(self, tmp_path: Path) -> None:
        """``--seed 5`` orders the questions, and each question's choices, as
        the quiz engine orders a game played with seed 5."""
        bank = catalog.load("parallel-mothers")
        game = plan_game(bank, Selection(seed=5))
        questions, answers = read_markdown(
            sheet("parallel-mothers", tmp_path / "seeded.md", seed=5)
        )
        assert [prompt for prompt, _ in questions] == [
            round_.question.prompt for round_ in game
        ]
        assert questions != [(q.prompt, list(q.offered)) for q in bank.questions]
        for round_, (_, shown), entry in zip(game, questions, answers, strict=True):
            assert shown == list(round_.choices)
            found = KEY_ANSWER.match(entry[0])
            assert found is not None
            assert (found[2] or "") == letters_of(round_.question, shown)

    def test_bank_text_stays_text(self, write_bank: WriteBank, tmp_path: Path) -> None:
        """Markdown, inline HTML, entities, links and list markers in bank
        text are shown as written, never read as markup."""
        prompt = "# 1. *not bold* <b>x</b> [link](http://x) &amp; `code` ~~no~~ | a |"
        choices = ["- dash", "1. one", "+ plus", "_under_ \\ {x} !"]
        bank = write_bank(
            bank_document(
                question(
                    "markup",
                    prompt=prompt,
                    choices=choices,
                    answer=choices[1],
                    explanation="<script>alert(1)</script>",
                ),
                title="# Not a heading",
            )
        )
        page = sheet(bank, tmp_path / "markup.md")
        assert (
            "**1.** \\# 1. \\*not bold\\* \\<b\\>x\\</b\\> "
            "\\[link\\](http://x) \\&amp; \\`code\\` \\~\\~no\\~\\~ \\| a \\|\n"
        ) in page
        drawn = rendered(page)
        assert f"<p><strong>1.</strong> {html.escape(prompt, quote=False)}</p>" in drawn
        for choice in choices:
            assert f"</strong> {html.escape(choice, quote=False)}</li>" in drawn
        assert "<h1># Not a heading</h1>" in drawn
        for markup in MARKUP:
            assert markup not in drawn

    def test_spoilers_none_keeps_to_spoiler_free_questions(
        self, write_bank: WriteBank, tmp_path: Path
    ) -> None:
        """``--spoilers none`` prints only the questions marked ``none``, and
        the heading says it kept to no spoilers."""
        levels = ("none", "early", "middle", "ending")
        at = [question(level, spoiler=level, prompt=f"At {level}?") for level in levels]
        bank = write_bank(
            bank_document(
                *at,
                question("unmarked", prompt="Unmarked?"),
            )
        )
        page = sheet(bank, tmp_path / "spoiler-free.md", spoilers="none")
        questions, answers = read_markdown(page)
        assert [prompt for prompt, _ in questions] == ["At none?"]
        assert len(answers) == 1
        assert "\n1 question, no spoilers: nothing of the plot is given away.\n" in page

    def test_every_question_of_a_shipped_bank_is_kept(self, tmp_path: Path) -> None:
        """Every type can be printed: nothing is left out."""
        for path in SHIPPED_BANKS:
            bank = catalog.load(str(path))
            done = export(
                "sheet", str(path), output=tmp_path / f"{path.stem}.md", stdout=None
            )
            assert done.exported.questions == len(bank.questions)
            assert done.exported.left_out == ()


class SheetReader(HTMLParser):
    """An HTML sheet read back: each question's number and lettered
    choices, and each answer's number and letters."""

    def __init__(self) -> None:
        super().__init__()
        self.in_key = False
        self.reading: str | None = None
        self.questions: list[str] = []
        self.choices: list[list[str]] = []
        self.answers: list[str] = []
        self.letters: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag == "section":
            self.in_key = classes == "key"
        elif tag == "p" and classes == "prompt":
            self.choices.append([])
        elif self.in_key and tag == "li":
            self.letters.append("")
        elif classes in ("number", "letter", "letters"):
            self.reading = classes

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.reading = None

    def handle_data(self, data: str) -> None:
        if self.reading == "number":
            (self.answers if self.in_key else self.questions).append(data)
        elif self.reading == "letter":
            self.choices[-1].append(data)
        elif self.reading == "letters":
            self.letters[-1] += data


def bank_of(path: Path) -> Bank:
    return catalog.load(str(path))


class TestHtml:
    def test_the_command_writes_a_page_for_printing(self, tmp_path: Path) -> None:
        """An ``.html`` output gets a self-contained page: a language and a
        title, print CSS, the answer key on a page of its own, and nothing
        fetched from anywhere."""
        output = tmp_path / "pm.html"
        done = export_by_command(output)
        assert done.returncode == 0, done.stderr
        page = output.read_text(encoding="utf-8")
        assert page.startswith('<!DOCTYPE html>\n<html lang="en">\n')
        assert "<title>Parallel Mothers: quiz sheet</title>" in page
        assert '<meta name="viewport" content="width=device-width' in page
        assert ".key { break-before: page;" in page
        assert '<section class="key">' in page
        assert re.search(r"\b(src|href|action)\s*=|url\(|@import", page) is None

    @pytest.mark.parametrize("name", ["sheet.html", "sheet.htm", "SHEET.HTML"])
    def test_html_suffixes_give_html(self, name: str, tmp_path: Path) -> None:
        """``.html`` and ``.htm``, in any case, give the HTML sheet."""
        page = sheet("parallel-mothers", tmp_path / name)
        assert page.startswith("<!DOCTYPE html>")

    @pytest.mark.parametrize("path", SHIPPED_BANKS, ids=lambda path: path.stem)
    def test_the_key_gives_the_right_letters(self, path: Path, tmp_path: Path) -> None:
        """The HTML sheet numbers every question of a shipped bank and letters
        its choices (True and False too); the key repeats the numbers and
        gives the letters of the right choices."""
        bank = bank_of(path)
        reader = SheetReader()
        reader.feed(sheet(path, tmp_path / "sheet.html"))
        numbers = [f"{n}." for n in range(1, len(bank.questions) + 1)]
        assert reader.questions == reader.answers == numbers
        assert reader.choices == [
            [f"{LETTERS[i]}." for i in range(len(q.offered))] for q in bank.questions
        ]
        assert reader.letters == [
            letters_of(q, list(q.offered)) for q in bank.questions
        ]

    def test_bank_text_is_escaped(self, write_bank: WriteBank, tmp_path: Path) -> None:
        """A ``<script>`` in any bank text is shown as text, never run."""
        script = "<script>alert('x')</script>"
        bank = write_bank(
            bank_document(
                question(
                    "script",
                    prompt=script,
                    choices=[f"{script} &", "B"],
                    answer="B",
                    explanation=script,
                    source=script,
                ),
                title=script,
                credits=script,
                license=script,
                film={"title": script, "director": script},
            )
        )
        page = sheet(bank, tmp_path / "script.html")
        assert "<script" not in page
        assert page.count(html.escape(script)) == 11
        assert f"{html.escape(script)} &amp;</li>" in page


def test_hashes_and_indented_list_marks_stay_text(
    write_bank: WriteBank, tmp_path: Path
) -> None:
    """A title ending in hashes keeps them (a heading's closing sequence
    otherwise), and an explanation starting with spaces and "1." or "-" is
    no list."""
    bank = write_bank(
        bank_document(
            question("one", explanation="  1. first"),
            question("two", explanation="   - second"),
            title="Ends with hashes ##",
        ),
    )
    drawn = rendered(sheet(bank, tmp_path / "hashes.md"))
    assert "<h1>Ends with hashes ##</h1>" in drawn
    assert "<ol" not in drawn
    assert "<ul>" not in drawn.split("Answer key")[1]


def test_an_address_in_a_source_can_be_copied(
    write_bank: WriteBank, tmp_path: Path
) -> None:
    """Underscores inside a word are no emphasis, and are left unescaped, so
    an address copied from the sheet's text still works; at a word's edge
    they are escaped."""
    address = "https://example.org/el_cine_en_la_ser/"
    bank = write_bank(bank_document(question("one", source=address, prompt="_a_?")))
    page = sheet(bank, tmp_path / "sources.md")
    assert f"Source: {address}" in page
    assert "\\_a\\_?" in page
    drawn = rendered(page)
    assert address in drawn
    assert "<em>" not in drawn
