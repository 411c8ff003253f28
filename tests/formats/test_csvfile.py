"""CSV: a spreadsheet's rows in, every question out, problems located by line
and column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz.bankfile.reading import load_bank
from filmquiz.cli.app import app
from filmquiz.formats.csvfile import COLUMNS
from tests.support import PARALLEL_MOTHERS

EXAMPLES = Path(__file__).parent / "examples"


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


class TestImport:
    def test_a_spreadsheet_s_rows_become_questions(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """Capitalised headers and words, empty ids and types told from the
        rest, choices and answers on lines of their own in one cell, a quoted
        comma and quote, TRUE as a spreadsheet writes it."""
        output = tmp_path / "sheet.json"
        status, stdout, stderr = run(
            runner,
            "import",
            "csv",
            str(EXAMPLES / "spreadsheet.csv"),
            "-o",
            str(output),
        )
        assert (status, stderr) == (0, "")
        assert stdout.splitlines()[0] == (
            f"Imported 4 questions into {output} (0 duplicates dropped, 0 left out)."
        )
        bank = load_bank(output)
        assert bank.title == "Spreadsheet"
        director, mothers, photographer, year = bank.questions
        assert director.id == "who-directed-parallel-mothers-564056d0"
        assert (director.type, director.answer) == ("single", "Pedro Almodóvar")
        assert (director.difficulty, director.spoiler) == ("easy", "none")
        assert director.explanation == "He also wrote it."
        assert mothers.answer == ("Penélope Cruz", "Milena Smit")
        assert photographer.prompt == 'Janis is a photographer, "true or false"?'
        assert (photographer.type, photographer.answer) == ("truefalse", True)
        assert (year.type, year.answer, year.accept) == (
            "text",
            "2021",
            ("twenty twenty-one",),
        )

    def test_as_excel_saves_it_with_a_bom_and_windows_line_endings(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A byte order mark, and CRLF inside cells too, change nothing."""
        text = (EXAMPLES / "spreadsheet.csv").read_text(encoding="utf-8")
        excel = tmp_path / "spreadsheet.csv"
        excel.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
        run(
            runner,
            "import",
            "csv",
            str(EXAMPLES / "spreadsheet.csv"),
            "-o",
            str(tmp_path / "plain.json"),
        )
        status, _, _ = run(
            runner, "import", "csv", str(excel), "-o", str(tmp_path / "excel.json")
        )
        assert status == 0
        plain = load_bank(tmp_path / "plain.json")
        assert load_bank(tmp_path / "excel.json").questions == plain.questions

    @pytest.mark.parametrize("separator", [";", "\t"])
    def test_semicolons_or_tabs_between_cells(
        self, runner: CliRunner, tmp_path: Path, separator: str
    ) -> None:
        """A spreadsheet that separates cells with semicolons (Excel in French
        or Spanish) or tabs reads as one with commas."""
        text = (EXAMPLES / "spreadsheet.csv").read_text(encoding="utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
        other = io.StringIO()
        csv.writer(other, delimiter=separator).writerows(rows)
        source = tmp_path / "other.csv"
        source.write_text(other.getvalue(), encoding="utf-8")
        run(
            runner,
            "import",
            "csv",
            str(EXAMPLES / "spreadsheet.csv"),
            "-o",
            str(tmp_path / "commas.json"),
        )
        status, _, stderr = run(
            runner, "import", "csv", str(source), "-o", str(tmp_path / "other.json")
        )
        assert (status, stderr) == (0, "")
        commas = load_bank(tmp_path / "commas.json")
        assert load_bank(tmp_path / "other.json").questions == commas.questions

    def test_a_title_given_wins(self, runner: CliRunner, tmp_path: Path) -> None:
        """--title names the bank; without it the file's name does."""
        output = tmp_path / "sheet.json"
        run(
            runner,
            "import",
            "csv",
            str(EXAMPLES / "spreadsheet.csv"),
            "-o",
            str(output),
            "--title",
            "Almodóvar night",
        )
        assert load_bank(output).title == "Almodóvar night"


MALFORMED = [
    (
        'prompt,answer\n"Who directed M?,Lang\n',
        "line 2: not valid CSV: unexpected end of data",
    ),
    (
        'prompt,answer\n"Who" directed M?,Lang\n',
        "line 2: not valid CSV: ',' expected after '\"'",
    ),
    (
        "prompt,answer,year\nWho directed M?,Lang,1931\n",
        "line 1: unknown column 'year'; the columns are " + ", ".join(COLUMNS),
    ),
    ("question,answer\nWho directed M?,Lang\n", "line 1: unknown column 'question'"),
    ("prompt,choices\nWho directed M?,Lang\n", "line 1: no 'answer' column"),
    ("prompt,answer,answer\nA?,B,C\n", "line 1: the column 'answer' is named twice"),
    (
        "prompt,answer\nWho directed M?,Lang,Murnau\n",
        "line 2 (question 1): has a cell in a column the header does not name (it "
        "names 2 columns)",
    ),
    (
        'prompt,choices,answer\n\nWho directed M?,"Lang\nMurnau",Pabst\n',
        'line 3 (question 1): answer "Pabst" is not one of the choices',
    ),
    (
        'type,prompt,choices,answer\nsingle,Who directed M?,"Lang\nMurnau","Lang\n'
        'Murnau"\n',
        "line 2 (question 1): the answer cell has 2 lines, but a single question "
        "has one answer (multi takes several)",
    ),
    (
        "prompt,answer,difficulty\nWho directed M?,Lang,brutal\n",
        'line 2 (question 1): difficulty must be "easy", "medium" or "hard", got '
        'the string "brutal"',
    ),
    ("prompt,answer\n", "holds no question filmquiz can play"),
    ("", "the file is empty"),
]


@pytest.mark.parametrize(("text", "problem"), MALFORMED)
def test_a_malformed_file_is_refused_with_its_problem_located(
    runner: CliRunner, tmp_path: Path, text: str, problem: str
) -> None:
    """Nothing is written; the first problem names the file, the line and
    the question's number; the exit status is 1."""
    source = tmp_path / "broken.csv"
    source.write_text(text, encoding="utf-8")
    output = tmp_path / "out.json"
    status, stdout, stderr = run(
        runner, "import", "csv", str(source), "-o", str(output)
    )
    assert (status, stdout) == (1, "")
    assert stderr.splitlines()[0].startswith(f"error: {source}: {problem}")
    assert not output.exists()


class TestExport:
    def test_one_row_a_question_under_the_documented_header(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A spreadsheet reads one row a question, the cells as documented."""
        output = tmp_path / "pm.csv"
        status, stdout, _ = run(
            runner, "export", "csv", "parallel-mothers", "--output", str(output)
        )
        assert status == 0
        bank = load_bank(PARALLEL_MOTHERS)
        assert stdout == (
            "It gives away how the film ends: --spoilers LEVEL leaves out what its "
            "readers may not have seen.\n"
            f'Exported {len(bank.questions)} questions of "Parallel Mothers" as csv '
            f"to {output}.\n"
        )
        data = output.read_bytes()
        assert data.startswith(b"\xef\xbb\xbfid,type,prompt,")  # UTF-8, for Excel
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
        assert len(rows) == len(bank.questions)
        assert tuple(rows[0]) == COLUMNS
        for row, question in zip(rows, bank.questions, strict=True):
            assert row["id"] == question.id
            assert row["type"] == question.type
            assert row["prompt"] == question.prompt
            assert row["choices"].splitlines() == list(question.choices)
            assert row["answer"].splitlines() == [
                *question.right_choices,
                *question.accept,
            ]

    def test_to_standard_output(self, runner: CliRunner) -> None:
        """--output - writes the CSV on stdout, and the summary on stderr."""
        result = runner.invoke(app, ["export", "csv", "parallel-mothers", "-o", "-"])
        assert result.exit_code == 0
        header = "\ufeff" + ",".join(COLUMNS) + "\r\n"
        assert result.stdout_bytes.startswith(header.encode())
        assert result.stderr.splitlines()[-1] == (
            'Exported 86 questions of "Parallel Mothers" as csv to standard output.'
        )


class TestWhatSpreadsheetsDo:
    def test_spaces_in_cells_are_kept(self, runner: CliRunner, tmp_path: Path) -> None:
        """Text is taken as it is, spaces at its ends too: "TRUE" and "TRUE "
        are two choices, as the bank they came from had them."""
        source = tmp_path / "spaces.csv"
        source.write_text(
            'prompt,choices,answer\n Which? ,"TRUE\nTRUE ",TRUE \n', encoding="utf-8"
        )
        output = tmp_path / "out.json"
        assert run(runner, "import", "csv", str(source), "-o", str(output))[0] == 0
        (read,) = load_bank(output).questions
        assert (read.prompt, read.choices, read.answer) == (
            " Which? ",
            ("TRUE", "TRUE "),
            "TRUE ",
        )

    def test_blank_lines_and_unnamed_empty_columns_are_passed_over(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """Blank lines before the header, and an empty column a spreadsheet
        added at the right, change nothing."""
        source = tmp_path / "loose.csv"
        source.write_text("\n\nprompt,answer,\nWho directed M?,Lang,\n", "utf-8")
        output = tmp_path / "out.json"
        status, _, stderr = run(runner, "import", "csv", str(source), "-o", str(output))
        assert (status, stderr) == (0, "")
        assert load_bank(output).questions[0].answer == "Lang"

    def test_a_cell_as_big_as_a_bank_may_be(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A prompt of 140,000 characters (past csv's own 128 KB limit) reads."""
        long_prompt = "Who? " + "x" * 140_000
        source = tmp_path / "big.csv"
        source.write_text(f"prompt,answer\n{long_prompt},Lang\n", encoding="utf-8")
        output = tmp_path / "out.json"
        assert run(runner, "import", "csv", str(source), "-o", str(output))[0] == 0
        assert load_bank(output).questions[0].prompt == long_prompt

    def test_ids_made_from_text_never_clash(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """Three questions whose made ids would meet get three ids."""
        source = tmp_path / "ids.csv"
        source.write_text('prompt,answer\n"Who? b",x\nWho?,a\nWho?,b\n', "utf-8")
        output = tmp_path / "out.json"
        status, _, stderr = run(runner, "import", "csv", str(source), "-o", str(output))
        assert (status, stderr) == (0, "")
        ids = [q.id for q in load_bank(output).questions]
        assert len(set(ids)) == 3
