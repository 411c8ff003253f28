"""The README's console transcripts are what filmquiz prints.

Every ```console block of the README is run: each ``$ command`` in a scratch
folder holding the README's example banks, with its own FILMQUIZ_HOME, 80
columns and no colour, and its output (stdout and stderr, as a terminal
shows them) must be the lines that follow it. Blocks marked ```text show
screens of a live game and are not run.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support import REPOSITORY

README = REPOSITORY / "README.md"
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(kind: str) -> list[str]:
    return [body for found, body in BLOCK.findall(README.read_text()) if found == kind]


def sessions() -> list[list[tuple[str, str]]]:
    """Each console block as (command, expected output) pairs."""
    found = []
    for body in blocks("console"):
        pairs: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                pairs.append((line[2:], []))
            elif pairs:
                pairs[-1][1].append(line)
        found.append([(command, "\n".join(out).rstrip("\n")) for command, out in pairs])
    return found


def example_banks(folder: Path) -> None:
    """The files the README's transcripts use: warm-up.json, unfair.json and
    night.json as the README shows them, fan.json, a copy of the warm-up
    with the mistakes the README names, and the GIFT, Aiken and CSV files
    it imports."""
    (document,) = (
        json.loads(body)
        for body in blocks("json")
        if '"warm-up' in body or '"Parallel Mothers: warm-up"' in body
    )
    (folder / "warm-up.json").write_text(
        json.dumps(document, ensure_ascii=False, indent=2)
    )
    (unfair,) = (
        body for body in blocks("json") if '"Parallel Mothers: unfair"' in body
    )
    (folder / "unfair.json").write_text(unfair)
    fan = json.loads(json.dumps(document))
    first, second = fan["questions"]
    first["id"] = "ana-baby"
    first["answer"] = "Anita "
    second["id"] = "janis-job"
    second["anwser"] = second.pop("answer")
    (folder / "fan.json").write_text(json.dumps(fan, ensure_ascii=False, indent=2))
    (night,) = (body for body in blocks("json") if '"Quiz night"' in body)
    (folder / "night.json").write_text(night)
    # The files the "Elsewhere" section imports, as it shows them.
    for kind, name in (
        ("gift", "film-class.gift"),
        ("aiken", "film-class.txt"),
        ("csv", "cast.csv"),
    ):
        (body,) = blocks(kind)
        (folder / name).write_text(body, encoding="utf-8")


@pytest.mark.parametrize("session", sessions(), ids=lambda s: s[0][0] if s else "")
def test_transcript(session: list[tuple[str, str]], tmp_path: Path) -> None:
    """The block's commands print exactly what the README shows."""
    example_banks(tmp_path)
    env = {
        **os.environ,
        "FILMQUIZ_HOME": str(tmp_path / "home"),
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    env.pop("FILMQUIZ_PATH", None)
    for command, expected in session:
        done = subprocess.run(
            ["bash", "-c", command],
            cwd=tmp_path,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        printed = done.stdout.rstrip("\n").replace(str(tmp_path), "~")
        assert printed == expected, f"$ {command}"


def test_the_spoiler_warning_is_what_a_game_starts_with(tmp_path: Path) -> None:
    """The README's game heading with its spoiler warning is how that game
    starts (piped, so unwrapped: the README shows it as a terminal wraps it)."""
    (body,) = (
        body
        for body in blocks("text")
        if body.startswith("$ filmquiz play") and "Spoilers:" in body
    )
    command, *expected = body.rstrip("\n").splitlines()
    done = subprocess.run(
        ["bash", "-c", command[2:]],
        env={
            **os.environ,
            "FILMQUIZ_HOME": str(tmp_path / "home"),
            "COLUMNS": "80",
            "NO_COLOR": "1",
            "USER": "ana",
            "LOGNAME": "ana",
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        },
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    start = " ".join(done.stdout.split())
    assert start.startswith(" ".join(" ".join(expected).split()))
