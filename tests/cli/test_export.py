"""``filmquiz export`` and the new ``import`` formats at the command line:
options checked before anything is written, exit statuses as documented."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz.bankfile.reading import load_bank
from filmquiz.cli.app import app
from tests.support import PARALLEL_MOTHERS


def run(
    runner: CliRunner, *args: str, stdin: str | None = None
) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    # Usage errors are drawn in a box: read its words.
    return (
        result.exit_code,
        result.stdout,
        " ".join(result.stderr.replace("│", " ").split()),
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["export", "pdf", "parallel-mothers", "-o", "x"],
            'error: FORMAT must be html, sheet, gift, aiken, csv or anki (got "pdf")',
        ),
        (
            ["export", "gift", "parallel-mothers", "-o", "x", "--seed", "1"],
            "error: --seed orders only the html and sheet exports; gift "
            "keeps the bank's order",
        ),
        (
            ["export", "anki", "parallel-mothers", "-o", "-"],
            "error: --output must be a file for an anki export, not -",
        ),
        (
            ["export", "csv", "parallel-mothers", "-o", "."],
            'error: --output must be a file to write, not the folder "."',
        ),
        (
            [
                "export",
                "csv",
                "parallel-mothers",
                "-o",
                "x",
                "--no-spoilers",
                "--spoilers",
                "ending",
            ],
            "error: --no-spoilers cannot be used with --spoilers ending: give one "
            "of them",
        ),
        (["export", "csv", "parallel-mothers"], "error: --output is missing"),
        (
            ["export", "sheet", "parallel-mothers", "-o", "night.pdf"],
            "error: --output must end in .md, .markdown, .txt, .html or .htm for a "
            'sheet export (not "night.pdf")',
        ),
        (
            ["export", "anki", "parallel-mothers", "-o", "deck.zip"],
            'error: --output must end in .apkg for an anki export (not "deck.zip")',
        ),
    ],
)
def test_usage_errors_write_nothing(
    runner: CliRunner,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    message: str,
) -> None:
    """A wrong format or option is a usage error (2), and no file appears."""
    monkeypatch.chdir(tmp_path)
    status, stdout, stderr = run(runner, *args)
    assert (status, stdout) == (2, "")
    assert stderr == f"{message} Try 'filmquiz export --help' for help."
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_kept_without_force(
    runner: CliRunner, tmp_path: Path
) -> None:
    """export never overwrites a file unless --force says so."""
    output = tmp_path / "pm.gift"
    output.write_text("mine", encoding="utf-8")
    status, _, stderr = run(
        runner, "export", "gift", "parallel-mothers", "-o", str(output)
    )
    assert status == 1
    assert stderr == f"error: {output} already exists; pass --force to replace it"
    assert output.read_text(encoding="utf-8") == "mine"
    assert (
        run(runner, "export", "gift", "parallel-mothers", "-o", str(output), "--force")[
            0
        ]
        == 0
    )
    assert output.read_text(encoding="utf-8").startswith("// Quiz: Parallel Mothers\n")


def test_an_unknown_quiz_is_named(runner: CliRunner, tmp_path: Path) -> None:
    status, _, stderr = run(
        runner, "export", "csv", "paralel-mothers", "-o", str(tmp_path / "x.csv")
    )
    assert status == 1
    assert stderr.startswith('error: no quiz called "paralel-mothers"')


def test_spoilers_are_kept_to_the_level_asked(
    runner: CliRunner, tmp_path: Path
) -> None:
    """--spoilers none writes only the questions that spoil nothing."""
    output = tmp_path / "safe.csv"
    status, stdout, _ = run(
        runner,
        "export",
        "csv",
        "parallel-mothers",
        "-o",
        str(output),
        "--spoilers",
        "none",
    )
    assert status == 0
    safe = [q for q in load_bank(PARALLEL_MOTHERS).questions if q.spoiler == "none"]
    assert f"Exported {len(safe)} questions" in stdout
    back = tmp_path / "safe.json"
    run(runner, "import", "csv", str(output), "-o", str(back))
    assert load_bank(back).questions == tuple(safe)


def test_import_reads_standard_input(runner: CliRunner, tmp_path: Path) -> None:
    """SOURCE - reads the questions from stdin."""
    output = tmp_path / "piped.json"
    status, _, _ = run(
        runner,
        "import",
        "aiken",
        "-",
        "-o",
        str(output),
        stdin="Who directed M?\nA. Fritz Lang\nB. Murnau\nANSWER: A\n",
    )
    assert status == 0
    bank = load_bank(output)
    assert bank.title == "Imported questions"
    assert bank.questions[0].answer == "Fritz Lang"


def test_import_keeps_an_existing_bank_without_force(
    runner: CliRunner, tmp_path: Path
) -> None:
    output = tmp_path / "mine.json"
    output.write_text("{}", encoding="utf-8")
    status, _, stderr = run(
        runner,
        "import",
        "aiken",
        "-",
        "-o",
        str(output),
        stdin="Who?\nA. X\nB. Y\nANSWER: A\n",
    )
    assert status == 1
    assert stderr == f"error: {output} already exists; pass --force to replace it"
    assert output.read_text(encoding="utf-8") == "{}"


def test_import_title_must_be_plain_text(runner: CliRunner, tmp_path: Path) -> None:
    status, _, stderr = run(
        runner,
        "import",
        "csv",
        "-",
        "-o",
        str(tmp_path / "x.json"),
        "--title",
        "a\x1b[31mb",
        stdin="prompt,answer\nA?,B\n",
    )
    assert status == 2
    assert "error: --title contains a control character (U+001B)" in stderr


def test_export_takes_the_questions_play_would(
    runner: CliRunner, tmp_path: Path
) -> None:
    """--category, --difficulty and --count choose as they do for play: the
    first N that match, in the bank's order."""
    output = tmp_path / "plot.csv"
    status, _, _ = run(
        runner,
        "export",
        "csv",
        "parallel-mothers",
        "-o",
        str(output),
        "--category",
        "PLOT",
        "--difficulty",
        "easy",
        "--count",
        "3",
    )
    assert status == 0
    wanted = [
        q
        for q in load_bank(PARALLEL_MOTHERS).questions
        if q.category == "plot" and q.difficulty == "easy"
    ][:3]
    back = tmp_path / "plot.json"
    run(runner, "import", "csv", str(output), "-o", str(back))
    assert load_bank(back).questions == tuple(wanted)


