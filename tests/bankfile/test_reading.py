"""The loader: every kind of bad file gets exact messages, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from filmquiz.bankfile.model import Bank, Film, Question
from filmquiz.bankfile.reading import load_bank
from filmquiz.errors import BankError
from tests.support import WriteBank, bank_document, question


def problems_of(path: Path) -> list[str]:
    """The problem lines loading ``path`` reports (failing if it loads)."""
    with pytest.raises(BankError) as caught:
        load_bank(path)
    return caught.value.lines()


class TestGoodBanks:
    def test_builds_frozen_objects(self, write_bank: WriteBank) -> None:
        """A valid file becomes a Bank with its questions in file order."""
        second = question("b")
        del second["category"]
        bank = load_bank(write_bank(bank_document(question("a"), second)))
        assert bank == Bank(
            slug="fan",
            title="Test bank",
            film=Film(title="Test", year=2021, director="Someone"),
            questions=(
                Question(
                    id="a",
                    prompt="Question a?",
                    choices=("Anita", "Cecilia", "Teresa"),
                    answer="Cecilia",
                    category="plot",
                    difficulty="easy",
                    explanation="Because.",
                ),
                Question(
                    id="b",
                    prompt="Question b?",
                    choices=("Anita", "Cecilia", "Teresa"),
                    answer="Cecilia",
                    category=None,
                    difficulty="easy",
                    explanation="Because.",
                ),
            ),
        )

    def test_optional_fields_may_be_left_out(self, write_bank: WriteBank) -> None:
        """Only format, title and questions with id, prompt, choices, answer."""
        minimal = {
            "format": 1,
            "title": "Minimal",
            "questions": [
                {"id": "x", "prompt": "Yes?", "choices": ["yes", "no"], "answer": "yes"}
            ],
        }
        bank = load_bank(write_bank(minimal))
        assert bank.film is None
        assert bank.questions[0].category is None
        assert bank.categories == ()

    def test_schema_key_is_allowed(self, write_bank: WriteBank) -> None:
        """``$schema`` is the one key outside the format that is accepted."""
        path = write_bank(bank_document(**{"$schema": "./bank.schema.json"}))
        assert load_bank(path).title == "Test bank"

    def test_byte_order_mark_is_accepted(self, write_bank: WriteBank) -> None:
        """Files saved by editors that add a UTF-8 BOM still load."""
        import json

        path = write_bank(b"\xef\xbb\xbf" + json.dumps(bank_document()).encode())
        assert load_bank(path).slug == "fan"

    def test_markup_is_plain_text(self, write_bank: WriteBank) -> None:
        """Rich markup in a bank is data: it is kept exactly as written."""
        path = write_bank(bank_document(question(prompt="[red]Who?[/red] [link=x]")))
        assert load_bank(path).questions[0].prompt == "[red]Who?[/red] [link=x]"


class TestUnreadableFiles:
    def test_missing_file(self, tmp_path: Path) -> None:
        """A path that does not exist says so."""
        path = tmp_path / "gone.json"
        assert problems_of(path) == [f"{path}: no such file"]

    def test_folder(self, tmp_path: Path) -> None:
        """A folder is not a bank."""
        assert problems_of(tmp_path) == [f"{tmp_path}: is a folder, not a bank file"]

    @pytest.mark.parametrize("content", [b"", b"   \n\t  \n"])
    def test_empty_file(self, write_bank: WriteBank, content: bytes) -> None:
        """Empty and whitespace-only files are named as empty."""
        path = write_bank(content)
        assert problems_of(path) == [f"{path}: the file is empty"]

    def test_invalid_utf8(self, write_bank: WriteBank) -> None:
        """Bytes that are not UTF-8 are located by line and column."""
        path = write_bank(b'{\n  "title": "caf\xe9"\n}')
        assert problems_of(path) == [
            f"{path}: line 2, column 16: not valid UTF-8 text (byte 0xe9)"
        ]

    def test_binary_garbage(self, write_bank: WriteBank) -> None:
        """Random binary is reported, not raised; byte 10 is a line break."""
        path = write_bank(bytes(range(256)) * 4)
        assert problems_of(path) == [
            f"{path}: line 2, column 118: not valid UTF-8 text (byte 0x80)"
        ]

    def test_nul_bytes(self, write_bank: WriteBank) -> None:
        """Valid UTF-8 that is not JSON gets a JSON syntax error."""
        path = write_bank(b"\x00\x00\x00")
        assert problems_of(path) == [
            f"{path}: line 1, column 1: not valid JSON: expecting value"
        ]


class TestJsonSyntax:
    def test_syntax_error_has_line_and_column(self, write_bank: WriteBank) -> None:
        """A missing comma is pointed at."""
        path = write_bank('{\n  "format": 1\n  "title": "x"\n}')
        assert problems_of(path) == [
            f"{path}: line 3, column 3: not valid JSON: expecting ',' delimiter"
        ]

    def test_trailing_garbage(self, write_bank: WriteBank) -> None:
        """Text after the document is an error where it starts."""
        path = write_bank('{"format": 1} x')
        assert problems_of(path) == [
            f"{path}: line 1, column 15: not valid JSON: extra data"
        ]

    @pytest.mark.parametrize(
        ("constant", "column"), [("NaN", 31), ("Infinity", 31), ("-Infinity", 31)]
    )
    def test_non_finite_numbers(
        self, write_bank: WriteBank, constant: str, column: int
    ) -> None:
        """NaN and Infinity are not JSON, even though Python's json reads them."""
        path = write_bank('{"title": "NaN or Infinity", "format": ' + constant + "}")
        assert problems_of(path) == [
            f"{path}: line 1, column {column + 9}: {constant} is not allowed in JSON; "
            "write a number or a string"
        ]

    def test_deep_nesting(self, write_bank: WriteBank) -> None:
        """100,000 levels of nesting end in a message, not a RecursionError."""
        path = write_bank("[" * 100_000 + "]" * 100_000)
        assert problems_of(path) == [
            f"{path}: the JSON is nested too deeply to be a bank"
        ]

    def test_duplicate_keys(self, write_bank: WriteBank) -> None:
        """A key given twice would silently hide one value: it is an error."""
        text = (
            '{"format": 1, "title": "t", "questions": [{"id": "a", "prompt": "p", '
            '"choices": ["x", "y"], "answer": "x", "answer": "y"}]}'
        )
        path = write_bank(text)
        assert problems_of(path) == [
            f'{path}: question "a": key "answer" is given more than once'
        ]


