"""Games kept by play, and the scores command, through the command line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from tests.support import WriteBank, bank_document, question


@pytest.fixture
def bank(write_bank: WriteBank) -> Path:
    """Three questions whose answers are choice 2, 1 and 2 in file order."""
    return write_bank(
        bank_document(
            question("a", choices=["x", "right"], answer="right"),
            question("b", choices=["right", "y"], answer="right", category="cast"),
            question("c", choices=["z", "right"], answer="right"),
        ),
        name="club.json",
    )


def play(runner: CliRunner, bank: Path, answers: str, *args: str) -> Any:
    return runner.invoke(
        app,
        ["play", str(bank), "--no-shuffle", "--player", "ana", *args],
        input=answers,
    )


def scores_json(runner: CliRunner, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["scores", "--json", *args])
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


class TestGamesAreKept:
    def test_plain_and_json_games_are_recorded(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """Every mode records its game."""
        assert play(runner, bank, "2\n1\n2\n").exit_code == 0
        assert play(runner, bank, "1\n1\n1\n", "--json").exit_code == 0
        games = scores_json(runner)["games"]
        assert [(g["score"], g["complete"]) for g in games] == [(1, True), (3, True)]

    def test_input_ending_early_is_an_incomplete_game(
        self, runner: CliRunner, bank: Path, filmquiz_home: Path
    ) -> None:
        """Cut short by the end of input: kept as not complete, with its answers."""
        assert play(runner, bank, "2\n").exit_code == ExitStatus.FAILURE
        (game,) = scores_json(runner)["games"]
        assert (game["score"], game["total"], game["complete"]) == (1, 3, False)
        with sqlite3.connect(filmquiz_home / "scores.db") as connection:
            assert connection.execute(
                "SELECT question_id, chosen, correct FROM answers"
            ).fetchall() == [("a", "right", 1)]

    def test_summary_compares_with_previous_best(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """The end of a game says how it stands against the player's best."""
        first = play(runner, bank, "1\n2\n1\n")
        assert "Your first counted game of this quiz." in first.stdout
        better = play(runner, bank, "2\n2\n1\n")
        assert "New best! Your previous best was 0%." in better.stdout
        worse = play(runner, bank, "1\n2\n1\n")
        assert "Your best on this quiz is 33%." in worse.stdout
        same = play(runner, bank, "2\n2\n1\n")
        assert "You matched your best score, 33%." in same.stdout

    def test_other_players_do_not_count(self, runner: CliRunner, bank: Path) -> None:
        """A best is the player's own."""
        play(runner, bank, "2\n1\n2\n")
        other = runner.invoke(
            app,
            ["play", str(bank), "--no-shuffle", "--player", "bo"],
            input="1\n1\n1\n",
        )
        assert "Your first counted game of this quiz." in other.stdout


class TestTroubleNeverStopsAGame:
    def test_garbage_database(
        self, runner: CliRunner, bank: Path, filmquiz_home: Path
    ) -> None:
        """A garbage file: the game plays, the user is told, the garbage is kept,
        and scores works afterwards."""
        filmquiz_home.mkdir()
        garbage = b"\x89not a database at all" * 100
        (filmquiz_home / "scores.db").write_bytes(garbage)
        result = play(runner, bank, "2\n1\n2\n")
        assert result.exit_code == 0
        assert "Score 3/3" in result.stdout
        (kept,) = filmquiz_home.glob("scores.db.damaged-*Z")
        assert kept.read_bytes() == garbage
        assert result.stderr == (
            f"warning: the score history {filmquiz_home / 'scores.db'} was damaged; "
            f"it was kept as {kept} and a new history was started\n"
        )
        (game,) = scores_json(runner)["games"]
        assert game["score"] == 3

    def test_unwritable_folder(
        self, runner: CliRunner, bank: Path, tmp_path: Path, monkeypatch: Any
    ) -> None:
        """A folder that cannot be written: one warning, and the game plays."""
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("")
        monkeypatch.setenv("FILMQUIZ_HOME", str(blocker / "home"))
        result = play(runner, bank, "2\n1\n2\n")
        assert result.exit_code == 0
        assert "Score 3/3" in result.stdout
        assert result.stderr == (
            f"warning: cannot keep scores in {blocker / 'home'} (Not a directory); "
            "this game was not kept\n"
        )

    def test_scores_without_a_history(
        self, runner: CliRunner, tmp_path: Path, monkeypatch: Any
    ) -> None:
        """scores itself fails plainly when the history cannot be had."""
        blocker = tmp_path / "not-a-folder"
        blocker.write_text("")
        monkeypatch.setenv("FILMQUIZ_HOME", str(blocker / "home"))
        result = runner.invoke(app, ["scores"])
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stderr == (
            f"error: cannot read scores in {blocker / 'home'} (Not a directory)\n"
        )


