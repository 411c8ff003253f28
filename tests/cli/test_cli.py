"""The command line through typer's CliRunner: output, exit statuses, errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz import __version__
from filmquiz.bankfile.reading import load_bank
from filmquiz.bankfile.schema import bank_schema
from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from tests.support import (
    PARALLEL_MOTHERS,
    PARALLEL_MOTHERS_QUESTIONS,
    WriteBank,
    bank_document,
    question,
)

# An SGR sequence that sets a foreground colour (bold or italic alone is fine).
COLOUR = re.compile(r"\x1b\[(?:[\d;]*;)?(?:3[0-8]|9[0-7])[;m]")


def two_questions(write_bank: WriteBank) -> Path:
    """A two-question bank whose answers are choice 2, then choice 1."""
    return write_bank(
        bank_document(
            question("first", choices=["Anita", "Cecilia"], answer="Cecilia"),
            question(
                "second",
                choices=["Madrid", "Seville"],
                answer="Madrid",
                category="places",
            ),
        )
    )


class TestGeneral:
    def test_version(self, runner: CliRunner) -> None:
        """--version prints the name and version."""
        result = runner.invoke(app, ["--version"])
        assert result.exit_code == 0
        assert result.stdout == f"filmquiz {__version__}\n"

    def test_help_lists_commands_and_exit_statuses(self, runner: CliRunner) -> None:
        """--help names every command and documents the exit statuses."""
        result = runner.invoke(app, ["--help"])
        assert result.exit_code == 0
        listed = {
            line.split()[0]
            for line in result.stdout.splitlines()
            if line.startswith("  ") and line.strip()
        }
        assert {"play", "list", "validate", "scores", "add", "new", "schema"} <= listed
        assert "130 interrupted" in result.stdout

    def test_no_command_is_a_usage_error(self, runner: CliRunner) -> None:
        """Bare ``filmquiz`` without a terminal is a usage error, exit 2,
        naming the commands there are."""
        result = runner.invoke(app, [])
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr == (
            "error: a command is missing: one of play, party, list, show, validate, "
            "scores, add, new, export, schema, import, club\n"
            "Try 'filmquiz --help' for help.\n"
        )

    @pytest.mark.parametrize(
        ("args", "message", "command"),
        [
            (["validate"], "FILE is missing", "filmquiz validate"),
            (["import", "opentdb"], "SOURCE is missing", "filmquiz import opentdb"),
            (
                ["import", "opentdb", "x.json"],
                "--output is missing",
                "filmquiz import opentdb",
            ),
            (["play", "-n"], "option '-n' requires an argument", "filmquiz play"),
        ],
    )
    def test_missing_values(
        self, runner: CliRunner, args: list[str], message: str, command: str
    ) -> None:
        """A missing argument or option value is named, with where the help is."""
        result = runner.invoke(app, args)
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr == f"error: {message}\nTry '{command} --help' for help.\n"

    def test_unknown_option_is_a_usage_error(self, runner: CliRunner) -> None:
        """An unknown option exits 2 without a traceback."""
        result = runner.invoke(app, ["play", "parallel-mothers", "--bogus"])
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr == (
            "error: no such option: --bogus\nTry 'filmquiz play --help' for help.\n"
        )

    def test_python_dash_m(self) -> None:
        """``python -m filmquiz`` is the same program."""
        done = subprocess.run(
            [sys.executable, "-m", "filmquiz", "--version"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert (done.returncode, done.stdout) == (0, f"filmquiz {__version__}\n")


class TestList:
    def test_lists_the_shipped_bank(self, runner: CliRunner) -> None:
        """The table shows name, title, year, questions, categories, source."""
        result = runner.invoke(app, ["list"], env={"COLUMNS": "160"})
        assert result.exit_code == 0
        row = next(
            line for line in result.stdout.splitlines() if "parallel-mothers" in line
        )
        assert row.split("  ")[0] == "parallel-mothers"
        for cell in (
            "Parallel Mothers",
            "2021",
            str(PARALLEL_MOTHERS_QUESTIONS),
            "shipped",
            "characters, plot, cast and crew, production and awards",
        ):
            assert cell in row

    def test_json(self, runner: CliRunner) -> None:
        """--json lists each quiz as an object."""
        result = runner.invoke(app, ["list", "--json"])
        assert result.exit_code == 0
        (entry,) = [
            e for e in json.loads(result.stdout) if e["slug"] == "parallel-mothers"
        ]
        assert entry == {
            "slug": "parallel-mothers",
            "title": "Parallel Mothers",
            "year": 2021,
            "questions": PARALLEL_MOTHERS_QUESTIONS,
            "categories": [
                "characters",
                "plot",
                "cast and crew",
                "production and awards",
            ],
            "spoilers": dict(load_bank(PARALLEL_MOTHERS).spoilers),
            "source": "shipped",
            "path": entry["path"],
            "broken": None,
            "shadows": [],
        }
        assert entry["path"].endswith("parallel-mothers.json")


class TestValidate:
    def test_good_files(self, runner: CliRunner, write_bank: WriteBank) -> None:
        """One line per good file, exit 0."""
        path = write_bank(bank_document(question("a"), question("b", category="x")))
        result = runner.invoke(app, ["validate", str(path), "parallel-mothers"])
        assert result.exit_code == 0
        lines = result.stdout.splitlines()
        assert lines[0] == f"✔ {path}: 2 questions, 2 categories"
        assert lines[1].endswith(
            f"parallel-mothers.json: {PARALLEL_MOTHERS_QUESTIONS} questions, "
            "4 categories"
        )

    def test_bad_files_list_every_problem(
        self, runner: CliRunner, write_bank: WriteBank
    ) -> None:
        """Every problem of every file, then exit 1; good files still reported."""
        good = write_bank(name="good.json")
        bad = write_bank(
            bank_document(question("ana-baby", answer="Anita "), question(id=3)),
            name="fan.json",
        )
        broken = write_bank("{", name="broken.json")
        result = runner.invoke(
            app, ["validate", str(bad), str(good), str(broken), "no-such-quiz"]
        )
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stdout == f"✔ {good}: 1 question, 1 category\n"
        assert result.stderr.splitlines() == [
            f'error: {bad}: question "ana-baby": answer "Anita " is not one of the '
            "choices",
            f"error: {bad}: question 2: id must be a string, got the number 3",
            f"error: {broken}: line 1, column 2: not valid JSON: expecting property "
            "name enclosed in double quotes",
            'error: no-such-quiz: no quiz called "no-such-quiz" (`filmquiz list` shows '
            "the quizzes there are)",
        ]


class TestSchema:
    def test_prints_the_schema(self, runner: CliRunner) -> None:
        """``schema`` prints the draft 2020-12 schema as JSON."""
        result = runner.invoke(app, ["schema"])
        assert result.exit_code == 0
        assert json.loads(result.stdout) == bank_schema()


class TestPlayPlain:
    def test_piped_game(self, runner: CliRunner, write_bank: WriteBank) -> None:
        """``printf '2\\n1\\n' | filmquiz play bank.json --no-shuffle`` plays it."""
        path = two_questions(write_bank)
        result = runner.invoke(
            app, ["play", str(path), "--no-shuffle", "--player", "ana"], input="2\n1\n"
        )
        assert result.exit_code == 0
        out = result.stdout
        assert "Question 1 of 2 (plot, easy)" in out
        assert "  1. Anita\n  2. Cecilia\n" in out
        assert out.count("✔ Right!") == 2
        assert "Score 2/2 (100%)" in out
        assert "│ places   │     1 │     1 │ 100% │" in out

    def test_unrecognised_line_asks_again(
        self, runner: CliRunner, write_bank: WriteBank
    ) -> None:
        """A line that is no answer is reported, and the question asked again."""
        path = two_questions(write_bank)
        result = runner.invoke(
            app, ["play", str(path), "--no-shuffle"], input="9\nCecilia\nSeville\n"
        )
        assert result.exit_code == 0
        assert 'Not an answer: "9". Type a number from 1 to 2' in result.stdout
        assert "Score 1/2 (50%)" in result.stdout

    def test_input_ends_early(self, runner: CliRunner, write_bank: WriteBank) -> None:
        """Input that ends before the last question: a summary and exit 1."""
        path = two_questions(write_bank)
        result = runner.invoke(app, ["play", str(path), "--no-shuffle"], input="2\n")
        assert result.exit_code == ExitStatus.FAILURE
        assert (
            "Input ended after 1 of 2 questions: 1 of 1 answered right (100%), in 0s."
        ) in result.stdout
        assert "│ 1 │ Question first?" in result.stdout

    def test_json_output(self, runner: CliRunner, write_bank: WriteBank) -> None:
        """--json: stdout holds only the document; people's text is on stderr."""
        path = two_questions(write_bank)
        result = runner.invoke(
            app,
            ["play", str(path), "--no-shuffle", "--json", "--player", "ana"],
            input="1\n1\n",
        )
        assert result.exit_code == 0
        document = json.loads(result.stdout)
        # Times are the machine's own: present and sensible, not fixed.
        assert document.pop("seconds") >= 0
        for asked in document["questions"]:
            assert asked.pop("seconds") >= 0
        assert document == {
            "quiz": "fan",
            "title": "Test bank",
            "player": "ana",
            "score": 1,
            "total": 2,
            "complete": True,
            "practice": False,
            "seed": None,
            "scoring": "standard",
            "time_limit": None,
            "points": 0,
            "longest_streak": 1,
            "fifty_fifty_at": None,
            "questions": [
                {
                    "id": "first",
                    "type": "single",
                    "chosen": "Anita",
                    "given": "Anita",
                    "answer": "Cecilia",
                    "correct": False,
                    "late": False,
                    "forgiven": None,
                    "fifty_fifty": False,
                    "points": 0,
                },
                {
                    "id": "second",
                    "type": "single",
                    "chosen": "Madrid",
                    "given": "Madrid",
                    "answer": "Madrid",
                    "correct": True,
                    "late": False,
                    "forgiven": None,
                    "fifty_fifty": False,
                    "points": 0,
                },
            ],
        }
        assert "Question 1 of 2" in result.stderr
        assert "Score 1/2" in result.stderr

    def test_same_seed_same_game(self, runner: CliRunner) -> None:
        """--seed fixes the order of questions and choices."""
        args = ["play", "parallel-mothers", "--seed", "7", "--count", "5", "--json"]
        first = runner.invoke(app, args, input="1\n" * 5)
        second = runner.invoke(app, args, input="1\n" * 5)
        assert first.exit_code == second.exit_code == 0
        assert json.loads(first.stdout) == json.loads(second.stdout)

    def test_count_category_difficulty(self, runner: CliRunner) -> None:
        """The filters choose what the shipped bank asks."""
        result = runner.invoke(
            app,
            [
                "play",
                "parallel-mothers",
                "--count",
                "3",
                "--category",
                "Cast and Crew",
                "--difficulty",
                "hard",
                "--json",
            ],
            input="1\n1\n1\n",
        )
        assert result.exit_code == 0
        document = json.loads(result.stdout)
        assert document["total"] == 3
        wanted = {
            q.id
            for q in load_bank(PARALLEL_MOTHERS).questions
            if q.category == "cast and crew" and q.difficulty == "hard"
        }
        assert len(wanted) > 3
        assert {q["id"] for q in document["questions"]} <= wanted

    def test_markup_in_a_bank_is_shown_as_typed(
        self, runner: CliRunner, write_bank: WriteBank
    ) -> None:
        """``[red]`` and ``[link=...]`` reach the player as text, not styling."""
        path = write_bank(
            bank_document(
                question(
                    prompt="[bold red]Who?[/bold red]",
                    choices=["[link=https://x.invalid]Cecilia[/link]", ":smile:"],
                    answer=":smile:",
                    explanation="[/]",
                ),
                title="[blink]Title",
            )
        )
        result = runner.invoke(app, ["play", str(path)], input="2\n")
        assert result.exit_code == 0
        for text in (
            "[blink]Title",
            "[bold red]Who?[/bold red]",
            "[link=https://x.invalid]Cecilia[/link]",
            ":smile:",
            "[/]",
        ):
            assert text in result.stdout

    @pytest.mark.parametrize(
        ("args", "env"),
        [(["--no-color"], {}), ([], {"NO_COLOR": "1"})],
        ids=["--no-color", "NO_COLOR"],
    )
    def test_no_color_and_no_color_env(
        self, runner: CliRunner, args: list[str], env: dict[str, str]
    ) -> None:
        """Neither --no-color nor NO_COLOR leave colour codes behind."""
        result = runner.invoke(
            app,
            ["play", "parallel-mothers", "--count", "1", *args],
            input="1\n",
            env={"FORCE_COLOR": "1", **env},
        )
        assert result.exit_code == 0
        assert not COLOUR.search(result.stdout)

    def test_colour_when_forced(self, runner: CliRunner) -> None:
        """The check above could fail: with FORCE_COLOR, colour codes appear."""
        result = runner.invoke(
            app,
            ["play", "parallel-mothers", "--count", "1"],
            input="1\n",
            env={"FORCE_COLOR": "1"},
        )
        assert COLOUR.search(result.stdout)


