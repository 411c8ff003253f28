"""``filmquiz party`` and the options play shares with it, through the
command line, line by line (the terminal is tested end to end)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from filmquiz.cli import app
from filmquiz.errors import ExitStatus
from tests.support import WriteBank, bank_document, question


@pytest.fixture
def bank(write_bank: WriteBank) -> Path:
    """One question of each type, in this order."""
    return write_bank(
        bank_document(
            question(
                "single",
                choices=[
                    "Penélope Cruz",
                    "Milena Smit",
                    "Rossy de Palma",
                    "Julieta Serrano",
                ],
                answer="Penélope Cruz",
            ),
            {
                "id": "tf",
                "type": "truefalse",
                "prompt": "Opened Venice?",
                "answer": True,
            },
            question(
                "multi",
                type="multi",
                choices=["Penélope Cruz", "Milena Smit", "Carmen Maura"],
                answer=["Penélope Cruz", "Milena Smit"],
            ),
            {
                "id": "typed",
                "type": "text",
                "prompt": "Who directed it?",
                "answer": "Pedro Almodóvar",
            },
        ),
        name="night.json",
    )


def party(runner: CliRunner, bank: Path, lines: str, *args: str) -> Any:
    return runner.invoke(
        app,
        ["party", str(bank), "--no-shuffle", "--players", "Ana,Janis,Arturo", *args],
        input=lines,
    )


# Ana: all right; Janis: right, wrong, wrong, typo; Arturo: wrong, right, ...
THREE_PLAYERS = (
    "1\n1\n2\n1\n2\n1\n1,2\n1\n2,1\nPedro Almodóvar\npedro almodovr\nSaura\n"
)


class TestParty:
    def test_three_players_line_by_line(self, runner: CliRunner, bank: Path) -> None:
        """Each line answers for the next player; each round is revealed with
        a leaderboard; a podium at the end."""
        result = party(runner, bank, THREE_PLAYERS)
        assert result.exit_code == 0, result.output
        out = result.stdout
        assert "4 questions for Ana, Janis, Arturo in turns." in out
        assert "Ana, your answer (1-4): 1\nJanis, your answer (1-4): 1\n" in out
        assert "Arturo, your answers (numbers such as 1,3): 2,1\n" in out
        assert "✔ Janis: pedro almodovr (taken despite a typo)" in out
        assert "✘ Arturo: Saura" in out
        assert out.count("Leaderboard") == 4
        # Janis and Arturo are level: they share second place, in turn order.
        assert (
            "🥇 1. Ana: 4 right\n🥈 2. Janis: 2 right\n🥈 2. Arturo: 2 right\n" in out
        )
        assert "Ana: 4/4 (100%), longest streak 4" in out

    def test_json_has_every_player_and_the_ranking(
        self, runner: CliRunner, bank: Path
    ) -> None:
        result = party(runner, bank, THREE_PLAYERS, "--json", "--scoring", "speed")
        assert result.exit_code == 0, result.stderr
        document = json.loads(result.stdout)
        assert document["players"] == ["Ana", "Janis", "Arturo"]
        assert document["ranking"][0] == {
            "place": 1,
            "player": "Ana",
            "score": 4,
            "points": document["games"][0]["points"],
        }
        assert [place["place"] for place in document["ranking"]] == [1, 2, 3]
        assert [game["score"] for game in document["games"]] == [4, 2, 2]
        ana = document["games"][0]
        assert ana["scoring"] == "speed"
        assert ana["points"] >= 4 * 500 + 100 + 200 + 300
        assert all(q["points"] >= 500 for q in ana["questions"])
        assert [q["type"] for q in ana["questions"]] == [
            "single",
            "truefalse",
            "multi",
            "text",
        ]
        assert ana["questions"][2]["given"] == ["Penélope Cruz", "Milena Smit"]
        assert ana["questions"][1]["given"] is True
        assert document["games"][1]["questions"][3]["forgiven"] == "Pedro Almodóvar"
        assert "Leaderboard" in result.stderr

    def test_each_game_is_kept_as_a_party_game(
        self, runner: CliRunner, bank: Path
    ) -> None:
        party(runner, bank, THREE_PLAYERS, "--scoring", "speed")
        result = runner.invoke(app, ["scores", "--games", "--json"])
        games = json.loads(result.stdout)["games"]
        assert sorted(game["player"] for game in games) == ["Ana", "Arturo", "Janis"]
        assert all(game["party"] for game in games)
        assert all(game["points"] is not None for game in games)
        summary = json.loads(runner.invoke(app, ["scores", "--json"]).stdout)["summary"]
        assert {s["player"]: s["best_points"] for s in summary}["Ana"] == next(
            g["points"] for g in games if g["player"] == "Ana"
        )

    def test_input_ending_keeps_what_was_answered(
        self, runner: CliRunner, bank: Path
    ) -> None:
        result = party(runner, bank, "1\n1\n2\n1\n")
        assert result.exit_code == ExitStatus.FAILURE
        assert (
            "Input ended after 1 round of 4, in round 2, before everyone had "
            "answered it; the standings then, counting every answer given:"
        ) in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            [],
            "error: --players is missing: give the players' names separated by "
            'commas, such as --players "Ana,Janis,Arturo"',
        ),
        (
            ["--players", "Ana"],
            "error: --players needs at least two names separated by commas, such as "
            '"Ana,Janis" (one player plays with `filmquiz play`)',
        ),
        (["--players", "Ana,ana"], "error: --players names ana twice"),
        (
            ["--players", "Ana,Janis", "--time-limit", "0.5"],
            'error: --time-limit must be from 1 to 3600 seconds (got "0.5")',
        ),
        (
            ["--players", "Ana,Janis", "--scoring", "fast"],
            'error: --scoring must be standard or speed (got "fast")',
        ),
    ],
)
def test_usage_errors(
    runner: CliRunner, bank: Path, args: list[str], message: str
) -> None:
    """A party without players, or with one, or a name twice: exit 2 and
    one line that says what to give."""
    result = runner.invoke(app, ["party", str(bank), *args], input="")
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.splitlines()[0] == message


class TestPlayOptions:
    def test_speed_scoring_and_a_fifty_fifty_line_by_line(
        self, runner: CliRunner, bank: Path
    ) -> None:
        """--scoring speed gives points and streaks; 50 uses the 50:50; the
        summary says where."""
        result = runner.invoke(
            app,
            [
                "play",
                str(bank),
                "--no-shuffle",
                "--player",
                "ana",
                "--scoring",
                "speed",
                "--lifelines",
                "--json",
            ],
            input="50\n1\n1\n1,2\nAlmodovar Pedro\n",
        )
        assert result.exit_code == 0, result.stderr
        document = json.loads(result.stdout)
        assert document["fifty_fifty_at"] == 1
        assert document["longest_streak"] == 3
        assert [q["correct"] for q in document["questions"]] == [
            True,
            True,
            True,
            False,
        ]
        assert "50:50: two wrong choices are gone." in result.stderr
        assert "50:50 used on question 1." in result.stderr
        assert "points, longest streak 3," in result.stderr

    def test_a_time_limit_line_by_line_is_told(
        self, runner: CliRunner, bank: Path
    ) -> None:
        result = runner.invoke(
            app,
            ["play", str(bank), "--no-shuffle", "--time-limit", "30", "-n", "1"],
            input="1\n",
        )
        assert result.exit_code == 0
        assert "30 seconds per question." in result.stdout
