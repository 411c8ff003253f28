"""Hostile files, names and input: every one gets an answer, never a
traceback, and nothing from outside reaches the terminal as anything but
text."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from filmquiz.visible import quote, visible
from tests.support import WriteBank, bank_document

ESC = "\x1b"
OSC_CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"


def run(command: str, *args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """The installed filmquiz, run to its end with its output captured."""
    return subprocess.run(
        [command, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        **options,
    )


class TestVisible:
    @pytest.mark.parametrize(
        ("raw", "shown"),
        [
            ("plain text, même accentué", "plain text, même accentué"),
            ("\x1b[31mred", "\\x1b[31mred"),
            ("csi \x9b2J", "csi \\x9b2J"),
            ("del \x7f", "del \\x7f"),
            ("evil\u202ereversed", "evil\\u202ereversed"),
            ("Venice\u200b", "Venice\\u200b"),
            ("\u200b\u200d", "\\u200b\\u200d"),
            ("family \U0001f469\u200d\U0001f467", "family \U0001f469\u200d\U0001f467"),
            ("caf\udce9.json", "caf\\xe9.json"),
            ("two\u2028lines", "two\\u2028lines"),
            ("\u3164.json", "\\u3164.json"),
            ("\u2800", "\\u2800"),
            ("a heart \u2764\ufe0f", "a heart \u2764\ufe0f"),
        ],
    )
    def test_what_could_control_or_hide_is_escaped(self, raw: str, shown: str) -> None:
        """Controls (C0, DEL, C1), bidi, invisible characters and undecodable
        bytes are written as escapes; real text, joiners in emoji included,
        stays as it is."""
        assert visible(raw) == shown

    def test_quote_escapes_c1_and_bidi(self) -> None:
        """json.dumps escapes only C0: quote() escapes the rest too."""
        assert quote("a\x9bb\u202ec") == '"a\\x9bb\\u202ec"'


class TestTextReachesTheTerminalAsText:
    def test_markup_in_a_title_and_a_player_is_inert(
        self, runner: CliRunner, write_bank: WriteBank
    ) -> None:
        """Rich markup in a bank title or a player's name is drawn as typed,
        in the summary table too: no MarkupError, no hyperlink."""
        path = write_bank(
            bank_document(title="Foo [/bold] [link=file:///etc/passwd]x[/link]")
        )
        result = runner.invoke(
            app,
            ["play", str(path), "--player", "[/]"],
            input="1\n",
            env={"FORCE_COLOR": "1"},
        )
        assert result.exit_code == 0, result.output
        assert "Foo [/bold] [link=file:///etc/passwd]x[/link] ([/])" in result.stdout
        assert "\x1b]8;" not in result.stdout

    def test_escape_sequences_in_a_file_name(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A bank named with an OSC sequence in a shared folder cannot write
        the clipboard through list, validate or play."""
        folder = tmp_path / "club"
        folder.mkdir()
        name = f"{OSC_CLIPBOARD}.json"
        (folder / name).write_text(json.dumps(bank_document()))
        monkeypatch.setenv("FILMQUIZ_PATH", str(folder))
        listed = runner.invoke(app, ["list"])
        validated = runner.invoke(app, ["validate", str(folder / name)])
        played = runner.invoke(app, ["play", str(folder / name)], input="1\n")
        for result in (listed, validated, played):
            assert ESC not in result.output
            assert "\x07" not in result.output
        assert "\\x1b]52;c;ZXZpbA==\\x07" in listed.stdout

    def test_the_login_name_is_held_to_the_player_rules(
        self, runner: CliRunner, write_bank: WriteBank, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """USER=$'\\e[31mevil' is not taken as a name: the player is "player"."""
        for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
            monkeypatch.setenv(variable, "\x1b[31mevil")
        result = runner.invoke(app, ["play", str(write_bank()), "--json"], input="1\n")
        assert json.loads(result.stdout)["player"] == "player"
        assert ESC not in result.stderr

    def test_names_already_kept_are_shown_safely(
        self, runner: CliRunner, write_bank: WriteBank, filmquiz_home: Path
    ) -> None:
        """A name with an escape sequence kept by an older filmquiz is shown
        escaped by scores, never replayed."""
        import sqlite3

        runner.invoke(app, ["play", str(write_bank()), "--player", "ana"], input="1\n")
        with sqlite3.connect(filmquiz_home / "scores.db") as connection:
            connection.execute("UPDATE games SET player = ?", ("\x1b[2Jgone\u202e",))
        for args in (["scores"], ["scores", "--games"], ["scores", "--json"]):
            shown = runner.invoke(app, args)
            assert ESC not in shown.stdout
            assert "\u202e" not in shown.stdout
        assert "\\x1b[2Jgone\\u202e" in runner.invoke(app, ["scores"]).stdout

    def test_piped_answers_are_echoed_as_text(
        self, runner: CliRunner, write_bank: WriteBank
    ) -> None:
        """An OSC title sequence piped in as an answer is not written back."""
        result = runner.invoke(
            app, ["play", str(write_bank())], input=f"{ESC}]0;pwned{ESC}\\\n1\n"
        )
        assert ESC not in result.stdout
        assert 'Not an answer: "\\u001b]0;pwned\\u001b\\\\"' in result.stdout

    def test_paths_in_messages_are_visible(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """validate and add name a path with escapes visibly."""
        path = tmp_path / f"bad{ESC}[31m.json"
        path.write_text("{")
        for args in (["validate", str(path)], ["add", str(path)]):
            result = runner.invoke(app, args)
            assert result.exit_code == ExitStatus.FAILURE
            assert ESC not in result.stderr
            assert "bad\\x1b[31m.json" in result.stderr


class TestEveryInputHasAnAnswer:
    @pytest.mark.parametrize("answer", ["²", "①", "٣", "9" * 4301])
    def test_digits_that_are_not_numbers(
        self, runner: CliRunner, write_bank: WriteBank, answer: str
    ) -> None:
        """Superscripts, circled and Arabic-Indic digits and a 4,301-digit
        number are no answer: said so, and the question is asked again."""
        result = runner.invoke(
            app, ["play", str(write_bank()), "--no-shuffle"], input=f"{answer}\n2\n"
        )
        assert result.exit_code == 0, result.output
        assert "Score 1/1" in result.stdout

    def test_invalid_utf8_on_stdin(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """Bytes that are not UTF-8, read strictly, are an answer that means
        nothing, not a traceback."""
        done = subprocess.run(
            [filmquiz_command, "play", str(write_bank()), "--no-shuffle"],
            input=b"\xff\xfe\n2\n",
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
            check=False,
        )
        assert done.returncode == 0
        assert b"Traceback" not in done.stderr
        assert b"Score 1/1" in done.stdout

    def test_a_huge_line(self, filmquiz_command: str, write_bank: WriteBank) -> None:
        """A line of 20 MB is refused after its first thousand characters,
        quickly and without laying it out."""
        started = time.monotonic()
        done = subprocess.run(
            [filmquiz_command, "play", str(write_bank()), "--no-shuffle"],
            input=b"x" * 20_000_000 + b"\n2\n",
            capture_output=True,
            check=False,
        )
        assert done.returncode == 0
        assert b"Not an answer: a line of more than 1,000 characters." in done.stdout
        assert b"Score 1/1" in done.stdout
        assert time.monotonic() - started < 30

    @pytest.mark.parametrize("delay", [0.03, 0.05, 0.07, 0.1, 0.15])
    def test_ctrl_c_while_starting(self, filmquiz_command: str, delay: float) -> None:
        """Ctrl-C while filmquiz imports what it needs ends quietly: killed by
        the signal, as the shell expects, or 130, never a traceback."""
        process = subprocess.Popen(
            [filmquiz_command, "list"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
        # On a busy machine the signal can land before filmquiz's first line,
        # while Python itself starts or runs the installer's launcher script:
        # that report is Python's, and names no module of filmquiz. Once
        # filmquiz.launch runs, there is no traceback at all.
        if b"Traceback" in err:
            assert re.search(rb"filmquiz/\w+(/\w+)*\.py", err) is None, err
            assert process.returncode == 1
        else:
            assert process.returncode in (ExitStatus.INTERRUPTED, 0, -signal.SIGINT)

    def test_broken_pipe_keeps_the_game(
        self, filmquiz_command: str, tmp_path: Path
    ) -> None:
        """play | head -c 2000: the game is kept, and filmquiz ends quietly,
        with 141 as a program stopped by a closed pipe."""
        env = {**os.environ, "FILMQUIZ_HOME": str(tmp_path / "home")}
        done = subprocess.run(
            [
                "bash",
                "-c",
                f"yes 1 | head -70 | {filmquiz_command} play parallel-mothers"
                " | head -c 2000 > /dev/null; echo ${PIPESTATUS[2]}",
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        assert done.stdout.strip() == str(ExitStatus.OUTPUT_CLOSED)
        assert done.stderr == ""
        games = json.loads(run(filmquiz_command, "scores", "--json", env=env).stdout)
        (game,) = games["games"]
        assert game["complete"] is False

    def test_a_bank_with_a_surrogate_in_the_path_folder(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """One bad bank in FILMQUIZ_PATH is listed as broken; the others list."""
        folder = tmp_path / "club"
        folder.mkdir()
        (folder / "bad.json").write_text(
            '{"format": 1, "title": "\\ud800", "questions": []}'
        )
        (folder / "good.json").write_text(json.dumps(bank_document()))
        monkeypatch.setenv("FILMQUIZ_PATH", str(folder))
        listed = runner.invoke(app, ["list", "--json"])
        assert listed.exit_code == 0
        by_slug = {entry["slug"]: entry for entry in json.loads(listed.stdout)}
        assert by_slug["bad"]["broken"].startswith("title contains a lone surrogate")
        assert by_slug["good"]["broken"] is None

    def test_a_file_name_that_is_not_utf8(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A bank whose file name is not UTF-8 plays, and its game is kept."""
        name = os.fsdecode(b"caf\xe9.json")
        path = tmp_path / name
        path.write_text(json.dumps(bank_document()))
        played = runner.invoke(app, ["play", str(path)], input="2\n")
        assert played.exit_code == 0, played.output
        games = json.loads(runner.invoke(app, ["scores", "--json"]).stdout)["games"]
        assert [game["quiz"] for game in games] == ["caf\\xe9"]

    def test_fifo_in_a_searched_folder(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A FIFO named *.json makes list say why it was skipped, not hang."""
        folder = tmp_path / "club"
        folder.mkdir()
        os.mkfifo(folder / "pipe.json")
        monkeypatch.setenv("FILMQUIZ_PATH", str(folder))
        listed = runner.invoke(app, ["list", "--json"])
        (pipe,) = [e for e in json.loads(listed.stdout) if e["slug"] == "pipe"]
        assert pipe["broken"] == "is a FIFO (named pipe), not a bank file; skipped"

    def test_the_same_folder_twice_in_the_path(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A folder listed twice is searched once: it hides nothing of itself."""
        folder = tmp_path / "club"
        folder.mkdir()
        (folder / "noir.json").write_text(json.dumps(bank_document()))
        monkeypatch.setenv(
            "FILMQUIZ_PATH", os.pathsep.join([str(folder), f"{folder}/../club"])
        )
        (noir,) = [
            e
            for e in json.loads(runner.invoke(app, ["list", "--json"]).stdout)
            if e["slug"] == "noir"
        ]
        assert noir["shadows"] == []


class TestFilesAreWhatTheyClaim:
    def test_add_reads_its_source_once(
        self, filmquiz_command: str, tmp_path: Path
    ) -> None:
        """cat bank | filmquiz add /dev/stdin no longer reports success and
        saves nothing: a pipe is not a bank file. A file's checked bytes are
        the bytes saved."""
        source = json.dumps(bank_document()).encode()
        env = {**os.environ, "FILMQUIZ_HOME": str(tmp_path / "home")}
        done = subprocess.run(
            [filmquiz_command, "add", "/dev/stdin"],
            input=source,
            capture_output=True,
            env=env,
            check=False,
        )
        assert done.returncode == ExitStatus.FAILURE
        assert b"is a FIFO (named pipe), not a bank file" in done.stderr
        assert not (tmp_path / "home" / "quizzes" / "stdin.json").exists()
        named = tmp_path / "noir.json"
        named.write_bytes(source)
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        refused = subprocess.run(
            [filmquiz_command, "add", str(fifo)],
            capture_output=True,
            env=env,
            check=False,
        )
        assert b"is a FIFO" in refused.stderr
        added = subprocess.run(
            [filmquiz_command, "add", str(named)],
            capture_output=True,
            env=env,
            check=False,
        )
        assert added.returncode == 0
        assert (tmp_path / "home" / "quizzes" / "noir.json").read_bytes() == source

    @pytest.mark.parametrize(
        ("name", "problem"),
        [
            (".json", "a quiz needs a name before .json"),
            ("--force.json", "a quiz name cannot start with a dot or a hyphen"),
            (".hidden.json", "a quiz name cannot start with a dot or a hyphen"),
        ],
    )
    def test_add_refuses_names_that_cannot_be_played(
        self, runner: CliRunner, tmp_path: Path, name: str, problem: str
    ) -> None:
        """A bank saved as an invisible dot-file, or named like an option, is
        refused with a way out."""
        path = tmp_path / name
        path.write_text(json.dumps(bank_document()))
        result = runner.invoke(app, ["add", "--", str(path)])
        assert result.exit_code == ExitStatus.FAILURE
        assert (
            result.stderr
            == f"error: {name}: {problem}; rename the file and add it again\n"
        )

    def test_a_long_name_still_saves(self, runner: CliRunner, tmp_path: Path) -> None:
        """A file name of 250 bytes saves: the temporary name is short."""
        name = "n" * 245 + ".json"
        path = tmp_path / name
        path.write_text(json.dumps(bank_document()))
        assert runner.invoke(app, ["add", str(path)]).exit_code == 0

    def test_stale_temporary_files_are_cleaned(
        self, runner: CliRunner, write_bank: WriteBank, filmquiz_home: Path
    ) -> None:
        """Temporary files a kill left behind, older than an hour, go the next
        time the folder is written; fresh ones and other files stay."""
        folder = filmquiz_home / "quizzes"
        folder.mkdir(parents=True)
        old = [folder / ".fq-0123abcd.tmp", folder / ".noir.json.a1b2c3d4.tmp"]
        fresh = folder / ".fq-89abcdef.tmp"
        mine = folder / ".notes.tmp"
        for file in (*old, fresh, mine):
            file.write_bytes(b"x" * 1000)
        hours_ago = time.time() - 7200
        for file in (*old, mine):
            os.utime(file, (hours_ago, hours_ago))
        runner.invoke(app, ["add", str(write_bank())])
        assert not any(file.exists() for file in old)
        assert fresh.exists()
        assert mine.exists()


class TestProgress:
    def test_no_progress_bar_without_a_terminal(
        self, runner: CliRunner, tmp_path: Path
    ) -> None:
        """A big import into a pipe writes nothing to stderr: no bar, no blank."""
        results = [
            {
                "type": "multiple",
                "category": "Film",
                "difficulty": "easy",
                "question": f"Question {n}?",
                "correct_answer": "A",
                "incorrect_answers": ["B"],
            }
            for n in range(2500)
        ]
        source = tmp_path / "api.json"
        source.write_text(json.dumps({"results": results}))
        done = runner.invoke(
            app, ["import", "opentdb", str(source), "-o", str(tmp_path / "out.json")]
        )
        assert done.exit_code == 0
        assert done.stderr == ""


class TestMoreHostileInput:
    @pytest.mark.parametrize(
        "args",
        [
            ["play", "a" * 300],
            ["validate", "a" * 300],
            ["play", "~nosuchuser/x.json"],
            ["scores", os.fsdecode(b"caf\xff")],
            ["scores", "--player", os.fsdecode(b"an\xffa")],
        ],
    )
    def test_odd_arguments(self, runner: CliRunner, args: list[str]) -> None:
        """Names too long for a file, an unknown ~user, bytes that are not
        UTF-8: a message and a documented status, never a traceback."""
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1, 2), result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)

    @pytest.mark.parametrize("variable", ["FILMQUIZ_PATH", "FILMQUIZ_HOME"])
    def test_an_unknown_user_in_a_folder_variable(
        self, runner: CliRunner, monkeypatch: pytest.MonkeyPatch, variable: str
    ) -> None:
        """~nosuchuser in FILMQUIZ_PATH or FILMQUIZ_HOME is taken as written."""
        monkeypatch.setenv(variable, "~nosuchuser/quizzes")
        result = runner.invoke(app, ["list"])
        assert result.exit_code == 0, result.output

    def test_closed_standard_input(
        self, filmquiz_command: str, write_bank: WriteBank
    ) -> None:
        """play and import with stdin closed (<&-): an answer, not a crash."""
        played = subprocess.run(
            f"{filmquiz_command} play {write_bank()} <&-",
            shell=True,
            capture_output=True,
            text=True,
            check=False,
        )
        assert played.returncode == ExitStatus.FAILURE
        assert "Traceback" not in played.stderr
        imported = subprocess.run(
            f"{filmquiz_command} import opentdb - -o x.json <&-",
            shell=True,
            capture_output=True,
            text=True,
            check=False,
        )
        assert imported.stderr == "error: standard input is closed\n"

    def test_an_output_that_cannot_show_the_marks(
        self, filmquiz_command: str, write_bank: WriteBank, tmp_path: Path
    ) -> None:
        """PYTHONIOENCODING=ascii: the marks become stand-ins, the game is
        played and kept."""
        env = {
            **os.environ,
            "PYTHONIOENCODING": "ascii",
            "FILMQUIZ_HOME": str(tmp_path / "home"),
        }
        done = subprocess.run(
            [filmquiz_command, "play", str(write_bank()), "--no-shuffle"],
            input="2\n",
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Score 1/1" in done.stdout
        listed = subprocess.run(
            [filmquiz_command, "scores"], capture_output=True, text=True, env=env
        )
        assert listed.returncode == 0

    def test_completion_offers_only_names_that_can_be_shown(
        self, filmquiz_command: str, tmp_path: Path
    ) -> None:
        """File names with control, bidi or invisible characters are not
        offered by shell completion; plain ones are."""
        folder = tmp_path / "names"
        folder.mkdir()
        for name in ("good.json", "evil\u202e.json", "csi\x9b.json", "two\nlines.json"):
            (folder / name).write_text("{}")
        env = {
            **os.environ,
            "_FILMQUIZ_COMPLETE": "complete_bash",
            "COMP_WORDS": f"filmquiz play {folder}/",
            "COMP_CWORD": "2",
        }
        done = subprocess.run(
            [filmquiz_command], env=env, capture_output=True, text=True, check=True
        )
        assert done.stdout.split() == [f"{folder}/good.json"]

    def test_a_long_player_name(self, runner: CliRunner, write_bank: WriteBank) -> None:
        """A name of 5,000 characters is a usage error, not a broken table."""
        result = runner.invoke(app, ["play", str(write_bank()), "--player", "x" * 5000])
        assert result.exit_code == ExitStatus.USAGE
        assert result.stderr.startswith("error: --player must be at most 40 characters")

    @pytest.mark.parametrize(
        ("name", "allowed"),
        [
            ("\U0001f600" * 20, True),
            ("\U0001f600" * 21, False),
            ("e\u0301" * 40, True),
        ],
        ids=["20 emoji", "21 emoji", "40 accented letters"],
    )
    def test_a_name_is_as_long_as_it_looks(
        self, runner: CliRunner, write_bank: WriteBank, name: str, allowed: bool
    ) -> None:
        """The limit is what the name takes on screen: an emoji two columns,
        a combining accent none; so no name can push the scores off a table."""
        result = runner.invoke(
            app, ["play", str(write_bank()), "--player", name, "--json"], input="1\n"
        )
        assert (result.exit_code == ExitStatus.OK) is allowed, result.stderr

    def test_ctrl_c_while_the_game_is_kept(
        self, filmquiz_command: str, write_bank: WriteBank, tmp_path: Path
    ) -> None:
        """Ctrl-C after the last answer, while the game is being kept (here,
        waiting for a locked history): the game is kept, then filmquiz stops."""
        import sqlite3

        home = tmp_path / "home"
        env = {**os.environ, "FILMQUIZ_HOME": str(home)}
        bank = write_bank()
        run(filmquiz_command, "play", str(bank), "--no-shuffle", input="1\n", env=env)
        blocker = sqlite3.connect(home / "scores.db", isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")
        process = subprocess.Popen(
            [filmquiz_command, "play", str(bank), "--no-shuffle"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert process.stdin is not None
        assert process.stderr is not None
        process.stdin.write("2\n")
        process.stdin.close()
        said = process.stderr.readline()
        assert "is locked by another program; waiting for it" in said
        process.send_signal(signal.SIGINT)
        time.sleep(0.5)
        blocker.execute("COMMIT")
        blocker.close()
        assert process.wait(timeout=30) == ExitStatus.INTERRUPTED
        games = json.loads(run(filmquiz_command, "scores", "--json", env=env).stdout)
        assert [g["score"] for g in games["games"]] == [1, 0]


FULL = Path("/dev/full")


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--json"],
        ["show", "parallel-mothers"],
        ["validate", "parallel-mothers"],
        ["schema"],
        ["scores"],
        ["--version"],
        ["--help"],
        ["play", "parallel-mothers", "-n", "2"],
        ["play", "parallel-mothers", "-n", "2", "--json"],
    ],
    ids=" ".join,
)
def test_a_full_disk_is_one_line(
    filmquiz_command: str, tmp_path: Path, args: list[str]
) -> None:
    """Output that cannot be written (a full disk: /dev/full) ends with one
    plain line and status 1, whichever command was writing, never a
    traceback; a game played with --json is still kept."""
    env = {**os.environ, "FILMQUIZ_HOME": str(tmp_path / "home")}
    with FULL.open("w") as full:
        done = subprocess.run(
            [filmquiz_command, *args],
            input="1\n1\n",
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert done.returncode == ExitStatus.FAILURE
    assert done.stderr.endswith(
        "error: cannot write the output (No space left on device)\n"
    )
    assert "Traceback" not in done.stderr
    if "--json" in args and args[0] == "play":
        kept = run(filmquiz_command, "scores", "--json", env=env)
        assert len(json.loads(kept.stdout)["games"]) == 1


def test_stdout_closed_from_the_start(filmquiz_command: str, tmp_path: Path) -> None:
    """``filmquiz list >&-``: nothing can be shown, so filmquiz ends at once
    with the status of a closed output, rather than 0 with nothing shown."""
    done = subprocess.run(
        ["bash", "-c", f"{filmquiz_command} list >&-; echo $?"],
        capture_output=True,
        text=True,
        env={**os.environ, "FILMQUIZ_HOME": str(tmp_path / "home")},
        check=True,
    )
    assert done.stdout.strip() == str(ExitStatus.OUTPUT_CLOSED)
    assert done.stderr == ""


def test_a_question_of_a_hundred_thousand_choices(write_bank: WriteBank) -> None:
    """Checked in one pass, not one per choice: the count is the problem."""
    from filmquiz.bankfile.reading import load_bank
    from filmquiz.errors import BankError

    choices = [str(n) for n in range(100_000)]
    path = write_bank(bank_document(question_with(choices)))
    with pytest.raises(BankError) as raised:
        load_bank(path)
    assert raised.value.lines() == [
        f'{path}: question "q1": choices must list 2 to 10 answers, got 100000'
    ]


def question_with(choices: list[str]) -> dict[str, Any]:
    from tests.support import question

    return question(choices=choices, answer=choices[1])


def test_the_play_hint_can_be_pasted(
    runner: CliRunner, write_bank: WriteBank, filmquiz_home: Path
) -> None:
    """A bank added from "Foo Bar.json" is played as 'Foo Bar': the hint
    quotes the name as a shell needs it."""
    path = write_bank(bank_document(), name="Foo Bar.json")
    done = runner.invoke(app, ["add", str(path)])
    assert done.exit_code == 0
    assert done.stdout.endswith("Play it with: filmquiz play 'Foo Bar'\n")


def test_an_empty_quiz_name(runner: CliRunner) -> None:
    done = runner.invoke(app, ["validate", ""])
    assert done.exit_code == ExitStatus.FAILURE
    assert done.stderr.startswith('error: no quiz called ""')