class TestPlayErrors:
    def test_unknown_quiz(self, runner: CliRunner) -> None:
        """An unknown quiz: one line on stderr, exit 1, with a suggestion."""
        result = runner.invoke(app, ["play", "parallel-mother"])
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stdout == ""
        assert result.stderr == (
            'error: no quiz called "parallel-mother"; did you mean '
            '"parallel-mothers"? (`filmquiz list` shows the quizzes there are)\n'
        )

    def test_broken_bank(self, runner: CliRunner, write_bank: WriteBank) -> None:
        """play on a broken bank prints validate's messages and exits 1."""
        path = write_bank(bank_document(question("ana-baby", answer="Anita ")))
        result = runner.invoke(app, ["play", str(path)])
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stderr == (
            f'error: {path}: question "ana-baby": answer "Anita " is not one of the '
            "choices\n"
        )

    def test_no_matching_questions(self, runner: CliRunner) -> None:
        """A category with no questions is an error naming the categories."""
        result = runner.invoke(app, ["play", "parallel-mothers", "-c", "music"])
        assert result.exit_code == ExitStatus.FAILURE
        assert "its categories are characters, plot" in result.stderr

    @pytest.mark.parametrize(
        "args",
        [
            ["--count", "0"],
            ["--difficulty", "extreme"],
            ["--seed", "x"],
            ["--player", " "],
        ],
    )
    def test_bad_options(self, runner: CliRunner, args: list[str]) -> None:
        """Bad option values are usage errors: exit 2."""
        result = runner.invoke(app, ["play", "parallel-mothers", *args])
        assert result.exit_code == ExitStatus.USAGE
        assert "Traceback" not in result.output

    @pytest.mark.parametrize(
        "content",
        [
            b"",
            b"  \n",
            "[]",
            '"x"',
            b"\xff\xfe",
            bytes(range(256)),
            "NaN",
            "[" * 100_000,
            '{"format": 1, "title": null}',
        ],
        ids=[
            "empty",
            "blank",
            "list",
            "string",
            "utf16-mark",
            "all-bytes",
            "nan",
            "deep",
            "null-title",
        ],
    )
    def test_every_bad_file_kind_exits_1(
        self, runner: CliRunner, write_bank: WriteBank, content: bytes | str
    ) -> None:
        """play on each kind of bad file: exit 1, the file named, no traceback."""
        path = write_bank(content)
        result = runner.invoke(app, ["play", str(path)])
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stderr.startswith(f"error: {path}: ")
        assert "Traceback" not in result.output


