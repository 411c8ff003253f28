"""End to end: the installed ``filmquiz`` in a pseudo-terminal, keys pressed,
and the screen read as a person reads it."""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from filmquiz.bankfile.reading import load_bank
from filmquiz.errors import ExitStatus
from filmquiz.game.engine import Selection, plan_game
from tests.end_to_end.terminal import Terminal
from tests.support import (
    CTRL_C,
    DOWN,
    ENTER,
    PARALLEL_MOTHERS,
    PARALLEL_MOTHERS_QUESTIONS,
    REPOSITORY,
    SHARED_DATA,
    SHIPPED_BANKS,
    WriteBank,
    bank_document,
    question,
)

SHOW_CURSOR = b"\x1b[?25h"
EVERY_QUESTION = ("--spoilers", "ending")
"""Asked for on the command line, so that no spoiler menu comes first."""
SINGLE_CHOICE_FIRST = ("--seed", "4")
"""A game of parallel-mothers whose first ten questions are single-choice,
answered by a number key or Enter (tests/end_to_end checks it)."""
SPOILING_NOTHING = sum(
    1 for q in load_bank(PARALLEL_MOTHERS).questions if q.spoiler == "none"
)
HIDE_CURSOR = b"\x1b[?25l"
ESC = "\x1b"

LONG_PROMPT = (
    "Which award did Penélope Cruz win at the 78th Venice International Film "
    "Festival for her role as Janis Martínez Moreno, the photographer?"
)
LONG_CHOICES = [
    "The Volpi Cup for Best Actress, presented at the closing ceremony",
    "The Golden Lion for the best film of the whole competition",
    "The Silver Lion Grand Jury Prize, the festival's second prize",
    "Nothing at all",
]
LONG_EXPLANATION = (
    "Penélope Cruz won the Volpi Cup for Best Actress at the 78th Venice "
    "International Film Festival, where the film opened the competition."
)


def kept_games(command: str) -> list[dict[str, Any]]:
    """The games in the score history, as ``scores --json`` lists them."""
    listed = subprocess.run(
        [command, "scores", "--json"], capture_output=True, text=True, check=True
    )
    games: list[dict[str, Any]] = json.loads(listed.stdout)["games"]
    return games


def three_questions(write_bank: WriteBank) -> Path:
    return write_bank(
        bank_document(
            question("one", choices=["Anita", "Cecilia", "Teresa"], answer="Cecilia"),
            question("two", choices=["Madrid", "Seville"], answer="Madrid"),
            question("three", choices=["2016", "2019", "2021"], answer="2021"),
        )
    )


def long_bank(write_bank: WriteBank) -> Path:
    return write_bank(
        bank_document(
            question(
                "volpi",
                prompt=LONG_PROMPT,
                choices=LONG_CHOICES,
                answer=LONG_CHOICES[0],
                explanation=LONG_EXPLANATION,
                category="production and awards",
                difficulty="medium",
            ),
            question("two", choices=["Madrid", "Seville"], answer="Madrid"),
        )
    )


