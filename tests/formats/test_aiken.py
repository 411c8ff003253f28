"""Aiken: single-choice questions in and out; what it cannot hold is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz.bankfile.reading import load_bank
from filmquiz.cli.app import app
from tests.support import PARALLEL_MOTHERS, bank_document, question

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
        "line 1: choices with no question before them",
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


def test_what_people_write_beside_the_documented_forms(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A question's first line is its text whatever it looks like (J. K.
    Rowling); lower-case letters, ANSWER without its colon and tabs are read
    as meant."""
    source = tmp_path / "loose.txt"
    source.write_text(
        "J. K. Rowling wrote which series?\na) Harry Potter\nb)\tNarnia\n"
        "ANSWER A\n\nWho directed\tM?\nA. Fritz Lang\nB. Murnau\nANSWER: b\n",
        encoding="utf-8",
    )
    output = tmp_path / "loose.json"
    status, _, stderr = run(runner, "import", "aiken", str(source), "-o", str(output))
    assert (status, stderr) == (0, "")
    rowling, lang = load_bank(output).questions
    assert (rowling.prompt, rowling.choices, rowling.answer) == (
        "J. K. Rowling wrote which series?",
        ("Harry Potter", "Narnia"),
        "Harry Potter",
    )
    assert (lang.prompt, lang.answer) == ("Who directed M?", "Murnau")


def test_a_stray_line_and_too_many_choices_are_located(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A second line of question text, and a 27th choice, are problems at
    their lines, not a prompt glued together or a crash."""
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    many = "".join(f"{letter}. c{letter}\n" for letter in letters) + "A. more\n"
    source = tmp_path / "odd.txt"
    source.write_text(
        f"Who directed M?\nIt is from 1931.\nA. Lang\nB. Murnau\nANSWER: A\n\n"
        f"How many?\n{many}ANSWER: A\n",
        encoding="utf-8",
    )
    status, _, stderr = run(
        runner, "import", "aiken", str(source), "-o", str(tmp_path / "o.json")
    )
    assert status == 1
    assert stderr.splitlines()[:2] == [
        f"error: {source}: line 2 (question 1): neither a choice (A. ...) nor "
        "ANSWER: (a question is one line, and the next starts after its ANSWER: "
        "line)",
        f"error: {source}: line 34 (question 2): a question has at most 26 "
        "choices, A to Z",
    ]


def test_a_prompt_aiken_would_misread_is_left_out(
    runner: CliRunner, tmp_path: Path
) -> None:
    """A prompt that reads as an ANSWER: line is named and left out; one that
    starts like a choice is written, and comes back."""
    bank = tmp_path / "odd.json"
    bank.write_text(
        json.dumps(
            bank_document(
                question("answer", prompt="ANSWER: C"),
                question("choice", prompt="A. Looks like a choice?"),
            )
        ),
        encoding="utf-8",
    )
    output = tmp_path / "odd.txt"
    status, _, stderr = run(runner, "export", "aiken", str(bank), "-o", str(output))
    assert status == 0
    assert stderr == (
        'warning: left out question "answer": Aiken would read its prompt as the '
        "ANSWER: line\n"
    )
    back = tmp_path / "back.json"
    assert run(runner, "import", "aiken", str(output), "-o", str(back))[0] == 0
    assert load_bank(back).questions[0].prompt == "A. Looks like a choice?"