def test_default_player_is_the_login_name(
    runner: CliRunner, write_bank: WriteBank, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --player, the login name plays."""
    monkeypatch.setenv("LOGNAME", "rosa")
    result = runner.invoke(
        app, ["play", str(two_questions(write_bank)), "--json"], input="1\n1\n"
    )
    assert json.loads(result.stdout)["player"] == "rosa"


def played_ids(runner: CliRunner, *args: str) -> list[str]:
    """The question ids a piped game of parallel-mothers asks, in order."""
    result = runner.invoke(
        app,
        ["play", "parallel-mothers", "--json", *args],
        input="1\n" * PARALLEL_MOTHERS_QUESTIONS,
    )
    assert result.exit_code == 0, result.output
    return [q["id"] for q in json.loads(result.stdout)["questions"]]


class TestSeeds:
    def test_a_seed_without_a_shuffle_is_a_usage_error(self, runner: CliRunner) -> None:
        """--seed orders the shuffle; with --no-shuffle it would silently do
        nothing, so the two together are refused."""
        result = runner.invoke(
            app, ["play", "parallel-mothers", "--no-shuffle", "--seed", "4"], input=""
        )
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr.startswith(
            "error: --seed does nothing with --no-shuffle, which keeps the file's "
            "order\n"
        )

    def test_first_ten_are_the_first_ten_of_the_whole_game(
        self, runner: CliRunner
    ) -> None:
        """ "Seed 7, first ten" is what a friend playing all of seed 7 gets first."""
        whole = played_ids(runner, "--seed", "7")
        assert played_ids(runner, "--seed", "7", "--count", "10") == whole[:10]

    def test_filters_keep_the_seeds_order(self, runner: CliRunner) -> None:
        """A category or difficulty picks from the seed's order."""
        from filmquiz.banks.catalog import load

        bank = load("parallel-mothers")
        plot = {q.id for q in bank.questions if q.category == "plot"}
        hard = {q.id for q in bank.questions if q.difficulty == "hard"}
        whole = played_ids(runner, "--seed", "7")
        assert played_ids(runner, "--seed", "7", "-c", "plot") == [
            i for i in whole if i in plot
        ]
        assert (
            played_ids(runner, "--seed", "7", "-d", "hard", "-n", "3")
            == [i for i in whole if i in hard][:3]
        )

    def test_choice_order_does_not_depend_on_count(self, runner: CliRunner) -> None:
        """A question's choices come in the same order in a short and a long
        game with the same seed: answer 2 picks the same text."""

        def chosen(*args: str) -> list[str]:
            result = runner.invoke(
                app,
                ["play", "parallel-mothers", "--json", "--seed", "3", *args],
                input="2\n" * PARALLEL_MOTHERS_QUESTIONS,
            )
            return [q["chosen"] for q in json.loads(result.stdout)["questions"]]

        assert chosen("-n", "5") == chosen()[:5]

    def test_json_says_the_seed(self, runner: CliRunner) -> None:
        """--json records the seed, so a game can be shared; none in file order."""
        seeded = runner.invoke(
            app,
            ["play", "parallel-mothers", "--json", "--seed", "7", "-n", "1"],
            input="1\n",
        )
        assert json.loads(seeded.stdout)["seed"] == 7
        unseeded = runner.invoke(
            app, ["play", "parallel-mothers", "--json", "-n", "1"], input="1\n"
        )
        assert isinstance(json.loads(unseeded.stdout)["seed"], int)
        ordered = runner.invoke(
            app,
            ["play", "parallel-mothers", "--json", "-n", "1", "--no-shuffle"],
            input="1\n",
        )
        assert json.loads(ordered.stdout)["seed"] is None


class TestRepeatedOptions:
    def test_categories_combine(self, runner: CliRunner) -> None:
        """-c plot -c characters asks questions of either category."""
        from filmquiz.banks.catalog import load

        categories = {q.id: q.category for q in load("parallel-mothers").questions}
        ids = played_ids(runner, "-c", "plot", "-c", "characters")
        assert {categories[i] for i in ids} == {"plot", "characters"}
        assert len(ids) == sum(c in ("plot", "characters") for c in categories.values())

    def test_difficulties_combine(self, runner: CliRunner) -> None:
        """-d easy -d hard asks questions of either difficulty, none medium."""
        from filmquiz.banks.catalog import load

        levels = {q.id: q.difficulty for q in load("parallel-mothers").questions}
        ids = played_ids(runner, "-d", "easy", "-d", "HARD")
        assert {levels[i] for i in ids} == {"easy", "hard"}


class TestHelpSpeaksFilmquiz:
    @pytest.mark.parametrize(
        "command",
        [
            [],
            ["play"],
            ["list"],
            ["validate"],
            ["scores"],
            ["add"],
            ["new"],
            ["schema"],
            ["import"],
            ["import", "opentdb"],
        ],
    )
    def test_no_python_in_the_help(self, runner: CliRunner, command: list[str]) -> None:
        """No Python types, braces or range notation, and no summary cut short."""
        result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "80"})
        assert result.exit_code == 0
        for python in ("<str>", "<int>", "list[", "{", "}", "x>=", "<bool>"):
            assert python not in result.stdout
        summaries = [
            line for line in result.stdout.splitlines() if not line.startswith("Usage:")
        ]
        assert not any(line.endswith("...") for line in summaries)

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (["--count", "0"], "error: --count must be 1 or more (got 0)"),
            (["-n", "ten"], 'error: --count must be a whole number (got "ten")'),
            (["--seed", "x"], 'error: --seed must be a whole number (got "x")'),
            (
                ["-d", "extreme"],
                'error: --difficulty must be easy, medium or hard (got "extreme")',
            ),
            (
                ["--player", " "],
                "error: --player must be a name of printable characters",
            ),
            (["--bogus"], "error: no such option: --bogus"),
        ],
    )
    def test_usage_errors(
        self, runner: CliRunner, args: list[str], message: str
    ) -> None:
        """Usage errors are one error line and where the help is, exit 2."""
        result = runner.invoke(app, ["play", "parallel-mothers", *args])
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr == f"{message}\nTry 'filmquiz play --help' for help.\n"

    def test_missing_quiz_without_a_terminal(self, runner: CliRunner) -> None:
        """play without QUIZ and without a terminal is a usage error."""
        result = runner.invoke(app, ["play"])
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr.startswith("error: QUIZ is missing: give a quiz name")