def squeezed(text: str) -> str:
    """Text with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


class TestTerminalGame:
    def test_keys_through_a_game(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """Down and Enter, or a number key, answer each question; each answer
        stays on screen with its feedback; the summary table ends the game."""
        term = Terminal(
            filmquiz_command, "play", str(three_questions(write_bank)), "--no-shuffle"
        )
        term.wait_for("Question 1 of 3 (plot, easy)")
        term.send(DOWN + ENTER)
        term.wait_for("✔ Right!")
        term.wait_for("Question 2 of 3 (plot, easy)")
        term.send("2")
        term.wait_for("✘ Wrong. Right answer: Madrid")
        term.wait_for("Question 3 of 3")
        term.send("3")
        term.wait_for("By category")
        assert "Score 2/3 (67%)" in term.text()
        assert "Your answer: Cecilia" in term.text()
        assert "Your answer: Seville" in term.text()
        assert term.finish() == ExitStatus.OK

    def test_whole_shipped_game_matches_plain_mode(self, filmquiz_command: str) -> None:
        """All of parallel-mothers in a terminal scores as the same game piped."""
        seed = "2021"
        # Every question, asked for: no spoiler menu before the first.
        spoilers = ("--spoilers", "ending")
        term = Terminal(
            filmquiz_command, "play", "parallel-mothers", "--seed", seed, *spoilers
        )
        # What each question's type asks for: a number key for a menu, Space
        # and Enter for a checkbox, words for a typed answer; and the same
        # answer as a line.
        rounds = plan_game(load_bank(PARALLEL_MOTHERS), Selection(seed=int(seed)))
        lines = []
        for round_ in rounds:
            number, kind = round_.number, round_.question.type
            term.wait_for(f"Question {number} of {PARALLEL_MOTHERS_QUESTIONS}")
            if kind == "multi":
                term.wait_for("Space picks")
                term.send(" " + ENTER)
                lines.append("1")
            elif kind == "text":
                term.wait_for("Your answer:")
                term.send("Almodóvar" + ENTER)
                lines.append("Almodóvar")
            else:
                pick = str(number % len(round_.choices) + 1)
                term.send(pick)
                lines.append(pick)
        term.wait_for("Score ")
        terminal_score = next(
            line for line in term.lines() if line.startswith("Score ")
        ).split()[1]
        assert term.finish() == ExitStatus.OK
        piped = subprocess.run(
            [
                filmquiz_command,
                "play",
                "parallel-mothers",
                "--seed",
                seed,
                "--json",
                *spoilers,
            ],
            input="".join(f"{line}\n" for line in lines),
            capture_output=True,
            text=True,
            check=False,
        )
        assert piped.returncode == ExitStatus.OK
        score = json.loads(piped.stdout)["score"]
        assert f"{score}/{PARALLEL_MOTHERS_QUESTIONS}" == terminal_score

    def test_two_quick_enters_answer_one_question(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """A second Enter pressed before question 2 is shown does not answer it."""
        term = Terminal(
            filmquiz_command, "play", str(three_questions(write_bank)), "--no-shuffle"
        )
        term.wait_for("Question 1 of 3")
        term.send(ENTER + ENTER)
        term.wait_for("Question 2 of 3")
        term.pump(1.0)
        assert term.text().count("Your answer:") == 1
        assert "Question 3 of 3" not in term.text()
        term.send("1")
        term.wait_for("Question 3 of 3")
        term.send("1")
        assert term.finish() == ExitStatus.OK

    def test_keys_pressed_during_feedback_are_dropped(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """Keys typed while the answer's feedback shows are neither echoed nor
        taken as the next answer."""
        term = Terminal(
            filmquiz_command, "play", str(three_questions(write_bank)), "--no-shuffle"
        )
        term.wait_for("Question 1 of 3")
        term.send("1" + "2" + "xyz")
        term.wait_for("Question 2 of 3")
        term.pump(1.0)
        assert "xyz" not in term.text()
        assert term.text().count("Your answer:") == 1
        term.send(CTRL_C)
        assert term.finish() == ExitStatus.INTERRUPTED

    @pytest.mark.parametrize("columns", [40, 50, 80, 120])
    def test_nothing_is_cut_at_any_width(
        self, filmquiz_command: str, write_bank: WriteBank, columns: int
    ) -> None:
        """The question, every choice, the hint, the echoed answer and the
        explanation wrap between words at 40 to 120 columns, none cut."""
        term = Terminal(
            filmquiz_command,
            "play",
            str(long_bank(write_bank)),
            "--no-shuffle",
            columns=columns,
        )
        term.wait_for("Nothing at all")
        menu = term.text()
        for text in (
            LONG_PROMPT,
            *LONG_CHOICES,
            "(arrow keys and Enter, or press 1-4)",
        ):
            assert squeezed(text) in squeezed(menu)
        assert all(len(line) < columns for line in term.lines())
        term.send("1")
        term.wait_for("Question 2 of 2")
        answered = term.text()
        for text in (LONG_PROMPT, f"Your answer: {LONG_CHOICES[0]}", LONG_EXPLANATION):
            assert squeezed(text) in squeezed(answered)
        term.send("1")
        assert term.finish() == ExitStatus.OK

    def test_escape_then_enter_keeps_the_question(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """Esc then Enter is no answer, and the question is not drawn twice."""
        term = Terminal(
            filmquiz_command, "play", str(three_questions(write_bank)), "--no-shuffle"
        )
        term.wait_for("Question 1 of 3")
        term.send(ESC + ENTER)
        term.pump(1.0)
        assert term.text().count("Question 1 of 3") == 1
        assert "Your answer:" not in term.text()
        term.send("2")
        term.wait_for("Question 2 of 3")
        assert term.text().count("Question 1 of 3") == 1
        term.send(CTRL_C)
        assert term.finish() == ExitStatus.INTERRUPTED

    def test_ctrl_c_ends_with_what_was_answered(self, filmquiz_command: str) -> None:
        """Ctrl-C mid-game: the table of the answers given, the share of them
        right, no menu or hint left behind, the cursor shown, exit 130."""
        term = Terminal(
            filmquiz_command,
            "play",
            "parallel-mothers",
            "-n",
            "5",
            *SINGLE_CHOICE_FIRST,
            *EVERY_QUESTION,
        )
        term.wait_for("Question 1 of 5")
        term.send("1")
        term.wait_for("Question 2 of 5")
        term.send(CTRL_C)
        assert term.finish() == ExitStatus.INTERRUPTED
        screen = term.text()
        assert "Stopped after 1 of 5 questions: " in screen
        assert "answered right" in screen
        assert "By category" in screen
        assert "arrow keys and Enter" not in screen
        assert "Question 2 of 5" not in screen
        assert "Traceback" not in screen
        assert term.raw.rfind(SHOW_CURSOR) >= term.raw.rfind(HIDE_CURSOR)

    def test_ctrl_c_game_is_kept_as_not_complete(self, filmquiz_command: str) -> None:
        """A game stopped with Ctrl-C is in the history, not complete, with the
        answer given."""
        term = Terminal(
            filmquiz_command,
            "play",
            "parallel-mothers",
            "-n",
            "5",
            "--player",
            "ana",
            *SINGLE_CHOICE_FIRST,
            *EVERY_QUESTION,
        )
        term.wait_for("Question 1 of 5")
        term.send(ENTER)
        term.wait_for("Question 2 of 5")
        term.send(CTRL_C)
        assert term.finish() == ExitStatus.INTERRUPTED
        (game,) = kept_games(filmquiz_command)
        assert (game["player"], game["total"], game["complete"]) == ("ana", 5, False)

    def test_json_in_a_terminal(self, filmquiz_command: str, tmp_path: Path) -> None:
        """--json in a terminal draws prompts on stderr, keeping stdout clean."""
        out = tmp_path / "result.json"
        term = Terminal(
            "/bin/sh",
            "-c",
            f'"{filmquiz_command}" play parallel-mothers --count 2 --seed 1 --json'
            f' --spoilers ending > "{out}"',
        )
        term.wait_for("Question 1 of 2")
        term.send(ENTER)
        term.wait_for("Question 2 of 2")
        term.send(ENTER)
        assert term.finish() == ExitStatus.OK
        document = json.loads(out.read_text(encoding="utf-8"))
        assert (document["total"], len(document["questions"])) == (2, 2)

    def test_json_in_a_terminal_picks_the_quiz_on_stderr(
        self, filmquiz_command: str, tmp_path: Path
    ) -> None:
        """``filmquiz play --json > file`` with no quiz named: the quiz picker
        is drawn where the game is, on stderr, and stdout gets the JSON."""
        out = tmp_path / "result.json"
        term = Terminal(
            "/bin/sh",
            "-c",
            f'"{filmquiz_command}" play -n 1 --seed 1 --json --spoilers ending'
            f' > "{out}"',
        )
        term.wait_for("Which quiz?")
        place = [path.stem for path in SHIPPED_BANKS].index("parallel-mothers")
        term.send(str(place + 1))
        term.wait_for("Question 1 of 1")
        term.send(ENTER)
        assert term.finish() == ExitStatus.OK
        document = json.loads(out.read_text(encoding="utf-8"))
        assert (document["quiz"], document["total"]) == ("parallel-mothers", 1)

    def test_dumb_terminal_plays_line_by_line(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """TERM=dumb: numbered questions, typed answers, and not one escape
        sequence written."""
        term = Terminal(
            filmquiz_command,
            "play",
            str(three_questions(write_bank)),
            "--no-shuffle",
            env={"TERM": "dumb"},
        )
        term.wait_for("Your answer (1-3):")
        assert "  2. Cecilia" in term.text()
        term.send("2\r")
        term.wait_for("Your answer (1-2):")
        term.send("1\r")
        term.wait_for("Your answer (1-3):")
        term.send("3\r")
        assert term.finish() == ExitStatus.OK
        assert b"\x1b" not in term.raw
        assert "Score 3/3 (100%)" in term.text()

    def test_a_dumb_terminal_wraps_to_its_own_width(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """TERM=dumb at 50 columns: text wraps between words at 50, not at
        the 80 columns a dumb terminal would be taken for."""
        term = Terminal(
            filmquiz_command,
            "play",
            str(three_questions(write_bank)),
            "--no-shuffle",
            columns=50,
            env={"TERM": "dumb", "COLUMNS": ""},
        )
        term.wait_for("Your answer (1-3):")
        term.send("2\r1\r3\r")
        assert term.finish() == ExitStatus.OK
        printed = term.raw.decode().replace("\r\n", "\n").splitlines()
        assert max(len(line) for line in printed) <= 50

    def test_resize_leaves_no_duplicated_lines(
        self, filmquiz_command: str, write_bank: WriteBank, tmp_path: Path
    ) -> None:
        """Narrowing a real terminal (tmux, which re-flows what is drawn) while
        a question waits leaves the question on screen once, whole."""
        tmux = shutil.which("tmux")
        assert tmux is not None, "tmux is needed for this test; .ci/run installs it"
        socket = f"filmquiz-{uuid.uuid4().hex[:8]}"
        bank = long_bank(write_bank)

        def run(*args: str) -> str:
            return subprocess.run(
                [tmux, "-L", socket, *args], capture_output=True, text=True, check=True
            ).stdout

        home = tmp_path / "home"
        command = (
            f"env FILMQUIZ_HOME={home} PROMPT_TOOLKIT_NO_CPR=1 TERM=xterm-256color "
            f"{filmquiz_command} play {bank} --no-shuffle; sleep 30"
        )
        run("-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "30", command)
        try:
            deadline = time.monotonic() + 15
            while "Nothing at all" not in run("capture-pane", "-p"):
                assert time.monotonic() < deadline, run("capture-pane", "-p")
                time.sleep(0.1)
            for width in (60, 44, 50, 80):
                run("resize-window", "-x", str(width), "-y", "30")
                time.sleep(0.6)
                screen = run("capture-pane", "-p")
                assert screen.count("Question 1 of 2") == 1, screen
                assert squeezed(LONG_PROMPT) in squeezed(screen), screen
                assert screen.count("Nothing at all") == 1, screen
                for line in screen.splitlines():
                    assert len(line) <= width
        finally:
            subprocess.run([tmux, "-L", socket, "kill-server"], check=False)


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
        assert "Stopped after 1 of 3 questions" in out
        assert "Traceback" not in err


@pytest.mark.parametrize("args", [["list"], ["--help"], ["schema"]])
def test_commands_run_in_a_terminal(filmquiz_command: str, args: list[str]) -> None:
    """The other commands run in a terminal and exit 0."""
    term = Terminal(filmquiz_command, *args)
    assert term.finish() == ExitStatus.OK


def test_no_command_offers_the_quizzes(filmquiz_command: str) -> None:
    """``filmquiz`` alone in a terminal asks which quiz to play, then plays it."""
    term = Terminal(filmquiz_command)
    term.wait_for("Which quiz?")
    label = (
        f"parallel-mothers: Parallel Mothers ({PARALLEL_MOTHERS_QUESTIONS} questions)"
    )
    assert label in term.text()
    place = [path.stem for path in SHIPPED_BANKS].index("parallel-mothers")
    term.send(str(place + 1))
    # The whole quiz reaches the ending: which questions is asked first, and
    # Enter takes the safest.
    term.wait_for("This game may give away how the film ends. Which questions?")
    term.send(ENTER)
    term.wait_for(f"Question 1 of {SPOILING_NOTHING}")
    term.send(CTRL_C)
    assert term.finish() == ExitStatus.INTERRUPTED


def test_play_without_a_quiz_offers_the_quizzes(filmquiz_command: str) -> None:
    """``filmquiz play -n 2`` in a terminal asks which quiz, keeping -n."""
    term = Terminal(filmquiz_command, "play", "-n", "2", *EVERY_QUESTION)
    term.wait_for("Which quiz?")
    term.send(ENTER)
    term.wait_for("Question 1 of 2")
    term.send(CTRL_C)
    assert term.finish() == ExitStatus.INTERRUPTED


class TestScoresInATerminal:
    def play_piped(self, command: str, answers: str, *args: str) -> None:
        subprocess.run(
            [
                command,
                "play",
                "parallel-mothers",
                "--no-shuffle",
                "--player",
                "ana",
                *args,
            ],
            input=answers,
            capture_output=True,
            text=True,
            check=True,
        )

    def test_scores_table(self, filmquiz_command: str) -> None:
        """scores draws its table with a trend in a real terminal."""
        self.play_piped(filmquiz_command, "1\n" * 10, "-n", "10")
        self.play_piped(filmquiz_command, "2\n" * 10, "-n", "10")
        term = Terminal(filmquiz_command, "scores")
        assert term.finish() == ExitStatus.OK
        row = next(line for line in term.lines() if line.startswith("parallel-mothers"))
        assert row.split()[1:3] == ["ana", "2"]

    @pytest.mark.parametrize(
        ("key", "said", "left"),
        [("y", "Forgot 3 games.", 0), ("n", "Nothing was forgotten.", 3)],
    )
    def test_reset_asks_first(
        self, filmquiz_command: str, key: str, said: str, left: int
    ) -> None:
        """--reset asks in a terminal, counting the games as the table does,
        and does only what the answer says."""
        self.play_piped(filmquiz_command, "1\n" * 10, "-n", "10")
        self.play_piped(filmquiz_command, "2\n" * 10, "-n", "10")
        self.play_piped(filmquiz_command, "1\n1\n1\n", "-n", "3")
        term = Terminal(filmquiz_command, "scores", "--reset")
        term.wait_for("Forget them?")
        assert (
            "This forgets 3 games: 2 counted in the scores, 1 practice, short or"
            in (term.text())
        )
        term.send(key)
        term.wait_for(said)
        assert term.finish() == ExitStatus.OK
        assert len(kept_games(filmquiz_command)) == left


NEW_KEYS = [
    ("Title of the quiz:", "Noir Night" + ENTER),
    ("Film title:", "Double Indemnity" + ENTER),
    ("Original title", ENTER),
    ("Year", "1944" + ENTER),
    ("Director", "Billy Wilder" + ENTER),
    ("Question 1:", "Who plays Walter Neff?" + ENTER),
    ("How is it answered?", ENTER),
    ("Choice 1:", "Fred MacMurray" + ENTER),
    ("Choice 2:", "Edward G. Robinson" + ENTER),
    ("Choice 3 (Enter when done):", "Barbara Stanwyck" + ENTER),
    ("Choice 4 (Enter when done):", ENTER),
    ("Which one is right?", ENTER),
    ("Category (Enter to skip):", "cast" + ENTER),
    ("Difficulty:", ENTER),
    ("How far into the film does it reach?", DOWN * 3 + ENTER),
    (
        "Explanation (Enter to skip):",
        "He plays the salesman." + ENTER,
    ),
    ("Add another question?", "n"),
    ("Save it to:", ENTER),
    ("Quiz name", ENTER),
]


def test_new_in_a_terminal(filmquiz_command: str, filmquiz_home: Path) -> None:
    """The wizard in a real terminal shows what the README shows, and writes a
    bank that then plays by name."""
    term = Terminal(filmquiz_command, "new", rows=40, columns=120)
    for prompt, keys in NEW_KEYS:
        term.wait_for(prompt)
        term.pump(0.1)
        term.send(keys)
    term.wait_for("Play it with: filmquiz play noir-night")
    assert term.finish() == ExitStatus.OK
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    transcript = readme[readme.index("? Title of the quiz:") :].splitlines()
    asked = [line for line in transcript if line.startswith("? ")]
    assert [line for line in term.lines() if line.startswith("? ")] == asked
    assert (filmquiz_home / "quizzes" / "noir-night.json").is_file()
    played = subprocess.run(
        [filmquiz_command, "play", "noir-night", "--json", "--no-shuffle"],
        input="1\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(played.stdout)["score"] == 1


def test_new_ctrl_c_offers_a_draft(filmquiz_command: str, filmquiz_home: Path) -> None:
    """Ctrl-C in the wizard's second question offers to keep the first."""
    term = Terminal(filmquiz_command, "new", rows=40, columns=120)
    for prompt, keys in NEW_KEYS[:16]:
        term.wait_for(prompt)
        term.pump(0.1)
        term.send(keys)
    term.wait_for("Add another question?")
    term.send("y")
    term.wait_for("Question 2:")
    term.send(CTRL_C)
    term.wait_for("Keep the question written so far as a draft?")
    term.send("y")
    term.wait_for("Save it to:")
    term.send(ENTER)
    term.wait_for("Quiz name")
    term.send(ENTER)
    term.wait_for("Saved noir-night (1 question)")
    assert term.finish() == ExitStatus.INTERRUPTED
    assert (filmquiz_home / "quizzes" / "noir-night.json").is_file()


