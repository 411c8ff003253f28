"""End to end: the installed ``filmquiz`` in a pseudo-terminal, keys pressed."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
from pathlib import Path
from typing import Any

import pexpect
import pytest

from conftest import DOWN, ENTER, SHARED_DATA, WriteBank, bank_document, question
from filmquiz.errors import ExitStatus

SHOW_CURSOR = "\x1b[?25h"
HIDE_CURSOR = "\x1b[?25l"


def spawn(command: str, *args: str) -> pexpect.spawn:
    env = {
        **os.environ,
        "PROMPT_TOOLKIT_NO_CPR": "1",
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "30",
    }
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        command,
        list(args),
        env=env,
        dimensions=(30, 100),
        encoding="utf-8",
        timeout=20,
    )


# Colour codes may stand between any two parts of a line on a real terminal.
STYLES = r"(?:\x1b\[[\d;]*m)*"
SCORE = re.compile(rf"Score {STYLES}(\d+)/(\d+){STYLES} \((\d+)%\)")


def kept_games(command: str) -> list[dict[str, Any]]:
    """The games in the score history, as ``scores --json`` lists them."""
    listed = subprocess.run(
        [command, "scores", "--json"], capture_output=True, text=True, check=True
    )
    games: list[dict[str, Any]] = json.loads(listed.stdout)["games"]
    return games


def finish(child: pexpect.spawn) -> int:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return int(child.exitstatus)


class TestTerminalGame:
    def test_arrow_keys_through_a_game(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """Down and Enter answer each question; the summary table ends the game."""
        path = write_bank(
            bank_document(
                question(
                    "one", choices=["Anita", "Cecilia", "Teresa"], answer="Cecilia"
                ),
                question("two", choices=["Madrid", "Seville"], answer="Madrid"),
                question("three", choices=["2016", "2019", "2021"], answer="2021"),
            )
        )
        child = spawn(filmquiz_command, "play", str(path), "--no-shuffle")
        child.expect_exact("[1/3]")
        child.expect_exact("Question one?")
        child.send(DOWN + ENTER)
        child.expect_exact("✔ Right!")
        child.expect_exact("[2/3]")
        child.expect_exact("Question two?")
        child.send(DOWN + ENTER)
        child.expect_exact("✘ Wrong.")
        child.expect_exact("The answer is")
        child.expect_exact("[3/3]")
        child.expect_exact("Question three?")
        child.send(DOWN + DOWN + ENTER)
        child.expect_exact("By category")
        child.expect(SCORE)
        assert child.match.groups() == ("2", "3", "67")
        assert finish(child) == ExitStatus.OK

    def test_whole_shipped_game_matches_plain_mode(self, filmquiz_command: str) -> None:
        """All of parallel-mothers in a terminal scores as the same game piped."""
        seed = "2021"
        child = spawn(filmquiz_command, "play", "parallel-mothers", "--seed", seed)
        picks = []
        for number in range(1, 70):
            child.expect_exact(f"[{number}/69]")
            pick = number % 3
            picks.append(pick)
            child.send(DOWN * pick + ENTER)
        child.expect(SCORE)
        terminal_score = int(child.match.group(1))
        assert child.match.group(2) == "69"
        assert finish(child) == ExitStatus.OK

        piped = subprocess.run(
            [filmquiz_command, "play", "parallel-mothers", "--seed", seed, "--json"],
            input="".join(f"{pick + 1}\n" for pick in picks),
            capture_output=True,
            text=True,
            check=False,
        )
        assert piped.returncode == ExitStatus.OK
        assert json.loads(piped.stdout)["score"] == terminal_score

    def test_ctrl_c_exits_130_with_cursor_restored(self, filmquiz_command: str) -> None:
        """Ctrl-C mid-game: a short summary, exit 130, cursor shown, no traceback."""
        child = spawn(filmquiz_command, "play", "parallel-mothers", "--count", "5")
        child.expect_exact("[1/5]")
        child.send(ENTER)
        child.expect_exact("[2/5]")
        child.sendintr()
        child.expect_exact("Stopped after 1 of 5 questions")
        rest = child.before or ""
        status = finish(child)
        assert status == ExitStatus.INTERRUPTED
        transcript = rest + (child.before or "")
        assert "Traceback" not in transcript
        assert transcript.rfind(SHOW_CURSOR) >= transcript.rfind(HIDE_CURSOR)

    def test_ctrl_c_game_is_kept_as_not_complete(self, filmquiz_command: str) -> None:
        """A game stopped with Ctrl-C is in the history, not complete, with the
        answer given."""
        child = spawn(
            filmquiz_command, "play", "parallel-mothers", "-n", "5", "--player", "ana"
        )
        child.expect_exact("[1/5]")
        child.send(ENTER)
        child.expect_exact("[2/5]")
        child.sendintr()
        assert finish(child) == ExitStatus.INTERRUPTED
        (game,) = kept_games(filmquiz_command)
        assert (game["player"], game["total"], game["complete"]) == ("ana", 5, False)

    def test_json_in_a_terminal(self, filmquiz_command: str, tmp_path: Path) -> None:
        """--json in a terminal draws prompts on stderr, keeping stdout clean."""
        out = tmp_path / "result.json"
        child = spawn(
            "/bin/sh",
            "-c",
            f'"{filmquiz_command}" play parallel-mothers --count 2 --seed 1 --json'
            f' > "{out}"',
        )
        child.expect_exact("[1/2]")
        child.send(ENTER)
        child.expect_exact("[2/2]")
        child.send(ENTER)
        assert finish(child) == ExitStatus.OK
        document = json.loads(out.read_text(encoding="utf-8"))
        assert document["total"] == 2
        assert len(document["questions"]) == 2


class TestPlainModeSignals:
    def test_ctrl_c_while_reading_a_pipe(self, filmquiz_command: str) -> None:
        """SIGINT in plain mode: summary, exit 130, no traceback."""
        process = subprocess.Popen(
            [filmquiz_command, "play", "parallel-mothers", "--count", "3"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stdin is not None
        assert process.stdout is not None
        process.stdin.write("1\n")
        process.stdin.flush()
        seen = ""
        while "Question 2 of 3" not in seen:
            line = process.stdout.readline()
            assert line, "filmquiz ended before the second question"
            seen += line
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
        assert process.returncode == ExitStatus.INTERRUPTED
        assert re.search(r"Stopped after 1 of 3 questions", out)
        assert "Traceback" not in err


@pytest.mark.parametrize("args", [["list"], ["--help"], ["schema"]])
def test_commands_run_in_a_terminal(filmquiz_command: str, args: list[str]) -> None:
    """The other commands run in a terminal and exit 0."""
    child = spawn(filmquiz_command, *args)
    assert finish(child) == ExitStatus.OK


class TestScoresInATerminal:
    def play_piped(self, command: str, answers: str) -> None:
        subprocess.run(
            [
                command,
                "play",
                "parallel-mothers",
                "--no-shuffle",
                "-n",
                "3",
                "--player",
                "ana",
            ],
            input=answers,
            capture_output=True,
            text=True,
            check=True,
        )

    def test_scores_table(self, filmquiz_command: str) -> None:
        """scores draws its table with a trend in a real terminal."""
        self.play_piped(filmquiz_command, "1\n1\n1\n")
        self.play_piped(filmquiz_command, "2\n2\n2\n")
        child = spawn(filmquiz_command, "scores")
        child.expect_exact("Trend")
        child.expect_exact("parallel-mothers")
        child.expect_exact("ana")
        assert finish(child) == ExitStatus.OK

    @pytest.mark.parametrize(
        ("key", "said", "left"),
        [("y", "Forgot 2 games.", 0), ("n", "Nothing was forgotten.", 2)],
    )
    def test_reset_asks_first(
        self, filmquiz_command: str, key: str, said: str, left: int
    ) -> None:
        """--reset asks in a terminal, and does only what the answer says."""
        self.play_piped(filmquiz_command, "1\n1\n1\n")
        self.play_piped(filmquiz_command, "2\n2\n2\n")
        child = spawn(filmquiz_command, "scores", "--reset")
        child.expect_exact("Forget 2 games?")
        child.send(key)
        child.expect_exact(said)
        assert finish(child) == ExitStatus.OK
        assert len(kept_games(filmquiz_command)) == left


def test_new_in_a_terminal(filmquiz_command: str, filmquiz_home: Path) -> None:
    """The wizard in a real terminal writes a bank that then plays by name."""
    child = spawn(filmquiz_command, "new")
    steps = [
        ("Title of the quiz:", "Noir Night" + ENTER),
        ("Film title:", ENTER),
        ("Original title", ENTER),
        ("Year", "1944" + ENTER),
        ("Director", ENTER),
        ("Question 1:", "Who plays Walter Neff?" + ENTER),
        ("Choice 1:", "Fred MacMurray" + ENTER),
        ("Choice 2:", "Edward G. Robinson" + ENTER),
        ("Choice 3", ENTER),
        ("Which one is right?", ENTER),
        ("Category", ENTER),
        ("Difficulty:", ENTER),
        ("Why is that the answer?", ENTER),
        ("Add another question?", "n"),
        ("Save it to:", ENTER),
        ("Quiz name", ENTER),
    ]
    for prompt, keys in steps:
        child.expect_exact(prompt)
        child.send(keys)
    child.expect_exact("Play it with: filmquiz play noir-night")
    assert finish(child) == ExitStatus.OK
    assert (filmquiz_home / "quizzes" / "noir-night.json").is_file()
    played = subprocess.run(
        [filmquiz_command, "play", "noir-night", "--json", "--no-shuffle"],
        input="1\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(played.stdout)["score"] == 1


@pytest.mark.skipif(
    not SHARED_DATA.is_file(), reason="../shared/data is not beside the clone"
)
def test_import_shows_progress(filmquiz_command: str, tmp_path: Path) -> None:
    """Importing 5,250 questions in a terminal draws a progress bar."""
    output = tmp_path / "all.json"
    child = spawn(
        filmquiz_command, "import", "opentdb", str(SHARED_DATA), "-o", str(output)
    )
    child.expect_exact("Importing")
    child.expect_exact("Imported 5246 questions")
    assert finish(child) == ExitStatus.OK
    assert output.is_file()
