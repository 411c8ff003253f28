"""The ``html`` export below the browser: one self-contained page, its quiz
as inert JSON, its policy forbidding every load, its rules taken from
Python's."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from filmquiz.bankfile.reading import load_bank
from filmquiz.bankfile.rules import LEADING_ARTICLES, Spoiler, spoiler_rank
from filmquiz.formats import webpage
from filmquiz.formats.exported import Edition
from filmquiz.game import judging
from filmquiz.game.engine import Selection, plan_game
from filmquiz.render.wording import SPOILER_MENU
from tests.support import PARALLEL_MOTHERS, SHIPPED_BANKS, WriteBank, bank_document

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(1)> &amp;"
_DATA = re.compile(
    r'<script type="application/json" id="quiz-data">(.*?)</script>', re.S
)
_INLINE = re.compile(r"<(script|style)>(.*?)</\1>", re.S)


def edition_of(
    path: Path, *, seed: int | None = None, spoilers: Spoiler | None = None
) -> Edition:
    """What ``filmquiz export html`` hands the exporter for this bank."""
    bank = load_bank(path)
    selection = Selection(shuffle=seed is not None, seed=seed or 0, spoilers=spoilers)
    return Edition(bank, plan_game(bank, selection), seed=seed, spoilers=spoilers)


def page_of(edition: Edition) -> str:
    return webpage.export(edition).data.decode("utf-8")


def data_of(page: str) -> dict[str, Any]:
    """The quiz as the page's script reads it."""
    match = _DATA.search(page)
    assert match is not None
    found: dict[str, Any] = json.loads(match.group(1))
    return found


def outside_the_data(page: str) -> str:
    """The page without its JSON, where bank text may say anything."""
    return _DATA.sub("", page)


class TestSelfContained:
    def test_the_quiz_data_cannot_end_its_script_element(
        self, write_bank: WriteBank
    ) -> None:
        """Bank text holding ``</script>`` and markup is written as JSON
        escapes: the page's only ``<`` are its own tags, and the JSON reads
        back as the bank's text."""
        document = bank_document(title=HOSTILE)
        document["questions"][0]["prompt"] = HOSTILE
        page = page_of(edition_of(write_bank(document)))
        data_text = _DATA.search(page)
        assert data_text is not None
        assert not set("<>&") & set(data_text.group(1))
        assert "\\u003c/script\\u003e" in data_text.group(1)
        assert data_of(page)["questions"][0]["prompt"] == HOSTILE
        assert data_of(page)["title"] == HOSTILE
        assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)" in page

    def test_line_separators_are_escaped_in_the_json(self) -> None:
        """U+2028 and U+2029, which ended a line of older JavaScript, never
        reach the page raw."""
        written = webpage.script_json({"text": "a\u2028b\u2029c<>&"})
        assert written == '{"text":"a\\u2028b\\u2029c\\u003c\\u003e\\u0026"}'
        assert json.loads(written) == {"text": "a\u2028b\u2029c<>&"}

    def test_nothing_is_loaded_from_elsewhere(self) -> None:
        """No ``src``, ``href``, ``url()``, ``@import`` or address outside
        the quiz's own text: the page is one file."""
        page = outside_the_data(page_of(edition_of(PARALLEL_MOTHERS, seed=7)))
        assert not re.search(r"\b(src|href|action|srcset|poster)\s*=", page, re.I)
        assert not re.search(r"url\(|@import|https?:|//[a-z]", page, re.I)
        assert page.count("<script") == 1
        assert page.count("<style") == 1

    def test_the_policy_forbids_every_load_but_the_inline_code(self) -> None:
        """A Content-Security-Policy meta sets ``default-src 'none'`` and
        allows exactly the page's own inline style and script, by hash."""
        page = page_of(edition_of(PARALLEL_MOTHERS, seed=7))
        match = re.search(
            r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page
        )
        assert match is not None
        policy = {
            part.split()[0]: part.split()[1:] for part in match.group(1).split("; ")
        }
        assert policy["default-src"] == ["'none'"]
        assert policy["base-uri"] == ["'none'"]
        assert policy["form-action"] == ["'none'"]
        for tag, code in _INLINE.findall(page):
            digest = base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
            assert policy[f"{tag}-src"] == [f"'sha256-{digest}'"]

    def test_the_page_names_its_language_title_and_viewport(self) -> None:
        """``lang``, ``<title>``, the viewport meta and a ``<noscript>`` line."""
        page = page_of(edition_of(PARALLEL_MOTHERS, seed=7))
        assert '<html lang="en">' in page
        assert "<title>Parallel Mothers</title>" in page
        assert '<meta name="viewport" content="width=device-width' in page
        assert "<noscript>" in page

    @pytest.mark.parametrize("name", ["quiz.css", "answers.js", "quiz.js"])
    def test_no_asset_can_end_its_element(self, name: str) -> None:
        """The style sheet and scripts never say ``</`` (which could close
        their element), nor hold a placeholder of the template."""
        text = resources.files("filmquiz.formats").joinpath("page", name).read_text()
        assert "</" not in text
        assert "{{" not in text