class TestDocumentShape:
    @pytest.mark.parametrize(
        ("document", "got"),
        [
            ("[]", "a list"),
            ('"a bank"', 'the string "a bank"'),
            ("42", "the number 42"),
            ("null", "null"),
            ("true", "true"),
        ],
    )
    def test_top_level_must_be_object(
        self, write_bank: WriteBank, document: str, got: str
    ) -> None:
        """A top-level array, string, number or null is refused."""
        path = write_bank(document)
        assert problems_of(path) == [f"{path}: a bank must be a JSON object, got {got}"]

    def test_required_fields_missing(self, write_bank: WriteBank) -> None:
        """Every missing required field is listed at once."""
        path = write_bank("{}")
        assert problems_of(path) == [
            f'{path}: format is missing; write "format": 1',
            f"{path}: title is missing",
            f"{path}: questions is missing; a bank needs at least one question",
        ]

    def test_newer_format(self, write_bank: WriteBank) -> None:
        """A newer format asks for a newer filmquiz and checks nothing else."""
        path = write_bank({"format": 2, "whatever": True})
        assert problems_of(path) == [
            f"{path}: this bank needs a newer filmquiz "
            "(it is format 2; this filmquiz reads format 1)"
        ]

    @pytest.mark.parametrize(
        ("value", "got"), [("1", 'the string "1"'), (0, "the number 0"), (True, "true")]
    )
    def test_wrong_format(self, write_bank: WriteBank, value: Any, got: str) -> None:
        """format must be the number 1."""
        path = write_bank(bank_document(format=value))
        assert problems_of(path) == [f"{path}: format must be 1, got {got}"]

    def test_unknown_top_level_key(self, write_bank: WriteBank) -> None:
        """A typo in a key is an error with a suggestion."""
        path = write_bank(bank_document(titel="x"))
        assert problems_of(path) == [
            f'{path}: unknown key "titel" (did you mean "title"?)'
        ]

    def test_wrong_types_at_top(self, write_bank: WriteBank) -> None:
        """Wrong types in title, film and questions are each reported."""
        path = write_bank({"format": 1, "title": None, "film": [], "questions": {}})
        assert problems_of(path) == [
            f"{path}: title must be a string, got null",
            f"{path}: film must be an object, got a list",
            f"{path}: questions must be a list, got an object",
        ]

    def test_empty_questions(self, write_bank: WriteBank) -> None:
        """A bank needs at least one question."""
        path = write_bank(bank_document(questions=[]))
        assert problems_of(path) == [
            f"{path}: questions is empty; a bank needs at least one question"
        ]

    def test_film_fields(self, write_bank: WriteBank) -> None:
        """Film fields are checked by name, with the film. prefix."""
        film = {"title": "", "year": "2021", "director": 7, "studio": "x"}
        path = write_bank(bank_document(film=film))
        assert problems_of(path) == [
            f'{path}: unknown key "film.studio"',
            f'{path}: film.year must be a whole number, got the string "2021"',
            f"{path}: film.title is blank",
            f"{path}: film.director must be a string, got the number 7",
        ]

    def test_film_year_range(self, write_bank: WriteBank) -> None:
        """A year before cinema existed is a typo."""
        path = write_bank(bank_document(film={"year": 221}))
        assert problems_of(path) == [
            f"{path}: film.year must be a year such as 2021, got 221"
        ]