class TestMistakes:
    def test_only_last_mistakes_are_asked(self, runner: CliRunner, bank: Path) -> None:
        """--mistakes asks what the player got wrong the last time they met it."""
        play(runner, bank, "1\n1\n1\n")  # a and c wrong, b right
        practice = play(runner, bank, "2\n", "--mistakes", "--json", "-n", "1")
        assert [q["id"] for q in json.loads(practice.stdout)["questions"]] == ["a"]
        again = play(runner, bank, "2\n", "--mistakes", "--json")
        # a was answered right since; c is still a mistake.
        assert [q["id"] for q in json.loads(again.stdout)["questions"]] == ["c"]
        done = play(runner, bank, "", "--mistakes")
        assert done.exit_code == 0
        assert done.stdout == (
            "No mistakes to practise: ana got every question of club right the "
            "last time.\n"
        )

    def test_never_played(self, runner: CliRunner, bank: Path) -> None:
        """A player who never played this quiz is told that, not "none"."""
        result = play(runner, bank, "", "--mistakes")
        assert (result.exit_code, result.stdout) == (
            0,
            "ana has not played club yet, so there are no mistakes to practise.\n",
        )

    def test_nothing_to_practise_is_still_a_document(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """--json promises a document: with nothing to practise it is a game
        of no questions, and the reason goes to stderr."""
        result = play(runner, bank, "", "--mistakes", "--json")
        assert result.exit_code == 0
        assert json.loads(result.stdout) == {
            "quiz": "club",
            "title": "Test bank",
            "player": "ana",
            "score": 0,
            "total": 0,
            "complete": True,
            "practice": True,
            "seed": None,
            "scoring": "standard",
            "time_limit": None,
            "points": 0,
            "longest_streak": 0,
            "seconds": 0.0,
            "fifty_fifty_at": None,
            "questions": [],
        }
        assert result.stderr == (
            "ana has not played club yet, so there are no mistakes to practise.\n"
        )

    def test_practice_is_marked_and_never_a_best(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """A --mistakes game is kept as practice, and says it does not count."""
        play(runner, bank, "1\n1\n1\n")
        practice = play(runner, bank, "2\n2\n", "--mistakes")
        assert "Practice games do not count towards your best." in practice.stdout
        games = scores_json(runner)["games"]
        assert [(g["practice"], g["counted"]) for g in games] == [
            (True, False),
            (False, True),
        ]
        (summary,) = scores_json(runner)["summary"]
        assert (summary["games"], summary["played"], summary["best"]) == (1, 2, 33.3)


class TestScoresCommand:
    def test_json_field_by_field(self, runner: CliRunner, bank: Path) -> None:
        """scores --json: games newest first, and one summary per quiz and player."""
        play(runner, bank, "1\n1\n1\n")
        play(runner, bank, "2\n1\n2\n")
        play(runner, bank, "2\n")  # input ends: not complete
        document = scores_json(runner)
        assert set(document) == {"games", "summary"}
        games = document["games"]
        assert [
            (g["quiz"], g["player"], g["score"], g["total"], g["complete"])
            for g in games
        ] == [
            ("club", "ana", 1, 3, False),
            ("club", "ana", 3, 3, True),
            ("club", "ana", 1, 3, True),
        ]
        for game in games:
            started = datetime.fromisoformat(game["started_at"])
            finished = datetime.fromisoformat(game["finished_at"])
            assert started.utcoffset() is not None
            assert started <= finished
        assert games[0]["finished_at"] >= games[1]["finished_at"]
        (summary,) = document["summary"]
        assert {
            k: summary[k] for k in ("quiz", "player", "games", "best", "average")
        } == {
            "quiz": "club",
            "player": "ana",
            "games": 2,
            "best": 100.0,
            "average": 66.7,
        }
        assert summary["last_played"] == games[0]["finished_at"]
        assert summary["trend"] == [33.3, 100.0]

    def test_filters(
        self, runner: CliRunner, bank: Path, write_bank: WriteBank
    ) -> None:
        """QUIZ and --player narrow what scores shows."""
        other = write_bank(bank_document(question("a")), name="other.json")
        play(runner, bank, "1\n1\n1\n")
        runner.invoke(app, ["play", str(other), "--player", "bo"], input="1\n")
        assert {g["quiz"] for g in scores_json(runner, "club")["games"]} == {"club"}
        assert {
            g["player"] for g in scores_json(runner, "--player", "bo")["games"]
        } == {"bo"}

    def test_summary_table(self, runner: CliRunner, bank: Path) -> None:
        """The table shows games, best, average and a trend."""
        for answers in ("1\n1\n1\n", "2\n1\n1\n", "2\n1\n2\n"):
            play(runner, bank, answers)
        result = runner.invoke(app, ["scores"], env={"COLUMNS": "100"})
        assert result.exit_code == 0
        row = next(line for line in result.stdout.splitlines() if "club " in line)
        assert row.split()[:5] == ["club", "ana", "3", "100%", "67%"]
        assert row.endswith("▃▆█ 100%")

    @pytest.mark.parametrize("columns", range(40, 81, 4))
    @pytest.mark.parametrize(
        ("command", "rows"), [(["scores"], 1), (["scores", "--games"], 2)]
    )
    def test_narrow_tables_leave_columns_out_rather_than_wrap_them(
        self,
        runner: CliRunner,
        bank: Path,
        columns: int,
        command: list[str],
        rows: int,
    ) -> None:
        """A date or a trend is never wrapped onto a second line: where the
        terminal is too narrow for it, the column is left out."""
        play(runner, bank, "1\n1\n1\n", "--player", "ana-lucía-fernández")
        play(runner, bank, "2\n1\n1\n", "--player", "ana-lucía-fernández")
        result = runner.invoke(app, command, env={"COLUMNS": str(columns)})
        heading, rule, *lines = result.stdout.splitlines()
        assert set(rule) == {"─"}
        assert len(lines) == rows, result.stdout
        assert all(len(line) <= columns for line in [heading, rule, *lines])

    def test_games_table(self, runner: CliRunner, bank: Path) -> None:
        """--games lists each game, newest first, marking those stopped early."""
        play(runner, bank, "1\n1\n1\n")
        play(runner, bank, "2\n")
        result = runner.invoke(app, ["scores", "--games"], env={"COLUMNS": "100"})
        rows = [line for line in result.stdout.splitlines() if "club" in line]
        assert rows[0].split()[-3:] == ["1/3", "33%", "stopped"]
        assert rows[1].split()[-2:] == ["1/3", "33%"]

    def test_empty_history(self, runner: CliRunner) -> None:
        """With nothing played, scores says how to start."""
        result = runner.invoke(app, ["scores"])
        assert result.stdout == "No games yet: play one with `filmquiz play QUIZ`.\n"

    def test_reset_needs_yes_without_a_terminal(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """Without a terminal, --reset refuses unless --yes is given."""
        play(runner, bank, "1\n1\n1\n")
        refused = runner.invoke(app, ["scores", "--reset"])
        assert refused.exit_code == ExitStatus.FAILURE
        assert refused.stderr == (
            "error: --reset asks for confirmation in a terminal; pass --yes to "
            "reset without one\n"
        )
        assert len(scores_json(runner)["games"]) == 1
        done = runner.invoke(app, ["scores", "--reset", "--yes", "club"])
        assert (done.exit_code, done.stdout) == (0, "Forgot 1 game.\n")
        assert scores_json(runner)["games"] == []


def test_concurrent_players_lose_nothing(filmquiz_command: str, bank: Path) -> None:
    """Eight filmquiz processes finishing games at once: all eight are kept."""
    processes = [
        subprocess.Popen(
            [filmquiz_command, "play", str(bank), "--no-shuffle", "--player", f"p{n}"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(8)
    ]
    for process in processes:
        _, err = process.communicate("2\n1\n2\n", timeout=60)
        assert (process.returncode, err) == (0, "")
    runner = CliRunner()
    games = scores_json(runner)["games"]
    assert sorted(g["player"] for g in games) == [f"p{n}" for n in range(8)]


class TestWhatScoresSays:
    def test_unknown_quiz_is_an_error_with_a_suggestion(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """scores of a quiz that is neither known nor played: exit 1, and the
        same "did you mean" as play."""
        result = runner.invoke(app, ["scores", "paralel-mothers"])
        assert result.exit_code == ExitStatus.FAILURE
        assert result.stderr == (
            'error: no quiz called "paralel-mothers"; did you mean '
            '"parallel-mothers"? (`filmquiz list` shows the quizzes there are)\n'
        )

    def test_a_known_quiz_with_no_games(self, runner: CliRunner) -> None:
        """A quiz that exists but was never played: said plainly, exit 0."""
        result = runner.invoke(app, ["scores", "parallel-mothers"])
        assert (result.exit_code, result.stdout) == (
            0,
            "No games of parallel-mothers yet: play one with "
            "`filmquiz play parallel-mothers`.\n",
        )

    def test_a_player_with_no_games_is_named(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """--player with no games says so by name, exit 0."""
        play(runner, bank, "1\n1\n1\n")
        result = runner.invoke(app, ["scores", "--player", "bo"])
        assert (result.exit_code, result.stdout) == (
            0,
            "bo has no games yet: play one with `filmquiz play QUIZ`.\n",
        )

    def test_a_quiz_only_in_the_history_is_still_shown(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """A bank deleted after it was played still has its scores."""
        play(runner, bank, "1\n1\n1\n")
        bank.unlink()
        result = runner.invoke(app, ["scores", "club", "--json"])
        assert result.exit_code == 0
        assert len(json.loads(result.stdout)["games"]) == 1

    def test_player_names_ignore_case_and_keep_the_first_spelling(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """Ana, ana and ANA are one player, shown as first spelt."""
        for name in ("Ana", "ana", "ANA"):
            runner.invoke(
                app,
                ["play", str(bank), "--no-shuffle", "--player", name],
                input="2\n1\n2\n",
            )
        document = scores_json(runner, "--player", "aNa")
        assert {g["player"] for g in document["games"]} == {"Ana"}
        (summary,) = document["summary"]
        assert (summary["player"], summary["games"]) == ("Ana", 3)
        third = runner.invoke(
            app,
            ["play", str(bank), "--no-shuffle", "--player", "ANA"],
            input="2\n1\n2\n",
        )
        assert "You matched your best score, 100%." in third.stdout

    def test_short_games_are_marked_and_not_counted(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """Two of three questions: kept, marked short, not a best."""
        short = play(runner, bank, "2\n1\n", "-n", "2")
        assert "do not count towards your best" in short.stdout
        listed = runner.invoke(app, ["scores", "--games"])
        assert listed.stdout.splitlines()[2].split()[-1] == "short"
        table = runner.invoke(app, ["scores"])
        assert "1 game is not counted: stopped early" in table.stdout

    def test_reset_says_what_it_forgets(self, runner: CliRunner, bank: Path) -> None:
        """--reset --yes counts every game it forgot, counted or not."""
        play(runner, bank, "1\n1\n1\n")
        play(runner, bank, "2\n", "-n", "1")
        done = runner.invoke(app, ["scores", "--reset", "--yes"])
        assert done.stdout == "Forgot 2 games.\n"

    def test_reset_as_json(self, runner: CliRunner, bank: Path) -> None:
        """--json promises a document, with --reset too."""
        play(runner, bank, "1\n1\n1\n")
        done = runner.invoke(app, ["scores", "--reset", "--yes", "--json"])
        assert json.loads(done.stdout) == {"forgotten": 1}


def test_a_locked_history_while_playing(
    runner: CliRunner,
    bank: Path,
    filmquiz_home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A game that ends while another program holds the history: the player
    is told it waits, then where the game was kept; scores shows it once the
    history is free."""
    import sqlite3

    from filmquiz.scores import store

    monkeypatch.setattr(store, "WAIT_FIRST", 0.2)
    monkeypatch.setattr(store, "WAIT_LONGEST", 0.6)
    play(runner, bank, "1\n1\n1\n")
    blocker = sqlite3.connect(filmquiz_home / "scores.db", isolation_level=None)
    blocker.execute("BEGIN EXCLUSIVE")
    locked = play(runner, bank, "2\n1\n2\n")
    assert locked.exit_code == 0
    assert "is locked by another program; waiting for it" in locked.stderr
    assert "and will be added to the history next time" in locked.stderr
    blocker.execute("COMMIT")
    blocker.close()
    assert [g["score"] for g in scores_json(runner)["games"]] == [3, 1]