def test_new_ctrl_c_with_nothing_written(
    filmquiz_command: str, filmquiz_home: Path
) -> None:
    """Ctrl-C before a question is complete says plainly that nothing was saved."""
    term = Terminal(filmquiz_command, "new")
    term.wait_for("Title of the quiz:")
    term.send(CTRL_C)
    term.wait_for("Stopped: nothing was saved.")
    assert term.finish() == ExitStatus.INTERRUPTED
    assert not (filmquiz_home / "quizzes").exists()


@pytest.mark.skipif(
    not SHARED_DATA.is_file(), reason="../shared/data is not beside the clone"
)
def test_import_shows_progress(filmquiz_command: str, tmp_path: Path) -> None:
    """Importing 5,250 questions in a terminal draws a progress bar."""
    output = tmp_path / "all.json"
    term = Terminal(
        filmquiz_command, "import", "opentdb", str(SHARED_DATA), "-o", str(output)
    )
    term.wait_for("Imported 5247 questions")
    assert term.finish() == ExitStatus.OK
    assert b"Importing" in term.raw
    assert output.is_file()


def readme_block(starting: str) -> list[str]:
    """The lines of the README's code block that starts with ``starting``."""
    readme = (REPOSITORY / "README.md").read_text(encoding="utf-8")
    start = readme.index(starting)
    return readme[start : readme.index("```", start)].rstrip("\n").splitlines()