class TestQuestions:
    def test_answer_not_among_choices(self, write_bank: WriteBank) -> None:
        """The worst bug a quiz can have is refused: the example of the format."""
        path = write_bank(bank_document(question("ana-baby", answer="Anita ")))
        assert problems_of(path) == [
            f'{path}: question "ana-baby": answer "Anita " is not one of the choices'
        ]

    def test_question_without_id_is_named_by_position(
        self, write_bank: WriteBank
    ) -> None:
        """Without an id, a question is named by its position from 1."""
        second = question()
        del second["id"]
        path = write_bank(bank_document(question("a"), second))
        assert problems_of(path) == [f"{path}: question 2: id is missing"]

    def test_duplicate_ids(self, write_bank: WriteBank) -> None:
        """Ids are unique; the second use names the first."""
        path = write_bank(bank_document(question("a"), question("b"), question("a")))
        assert problems_of(path) == [
            f'{path}: question 3: id "a" is already used by question 1'
        ]

    def test_duplicate_choices(self, write_bank: WriteBank) -> None:
        """Two identical choices are refused."""
        path = write_bank(bank_document(question(choices=["A", "Cecilia", "A"])))
        assert problems_of(path) == [
            f'{path}: question "q1": choice "A" is listed twice'
        ]

    @pytest.mark.parametrize(
        ("choices", "count"), [(["Cecilia"], 1), ([str(n) for n in range(11)], 11)]
    )
    def test_choice_count(
        self, write_bank: WriteBank, choices: list[str], count: int
    ) -> None:
        """Two to ten choices."""
        path = write_bank(bank_document(question(choices=choices, answer=choices[0])))
        assert problems_of(path) == [
            f'{path}: question "q1": choices must list 2 to 10 answers, got {count}'
        ]

    def test_null_where_a_string_belongs(self, write_bank: WriteBank) -> None:
        """null is not a string, in any field."""
        path = write_bank(
            bank_document(
                question(
                    prompt=None,
                    choices=["a", None],
                    answer=None,
                    category=None,
                    explanation=None,
                    difficulty=None,
                )
            )
        )
        assert problems_of(path) == [
            f'{path}: question "q1": prompt must be a string, got null',
            f'{path}: question "q1": choices[1] must be a string, got null',
            f'{path}: question "q1": answer must be a string, got null',
            f'{path}: question "q1": difficulty must be "easy", "medium" or "hard", '
            "got null",
            f'{path}: question "q1": category must be a string, got null',
            f'{path}: question "q1": explanation must be a string, got null',
        ]

    def test_wrong_types_everywhere(self, write_bank: WriteBank) -> None:
        """Numbers, lists and objects where text belongs are each named."""
        path = write_bank(
            bank_document(
                question(id=5),
                question("b", choices="Anita, Cecilia"),
                "not a question",
                question("c", prompt=["p"], answer={"x": 1}),
            )
        )
        assert problems_of(path) == [
            f"{path}: question 1: id must be a string, got the number 5",
            f'{path}: question "b": choices must be a list of strings, '
            'got the string "Anita, Cecilia"',
            f'{path}: question 3: must be an object, got the string "not a question"',
            f'{path}: question "c": prompt must be a string, got a list',
            f'{path}: question "c": answer must be a string, got an object',
        ]

    def test_blank_text(self, write_bank: WriteBank) -> None:
        """Blank prompts, choices and ids are refused."""
        path = write_bank(
            bank_document(question(id=" ", prompt="", choices=["Cecilia", "  "]))
        )
        assert problems_of(path) == [
            f"{path}: question 1: id is blank",
            f"{path}: question 1: prompt is blank",
            f"{path}: question 1: choices[1] is blank",
        ]

    def test_unknown_question_key(self, write_bank: WriteBank) -> None:
        """``anwser`` is a typo of ``answer``, and says so."""
        fields = question()
        fields["anwser"] = fields.pop("answer")
        path = write_bank(bank_document(fields))
        assert problems_of(path) == [
            f'{path}: question "q1": unknown key "anwser" (did you mean "answer"?)',
            f'{path}: question "q1": answer is missing',
        ]

    def test_bad_difficulty(self, write_bank: WriteBank) -> None:
        """Difficulty is one of three words, in lower case."""
        path = write_bank(bank_document(question(difficulty="Hard")))
        assert problems_of(path) == [
            f'{path}: question "q1": difficulty must be "easy", "medium" or "hard", '
            'got the string "Hard"'
        ]

    @pytest.mark.parametrize(
        "bad", ["\x1b[31mred", "bell\x07", "line\nbreak", "\x9b2J"]
    )
    def test_control_characters_refused(self, write_bank: WriteBank, bad: str) -> None:
        """Escape sequences and other control characters never reach a terminal."""
        path = write_bank(bank_document(question(explanation=bad)))
        code = f"U+{ord(next(c for c in bad if not c.isprintable())):04X}"
        assert problems_of(path) == [
            f'{path}: question "q1": explanation contains a control character '
            f"({code}); bank text must be plain, single-line text"
        ]

    def test_problems_are_all_listed(self, write_bank: WriteBank) -> None:
        """Every problem in every question is reported in one go."""
        path = write_bank(
            bank_document(
                question("a", answer="nope"),
                question("b", difficulty="extreme"),
                question("c", choices=[1, 2]),
            )
        )
        # c: two choices that are not text, and an answer not among them.
        assert len(problems_of(path)) == 5


