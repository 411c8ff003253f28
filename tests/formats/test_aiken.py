"""Aiken: single-choice questions in and out; what it cannot hold is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz.bankfile.reading import load_bank
from filmquiz.cli.app import app
from tests.support import PARALLEL_MOTHERS

EXAMPLES = Path(__file__).parent / "examples"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_documented_forms_are_read(runner: CliRunner, tmp_path: Path) -> None:
    """A. and A) choices, a question right after the last ANSWER, and True
    and False choices, which make a true/false question."""
    output = tmp_path / "class.json"
    status, stdout, stderr = run(
        runner, "import", "aiken", str(EXAMPLES / "film-class.txt"), "-o", str(output)
    )
    assert (status, stderr) == (0, "")
    assert stdout.splitlines()[0] == (
        f"Imported 3 questions into {output} (0 duplicates dropped, 0 left out)."
    )
    metropolis, wings, casablanca = load_bank(output).questions
    assert metropolis.choices == (
        "Fritz Lang",
        "F. W. Murnau",
        "G. W. Pabst",
        "Robert Wiene",
    )
    assert metropolis.answer == "Fritz Lang"
    assert wings.answer == "Wings"
    assert wings.choices == ("Wings", "Sunrise", "The Jazz Singer")
    assert (casablanca.type, casablanca.answer) == ("truefalse", True)
    assert metropolis.id == "who-directed-the-1927-film-metropolis-04536847"


MALFORMED = [
    (
        "Who directed M?\nA. Lang\nB. Murnau\n\nWho directed Nosferatu?\nA. Murnau\n"
        "B. Lang\nANSWER: A\n",
        "line 1 (question 1): no ANSWER: line after its choices",
    ),
    (
        "Who directed M?\nA. Lang\nB. Murnau\n",
        "line 1 (question 1): no ANSWER: line after its choices",
    ),
    (
        "Who directed M?\nA. Lang\nB. Murnau\nANSWER: C\n",
        "line 4 (question 1): ANSWER: must be one of the letters A, B, not 'C'",
    ),
    (
        "Who directed M?\nA. Lang\nC. Murnau\nANSWER: A\n",
        "line 3 (question 1): the choice lettered C should be lettered B",
    ),
    (
        "A. Lang\nB. Murnau\nANSWER: A\n",
        "line 1: a choice or ANSWER: line with no question before it",
    ),
    (
        "Who directed M?\nANSWER: A\n",
        "line 2 (question 1): ANSWER: comes before any choice",
    ),
    (
        "Who directed M?\nA. Lang\nB. Lang\nANSWER: A\n",
        'line 1 (question 1): choice "Lang" is listed twice',
    ),
]


@pytest.mark.parametrize(("text", "problem"), MALFORMED)
def test_a_malformed_file_is_refused_with_its_problem_located(
    runner: CliRunner, tmp_path: Path, text: str, problem: str
) -> None:
    """Nothing is written, and the first problem names the line and the
    question's number."""
    source = tmp_path / "broken.txt"
    source.write_bytes(text.replace("\n", "\r\n").encode())  # as Windows saves it
    output = tmp_path / "out.json"
    status, stdout, stderr = run(
        runner, "import", "aiken", str(source), "-o", str(output)
    )
    assert (status, stdout) == (1, "")
    assert stderr.splitlines()[0] == f"error: {source}: {problem}"
    assert not output.exists()


def test_export_names_what_aiken_cannot_hold(runner: CliRunner, tmp_path: Path) -> None:
    """Typed and multi-select questions are left out, one warning each; what
    no Aiken question has room for is said once; the rest comes back whole."""
    bank = load_bank(PARALLEL_MOTHERS)
    output = tmp_path / "pm.txt"
    status, stdout, stderr = run(
        runner, "export", "aiken", "parallel-mothers", "--output", str(output)
    )
    assert status == 0
    cannot = [q for q in bank.questions if q.type in ("multi", "text")]
    reasons = {
        "multi": "Aiken has one right answer a question, not several",
        "text": "Aiken has no typed answers",
    }
    assert stderr.splitlines() == [
        f'warning: left out question "{q.id}": {reasons[q.type]}' for q in cannot
    ]
    kept = len(bank.questions) - len(cannot)
    assert stdout.splitlines() == [
        "The aiken format has no place for ids, categories, difficulties, "
        "spoiler levels, explanations and sources.",
        "It gives away how the film ends: --spoilers LEVEL leaves out what its "
        "readers may not have seen.",
        f'Exported {kept} questions of "Parallel Mothers" as aiken to {output}.',
    ]
    back = tmp_path / "back.json"
    assert run(runner, "import", "aiken", str(output), "-o", str(back))[0] == 0
    returned = load_bank(back).questions
    expected = [q for q in bank.questions if q.type in ("single", "truefalse")]
    assert [(q.type, q.prompt, q.choices, q.answer) for q in returned] == [
        (q.type, q.prompt, q.choices, q.answer) for q in expected
    ]


def test_a_seed_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    """--seed is a usage error: Aiken keeps the bank's order, and says so."""
    status, _, stderr = run(
        runner,
        "export",
        "aiken",
        "parallel-mothers",
        "-o",
        str(tmp_path / "x.txt"),
        "--seed",
        "3",
    )
    assert status == 2
    assert "--seed" in stderr
    assert "orders only the html and sheet exports; aiken keeps the bank's order" in (
        " ".join(stderr.replace("│", " ").split())
    )
    assert not (tmp_path / "x.txt").exists()