def test_a_file_that_gives_the_ending_away_says_so(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Without --spoilers, an export holding questions about the ending says
    so; kept to a level before it, it says nothing of the kind."""
    note = (
        "It gives away how the film ends: --spoilers LEVEL leaves out what its "
        "readers may not have seen."
    )
    _, stdout, _ = run(
        runner, "export", "gift", "parallel-mothers", "-o", str(tmp_path / "all.gift")
    )
    assert note in stdout
    _, stdout, _ = run(
        runner,
        "export",
        "gift",
        "parallel-mothers",
        "-o",
        str(tmp_path / "safe.gift"),
        "--spoilers",
        "middle",
    )
    assert note not in stdout
    assert '"spoiler_words"' in (tmp_path / "all.gift").read_text(encoding="utf-8")
    # Read together, the words that give the plot away tell it.
    assert '"spoiler_words"' not in (tmp_path / "safe.gift").read_text(encoding="utf-8")


def test_importing_a_bank_says_it_is_one_already(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A filmquiz bank given to import gift is named for what it is."""
    status, _, stderr = run(
        runner, "import", "gift", str(PARALLEL_MOTHERS), "-o", str(tmp_path / "x.json")
    )
    assert status == 1
    assert stderr == (
        f"error: {PARALLEL_MOTHERS}: is a filmquiz bank already, not gift: play it "
        "as it is, or add it with filmquiz add"
    )


def test_a_name_too_long_is_an_error_not_a_crash(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A file name the file system cannot hold is said to be one."""
    output = tmp_path / ("a" * 300 + ".csv")
    status, _, stderr = run(
        runner, "export", "csv", "parallel-mothers", "-o", str(output)
    )
    assert status == 1
    assert stderr == f"error: {output}: cannot be written (File name too long)"


def test_import_writes_a_bank_to_a_file_only(runner: CliRunner) -> None:
    """--output - is not standard output for a bank: a usage error."""
    status, _, stderr = run(
        runner, "import", "aiken", "-", "-o", "-", stdin="Who?\nA. X\nB. Y\nANSWER: A\n"
    )
    assert status == 2
    assert stderr == (
        "error: --output must be a file: a bank is not written to - "
        "Try 'filmquiz import aiken --help' for help."
    )