class TestEveryWayOfWriting:
    """Valid banks load the same however they are written, and invalid ones
    are refused however they are written: the fast path never vouches for a
    bank the careful path would refuse."""

    @pytest.mark.parametrize(
        "text",
        [
            '{"format":1,"title":"T","questions":[{"id":"a","prompt":"P \\"q\\"?",'
            '"choices":["x\\\\y","z"],"answer":"x\\\\y"}]}',
            '{ "format" : 1 , "title" : "T" , "questions" : [ { "id" : "a" ,'
            ' "prompt" : "P \\"q\\"?", "choices" : [ "x\\\\y" , "z" ] ,'
            ' "answer" : "x\\\\y" } ] }',
            '{"format": 1, "title": "\\u0054", "questions": [{"id": "a", '
            '"prompt": "P \\u0022q\\u0022?", "choices": ["x\\u005cy", "z"], '
            '"answer": "x\\\\y"}]}',
        ],
    )
    def test_valid_in_any_style(self, write_bank: WriteBank, text: str) -> None:
        """Spacing and escapes do not change what a bank means."""
        bank = load_bank(write_bank(text))
        assert bank == Bank(
            slug="fan",
            title="T",
            questions=(
                Question(id="a", prompt='P "q"?', choices=("x\\y", "z"), answer="x\\y"),
            ),
        )

    @pytest.mark.parametrize(
        ("fields", "message"),
        [
            ({"explanation": "del\x7f"}, "explanation contains a control character"),
            ({"explanation": "\u0085next line"}, "explanation contains a control"),
            ({"prompt": "\u00a0\u2003"}, "prompt is blank"),
            ({"category": "a\tb"}, "category contains a control character"),
        ],
    )
    def test_invalid_in_any_style(
        self, write_bank: WriteBank, fields: dict[str, str], message: str
    ) -> None:
        """Control characters and blanks are found raw or escaped."""
        for ascii_only in (True, False):
            document = bank_document(
                *(question(f"q{n}") for n in range(50)), question("last", **fields)
            )
            import json

            path = write_bank(json.dumps(document, ensure_ascii=ascii_only))
            (problem,) = problems_of(path)
            assert message in problem

    def test_duplicate_key_deep_in_a_big_bank(self, write_bank: WriteBank) -> None:
        """One repeated key among thousands of questions is still found."""
        import json

        text = json.dumps(bank_document(*(question(f"q{n}") for n in range(3000))))
        text = text.replace(
            '"answer": "Cecilia", "explanation": "Because."}]',
            '"answer": "Cecilia", "answer": "Anita", "explanation": "Because."}]',
        )
        path = write_bank(text)
        assert problems_of(path) == [
            f'{path}: question "q2999": key "answer" is given more than once'
        ]


