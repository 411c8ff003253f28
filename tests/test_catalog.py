"""Where banks come from: FILMQUIZ_PATH, the user's folder, shipped, paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import WriteBank, bank_document, question
from filmquiz.banks import catalog
from filmquiz.cli import app
from filmquiz.errors import ExitStatus, UnknownQuiz


def put(folder: Path, slug: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.json"
    import json

    path.write_text(json.dumps(bank_document(question(), title=title)))
    return path


@pytest.fixture
def club(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two FILMQUIZ_PATH folders."""
    first, second = tmp_path / "club-a", tmp_path / "club-b"
    monkeypatch.setenv("FILMQUIZ_PATH", os.pathsep.join([str(first), "", str(second)]))
    return first, second


class TestSources:
    def test_order(self, club: tuple[Path, Path], filmquiz_home: Path) -> None:
        """FILMQUIZ_PATH folders in order, then the user's folder, then shipped."""
        assert catalog.sources() == [
            catalog.Source("path", club[0]),
            catalog.Source("path", club[1]),
            catalog.Source("user", filmquiz_home / "quizzes"),
            catalog.Source("shipped", catalog.SHIPPED_QUIZZES),
        ]

    def test_user_bank_hides_shipped(self, filmquiz_home: Path) -> None:
        """A user bank named like a shipped one is the one played."""
        mine = put(filmquiz_home / "quizzes", "parallel-mothers", "Mine")
        found = catalog.bank_files()["parallel-mothers"]
        assert (found.path, found.kind) == (mine, "user")
        assert [(f.kind, f.path) for f in found.shadows] == [
            ("shipped", catalog.SHIPPED_QUIZZES / "parallel-mothers.json")
        ]
        assert catalog.load("parallel-mothers").title == "Mine"

    def test_path_folders_come_first(
        self, club: tuple[Path, Path], filmquiz_home: Path
    ) -> None:
        """The first FILMQUIZ_PATH folder wins over the second and the user's."""
        put(club[1], "noir", "Second")
        put(filmquiz_home / "quizzes", "noir", "User")
        first = put(club[0], "noir", "First")
        found = catalog.bank_files()["noir"]
        assert (found.path, found.kind) == (first, "path")
        assert [f.kind for f in found.shadows] == ["path", "user"]

    def test_missing_folders_are_empty(self, club: tuple[Path, Path]) -> None:
        """Folders that do not exist hold no banks and raise nothing."""
        assert list(catalog.bank_files()) == ["parallel-mothers"]

    def test_broken_bank_does_not_hide_others(self, club: tuple[Path, Path]) -> None:
        """A broken bank is listed as broken; the others still load."""
        club[0].mkdir()
        (club[0] / "aaa.json").write_text("{oops")
        put(club[0], "zzz", "Fine")
        entries = {e.slug: e for e in catalog.entries()}
        assert entries["aaa"].summary is None
        assert entries["aaa"].error is not None
        assert entries["zzz"].summary is not None
        assert entries["parallel-mothers"].summary is not None


class TestLocate:
    def test_a_path_is_a_path(self, write_bank: WriteBank) -> None:
        """Anything with a slash or ending in .json is read as a path."""
        path = write_bank(name="parallel-mothers.json")
        assert catalog.locate(str(path)) == path

    def test_unknown_name(self) -> None:
        """An unknown name suggests the closest one."""
        with pytest.raises(UnknownQuiz, match='did you mean "parallel-mothers"'):
            catalog.locate("paralel-mothers")


class TestListCommand:
    def test_list_shows_sources(
        self, club: tuple[Path, Path], filmquiz_home: Path
    ) -> None:
        """list --json says where each quiz comes from and what it hides."""
        put(filmquiz_home / "quizzes", "parallel-mothers", "Mine")
        club[0].mkdir()
        (club[0] / "broken.json").write_text("[]")
        runner = CliRunner()
        result = runner.invoke(app, ["list", "--json"])
        assert result.exit_code == 0
        import json

        listed = {entry["slug"]: entry for entry in json.loads(result.stdout)}
        assert listed["broken"]["broken"] == "a bank must be a JSON object, got a list"
        assert listed["broken"]["source"] == "path"
        assert listed["parallel-mothers"]["title"] == "Mine"
        assert listed["parallel-mothers"]["source"] == "user"
        assert [s["source"] for s in listed["parallel-mothers"]["shadows"]] == [
            "shipped"
        ]
        table = runner.invoke(app, ["list"], env={"COLUMNS": "200"})
        assert "user (over shipped)" in table.stdout
        assert "broken: a bank must be a JSON object, got a list" in table.stdout


