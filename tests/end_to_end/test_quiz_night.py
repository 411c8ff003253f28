"""Quiz night in a real terminal: every question type by keys, a 2-second
clock, speed points, the 50:50 and a party of three, driven in a
pseudo-terminal as people would play them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from filmquiz.errors import ExitStatus
from tests.end_to_end.terminal import Terminal
from tests.support import DOWN, ENTER, WriteBank, bank_document, question

SPACE = " "


@pytest.fixture
def night(write_bank: WriteBank) -> Path:
    """One question of each type, in this order."""
    return write_bank(
        bank_document(
            question(
                "single",
                prompt="Who plays Janis?",
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
                "prompt": "The film opened the Venice Film Festival.",
                "answer": True,
            },
            question(
                "multi",
                type="multi",
                prompt="Who is in the cast?",
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


def test_every_type_by_keys(filmquiz_command: str, night: Path) -> None:
    """A menu for single and true/false, a checkbox for multi-select, a line
    to type for a typed answer; a typo forgiven, and the spelling shown."""
    term = Terminal(filmquiz_command, "play", str(night), "--no-shuffle", "--lifelines")
    term.wait_for("F for a 50:50")
    term.send("f")
    term.wait_for("50:50 took two wrong choices away")
    term.send(ENTER)  # the pointer stays on the first choice left
    term.wait_for("Question 2 of 4")
    term.wait_for("2. False")
    term.send("1")
    term.wait_for("Who is in the cast?")
    term.wait_for("Space picks or drops")
    term.send(SPACE + DOWN + SPACE + ENTER)
    term.wait_for("Your answer:")
    term.wait_for("Who directed it?")
    term.send("pedro almodovr" + ENTER)
    term.wait_for("By category")
    text = term.text()
    assert "Taken despite a typo; it is spelt Pedro Almodóvar." in text
    assert "Your answer: Penélope Cruz; Milena Smit" in text
    assert "Your answer: True" in text
    assert "50:50 used on question 1." in text
    assert term.finish() == ExitStatus.OK


def test_a_two_second_clock_runs_out(
    filmquiz_command: str, night: Path, tmp_path: Path
) -> None:
    """The countdown shows, no key is pressed, and the game moves on: the
    question counts as wrong, saying so; an answer in time earns speed
    points."""
    term = Terminal(
        filmquiz_command,
        "play",
        str(night),
        "--no-shuffle",
        "--time-limit",
        "2",
        "--scoring",
        "speed",
        "--count",
        "2",
        "--player",
        "ana",
    )
    term.wait_for("⏱ 2 s left")
    term.wait_for("✘ Time is up. Right answer: Penélope Cruz", timeout=10)
    term.wait_for("Question 2 of 2")
    term.send("1")
    term.wait_for("Score 1/2 (50%):")
    text = term.text()
    assert "+" in text.split("Time is up")[1]
    assert "(no answer in time)" in text
    assert term.finish() == ExitStatus.OK
    scores = Terminal(filmquiz_command, "scores", "--games", "--json")
    assert scores.finish() == ExitStatus.OK
    games = json.loads(scores.raw.decode().replace("\r\n", "\n"))["games"]
    assert games[0]["points"] >= 500


def test_a_party_of_three(filmquiz_command: str, night: Path) -> None:
    """Each player presses Enter when they have the keyboard and answers;
    the screen is cleared between players; each round is revealed with a
    leaderboard; the game ends on a podium."""
    term = Terminal(
        filmquiz_command,
        "party",
        str(night),
        "--players",
        "Ana,Janis,Arturo",
        "--no-shuffle",
        "--count",
        "2",
    )
    for player, key in (("Ana", "1"), ("Janis", "2"), ("Arturo", "1")):
        term.wait_for(f"{player}, your turn.")
        term.send(ENTER)
        term.wait_for(f"{player}: Question 1 of 2")
        term.send(key)
        if player == "Ana":
            term.wait_for("Janis, your turn.")
            # Cleared: what Ana picked is nowhere on Janis's screen.
            assert "Ana" not in term.text()
    term.wait_for("Leaderboard")
    text = term.text()
    assert "✔ Ana: Penélope Cruz" in text
    assert "✘ Janis: Milena Smit" in text
    for player, key in (("Ana", "2"), ("Janis", "2"), ("Arturo", "1")):
        term.wait_for(f"{player}, your turn.")
        term.send(ENTER)
        term.wait_for(f"{player}: Question 2 of 2")
        term.send(key)
    term.wait_for("🥇")
    text = term.text()
    assert "1. Arturo: 2 right" in text
    assert "2. Ana: 1 right" in text
    assert "3. Janis: 0 right" in text
    assert term.finish() == ExitStatus.OK


def test_pause_waits_for_the_presenter(filmquiz_command: str, night: Path) -> None:
    """--pause: after each answer, nothing moves until Enter."""
    term = Terminal(
        filmquiz_command, "play", str(night), "--no-shuffle", "--pause", "-n", "2"
    )
    term.wait_for("Question 1 of 2")
    term.send("1")
    term.wait_for("Next question")
    term.pump(0.5)
    assert "Question 2 of 2" not in term.text()
    term.send(ENTER)
    term.wait_for("Question 2 of 2")
    term.send("1")
    term.wait_for("Score 2/2")
    assert term.finish() == ExitStatus.OK
