"""Options reach the commands as click parsed them (through filmquiz's own
parsers), without typer building a pydantic adapter for each."""

from __future__ import annotations

import subprocess
import sys

import pytest

IMPORTED_AFTER = """
import sys
sys.argv = ["filmquiz", *sys.argv[1:]]
from filmquiz.launch import main
try:
    main()
except SystemExit:
    pass
print("pydantic" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["--help"],
        [
            "play",
            "parallel-mothers",
            "-n",
            "1",
            "-c",
            "plot",
            "-d",
            "easy",
            "--seed",
            "3",
        ],
        ["scores", "--player", "ana"],
        ["validate", "parallel-mothers"],
    ],
    ids=["list", "help", "play", "scores", "validate"],
)
def test_pydantic_is_not_imported(args: list[str]) -> None:
    """Commands whose options are text, flags and numbers parsed by filmquiz
    start without pydantic (about a fifth of a typer command's start)."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORTED_AFTER, *args],
        input="1\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stderr.splitlines()[-1] == "False", done.stderr


def test_a_path_option_is_still_coerced() -> None:
    """A Path parameter keeps typer's coercion: add receives a Path."""
    done = subprocess.run(
        [sys.executable, "-c", IMPORTED_AFTER, "add", "/nonexistent/bank.json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stderr.splitlines() == [
        "error: /nonexistent/bank.json: no such file",
        "True",
    ]