class TestHostileText:
    """Bank text is plain, visible, single-line text, whatever it tries."""

    @pytest.mark.parametrize(
        ("fields", "problem"),
        [
            (
                {"prompt": "Who \u202eplays Janis?"},
                'question "q1": prompt contains a bidirectional control character '
                "(U+202E), which would change how the text reads",
            ),
            ({"id": "\u200b\u200d"}, "question 1: id is blank"),
            ({"prompt": "\u2060\ufeff \u00ad"}, 'question "q1": prompt is blank'),
            (
                {"explanation": "two\u2028lines"},
                'question "q1": explanation contains a control character (U+2028); '
                "bank text must be plain, single-line text",
            ),
            (
                {"choices": ["Venice", "Venice\u200b", "Cannes"], "answer": "Venice"},
                'question "q1": choice "Venice\\u200b" looks the same as "Venice" '
                "(they differ only by invisible characters)",
            ),
        ],
    )
    def test_refused(
        self, write_bank: WriteBank, fields: dict[str, Any], problem: str
    ) -> None:
        """Bidi controls, invisible-only text, line separators and look-alike
        choices are refused, each named."""
        path = write_bank(bank_document(question(**fields)))
        assert problems_of(path) == [f"{path}: {problem}"]

    def test_lone_surrogate(self, write_bank: WriteBank) -> None:
        """An escaped lone surrogate is not text."""
        path = write_bank('{"format": 1, "title": "\\ud800", "questions": []}')
        assert problems_of(path)[0] == (
            f"{path}: title contains a lone surrogate (U+D800), not text"
        )

    def test_joiners_in_real_text_are_fine(self, write_bank: WriteBank) -> None:
        """A zero-width joiner inside an emoji sequence is text, not a trick."""
        family = "\U0001f469\u200d\U0001f467"
        path = write_bank(bank_document(question(explanation=f"A family: {family}")))
        assert load_bank(path).questions[0].explanation == f"A family: {family}"

    def test_huge_integer(self, write_bank: WriteBank) -> None:
        """A number of 5,000 digits is reported where it is, not raised."""
        path = write_bank('{"format": 1,\n "title": ' + "7" * 5000 + "}")
        assert problems_of(path) == [
            f"{path}: line 2, column 11: a number of more than 4,300 digits is too "
            "long to read"
        ]

    @pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
    def test_utf16_is_named(self, write_bank: WriteBank, encoding: str) -> None:
        """A bank saved as UTF-16 says so, with or without a byte order mark."""
        import json

        path = write_bank(json.dumps(bank_document()).encode(encoding))
        assert problems_of(path) == [
            f"{path}: the file looks like UTF-16 text; save it as UTF-8"
        ]

    def test_problems_shown_are_capped(self, write_bank: WriteBank) -> None:
        """A million identical choices: 50 problems shown, the rest counted."""
        choices = ["same"] * 1_000_000
        path = write_bank(bank_document(question(choices=choices, answer="same")))
        lines = problems_of(path)
        assert len(lines) == 51
        assert lines[-1] == f"{path}: and 999,950 more problems"

    @pytest.mark.parametrize(
        ("kind", "message"),
        [("fifo", "is a FIFO (named pipe), not a bank file; skipped")],
    )
    def test_special_files_are_not_read(
        self, tmp_path: Path, kind: str, message: str
    ) -> None:
        """A FIFO named like a bank is refused at once, not waited on."""
        import os

        path = tmp_path / "pipe.json"
        os.mkfifo(path)
        assert problems_of(path) == [f"{path}: {message}"]

    def test_a_link_to_a_device_is_not_read(self, tmp_path: Path) -> None:
        """A link to /dev/zero is a device, not an endless bank."""
        path = tmp_path / "zero.json"
        path.symlink_to("/dev/zero")
        assert problems_of(path) == [f"{path}: is a device, not a bank file; skipped"]

    def test_size_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A file over the limit (a sparse 3 GB file, here) is refused without
        being read; FILMQUIZ_MAX_BANK_MB raises the limit."""
        path = tmp_path / "sparse.json"
        with path.open("wb") as stream:
            stream.truncate(3_000_000_000)
        assert problems_of(path) == [
            f"{path}: is 3,000 MB, more than the 100 MB a bank may be "
            "(set FILMQUIZ_MAX_BANK_MB to allow more)"
        ]
        small = tmp_path / "small.json"
        small.write_text('{"format": 1, "title": "' + "x" * 2000 + '"}')
        monkeypatch.setenv("FILMQUIZ_MAX_BANK_MB", "0.001")
        assert problems_of(small)[0].endswith(
            "is 0.002 MB, more than the 0.001 MB a bank may be "
            "(set FILMQUIZ_MAX_BANK_MB to allow more)"
        )

    @pytest.mark.parametrize("value", ["nan", "-5", "many"])
    def test_a_size_limit_that_is_no_number_keeps_the_default(
        self, write_bank: WriteBank, monkeypatch: pytest.MonkeyPatch, value: str
    ) -> None:
        """FILMQUIZ_MAX_BANK_MB=nan (or negative, or words) reads as unset."""
        monkeypatch.setenv("FILMQUIZ_MAX_BANK_MB", value)
        assert load_bank(write_bank()).slug == "fan"

    @pytest.mark.parametrize("value", ["inf", "1e400"])
    def test_an_endless_size_limit(
        self, write_bank: WriteBank, monkeypatch: pytest.MonkeyPatch, value: str
    ) -> None:
        """inf (or a number too big to count) means no limit."""
        monkeypatch.setenv("FILMQUIZ_MAX_BANK_MB", value)
        assert load_bank(write_bank()).slug == "fan"


class TestSpoilersSourcesAndCredits:
    def test_are_read(self, write_bank: WriteBank) -> None:
        """The optional fields of format 1 reach the bank and its questions."""
        document = bank_document(
            question("a", spoiler="none", source="Fact sheet: cast"),
            question("b"),
            credits="Written by the club",
            license="CC BY 4.0",
            spoiler_words=["DNA", "cot death"],
        )
        bank = load_bank(write_bank(document))
        assert (bank.credits, bank.license) == ("Written by the club", "CC BY 4.0")
        assert bank.spoiler_words == ("DNA", "cot death")
        first, second = bank.questions
        assert (first.spoiler, first.source) == ("none", "Fact sheet: cast")
        assert (second.spoiler, second.source) == (None, None)

    def test_an_unmarked_question_counts_as_the_ending(
        self, write_bank: WriteBank
    ) -> None:
        document = bank_document(
            question("a", spoiler="none"),
            question("b", spoiler="middle"),
            question("c"),
        )
        bank = load_bank(write_bank(document))
        assert bank.spoilers == {"none": 1, "early": 0, "middle": 1, "ending": 1}

    def test_problems_are_named(self, write_bank: WriteBank) -> None:
        document = bank_document(
            question("a", spoiler="everything", source=""),
            license=4,
            spoiler_words=["dna", ""],
        )
        path = write_bank(document)
        assert problems_of(path) == [
            f"{path}: license must be a string, got the number 4",
            f"{path}: spoiler_words[1] is blank",
            f'{path}: question "a": spoiler must be "none", "early", "middle" or '
            '"ending", got the string "everything"',
            f'{path}: question "a": source is blank',
        ]