def test_the_readme_game_is_what_a_player_sees(filmquiz_command: str) -> None:
    """The README's game, keys pressed as it says: its three screens are the
    screens a player sees (the time taken aside)."""
    menu = readme_block("$ filmquiz play parallel-mothers --count 3 --seed 12")
    term = Terminal(
        filmquiz_command,
        *menu[0].split()[2:],
        columns=80,
        rows=70,
        env={"USER": "ana", "LOGNAME": "ana"},
    )
    term.wait_for("Question 1 of 3")
    term.pump(0.3)
    assert [line for line in term.lines() if line][: len(menu) - 1] == [
        line for line in menu[1:] if line
    ]
    for key, next_question in (("2", "Question 2 of 3"), ("4", "Question 3 of 3")):
        term.send(key)
        term.wait_for(next_question)
        term.pump(0.2)
    term.send("1")  # the third is true or false: True
    assert term.finish() == ExitStatus.OK
    screen = "\n".join(term.lines()).rstrip()
    assert "\n".join(readme_block("Your answer: Las leyes de la frontera")) in screen
    summary = readme_block("Parallel Mothers (ana)")
    shown = screen.splitlines()[-len(summary) :]
    time_taken = re.compile(r" in \d+s$")
    assert [time_taken.sub("", line) for line in shown] == [
        time_taken.sub("", line) for line in summary
    ]


