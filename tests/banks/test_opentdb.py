"""Importing Open Trivia Database questions: decoding, ids, duplicates, filters."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from filmquiz.bankfile.reading import load_bank
from filmquiz.banks.naming import question_id
from filmquiz.banks.opentdb import NotOpenTdb, convert, text
from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from tests.support import SHARED_DATA


def result(
    question: str, answer: str, wrong: list[str], **fields: Any
) -> dict[str, Any]:
    return {
        "type": "multiple",
        "difficulty": "easy",
        "category": "Entertainment: Film",
        "question": question,
        "correct_answer": answer,
        "incorrect_answers": wrong,
        **fields,
    }


class TestText:
    @pytest.mark.parametrize(
        ("raw", "decoded"),
        [
            ("&quot;Jaws&quot;", '"Jaws"'),
            ("Schindler&#039;s List", "Schindler's List"),
            ("Tom &amp; Jerry", "Tom & Jerry"),
            ("G&uuml;nter", "Günter"),
            ("two\nlines\tand\x1b[31m colour", "two lines and [31m colour"),
            ("  padded  ", "padded"),
            ("True\u200e", "True"),
            ("\ufeffZero\u200bwidth", "Zerowidth"),
            ("\U0001f469\u200d\U0001f467", "\U0001f469\u200d\U0001f467"),
        ],
    )
    def test_entities_and_control_characters(self, raw: str, decoded: str) -> None:
        """Entities are decoded, control characters become spaces, lines join,
        and invisible marks go (joiners inside emoji stay)."""
        assert text(raw) == decoded

    def test_ids_are_stable_and_readable(self) -> None:
        """The same text always gives the same id, led by its first words."""
        first = question_id('Who directed "Jaws" (1975)?')
        assert first == question_id('Who directed "Jaws" (1975)?')
        assert first.startswith("who-directed-jaws-1975-")
        assert first != question_id('Who directed "Jaws 2" (1978)?')


class TestConvert:
    def test_multiple_and_boolean(self) -> None:
        """Multiple-choice keeps all answers; True/False becomes a truefalse
        question, its answer true or false."""
        report = convert(
            {
                "results": [
                    result(
                        "Who directed &quot;Jaws&quot;?",
                        "Steven Spielberg",
                        ["George Lucas", "Brian De Palma", "Martin Scorsese"],
                    ),
                    result(
                        "Jaws was released in 1975.",
                        "True",
                        ["False"],
                        type="boolean",
                        difficulty="hard",
                    ),
                ]
            }
        )
        first, second = report.document["questions"]
        assert first["prompt"] == 'Who directed "Jaws"?'
        assert sorted(first["choices"]) == sorted(
            ["Steven Spielberg", "George Lucas", "Brian De Palma", "Martin Scorsese"]
        )
        assert first["answer"] == "Steven Spielberg"
        assert (first["category"], first["difficulty"]) == (
            "Entertainment: Film",
            "easy",
        )
        assert second["type"] == "truefalse"
        assert "choices" not in second
        assert (second["answer"], second["difficulty"]) == (True, "hard")
        assert (report.questions, report.duplicates, report.skipped) == (2, 0, 0)

    def test_duplicates_are_dropped_and_counted(self) -> None:
        """The same question twice is kept once."""
        same = result("Who?", "A", ["B", "C", "D"])
        report = convert({"results": [same, same, {**same, "question": "WHO?"}]})
        assert (report.questions, report.duplicates) == (1, 2)

    def test_unusable_results_are_skipped(self) -> None:
        """Results that cannot make a valid question are counted, not fatal."""
        report = convert(
            {
                "results": [
                    "not an object",
                    result("", "A", ["B"]),
                    result("No wrong answers?", "A", []),
                    result("Repeated?", "A", ["A", "B"]),
                    result("Fine?", "A", ["B"]),
                    result("Boolean?", "Maybe", ["True"], type="boolean"),
                ]
            }
        )
        assert (report.questions, report.skipped) == (1, 5)

    def test_filters(self) -> None:
        """--category (any case) and --difficulty keep only matching results."""
        results = [
            result("One?", "A", ["B"]),
            result("Two?", "A", ["B"], category="Science &amp; Nature"),
            result("Three?", "A", ["B"], difficulty="hard"),
        ]
        science = convert({"results": results}, categories=["science & nature"])
        assert [q["prompt"] for q in science.document["questions"]] == ["Two?"]
        assert science.document["title"] == "Open Trivia DB: science & nature"
        hard = convert({"results": results}, difficulties=["hard"])
        assert [q["prompt"] for q in hard.document["questions"]] == ["Three?"]
        assert hard.left_out == 2

    def test_progress_is_reported(self) -> None:
        """Long imports report progress every thousand results, and at the end."""
        results = [result(f"Question {n}?", "A", ["B"]) for n in range(2500)]
        done: list[int] = []
        convert({"results": results}, progress=done.append)
        assert done == [1000, 2000, 2500]

    @pytest.mark.parametrize("document", [[], {"results": {}}, {"response_code": 0}])
    def test_not_an_api_document(self, document: Any) -> None:
        """Anything but {"results": [...]} is refused plainly."""
        with pytest.raises(NotOpenTdb):
            convert(document)


class TestImportCommand:
    def test_file_to_playable_bank(self, runner: CliRunner, tmp_path: Path) -> None:
        """import writes a bank that validates and plays."""
        source = tmp_path / "api.json"
        source.write_text(
            json.dumps({"results": [result("Who?", "A", ["B", "C", "D"])] * 2})
        )
        output = tmp_path / "film.json"
        done = runner.invoke(app, ["import", "opentdb", str(source), "-o", str(output)])
        assert done.exit_code == 0
        assert done.stdout == (
            f"Imported 1 question into {output} (1 duplicate dropped, 0 unusable, "
            f"0 not matching the filters).\nPlay it with: filmquiz play {output}\n"
        )
        bank = load_bank(output)
        assert bank.questions[0].prompt == "Who?"
        # The licence of the questions goes with them, with the attribution
        # it asks for.
        assert bank.license == "CC BY-SA 4.0"
        assert bank.credits == (
            "Questions from the Open Trivia Database (https://opentdb.com), "
            "written by its contributors"
        )
        again = runner.invoke(
            app, ["import", "opentdb", str(source), "-o", str(output)]
        )
        assert again.exit_code == ExitStatus.FAILURE
        assert "already exists; pass --force to replace it" in again.stderr

    def test_standard_input(self, runner: CliRunner, tmp_path: Path) -> None:
        """SOURCE - reads the API document from standard input."""
        output = tmp_path / "out.json"
        done = runner.invoke(
            app,
            ["import", "opentdb", "-", "--output", str(output), "--title", "Mine"],
            input=json.dumps({"results": [result("Q?", "A", ["B"])]}),
        )
        assert done.exit_code == 0
        assert load_bank(output).title == "Mine"

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ("{", "line 1, column 2: not valid JSON"),
            ("[]", 'not an Open Trivia DB document: expected {"results": [...]}'),
        ],
    )
    def test_bad_input(
        self, runner: CliRunner, tmp_path: Path, content: str, message: str
    ) -> None:
        """Bad input: one message, exit 1, nothing written."""
        source = tmp_path / "api.json"
        source.write_text(content)
        output = tmp_path / "out.json"
        done = runner.invoke(app, ["import", "opentdb", str(source), "-o", str(output)])
        assert done.exit_code == ExitStatus.FAILURE
        assert message in done.stderr
        assert not output.exists()

    @pytest.mark.parametrize("output", ["", ".", "/"])
    def test_a_folder_is_no_output(
        self, runner: CliRunner, tmp_path: Path, output: str
    ) -> None:
        """-o "" or a folder is a usage error, said before anything is read."""
        done = runner.invoke(
            app, ["import", "opentdb", str(tmp_path / "none.json"), "-o", output]
        )
        assert done.exit_code == ExitStatus.USAGE
        assert done.stderr.startswith("error: --output must be a file to write")

    def test_missing_source(self, runner: CliRunner, tmp_path: Path) -> None:
        """A source that does not exist is named."""
        done = runner.invoke(
            app, ["import", "opentdb", str(tmp_path / "nope.json"), "-o", "x.json"]
        )
        assert done.exit_code == ExitStatus.FAILURE
        assert done.stderr == f"error: {tmp_path / 'nope.json'}: no such file\n"


@pytest.mark.skipif(
    not SHARED_DATA.is_file(), reason="../shared/data is not beside the clone"
)
class TestRealQuestions:
    def test_all_5250(self, runner: CliRunner, tmp_path: Path) -> None:
        """All 5,250 real questions import into a valid bank."""
        output = tmp_path / "all.json"
        done = runner.invoke(
            app, ["import", "opentdb", str(SHARED_DATA), "-o", str(output)]
        )
        assert done.exit_code == 0, done.output
        bank = load_bank(output)
        assert len(bank.questions) == 5247
        assert "3 duplicates dropped, 0 unusable" in done.stdout
        prompts = " ".join(q.prompt for q in bank.questions)
        assert "&quot;" not in prompts
        assert "&#039;" not in prompts
        assert "Science & Nature" in bank.categories

    def test_film_questions_import_and_play(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """The 298 Entertainment: Film questions make a bank that plays through."""
        output = tmp_path / "film.json"
        done = runner.invoke(
            app,
            [
                "import",
                "opentdb",
                str(SHARED_DATA),
                "--category",
                "Entertainment: Film",
                "-o",
                str(output),
            ],
        )
        assert done.exit_code == 0, done.output
        bank = load_bank(output)
        assert len(bank.questions) == 298
        assert bank.categories == ("Entertainment: Film",)
        played = runner.invoke(
            app, ["play", str(output), "--json", "--no-shuffle"], input="1\n" * 298
        )
        assert played.exit_code == 0
        document = json.loads(played.stdout)
        assert (document["total"], len(document["questions"])) == (298, 298)
        # Answer 1 is the first choice, or True.
        expected = sum(q.offered[0] == q.answer_text for q in bank.questions)
        assert document["score"] == expected
        assert any(q.type == "truefalse" for q in bank.questions)


class TestRealApiResponses:
    def test_response_codes_are_explained(self) -> None:
        """A response_code other than 0 says what the API meant."""
        with pytest.raises(NotOpenTdb) as caught:
            convert({"response_code": 5, "results": []})
        assert str(caught.value) == (
            "the Open Trivia DB answered with response_code 5: rate limit: too many "
            "requests (the API allows one every 5 seconds)"
        )

    def test_empty_results(self) -> None:
        """No results at all is an error, not an empty bank."""
        with pytest.raises(NotOpenTdb, match="the document holds no results"):
            convert({"response_code": 0, "results": []})

    def test_no_match_names_the_categories(self) -> None:
        """A --category that matches nothing says so, with the categories there
        are; never a complaint about the output file."""
        with pytest.raises(NotOpenTdb) as caught:
            convert(
                {"results": [result("Q?", "A", ["B"])]},
                categories=["Entertainment: Flim"],
            )
        assert str(caught.value) == (
            'no questions match --category "Entertainment: Flim"; the categories are '
            "Entertainment: Film"
        )

    def test_base64(self) -> None:
        """encode=base64 responses are recognised and decoded."""
        import base64

        def b64(text: str) -> str:
            return base64.b64encode(text.encode()).decode()

        encoded = {
            "type": b64("multiple"),
            "difficulty": b64("hard"),
            "category": b64("Entertainment: Film"),
            "question": b64("Who directed “Jaws”?"),
            "correct_answer": b64("Steven Spielberg"),
            "incorrect_answers": [b64("George Lucas"), b64("Brian De Palma")],
        }
        (question,) = convert({"results": [encoded]}).document["questions"]
        assert question["prompt"] == "Who directed “Jaws”?"
        assert question["answer"] == "Steven Spielberg"
        assert (question["category"], question["difficulty"]) == (
            "Entertainment: Film",
            "hard",
        )

    @pytest.mark.parametrize(
        ("question", "category"),
        [
            ("Who%20directed%20%22Jaws%22%3F", "Entertainment%3A%20Film"),
            ("Who+directed+%22Jaws%22%3F", "Entertainment%3A+Film"),
        ],
    )
    def test_url_encodings(self, question: str, category: str) -> None:
        """encode=url3986 and encode=urlLegacy responses are decoded."""
        item = result(
            question, "Steven%20Spielberg", ["George%20Lucas"], category=category
        )
        if "+" in question:
            item.update(
                correct_answer="Steven+Spielberg", incorrect_answers=["George+Lucas"]
            )
        (converted,) = convert({"results": [item]}).document["questions"]
        assert converted["prompt"] == 'Who directed "Jaws"?'
        assert converted["category"] == "Entertainment: Film"
        assert converted["answer"] == "Steven Spielberg"

    @pytest.mark.parametrize("bad", [None, True, 17, {"text": "x"}, ["A"]])
    def test_fields_that_are_not_text_are_unusable(self, bad: Any) -> None:
        """null, true, numbers and objects never become "None" or "True"."""
        report = convert(
            {
                "results": [
                    result("Fine?", "A", ["B"]),
                    result(bad, "A", ["B"]),
                    result("Q?", bad, ["B"]),
                    result("Q2?", "A", ["B", bad]),
                ]
            }
        )
        assert (report.questions, report.skipped) == (1, 3)
        text_of_bank = json.dumps(report.document)
        assert "None" not in text_of_bank
        assert "True" not in text_of_bank

    def test_same_prompt_different_answers_are_both_kept(self) -> None:
        """Two questions that share a prompt but not an answer are not
        duplicates; each gets its own id."""
        report = convert(
            {
                "results": [
                    result("When did the French Revolution begin?", "1789", ["1812"]),
                    result(
                        "When did the French Revolution begin?", "May 05 1789", ["1812"]
                    ),
                ]
            }
        )
        first, second = report.document["questions"]
        assert report.duplicates == 0
        assert first["id"] != second["id"]

    def test_command_with_no_match(self, runner: CliRunner, tmp_path: Path) -> None:
        """The command: exit 1, the message, and no file written."""
        source = tmp_path / "api.json"
        source.write_text(json.dumps({"results": [result("Q?", "A", ["B"])]}))
        output = tmp_path / "out.json"
        done = runner.invoke(
            app, ["import", "opentdb", str(source), "-c", "Music", "-o", str(output)]
        )
        assert done.exit_code == ExitStatus.FAILURE
        assert done.stderr == (
            'error: no questions match --category "Music"; the categories are '
            "Entertainment: Film\n"
        )
        assert not output.exists()

    def test_written_file_follows_the_umask(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """The bank is readable by others with umask 022 (0644), as any file."""
        import os

        source = tmp_path / "api.json"
        source.write_text(json.dumps({"results": [result("Q?", "A", ["B"])]}))
        output = tmp_path / "out.json"
        old = os.umask(0o022)
        try:
            runner.invoke(app, ["import", "opentdb", str(source), "-o", str(output)])
        finally:
            os.umask(old)
        assert output.stat().st_mode & 0o777 == 0o644


class TestHostileSources:
    def test_a_result_the_bank_would_refuse_is_unusable(self) -> None:
        """A prompt of a lone joiner, a blank category, or choices that differ
        only by a joiner: each result is counted as unusable, and the rest
        import."""
        report = convert(
            {
                "results": [
                    result("\u200d", "A", ["B"]),
                    result("Fine?", "A", ["A\u200d", "B"]),
                    result("Also fine?", "A", ["B"]),
                ]
            }
        )
        assert (report.questions, report.skipped) == (1, 2)

    @pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
    def test_special_sources_are_refused(
        self, runner: CliRunner, tmp_path: Path, source: str
    ) -> None:
        """/dev/zero and a FIFO are not read: no memory eaten, no wait."""
        import os

        if source == "fifo":
            source = str(tmp_path / "fifo.json")
            os.mkfifo(source)
        done = runner.invoke(
            app, ["import", "opentdb", source, "-o", str(tmp_path / "out.json")]
        )
        assert done.exit_code == ExitStatus.FAILURE
        assert "is a " in done.stderr

    def test_output_is_never_a_device(self, runner: CliRunner, tmp_path: Path) -> None:
        """--force replaces a bank, never a device or a folder."""
        source = tmp_path / "api.json"
        source.write_text(json.dumps({"results": [result("Q?", "A", ["B"])]}))
        device = runner.invoke(
            app, ["import", "opentdb", str(source), "-o", "/dev/null", "--force"]
        )
        assert device.exit_code == ExitStatus.FAILURE
        assert "is not a regular file" in device.stderr
        folder = runner.invoke(
            app, ["import", "opentdb", str(source), "-o", str(tmp_path), "--force"]
        )
        assert folder.exit_code == ExitStatus.USAGE
        assert "must be a file to write, not the folder" in folder.stderr
        assert Path("/dev/null").is_char_device()

    def test_a_title_that_is_not_text(self, runner: CliRunner, tmp_path: Path) -> None:
        """A title with an escape sequence is a usage error."""
        done = runner.invoke(
            app,
            ["import", "opentdb", "x.json", "-o", "y.json", "--title", "\x1b[31m"],
        )
        assert done.exit_code == ExitStatus.USAGE
        assert done.stderr.startswith("error: --title contains a control character")

    def test_types_that_are_not_text(self) -> None:
        """A type given as a list or an object is no answer, not a crash."""
        report = convert(
            {"results": [{"type": [1]}, {"type": {"a": 1}}, result("Q?", "A", ["B"])]}
        )
        assert (report.questions, report.skipped) == (1, 2)
