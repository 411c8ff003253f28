"""GIFT: Moodle's own kinds of question read as filmquiz's, the kinds it has
not left out and named, and every problem located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz.bankfile.reading import load_bank
from filmquiz.cli.app import app
from tests.support import bank_document, question

EXAMPLES = Path(__file__).parent / "examples"


def import_gift(
    runner: CliRunner, source: Path, output: Path, *extra: str
) -> tuple[int, str, str]:
    result = runner.invoke(
        app, ["import", "gift", str(source), "--output", str(output), *extra]
    )
    return result.exit_code, result.stdout, result.stderr


class TestMoodleExamples:
    def test_every_kind_filmquiz_plays_is_read(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """Multiple choice, feedback, a missing word, true/false, short
        answers, weighted multiple answers, escapes and [html] all come in."""
        output = tmp_path / "class.json"
        status, stdout, _ = import_gift(runner, EXAMPLES / "film-class.gift", output)
        assert status == 0
        assert stdout.splitlines()[0] == (
            f"Imported 9 questions into {output} (0 duplicates dropped, 4 left out)."
        )
        bank = load_bank(output)
        by_id = {q.id: q for q in bank.questions}
        assert bank.title == "Film class"
        kane = by_id["Citizen Kane director"]
        assert kane.answer == "Orson Welles"
        assert kane.choices == ("Orson Welles", "John Huston", "Howard Hawks")
        assert kane.explanation == "Welles was 25 when he made it."
        assert by_id["Hitchcock shower"].prompt == "Hitchcock's Psycho _____ in 1960."
        assert by_id["Sunset Boulevard"].answer is True
        assert by_id["Metropolis sound"].answer is False
        lumiere = by_id["Lumiere"]
        assert lumiere.type == "multi"
        assert lumiere.answer == ("Auguste Lumière", "Louis Lumière")
        assert by_id["Escapes"].prompt == (
            "Which film's title is written 8{1/2} here, with braces: and a ~?"
        )
        assert by_id["Rosebud"].type == "text"
        html = bank.questions[-1]
        assert (
            html.prompt == "Which studio made Snow White and the Seven Dwarfs (1937)?"
        )
        assert html.id == "which-studio-made-snow-white-and-77cfd4b1"

    def test_categories_are_the_last_level_of_each_path(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """$CATEGORY: $course$/top/Film history/Directors files questions
        under Directors, until the next $CATEGORY."""
        output = tmp_path / "class.json"
        import_gift(runner, EXAMPLES / "film-class.gift", output)
        assert load_bank(output).categories == ("Directors", "Titles")

    def test_kinds_filmquiz_has_not_are_named_and_left_out(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """Matching, numeric, essay and description questions: one warning
        each, with the line and question number; the rest is imported."""
        source = EXAMPLES / "film-class.gift"
        _, _, stderr = import_gift(runner, source, tmp_path / "class.json")
        assert stderr.splitlines() == [
            f'warning: {source}: line 27 (question 6): "rosebud." is taken '
            "anyway, as the same answer once case, accents and punctuation are "
            "set aside",
            f'warning: {source}: line 38 (question 8): "8 1/2" is taken anyway, '
            "as the same answer once case, accents and punctuation are set aside",
            f"warning: {source}: line 43 (question 10): a matching question "
            "(=a -> b); filmquiz has none; left out",
            f"warning: {source}: line 49 (question 11): a numeric question "
            "({#...}); filmquiz has none; left out",
            f"warning: {source}: line 51 (question 12): an essay question (empty "
            "braces), which has no answer; left out",
            f"warning: {source}: line 53 (question 13): a description with no "
            "answers in braces; left out",
        ]

    def test_windows_line_endings_and_a_byte_order_mark_change_nothing(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """The same file saved by Notepad (BOM, CRLF) gives the same bank."""
        text = (EXAMPLES / "film-class.gift").read_text(encoding="utf-8")
        windows = tmp_path / "film-class.gift"
        windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
        import_gift(runner, EXAMPLES / "film-class.gift", tmp_path / "unix.json")
        status, _, _ = import_gift(runner, windows, tmp_path / "windows.json")
        assert status == 0
        unix = load_bank(tmp_path / "unix.json")
        assert load_bank(tmp_path / "windows.json").questions == unix.questions

    def test_utf16_with_a_byte_order_mark_is_read(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A file saved as UTF-16 ("Unicode") reads as the same questions."""
        text = (EXAMPLES / "film-class.gift").read_text(encoding="utf-8")
        wide = tmp_path / "film-class.gift"
        wide.write_bytes(text.encode("utf-16"))
        import_gift(runner, EXAMPLES / "film-class.gift", tmp_path / "utf8.json")
        assert import_gift(runner, wide, tmp_path / "utf16.json")[0] == 0
        utf8 = load_bank(tmp_path / "utf8.json")
        assert load_bank(tmp_path / "utf16.json").questions == utf8.questions