class TestColourInErrors:
    def test_no_color_holds_for_errors(self, runner: CliRunner) -> None:
        """FORCE_COLOR=1 with --no-color: the error is plain text."""
        result = runner.invoke(
            app, ["play", "nope", "--no-color"], env={"FORCE_COLOR": "1"}
        )
        assert result.exit_code == ExitStatus.FAILURE
        assert "\x1b" not in result.stderr
        assert result.stderr.startswith('error: no quiz called "nope"')

    def test_no_color_variable_holds_for_usage_errors(self, runner: CliRunner) -> None:
        """NO_COLOR=1 keeps a usage error plain too, even with FORCE_COLOR."""
        result = runner.invoke(
            app, ["play", "x", "-n", "0"], env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
        )
        assert "\x1b" not in result.stderr

    def test_forced_colour_colours_errors(self, runner: CliRunner) -> None:
        """Without --no-color, FORCE_COLOR=1 does colour the error."""
        result = runner.invoke(app, ["play", "nope"], env={"FORCE_COLOR": "1"})
        assert COLOUR.search(result.stderr)


class TestListings:
    @pytest.mark.parametrize("columns", ["50", "80", "120"])
    @pytest.mark.parametrize("command", [["list"], ["scores"], ["scores", "--games"]])
    def test_no_ellipsis_no_trailing_spaces(
        self, runner: CliRunner, command: list[str], columns: str
    ) -> None:
        """list and scores fit 50 to 120 columns without cutting a word with …,
        and no line ends in spaces."""
        for answers in ("1\n" * 10, "2\n" * 10, "2\n"):
            runner.invoke(
                app,
                ["play", "parallel-mothers", "-n", "10", "--player", "ana-lucía"],
                input=answers,
            )
        result = runner.invoke(app, command, env={"COLUMNS": columns})
        assert result.exit_code == 0
        assert "…" not in result.stdout
        for line in result.stdout.splitlines():
            assert line == line.rstrip()
        table = result.stdout.splitlines()
        assert all(len(line) <= int(columns) for line in table[:-2])
        assert "parallel-mothers" in result.stdout
