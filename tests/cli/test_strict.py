"""``filmquiz validate --strict``: the linter's warnings on the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from tests.support import SHIPPED_BANKS, WriteBank, bank_document, question


def test_warnings_fail_only_when_strict(
    runner: CliRunner, write_bank: WriteBank
) -> None:
    path = write_bank(
        bank_document(
            question(
                "a",
                prompt="Who is Cecilia's mother, Anita's mother or Teresa?",
                explanation="Cecilia.",
                spoiler="ending",
            )
        )
    )
    plain = runner.invoke(app, ["validate", str(path)])
    assert plain.exit_code == ExitStatus.OK
    strict = runner.invoke(app, ["validate", "--strict", str(path)])
    assert strict.exit_code == ExitStatus.FAILURE
    assert strict.stdout == (
        f"✔ {path}: 1 question, 1 category\n"
        f'! {path}: question "a": the prompt holds the answer ("Cecilia") '
        "[answer-in-prompt]\n"
        f'! {path}: question "a": the explanation only restates the answer; add '
        "a fact the player did not know [restates-answer]\n"
        "2 warnings in 1 file (1 answer-in-prompt, 1 restates-answer); the README "
        "says what each means and how to fix it.\n"
    )


def test_a_clean_bank(runner: CliRunner, write_bank: WriteBank) -> None:
    path = write_bank(
        bank_document(
            question(
                "a",
                prompt="Who is Janis's baby daughter?",
                explanation="She is born in Madrid, in 2016.",
                spoiler="early",
            )
        )
    )
    done = runner.invoke(app, ["validate", "--strict", str(path)])
    assert (done.exit_code, done.stdout) == (
        ExitStatus.OK,
        f"✔ {path}: 1 question, 1 category\nNo warnings.\n",
    )


def test_the_shipped_banks_are_clean(runner: CliRunner) -> None:
    """The Done-when of the content: validate --strict quizzes/*.json is 0."""
    done = runner.invoke(app, ["validate", "--strict", *map(str, SHIPPED_BANKS)])
    assert done.exit_code == ExitStatus.OK, done.stdout
    assert done.stdout.endswith("No warnings.\n")


def test_a_broken_bank_beside_a_clean_one(
    runner: CliRunner, write_bank: WriteBank, tmp_path: Path
) -> None:
    broken = write_bank("[]", name="broken.json")
    done = runner.invoke(
        app, ["validate", "--strict", str(broken), str(SHIPPED_BANKS[0])]
    )
    assert done.exit_code == ExitStatus.FAILURE
    assert "a bank must be a JSON object" in done.stderr
    assert done.stdout.endswith("No warnings.\n")


def test_a_bank_of_many_warnings_is_summed_up(
    runner: CliRunner, write_bank: WriteBank
) -> None:
    """Past the first 500 warnings of a bank, the rest are counted, by kind."""
    questions = [question(f"q{n}", prompt=f"Question {n}?") for n in range(600)]
    path = write_bank(bank_document(*questions))
    done = runner.invoke(app, ["validate", "--strict", str(path)])
    assert done.exit_code == ExitStatus.FAILURE
    lines = done.stdout.splitlines()
    assert len([line for line in lines if line.startswith("! ")]) == 500
    assert lines[-2] == f"{path}: and 701 more warnings"
    assert lines[-1].startswith(
        "1201 warnings in 1 file (1 predictable-answers, 600 restates-answer, "
        "600 no-spoiler-level);"
    )
