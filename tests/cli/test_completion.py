"""Shell completion, as bash asks the installed ``filmquiz`` for it."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from tests.support import put_bank


class TestShellCompletion:
    def complete(self, command: str, words: str, cwd: Path | None = None) -> list[str]:
        env = {
            **os.environ,
            "_FILMQUIZ_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(
                len(shlex.split(words)) - (0 if words.endswith(" ") else 1)
            ),
        }
        done = subprocess.run(
            [command], env=env, cwd=cwd, capture_output=True, text=True, check=True
        )
        return [line for line in done.stdout.splitlines() if line]

    def test_quiz_names_for_play_and_validate(
        self, filmquiz_command: str, filmquiz_home: Path
    ) -> None:
        """play and validate complete the names of shipped and user quizzes."""
        put_bank(filmquiz_home / "quizzes", "noir", "Noir")
        put_bank(filmquiz_home / "quizzes", "nouvelle-vague", "NV")
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
        assert self.complete(filmquiz_command, words) == [
            "characters",
            "cast\\ and\\ crew",
        ]

    def test_a_category_of_several_words_is_one_word_for_bash(
        self, filmquiz_command: str
    ) -> None:
        """bash inserts a completion as it is: the spaces of "cast and crew"
        are escaped, so the category arrives as one word."""
        words = "filmquiz play parallel-mothers --category cas"
        assert self.complete(filmquiz_command, words) == ["cast\\ and\\ crew"]

    def test_no_categories_without_a_quiz(self, filmquiz_command: str) -> None:
        """Before a quiz is typed, there is nothing to offer, and no error."""
        assert self.complete(filmquiz_command, "filmquiz play --category c") == []
