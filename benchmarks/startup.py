"""How fast filmquiz starts, beside the floor that typer and questionary set.

Runs each command many times, interleaved so that noise on a shared machine
falls on all of them alike, and prints the medians and their ratios to the
baseline in one table:

    python benchmarks/startup.py [--runs N]

Goals: ``filmquiz --help`` at most 1.15x ``import typer``; the first question
of ``filmquiz play parallel-mothers`` at most 1.2x the first (and only)
question of ``minimal_select.py``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect

HERE = Path(__file__).parent
PYTHON = sys.executable
FILMQUIZ = shutil.which("filmquiz", path=str(Path(PYTHON).parent)) or "filmquiz"
# questionary draws its pointer with the choices: the question is on screen.
POINTER = "»"
TERMINAL_ENV = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm-256color"}


def run_command(argv: list[str]) -> Callable[[], float]:
    """A measurement: seconds for ``argv`` to run to its end, output discarded."""

    def measure() -> float:
        start = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        return time.perf_counter() - start

    return measure


def first_prompt(argv: list[str], marker: str) -> Callable[[], float]:
    """A measurement: seconds from spawning ``argv`` in a pseudo-terminal until
    ``marker`` is drawn."""

    def measure() -> float:
        start = time.perf_counter()
        child = pexpect.spawn(
            argv[0],
            argv[1:],
            env=TERMINAL_ENV,
            dimensions=(30, 100),
            timeout=30,
            encoding="utf-8",
        )
        child.expect_exact(marker)
        elapsed = time.perf_counter() - start
        child.terminate(force=True)
        return elapsed

    return measure


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each command")
    runs = parser.parse_args().runs

    # (label, measurement, baseline label or None, goal ratio or None)
    cases: list[tuple[str, Callable[[], float], str | None, float | None]] = [
        ("python -c pass", run_command([PYTHON, "-c", "pass"]), None, None),
        ('python -c "import typer"', run_command([PYTHON, "-c", "import typer"]), None, None),
        ("filmquiz --help", run_command([FILMQUIZ, "--help"]), 'python -c "import typer"', 1.15),
        ("filmquiz list", run_command([FILMQUIZ, "list"]), 'python -c "import typer"', None),
        (
            "minimal typer + questionary select",
            first_prompt([PYTHON, str(HERE / "minimal_select.py")], POINTER),
            None,
            None,
        ),
        (
            "filmquiz play: first question",
            first_prompt([FILMQUIZ, "play", "parallel-mothers"], POINTER),
            "minimal typer + questionary select",
            1.2,
        ),
    ]
    for _, measure, _, _ in cases:  # warm the file cache and .pyc files
        measure()
    samples: dict[str, list[float]] = {label: [] for label, *_ in cases}
    for _ in range(runs):
        for label, measure, _, _ in cases:
            samples[label].append(measure())

    medians = {label: statistics.median(times) for label, times in samples.items()}
    print(f"{runs} runs each, {sys.version.split()[0]}, medians:\n")
    print(f"{'command':<38} {'median':>9} {'ratio':>8}  {'goal':>6}")
    for label, _, baseline, goal in cases:
        ratio = f"{medians[label] / medians[baseline]:.2f}x" if baseline else ""
        goal_text = f"{goal:.2f}x" if goal else ""
        verdict = ""
        if baseline and goal:
            verdict = "met" if medians[label] / medians[baseline] <= goal else "MISSED"
        print(
            f"{label:<38} {medians[label] * 1000:>7.1f}ms {ratio:>8}  {goal_text:>6} {verdict}"
        )
        if baseline:
            print(f"{'':<4}(against {baseline})")


if __name__ == "__main__":
    main()