MALFORMED = [
    (
        "::Open::Who directed Rashomon? {=Kurosawa ~Ozu\n\n::Next::Is it? {T}\n",
        "line 1, column 32 (question 1): the { opened here is never closed with }",
    ),
    (
        "::Two::Who directed M? {=Fritz Lang =Lang ~Murnau}\n",
        "line 1, column 25 (question 1): 2 answers are marked right with =; a "
        "question with several right answers gives each a weight: ~%50%",
    ),
    (
        "Who directed M? {~Fritz Lang ~Murnau}\n",
        "line 1, column 18 (question 1): no answer is marked right: mark it "
        "with =, or give the right ones a weight above 0 (~%50%)",
    ),
    (
        "::Name without end:Who directed M? {=Lang ~Murnau}\n",
        "line 1, column 1 (question 1): the question's name is not closed with ::",
    ),
    (
        "A. {=Lang ~Murnau}\n::Next:: B. {T}\n",
        "line 2, column 13 (question 1): a second question starts before a blank "
        "line ends this one",
    ),
    (
        "// a comment\n\nWho directed M? {=Lang ~Lang}\n",
        'line 3 (question 1): choice "Lang" is listed twice',
    ),
    (
        '// filmquiz: {"difficulty": "brutal"}\nWho directed M? {=Lang ~Murnau}\n',
        'line 2 (question 1): difficulty must be "easy", "medium" or "hard", '
        'got the string "brutal"',
    ),
    (
        "// filmquiz: [1, 2]\nWho directed M? {=Lang ~Murnau}\n",
        "line 1: a '// filmquiz:' comment must hold a JSON object of difficulty, "
        "spoiler, source, category",
    ),
    (
        "\n\n// only comments\n",
        "holds no question filmquiz can play",
    ),
]


@pytest.mark.parametrize(("text", "problem"), MALFORMED)
def test_a_malformed_file_is_refused_with_its_problem_located(
    runner: CliRunner, tmp_path: Path, text: str, problem: str
) -> None:
    """Nothing is written; the problem names the file, the line (and column)
    and the question's number; the exit status is 1."""
    source = tmp_path / "broken.gift"
    source.write_text(text, encoding="utf-8")
    output = tmp_path / "broken.json"
    status, stdout, stderr = import_gift(runner, source, output)
    assert (status, stdout) == (1, "")
    assert stderr.splitlines()[0] == f"error: {source}: {problem}"
    assert not output.exists()


def test_invalid_utf8_is_located(runner: CliRunner, tmp_path: Path) -> None:
    """A byte that is not UTF-8 is named with its line and column."""
    source = tmp_path / "latin1.gift"
    source.write_bytes(b"Who directed M?\n{=Lang ~Murnau ~Pabst}\n\xe9\n")
    status, _, stderr = import_gift(runner, source, tmp_path / "out.json")
    assert status == 1
    assert stderr == (
        f"error: {source}: line 3, column 1: not valid UTF-8 text (byte 0xe9); "
        "save the file as UTF-8\n"
    )


def test_duplicates_are_dropped_and_counted(runner: CliRunner, tmp_path: Path) -> None:
    """The same question twice (even in another case) is kept once; the same
    prompt with other choices is another question."""
    source = tmp_path / "twice.gift"
    source.write_text(
        "Who directed M? {=Lang ~Murnau}\n\nWHO DIRECTED M? {=lang ~MURNAU}\n\n"
        "Who directed M? {=Lang ~Pabst}\n\n"
        "Who directed Nosferatu? {=Murnau ~Lang}\n",
        encoding="utf-8",
    )
    status, stdout, _ = import_gift(runner, source, tmp_path / "out.json")
    assert status == 0
    assert "(1 duplicate dropped, 0 left out)" in stdout
    assert len(load_bank(tmp_path / "out.json").questions) == 3