class TestQuizData:
    def test_a_seeded_export_keeps_the_rounds_in_order(self) -> None:
        """With a seed, the page holds the questions in the order ``play
        --seed`` asks them, each with its choices in the order shown."""
        edition = edition_of(PARALLEL_MOTHERS, seed=7, spoilers="ending")
        data = data_of(page_of(edition))
        assert data["seeded"] is True
        assert [q["id"] for q in data["questions"]] == [
            r.question.id for r in edition.rounds
        ]
        assert [q["choices"] for q in data["questions"]] == [
            list(r.choices) for r in edition.rounds
        ]
        assert [q["id"] for q in data["questions"]] != [
            q.id for q in load_bank(PARALLEL_MOTHERS).questions
        ]

    def test_an_unseeded_export_asks_the_page_to_shuffle(self) -> None:
        """Without a seed the page is told to shuffle, and which questions'
        choices it may shuffle (not True and False)."""
        data = data_of(page_of(edition_of(PARALLEL_MOTHERS)))
        assert data["seeded"] is False
        for question in data["questions"]:
            assert question["shuffles"] is (question["type"] in ("single", "multi"))
            if question["type"] == "truefalse":
                assert question["choices"] == ["True", "False"]

    def test_the_typed_answer_rules_come_from_python(self) -> None:
        """The thresholds and the articles are Python's own constants."""
        rules = data_of(page_of(edition_of(PARALLEL_MOTHERS)))["rules"]
        assert rules["typoSimilarity"] == judging.TYPO_SIMILARITY
        assert rules["wordSimilarity"] == judging.WORD_SIMILARITY
        assert rules["wordTypoFrom"] == judging.WORD_TYPO_FROM
        assert rules["wholeWordTypoFrom"] == judging.WHOLE_WORD_TYPO_FROM
        assert set(rules["articles"]) == LEADING_ARTICLES
        assert rules["caseFolds"]["ß"] == "ss"
        assert 0x0301 in range(rules["combining"][0], rules["combining"][1] + 1)
        assert {0x30, 0x660, 0xFF10} <= set(rules["decimalZeros"])

    def test_the_spoiler_choices_are_the_terminals(self) -> None:
        """The page offers the terminal's spoiler menu, in its order and its
        words, without the command-line options."""
        terminal = tuple(
            (level, label.split(" (--")[0]) for level, label in SPOILER_MENU
        )
        assert terminal == webpage.SPOILER_CHOICES

    @pytest.mark.parametrize(
        ("spoilers", "asks"), [(None, True), ("ending", False), ("none", False)]
    )
    def test_the_page_asks_for_a_spoiler_level_only_when_none_was_given(
        self, spoilers: Spoiler | None, asks: bool
    ) -> None:
        """A level given at export leaves only its questions and no question
        to ask; none given, the page asks."""
        data = data_of(page_of(edition_of(PARALLEL_MOTHERS, spoilers=spoilers)))
        assert data["askSpoilers"] is asks
        if spoilers is not None:
            assert max(q["spoiler"] for q in data["questions"]) <= spoiler_rank(
                spoilers
            )

    def test_a_bank_that_spoils_nothing_asks_nothing(
        self, write_bank: WriteBank
    ) -> None:
        """When every question is marked ``none``, there is nothing to ask."""
        document = bank_document()
        document["questions"][0]["spoiler"] = "none"
        data = data_of(page_of(edition_of(write_bank(document))))
        assert data["askSpoilers"] is False
        assert data["spoilsEnding"] is False


@pytest.mark.parametrize("bank", SHIPPED_BANKS, ids=lambda path: path.stem)
def test_each_shipped_bank_exports(bank: Path, tmp_path: Path) -> None:
    """``filmquiz export html`` writes every question of each shipped bank
    into one page, and says how many."""
    output = tmp_path / "quiz.html"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "filmquiz",
            "export",
            "html",
            bank.stem,
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    questions = len(load_bank(bank).questions)
    assert f"Exported {questions} questions" in done.stdout
    page = output.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert len(data_of(page)["questions"]) == questions
