"""Saving banks (``add``, ``new``, ``import``): checked first, written whole,
never over another bank unless asked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from tests.support import WriteBank, bank_document, question


class TestAdd:
    def test_add_then_play_by_name(
        self, runner: CliRunner, write_bank: WriteBank, filmquiz_home: Path
    ) -> None:
        """add copies a valid bank into the user's folder; play finds it by name."""
        source = write_bank(bank_document(question("a")), name="noir.json")
        added = runner.invoke(app, ["add", str(source)])
        assert added.exit_code == 0
        target = filmquiz_home / "quizzes" / "noir.json"
        assert added.stdout == (
            f"Saved noir (1 question) in {target}.\nPlay it with: filmquiz play noir\n"
        )
        assert target.read_bytes() == source.read_bytes()
        played = runner.invoke(app, ["play", "noir", "--no-shuffle"], input="2\n")
        assert played.exit_code == 0
        assert "Score 1/1" in played.stdout

    def test_existing_name_needs_force(
        self, runner: CliRunner, write_bank: WriteBank, filmquiz_home: Path
    ) -> None:
        """A second add of the same name is refused without --force."""
        source = write_bank(name="noir.json")
        runner.invoke(app, ["add", str(source)])
        again = runner.invoke(app, ["add", str(source)])
        target = filmquiz_home / "quizzes" / "noir.json"
        assert again.exit_code == ExitStatus.FAILURE
        assert again.stderr == (
            f"error: {target} already exists; pass --force to replace it\n"
        )
        forced = runner.invoke(app, ["add", str(source), "--force"])
        assert forced.exit_code == 0
        assert forced.stdout.startswith("Replaced noir")

    def test_broken_bank_is_refused(
        self, runner: CliRunner, write_bank: WriteBank, filmquiz_home: Path
    ) -> None:
        """A broken bank is refused with the validator's messages."""
        source = write_bank(
            bank_document(question("a", answer="nope")), name="bad.json"
        )
        result = runner.invoke(app, ["add", str(source)])
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stderr == (
            f'error: {source}: question "a": answer "nope" is not one of the choices\n'
        )
        assert not (filmquiz_home / "quizzes" / "bad.json").exists()

    def test_adding_over_a_shipped_name(
        self, runner: CliRunner, write_bank: WriteBank
    ) -> None:
        """A bank named like a shipped one is added, with a note."""
        source = write_bank(name="parallel-mothers.json")
        result = runner.invoke(app, ["add", str(source)])
        assert result.exit_code == 0
        assert result.stdout.endswith(
            "It is used instead of the shipped quiz parallel-mothers.\n"
            "Play it with: filmquiz play parallel-mothers\n"
        )


class TestPermissions:
    @pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
    def test_added_banks_follow_the_umask(
        self,
        runner: CliRunner,
        write_bank: WriteBank,
        filmquiz_home: Path,
        umask: int,
        mode: int,
    ) -> None:
        """add writes a file as any program would: readable by a club's members
        with umask 022, private with umask 077."""
        source = write_bank(name="noir.json")
        old = os.umask(umask)
        try:
            runner.invoke(app, ["add", str(source)])
        finally:
            os.umask(old)
        target = filmquiz_home / "quizzes" / "noir.json"
        assert target.stat().st_mode & 0o777 == mode


class TestSaveDocument:
    def test_a_document_is_checked_before_it_is_written(self, tmp_path: Path) -> None:
        """A document the loader refuses is never written."""
        from filmquiz.banks.saving import save_document
        from filmquiz.errors import BankError

        target = tmp_path / "bad.json"
        with pytest.raises(BankError, match="is not one of the choices"):
            save_document(bank_document(question(answer="nope")), target)
        assert not target.exists()

    def test_the_file_is_the_document_and_nothing_else_is_left(
        self, tmp_path: Path
    ) -> None:
        """The bank is written as indented UTF-8 JSON, loads back the same,
        and no temporary file stays beside it."""
        from filmquiz.bankfile.reading import load_bank
        from filmquiz.banks.saving import save_document

        document = bank_document(question(prompt="¿Quién es Janis?"))
        target = tmp_path / "club" / "noir.json"
        target.parent.mkdir()
        saved = save_document(document, target)
        assert (saved.path, saved.replaced, saved.play_as) == (
            target,
            False,
            str(target),
        )
        assert json.loads(target.read_text(encoding="utf-8")) == document
        assert "¿Quién es Janis?" in target.read_text(encoding="utf-8")
        assert load_bank(target) == saved.bank
        assert [p.name for p in target.parent.iterdir()] == ["noir.json"]

    def test_an_existing_file_is_kept_without_force(self, tmp_path: Path) -> None:
        """Without force the file there stays as it was; with force it is
        replaced, and the result says so."""
        from filmquiz.banks.saving import BankExists, save_document

        target = tmp_path / "noir.json"
        target.write_text("my notes")
        with pytest.raises(BankExists, match="already exists"):
            save_document(bank_document(), target)
        assert target.read_text() == "my notes"
        assert save_document(bank_document(), target, force=True).replaced

    def test_a_folder_that_cannot_hold_it_is_one_error(self, tmp_path: Path) -> None:
        """A destination under a file (not a folder) is a FilmquizError naming
        the path, not an OSError."""
        from filmquiz.banks.saving import save_document
        from filmquiz.errors import FilmquizError

        (tmp_path / "file").write_text("")
        target = tmp_path / "file" / "noir.json"
        with pytest.raises(FilmquizError, match=f"{target}: cannot be written"):
            save_document(bank_document(), target)

    @pytest.mark.parametrize(
        ("name", "problem"),
        [
            ("noir", None),
            ("", "a quiz needs a name before .json"),
            (".hidden", "a quiz name cannot start with a dot or a hyphen"),
            ("-n", "a quiz name cannot start with a dot or a hyphen"),
            ("a\u202eb", "a quiz name must be printable text"),
            ("x" * 251, "a quiz name must be shorter (at most 250 bytes)"),
        ],
    )
    def test_quiz_names(self, name: str, problem: str | None) -> None:
        """A quiz name is a file name people can see and type."""
        from filmquiz.banks.saving import quiz_name_problem

        assert quiz_name_problem(name) == problem