def test_a_menu_taller_than_the_terminal_scrolls(
    filmquiz_command: str, write_bank: WriteBank
) -> None:
    """Ten long choices in a terminal 40 x 14: the menu says how many more
    choices are below, then above, as the pointer moves."""
    choices = [f"Choice {n}: a rather long answer that wraps" for n in range(10)]
    path = write_bank(bank_document(question(choices=choices, answer=choices[0])))
    term = Terminal(
        filmquiz_command, "play", str(path), "--no-shuffle", columns=40, rows=14
    )
    term.wait_for("more")
    assert any(line.strip().startswith("↓") for line in term.lines())
    term.send(DOWN * 8)
    term.wait_for("↑")
    assert "Choice 8:" in term.text()
    assert all(len(line) < 40 for line in term.lines())
    term.send(ENTER)
    assert term.finish() == ExitStatus.OK
    assert re.search(rb"Your answer: (\x1b\[[\d;]*m)*Choice 8:", term.raw)


@pytest.mark.parametrize(
    ("key", "levels"),
    [(ENTER, {"none"}), ("2", {"none", "early", "middle"}), ("3", None)],
    ids=["enter: spoil nothing", "2: up to the middle", "3: every question"],
)
def test_a_game_that_may_spoil_the_ending_asks_first(
    filmquiz_command: str, tmp_path: Path, key: str, levels: set[str] | None
) -> None:
    """Without --spoilers, a game that would ask about the ending asks which
    questions to play before the first one; what is chosen is all it asks."""
    out = tmp_path / "result.json"
    term = Terminal(
        "/bin/sh",
        "-c",
        f'"{filmquiz_command}" play parallel-mothers --seed 18 -n 5 --json > "{out}"',
    )
    term.wait_for("Which questions?")
    term.pump(0.3)
    assert "Question 1" not in term.text()
    shown = [line.rstrip() for line in term.lines() if line.strip()]
    assert shown == readme_block("This game may give away how the film ends.")
    term.send(key)
    for number in range(1, 6):
        term.wait_for(f"Question {number} of 5")
        term.send("1")
    assert term.finish() == ExitStatus.OK
    asked = [q["id"] for q in json.loads(out.read_text(encoding="utf-8"))["questions"]]
    spoilers = {q.id: q.spoiler for q in load_bank(PARALLEL_MOTHERS).questions}
    assert len(asked) == 5
    if levels is None:
        assert "ending" in {spoilers[id] for id in asked}
    else:
        assert {spoilers[id] for id in asked} <= levels


def test_the_seed_of_single_choice_games_asks_single_choice_first() -> None:
    """The games above press a number key or Enter: their questions must
    be single-choice, whatever the bank grows into."""
    rounds = plan_game(
        load_bank(PARALLEL_MOTHERS),
        Selection(seed=int(SINGLE_CHOICE_FIRST[1]), limit=10),
    )
    assert {r.question.type for r in rounds} == {"single"}
