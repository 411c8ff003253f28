"""Spoiler levels, sources and credits on the command line: ``play
--spoilers``, the game's warning, ``list`` and ``show``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from tests.support import WriteBank, bank_document, question

LEVELS = ("none", "early", "middle", "ending")


@pytest.fixture
def bank(write_bank: WriteBank) -> Path:
    """Two questions at each level, and two unmarked."""
    questions = [
        question(f"{level}-{n}", spoiler=level) for level in LEVELS for n in (1, 2)
    ]
    questions += [question(f"unmarked-{n}") for n in (1, 2)]
    return write_bank(
        bank_document(
            *questions,
            credits="The film club",
            license="CC BY 4.0",
        ),
        name="club.json",
    )


def asked(runner: CliRunner, bank: Path, *options: str) -> list[str]:
    """The ids of the questions a piped --json game asks."""
    result = runner.invoke(
        app,
        ["play", str(bank), "--json", "--player", "ana", *options],
        input="1\n" * 20,
    )
    assert result.exit_code == 0, result.output
    return [q["id"] for q in json.loads(result.stdout)["questions"]]


class TestPlay:
    @pytest.mark.parametrize(
        ("options", "levels"),
        [
            (["--no-spoilers"], {"none"}),
            (["--spoilers", "none"], {"none"}),
            (["--spoilers", "Early"], {"none", "early"}),
            (["--spoilers", "middle"], {"none", "early", "middle"}),
            (["--spoilers", "ending"], {*LEVELS, "unmarked"}),
            ([], {*LEVELS, "unmarked"}),
        ],
    )
    def test_only_questions_up_to_the_level_are_asked(
        self, runner: CliRunner, bank: Path, options: list[str], levels: set[str]
    ) -> None:
        ids = asked(runner, bank, *options)
        assert {id.rsplit("-", 1)[0] for id in ids} == levels
        assert len(ids) == 2 * len(levels)

    def test_the_header_warns_of_the_ending(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """A game that may ask an ending question (or an unmarked one) says
        so before the first question; one that cannot does not."""
        warning = "Spoilers: this game may give away how the film ends"
        spoiling = runner.invoke(app, ["play", str(bank)], input="1\n" * 20)
        assert warning in spoiling.stdout
        safe = runner.invoke(
            app, ["play", str(bank), "--spoilers", "middle"], input="1\n" * 20
        )
        assert warning not in safe.stdout

    @pytest.mark.parametrize(
        ("options", "message"),
        [
            (
                ["--spoilers", "all"],
                'error: --spoilers must be none, early, middle or ending (got "all")',
            ),
            (
                ["--no-spoilers", "--spoilers", "middle"],
                "error: --no-spoilers cannot be used with --spoilers middle: give "
                "one of them",
            ),
        ],
    )
    def test_a_bad_level_is_a_usage_error(
        self, runner: CliRunner, bank: Path, options: list[str], message: str
    ) -> None:
        result = runner.invoke(app, ["play", str(bank), *options], input="")
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr.splitlines()[0] == message

    def test_nothing_at_the_level(
        self, runner: CliRunner, write_bank: WriteBank
    ) -> None:
        path = write_bank(bank_document(question("a")))
        result = runner.invoke(app, ["play", str(path), "--no-spoilers"], input="")
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stderr == (
            'error: "Test bank" has no questions with spoilers no further than '
            '"none"; a question without a spoiler level counts as the ending\n'
        )


class TestListAndShow:
    def test_list_counts_each_level(
        self, runner: CliRunner, bank: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setenv("FILMQUIZ_PATH", str(bank.parent))
        listed = json.loads(runner.invoke(app, ["list", "--json"]).stdout)
        (club,) = [entry for entry in listed if entry["slug"] == "club"]
        assert club["spoilers"] == {"none": 2, "early": 2, "middle": 2, "ending": 4}
        table = runner.invoke(app, ["list"], env={"COLUMNS": "200"}).stdout
        assert "spoilers none:2, early:2, middle:2, ending:4" in table

    def test_show_gives_credits_licence_and_sources(
        self, runner: CliRunner, write_bank: WriteBank
    ) -> None:
        path = write_bank(
            bank_document(
                question("a", spoiler="none", source="Fact sheet: cast"),
                question("b", spoiler="middle", source="Fact sheet: cast"),
                question("c", source="https://example.org/review"),
                credits="The film club",
                license="CC BY 4.0",
            )
        )
        shown = runner.invoke(app, ["show", str(path)], env={"COLUMNS": "200"})
        assert shown.exit_code == 0
        assert shown.stdout == (
            "Test bank\n"
            "Film        Test, 2021, directed by Someone\n"
            "Questions   3 questions: plot 3\n"
            "Difficulty  easy 3\n"
            "Spoilers    none 1, middle 1, ending 1 (1 not marked, counted as ending)\n"
            "Credits     The film club\n"
            "License     CC BY 4.0\n"
            f"File        {path}\n"
            "\n"
            "Sources\n"
            "2  Fact sheet: cast\n"
            "1  https://example.org/review\n"
            "3 questions of 3 cite a source.\n"
        )
        document = json.loads(runner.invoke(app, ["show", str(path), "--json"]).stdout)
        assert document["credits"] == "The film club"
        assert document["license"] == "CC BY 4.0"
        assert document["spoilers"] == {"none": 1, "early": 0, "middle": 1, "ending": 1}
        assert document["sources"] == {
            "Fact sheet: cast": 2,
            "https://example.org/review": 1,
        }

    def test_show_an_unknown_quiz(self, runner: CliRunner) -> None:
        result = runner.invoke(app, ["show", "parallel-mother"])
        assert result.exit_code == ExitStatus.FAILURE
        assert "no quiz called" in result.stderr