def test_a_name_used_twice_gives_the_second_an_id_from_its_text(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Moodle names need not be unique; ids must: the second gets one made
    from its prompt, and a warning says so."""
    source = tmp_path / "names.gift"
    source.write_text(
        "::Q1::Who directed M? {=Lang ~Murnau}\n\n"
        "::Q1::Who directed Nosferatu? {=Murnau ~Lang}\n",
        encoding="utf-8",
    )
    status, _, stderr = import_gift(runner, source, tmp_path / "out.json")
    assert status == 0
    ids = [q.id for q in load_bank(tmp_path / "out.json").questions]
    assert ids == ["Q1", "who-directed-nosferatu-dc2a7bca"]
    assert stderr == (
        f'warning: {source}: line 3 (question 2): the id "Q1" is also the id of '
        "the question at line 1 (question 1); this one is "
        '"who-directed-nosferatu-dc2a7bca"\n'
    )


class TestExport:
    def test_what_gift_would_misread_is_left_out_and_named(
        self, runner: CliRunner, write_bank: object, tmp_path: Path
    ) -> None:
        """An answer with "->" would make Moodle see a matching question: the
        question is left out, with why, and the rest is written."""
        bank = tmp_path / "arrows.json"
        bank.write_text(
            json.dumps(
                bank_document(
                    question("arrow", choices=["A -> B", "C"], answer="C"),
                    question("plain"),
                )
            ),
            encoding="utf-8",
        )
        output = tmp_path / "arrows.gift"
        result = runner.invoke(
            app, ["export", "gift", str(bank), "--output", str(output)]
        )
        assert result.exit_code == 0
        assert result.stderr == (
            'warning: left out question "arrow": GIFT takes an answer with "->" '
            "for a matching question\n"
        )
        assert result.stdout == (
            f'Exported 1 question of "Test bank" as gift to {output}.\n'
        )
        assert "::arrow::" not in output.read_text(encoding="utf-8")
        assert "::plain::" in output.read_text(encoding="utf-8")

    def test_the_file_reads_as_moodle_expects(self, tmp_path: Path) -> None:
        """Names, escapes, weights and general feedback, as GIFT writes them."""
        from filmquiz.commands.exporting import export

        bank = tmp_path / "fan.json"
        bank.write_text(
            json.dumps(
                bank_document(
                    question(
                        "a:b",
                        prompt="Who said {this} = that?",
                        explanation="Because #1.",
                    ),
                    question(
                        "m",
                        type="multi",
                        choices=["X", "Y", "Z"],
                        answer=["X", "Z"],
                        category="cast/crew",
                    ),
                )
            ),
            encoding="utf-8",
        )
        output = tmp_path / "fan.gift"
        export("gift", str(bank), output=output, stdout=None)
        text = output.read_text(encoding="utf-8")
        assert "::a\\:b::Who said \\{this\\} \\= that? {\n" in text
        assert "\t####Because \\#1.\n}" in text
        assert "$CATEGORY: cast//crew\n" in text
        assert "\t~%50%X\n\t~%-100%Y\n\t~%50%Z\n" in text


def test_what_filmquiz_reads_differently_is_said(
    runner: CliRunner, tmp_path: Path
) -> None:
    """Partial credit, which filmquiz does not give, is named; a true/false
    question's feedback for a right answer is its explanation; inline HTML
    leaves no gap where its tags were."""
    source = tmp_path / "moodle.gift"
    source.write_text(
        "::score::Who composed the score?{=Alberto Iglesias =%50%Iglesias#Half}\n\n"
        "::venice::The film opened the 78th Venice Film Festival."
        "{T#No: it did.#Yes: on 1 September 2021.}\n\n"
        "[html]Who plays <b>Teresa</b>?<br>Pick one."
        "{=Aitana Sánchez-Gijón ~%50%Rossy de Palma ~Milena Smit}\n",
        encoding="utf-8",
    )
    status, _, stderr = import_gift(runner, source, tmp_path / "out.json")
    assert status == 0
    assert stderr.splitlines() == [
        f'warning: {source}: line 1 (question 1): "Iglesias" was worth 50%; '
        "filmquiz takes an answer or not, so it is not taken",
        f'warning: {source}: line 5 (question 3): "Rossy de Palma" was worth 50%; '
        "filmquiz takes one right choice, so it counts as wrong",
    ]
    score, venice, teresa = load_bank(tmp_path / "out.json").questions
    assert (score.answer, score.accept) == ("Alberto Iglesias", ())
    assert venice.explanation == "Yes: on 1 September 2021."
    assert teresa.prompt == "Who plays Teresa? Pick one."


class TestHostileFiles:
    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            (
                '// filmquiz bank: {"film": "Jaws"}\n::a::Q? {=x ~y}\n',
                'line 1: film must be an object, got the string "Jaws"',
            ),
            (
                '// filmquiz bank: {"title": 5}\n::a::Q? {=x ~y}\n',
                "line 1: title must be a string, got the number 5",
            ),
            (
                "// filmquiz bank: " + "[" * 100_000 + "\n::a::Q? {=x ~y}\n",
                "line 1: a '// filmquiz bank:' comment must hold a JSON object of "
                "title, film, credits, license, spoiler_words",
            ),
            (
                '// filmquiz: {"category": 5}\n::a::Q? {=x ~y}\n',
                "line 2 (question 1): category must be a string, got the number 5",
            ),
        ],
    )
    def test_a_bad_filmquiz_comment_is_placed_on_its_line(
        self, runner: CliRunner, tmp_path: Path, text: str, problem: str
    ) -> None:
        """What a comment says of the bank is checked there, and named at its
        line of the GIFT file, never at the bank that was not written."""
        source = tmp_path / "comment.gift"
        source.write_text(text, encoding="utf-8")
        status, _, stderr = import_gift(runner, source, tmp_path / "out.json")
        assert status == 1
        assert stderr.splitlines()[0] == f"error: {source}: {problem}"

    def test_utf16_without_a_byte_order_mark_is_named(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        source = tmp_path / "wide.gift"
        source.write_bytes("::a::Who? {=x ~y}\n".encode("utf-16-le"))
        status, _, stderr = import_gift(runner, source, tmp_path / "out.json")
        assert status == 1
        assert stderr == (
            f"error: {source}: looks like UTF-16 text without a byte order mark; "
            "save it as UTF-8\n"
        )


class TestOddBanks:
    def write(self, tmp_path: Path, *questions: dict[str, object], **bank: str) -> Path:
        path = tmp_path / "odd.json"
        document = bank_document(*questions, **bank)
        path.write_text(json.dumps(document), encoding="utf-8")
        return path

    def test_spaces_at_the_ends_of_text_are_left_out_and_named(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """GIFT trims text: a question whose text has spaces at its ends
        would come back other than it went, so it is left out."""
        bank = self.write(
            tmp_path,
            question("spaced", choices=["TRUE", "TRUE "], answer="TRUE"),
            question("plain"),
        )
        result = runner.invoke(
            app, ["export", "gift", str(bank), "-o", str(tmp_path / "odd.gift")]
        )
        assert result.exit_code == 0
        assert result.stderr == (
            'warning: left out question "spaced": GIFT trims the spaces at the ends '
            "of its text\n"
        )

    def test_categories_titles_and_prompts_like_gift_s_own_words(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A category called $course$, a title starting "filmquiz:", and a
        prompt starting "[html]" all come back as they were."""
        bank = self.write(
            tmp_path,
            question("money", category="$course$", prompt="[html]<b>x</b>?"),
            question("plain", category="top"),
            title="filmquiz: the best quiz",
        )
        gift_file = tmp_path / "odd.gift"
        runner.invoke(app, ["export", "gift", str(bank), "-o", str(gift_file)])
        back = tmp_path / "back.json"
        status, _, stderr = import_gift(runner, gift_file, back)
        assert (status, stderr) == (0, "")
        assert load_bank(back).questions == load_bank(bank).questions
        assert load_bank(back).title == "filmquiz: the best quiz"
