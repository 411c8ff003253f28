"""How long export and import take on a big bank: the 5,250 real Open Trivia
Database questions beside the clone (../shared/data/opentdb.json).

    python benchmarks/formats.py [--runs N]

The questions are first imported into a bank (with ``import opentdb``); then
each ``filmquiz export FORMAT`` of that bank, and ``import csv`` and ``import
gift`` of what the exports wrote, are timed against ``filmquiz validate`` of
the same bank: starting filmquiz and reading the bank, which every export
does too. No goal: the figures say what a big export costs.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from timing import ENV, FILMQUIZ, Case, run, run_command

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "opentdb.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        env = {**ENV, "FILMQUIZ_HOME": str(folder / "home")}
        bank = folder / "opentdb.json"
        subprocess.run(
            [FILMQUIZ, "import", "opentdb", str(SHARED_DATA), "--output", str(bank)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        baseline = f"filmquiz validate ({bank.name})"
        cases = [Case(baseline, run_command([FILMQUIZ, "validate", str(bank)], env))]
        for format_name, name in (
            ("html", "quiz.html"),
            ("sheet", "sheet.md"),
            ("gift", "quiz.gift"),
            ("aiken", "quiz.txt"),
            ("csv", "quiz.csv"),
            ("anki", "quiz.apkg"),
        ):
            output = folder / name
            argv = [FILMQUIZ, "export", format_name, str(bank), "-o", str(output)]
            cases.append(
                Case(
                    f"filmquiz export {format_name}",
                    run_command([*argv, "--force"], env),
                    baseline=baseline,
                )
            )
        for format_name, name in (("csv", "quiz.csv"), ("gift", "quiz.gift")):
            argv = [FILMQUIZ, "import", format_name, str(folder / name)]
            argv += ["-o", str(folder / f"back-{format_name}.json"), "--force"]
            cases.append(
                Case(
                    f"filmquiz import {format_name}",
                    run_command(argv, env),
                    baseline=baseline,
                )
            )
        run(cases, runs)


if __name__ == "__main__":
    main()
