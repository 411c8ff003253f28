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
from dataclasses import dataclass
from pathlib import Path

import pexpect

HERE = Path(__file__).parent
PYTHON = sys.executable
FILMQUIZ = shutil.which("filmquiz", path=str(Path(PYTHON).parent)) or "filmquiz"
# questionary draws its pointer with the choices: the question is on screen.
POINTER = "»"
# As a normal install runs: with compiled .pyc files, which a development
# shell that sets PYTHONDONTWRITEBYTECODE would otherwise never write.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
TERMINAL_ENV = {**ENV, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm-256color"}


def run_command(argv: list[str]) -> Callable[[], float]:
    """A measurement: seconds for ``argv`` to run to its end, output discarded."""

    def measure() -> float:
        start = time.perf_counter()
        subprocess.run(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=ENV,
            check=True,
        )
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


@dataclass(frozen=True)
class Case:
    """One command to time, and what its median is held against."""

    label: str
    measure: Callable[[], float]
    baseline: str | None = None
    goal: float | None = None
    """The largest ratio to the baseline's median that meets the goal."""


IMPORT_TYPER = 'python -c "import typer"'
MINIMAL_SELECT = "minimal typer + questionary select"


def cases() -> list[Case]:
    """What to time, baselines first."""
    return [
        Case("python -c pass", run_command([PYTHON, "-c", "pass"])),
        Case(IMPORT_TYPER, run_command([PYTHON, "-c", "import typer"])),
        Case("filmquiz --help", run_command([FILMQUIZ, "--help"]), IMPORT_TYPER, 1.15),
        Case("filmquiz list", run_command([FILMQUIZ, "list"]), IMPORT_TYPER),
        Case(
            MINIMAL_SELECT,
            first_prompt([PYTHON, str(HERE / "minimal_select.py")], POINTER),
        ),
        Case(
            "filmquiz play: first question",
            first_prompt([FILMQUIZ, "play", "parallel-mothers"], POINTER),
            MINIMAL_SELECT,
            1.2,
        ),
    ]


def main() -> None:
    """Time every case, interleaved, and print the medians and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each command")
    runs = parser.parse_args().runs

    timed = cases()
    for case in timed:  # warm the file cache and the .pyc files
        case.measure()
    samples: dict[str, list[float]] = {case.label: [] for case in timed}
    for _ in range(runs):
        for case in timed:
            samples[case.label].append(case.measure())

    medians = {label: statistics.median(times) for label, times in samples.items()}
    print(f"{runs} runs each, Python {sys.version.split()[0]}, medians:\n")
    print(f"{'command':<34} {'median':>9} {'ratio':>7} {'goal':>6}")
    for case in timed:
        line = f"{case.label:<34} {medians[case.label] * 1000:>7.1f}ms"
        if case.baseline:
            ratio = medians[case.label] / medians[case.baseline]
            line += f" {ratio:>6.2f}x"
            if case.goal:
                verdict = "met" if ratio <= case.goal else "MISSED"
                line += f" {case.goal:>5.2f}x {verdict}"
            line += f"  (against {case.baseline})"
        print(line)


if __name__ == "__main__":
    main()