class TestAdd:
    def test_add_then_play_by_name(
        self, write_bank: WriteBank, filmquiz_home: Path
    ) -> None:
        """add copies a valid bank into the user's folder; play finds it by name."""
        source = write_bank(bank_document(question("a")), name="noir.json")
        runner = CliRunner()
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
        self, write_bank: WriteBank, filmquiz_home: Path
    ) -> None:
        """A second add of the same name is refused without --force."""
        source = write_bank(name="noir.json")
        runner = CliRunner()
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
        self, write_bank: WriteBank, filmquiz_home: Path
    ) -> None:
        """A broken bank is refused with the validator's messages."""
        source = write_bank(
            bank_document(question("a", answer="nope")), name="bad.json"
        )
        result = CliRunner().invoke(app, ["add", str(source)])
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stderr == (
            f'error: {source}: question "a": answer "nope" is not one of the choices\n'
        )
        assert not (filmquiz_home / "quizzes" / "bad.json").exists()

    def test_adding_over_a_shipped_name(self, write_bank: WriteBank) -> None:
        """A bank named like a shipped one is added, with a note."""
        source = write_bank(name="parallel-mothers.json")
        result = CliRunner().invoke(app, ["add", str(source)])
        assert result.exit_code == 0
        assert result.stdout.endswith(
            "It is used instead of the shipped quiz parallel-mothers.\n"
            "Play it with: filmquiz play parallel-mothers\n"
        )


class TestShellCompletion:
    def complete(self, command: str, words: str, cwd: Path | None = None) -> list[str]:
        import subprocess

        env = {
            **os.environ,
            "_FILMQUIZ_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
        done = subprocess.run(
            [command], env=env, cwd=cwd, capture_output=True, text=True, check=True
        )
        return [line for line in done.stdout.splitlines() if line]

    def test_quiz_names_for_play_and_validate(
        self, filmquiz_command: str, filmquiz_home: Path
    ) -> None:
        """play and validate complete the names of shipped and user quizzes."""
        put(filmquiz_home / "quizzes", "noir", "Noir")
        put(filmquiz_home / "quizzes", "nouvelle-vague", "NV")
        assert self.complete(filmquiz_command, "filmquiz play par") == [
            "parallel-mothers"
        ]
        assert self.complete(filmquiz_command, "filmquiz play no") == [
            "noir",
            "nouvelle-vague",
        ]
        assert self.complete(filmquiz_command, "filmquiz validate nou") == [
            "nouvelle-vague"
        ]

    def test_paths(self, filmquiz_command: str, tmp_path: Path) -> None:
        """A word that looks like a path completes bank files and folders."""
        (tmp_path / "banks").mkdir()
        (tmp_path / "banks" / "fan.json").write_text("{}")
        (tmp_path / "banks" / "notes.txt").write_text("")
        assert self.complete(filmquiz_command, "filmquiz play ./ba", tmp_path) == [
            "./banks/"
        ]
        assert self.complete(filmquiz_command, "filmquiz play ./banks/", tmp_path) == [
            "./banks/fan.json"
        ]


class TestPermissions:
    @pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600)])
    def test_added_banks_follow_the_umask(
        self, write_bank: WriteBank, filmquiz_home: Path, umask: int, mode: int
    ) -> None:
        """add writes a file as any program would: readable by a club's members
        with umask 022, private with umask 077."""
        source = write_bank(name="noir.json")
        old = os.umask(umask)
        try:
            CliRunner().invoke(app, ["add", str(source)])
        finally:
            os.umask(old)
        target = filmquiz_home / "quizzes" / "noir.json"
        assert target.stat().st_mode & 0o777 == mode


class TestMoreCompletion:
    complete = TestShellCompletion.complete

    def test_quiz_names_for_scores(self, filmquiz_command: str) -> None:
        """scores completes quiz names too."""
        assert self.complete(filmquiz_command, "filmquiz scores par") == [
            "parallel-mothers"
        ]

    def test_categories_of_the_chosen_quiz(self, filmquiz_command: str) -> None:
        """--category completes the categories of the quiz already typed."""
        words = "filmquiz play parallel-mothers --category c"
        assert self.complete(filmquiz_command, words) == ["characters", "cast and crew"]

    def test_no_categories_without_a_quiz(self, filmquiz_command: str) -> None:
        """Before a quiz is typed, there is nothing to offer, and no error."""
        assert self.complete(filmquiz_command, "filmquiz play --category c") == []
