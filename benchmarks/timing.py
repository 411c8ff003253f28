"""Shared timing for the benchmarks: commands run to their end or spawned in a
pseudo-terminal until their first question, medians, ratios and goals."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pexpect

PYTHON = sys.executable
FILMQUIZ = shutil.which("filmquiz", path=str(Path(PYTHON).parent)) or "filmquiz"
# As a normal install runs: with compiled .pyc files, which a development
# shell that sets PYTHONDONTWRITEBYTECODE would otherwise never write.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
# questionary draws its pointer with the choices: the question is on screen.
POINTER = "»"


class Sample:
    """One measurement: seconds, and the peak memory of the process in MB."""

    def __init__(self, seconds: float, peak_mb: float) -> None:
        self.seconds = seconds
        self.peak_mb = peak_mb


def run_command(
    argv: list[str], env: Mapping[str, str] | None = None
) -> Callable[[], Sample]:
    """A measurement of ``argv`` run to its end, output discarded."""

    def measure() -> Sample:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**ENV, **(env or {})},
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} exited {process.returncode}")
        return Sample(elapsed, usage.ru_maxrss / 1024)

    return measure


def first_prompt(
    argv: list[str], env: Mapping[str, str] | None = None
) -> Callable[[], Sample]:
    """A measurement from spawning ``argv`` in a pseudo-terminal until the
    first question is drawn."""

    def measure() -> Sample:
        start = time.perf_counter()
        child = pexpect.spawn(
            argv[0],
            argv[1:],
            env={
                **ENV,
                "PROMPT_TOOLKIT_NO_CPR": "1",
                "TERM": "xterm-256color",
                **(env or {}),
            },
            dimensions=(30, 100),
            timeout=60,
            encoding="utf-8",
        )
        child.expect_exact(POINTER)
        elapsed = time.perf_counter() - start
        child.terminate(force=True)
        return Sample(elapsed, 0.0)

    return measure


@dataclass(frozen=True)
class Case:
    """One command to time, and what its median is held against."""

    label: str
    measure: Callable[[], Sample]
    baseline: str | None = None
    goal: float | None = None
    """The largest ratio to the baseline's median that meets the goal."""
    memory_goal_mb: float | None = None


def run(cases: list[Case], runs: int) -> None:
    """Time every case, interleaved so that noise falls on all alike, and print
    the medians, ratios and goals in one table."""
    for case in cases:  # warm the file cache, the .pyc files and any cache
        case.measure()
    samples: dict[str, list[Sample]] = {case.label: [] for case in cases}
    for _ in range(runs):
        for case in cases:
            samples[case.label].append(case.measure())
    medians = {
        label: statistics.median(s.seconds for s in taken)
        for label, taken in samples.items()
    }
    peaks = {label: max(s.peak_mb for s in taken) for label, taken in samples.items()}
    print(f"{runs} runs each, Python {sys.version.split()[0]}, medians:\n")
    print(f"{'command':<40} {'median':>9} {'ratio':>7} {'goal':>6}")
    for case in cases:
        line = f"{case.label:<40} {medians[case.label] * 1000:>7.1f}ms"
        if case.baseline:
            ratio = medians[case.label] / medians[case.baseline]
            line += f" {ratio:>6.2f}x"
            if case.goal:
                verdict = "met" if ratio <= case.goal else "MISSED"
                line += f" {case.goal:>5.2f}x {verdict}"
            line += f"  (against {case.baseline})"
        if peaks[case.label]:
            line += f"  peak {peaks[case.label]:.0f} MB"
            if case.memory_goal_mb:
                met = peaks[case.label] <= case.memory_goal_mb
                line += (
                    f" (goal {case.memory_goal_mb:.0f} MB {'met' if met else 'MISSED'})"
                )
        print(line)
