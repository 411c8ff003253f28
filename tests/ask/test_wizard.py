"""The ``new`` wizard, driven in process through prompt_toolkit's pipe input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import PipeInput
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from filmquiz.ask.wizard import Wizard
from filmquiz.bankfile.reading import load_bank
from filmquiz.banks.saving import save_document
from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from tests.support import BACKSPACE, DOWN, ENTER


def lines(*typed: str) -> str:
    return "".join(text + ENTER for text in typed)


FILM = lines("Noir Night", "", "", "1944", "Billy Wilder")
FIRST_QUESTION = (
    lines("Who plays Walter Neff?")
    + ENTER  # pick one of the choices
    + lines("Fred MacMurray", "Edward G. Robinson", "")
    + ENTER  # the right one: the first
    + lines("cast")
    + DOWN
    + ENTER  # medium
    + DOWN * 3
    + ENTER  # nothing past the opening
    + lines("He plays the insurance salesman.")
)


class TestWizard:
    def test_one_question_into_the_user_folder(
        self, keys: PipeInput, tmp_path: Path
    ) -> None:
        """Every step answered: a valid bank, saved by name in the user folder."""
        keys.send_text(FILM + FIRST_QUESTION + "n" + ENTER + ENTER)
        draft = Wizard(tmp_path / "quizzes", input=keys, output=DummyOutput()).run()
        assert draft.destination == tmp_path / "quizzes" / "noir-night.json"
        assert draft.document == {
            "format": 1,
            "title": "Noir Night",
            "film": {"title": "Noir Night", "director": "Billy Wilder", "year": 1944},
            "questions": [
                {
                    "id": draft.document["questions"][0]["id"],
                    "category": "cast",
                    "difficulty": "medium",
                    "spoiler": "none",
                    "prompt": "Who plays Walter Neff?",
                    "choices": ["Fred MacMurray", "Edward G. Robinson"],
                    "answer": "Fred MacMurray",
                    "explanation": "He plays the insurance salesman.",
                }
            ],
        }
        assert draft.document["questions"][0]["id"].startswith("who-plays-walter-neff-")
        saved = save_document(draft.document, draft.destination)
        assert load_bank(saved.path).questions[0].answer == "Fred MacMurray"

    def test_two_questions_to_a_file(self, keys: PipeInput, tmp_path: Path) -> None:
        """Blank choices are refused until there are two; a file path can be
        chosen."""
        target = tmp_path / "elsewhere" / "noir.json"
        second = (
            lines("Who directed it?")
            + ENTER  # pick one of the choices
            + lines(
                "",
                "Billy Wilder",
                "Otto Preminger",
                "Fritz Lang",
                "",
            )
            + DOWN
            + DOWN
            + ENTER  # Fritz Lang, deliberately wrong for the test
            + lines("cast")
            + DOWN
            + DOWN
            + DOWN
            + ENTER  # no difficulty
            + ENTER  # the ending, or not sure
            + ENTER  # no explanation
        )
        keys.send_text(
            FILM
            + FIRST_QUESTION
            + "y"
            + second
            + "n"
            + DOWN
            + ENTER
            + BACKSPACE * 40
            + lines(str(target))
        )
        draft = Wizard(tmp_path / "quizzes", input=keys, output=DummyOutput()).run()
        assert draft.destination == target
        first, two = draft.document["questions"]
        assert two == {
            "id": two["id"],
            "category": "cast",
            "spoiler": "ending",
            "prompt": "Who directed it?",
            "choices": ["Billy Wilder", "Otto Preminger", "Fritz Lang"],
            "answer": "Fritz Lang",
        }
        assert first["id"] != two["id"]

    def test_existing_file_is_replaced_only_when_confirmed(
        self, keys: PipeInput, tmp_path: Path
    ) -> None:
        """Saving over a quiz asks first; No asks for another name."""
        folder = tmp_path / "quizzes"
        folder.mkdir()
        (folder / "noir-night.json").write_text("{}")
        keys.send_text(
            FILM
            + FIRST_QUESTION
            + "n"
            + ENTER
            + ENTER
            + "n"  # user folder, noir-night, do not replace
            + ENTER
            + BACKSPACE * 20
            + lines("noir-two")
        )
        draft = Wizard(folder, input=keys, output=DummyOutput()).run()
        assert draft.destination == folder / "noir-two.json"

    def test_enter_skips_the_category(self, keys: PipeInput, tmp_path: Path) -> None:
        """ "Enter to skip" skips, even when an earlier question had a category."""
        second = (
            lines("Who directed it?")
            + ENTER  # pick one of the choices
            + lines("Billy Wilder", "Otto Preminger", "")
            + ENTER  # Billy Wilder
            + ENTER  # no category
            + ENTER  # easy
            + ENTER  # the ending, or not sure
            + ENTER  # no explanation
        )
        keys.send_text(FILM + FIRST_QUESTION + "y" + second + "n" + ENTER + ENTER)
        draft = Wizard(tmp_path / "quizzes", input=keys, output=DummyOutput()).run()
        assert "category" not in draft.document["questions"][1]

    def test_defaults_are_taken_by_enter_not_typed_in(
        self, keys: PipeInput, tmp_path: Path
    ) -> None:
        """Typing the film title over the default gives that title alone."""
        keys.send_text(
            lines("Noir Night", "Double Indemnity", "", "", "")
            + FIRST_QUESTION
            + "n"
            + ENTER
            + ENTER
        )
        draft = Wizard(tmp_path / "quizzes", input=keys, output=DummyOutput()).run()
        assert draft.document["film"] == {"title": "Double Indemnity"}
        assert draft.destination.name == "noir-night.json"

    def test_ctrl_c_stops_the_wizard(self, keys: PipeInput, tmp_path: Path) -> None:
        """Ctrl-C in a field raises KeyboardInterrupt, for the command to offer
        a rescue (end_to_end/test_terminal.py drives that through a terminal)."""
        keys.send_text(lines("Noir Night") + "\x03")
        with pytest.raises(KeyboardInterrupt):
            Wizard(tmp_path, input=keys, output=DummyOutput()).run()

    def test_rescue_offers_the_questions_written(
        self, keys: PipeInput, tmp_path: Path
    ) -> None:
        """After Ctrl-C in the second question, the first can be kept."""
        keys.send_text(FILM + FIRST_QUESTION + "y" + lines("Who directed it?") + "\x03")
        wizard = Wizard(tmp_path / "quizzes", input=keys, output=DummyOutput())
        with pytest.raises(KeyboardInterrupt):
            wizard.run()
        keys.send_text("y" + ENTER + ENTER)
        draft = wizard.rescue()
        assert draft is not None
        assert [q["prompt"] for q in draft.document["questions"]] == [
            "Who plays Walter Neff?"
        ]
        assert draft.destination == tmp_path / "quizzes" / "noir-night.json"

    def test_rescue_with_nothing_written(self, keys: PipeInput, tmp_path: Path) -> None:
        """Ctrl-C before any question is complete: nothing to keep."""
        keys.send_text(lines("Noir Night") + "\x03")
        wizard = Wizard(tmp_path, input=keys, output=DummyOutput())
        with pytest.raises(KeyboardInterrupt):
            wizard.run()
        assert wizard.rescue() is None

    def test_rescue_declined(self, keys: PipeInput, tmp_path: Path) -> None:
        """No to the offer keeps nothing."""
        keys.send_text(FILM + FIRST_QUESTION + "\x03")
        wizard = Wizard(tmp_path, input=keys, output=DummyOutput())
        with pytest.raises(KeyboardInterrupt):
            wizard.run()
        keys.send_text("n")
        assert wizard.rescue() is None


class TestEachType:
    def wizard_question(self, keys: PipeInput, tmp_path: Path, answer: str) -> Any:
        """The one question written when ``answer`` is typed after the
        prompt, then a category, easy, the ending, and an explanation."""
        keys.send_text(
            FILM
            + lines("Double Indemnity: a noir?")
            + answer
            + lines("style")
            + ENTER  # easy
            + ENTER  # the ending, or not sure
            + lines("Because.")
            + "n"
            + ENTER
            + ENTER
        )
        draft = Wizard(tmp_path / "quizzes", input=keys, output=DummyOutput()).run()
        saved = save_document(draft.document, draft.destination)
        (question,) = draft.document["questions"]
        assert load_bank(saved.path).questions[0].type == question.get("type", "single")
        return question

    def test_true_or_false(self, keys: PipeInput, tmp_path: Path) -> None:
        question = self.wizard_question(
            keys,
            tmp_path,
            DOWN + ENTER + DOWN + ENTER,  # true or false; False
        )
        assert (question["type"], question["answer"]) == ("truefalse", False)
        assert "choices" not in question

    def test_pick_every_right_choice(self, keys: PipeInput, tmp_path: Path) -> None:
        """Enter with nothing picked is refused; Space picks."""
        question = self.wizard_question(
            keys,
            tmp_path,
            DOWN * 2
            + ENTER  # pick every right choice
            + lines("Fred MacMurray", "Barbara Stanwyck", "Cary Grant", "")
            + ENTER  # nothing picked: refused
            + " "
            + DOWN * 2
            + " "
            + ENTER,
        )
        assert question["type"] == "multi"
        assert question["choices"] == [
            "Fred MacMurray",
            "Barbara Stanwyck",
            "Cary Grant",
        ]
        assert question["answer"] == ["Fred MacMurray", "Cary Grant"]

    def test_type_the_answer(self, keys: PipeInput, tmp_path: Path) -> None:
        """The answer, then other accepted answers until a blank line; one
        that is the same once case and accents are set aside is refused."""
        question = self.wizard_question(
            keys,
            tmp_path,
            DOWN * 3
            + ENTER  # type the answer
            + lines("Billy Wilder", "billy wilder")  # refused, and left to edit
            + BACKSPACE * 20
            + lines("Wilder", ""),
        )
        assert question["type"] == "text"
        assert (question["answer"], question["accept"]) == ("Billy Wilder", ["Wilder"])
        assert "choices" not in question


def test_new_without_a_terminal(runner: CliRunner) -> None:
    """Without a terminal, new says so and exits 1."""
    result = runner.invoke(app, ["new"])
    assert result.exit_code == ExitStatus.FAILURE
    assert result.stderr == (
        "error: filmquiz new asks its questions in a terminal; without one, write a "
        "bank by hand (the README shows the format) or use filmquiz import\n"
    )
