"""filmquiz at scale: a bank of 200,000 questions (about 64 MB).

    python benchmarks/scale.py [--runs N]

Writes the synthetic bank (benchmarks/make_big_bank.py) to benchmarks/out/ if
it is not there, puts a copy in the quizzes folder of a scratch FILMQUIZ_HOME,
and times, side by side:

- ``filmquiz validate BIG`` against decoding it into typed msgspec structs and
  checking answers and ids (msgspec_baseline.py). Goals: at most 1.2x, and a
  peak of at most 300 MB.
- the first question of ``filmquiz play BIG --count 10`` (the cache warm, as
  on every run after the first) against the same for parallel-mothers. Goal:
  at most 1.5x.
- ``filmquiz list`` with BIG in the user's folder against
  ``python -c "import typer"``. Goal: at most 1.3x.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from make_big_bank import write
from timing import FILMQUIZ, PYTHON, Case, first_prompt, run, run_command

HERE = Path(__file__).parent
BIG = HERE / "out" / "big.json"
IMPORT_TYPER = 'python -c "import typer"'
BASELINE = "msgspec baseline: decode + check"
PLAY_SMALL = "play parallel-mothers: first question"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command")
    runs = parser.parse_args().runs
    if not BIG.exists():
        write(BIG, 200_000)
    print(f"{BIG}: {BIG.stat().st_size / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as home:
        (Path(home) / "quizzes").mkdir()
        shutil.copy(BIG, Path(home) / "quizzes" / "big.json")
        env = {"FILMQUIZ_HOME": home}
        run(
            [
                Case(
                    BASELINE,
                    run_command([PYTHON, str(HERE / "msgspec_baseline.py"), str(BIG)]),
                ),
                Case(
                    "filmquiz validate BIG",
                    run_command([FILMQUIZ, "validate", str(BIG)], env),
                    BASELINE,
                    1.2,
                    memory_goal_mb=300,
                ),
                Case(
                    PLAY_SMALL,
                    first_prompt(
                        [FILMQUIZ, "play", "parallel-mothers", "--count", "10"], env
                    ),
                ),
                Case(
                    "play BIG --count 10: first question",
                    first_prompt([FILMQUIZ, "play", "big", "--count", "10"], env),
                    PLAY_SMALL,
                    1.5,
                ),
                Case(IMPORT_TYPER, run_command([PYTHON, "-c", "import typer"])),
                Case(
                    "filmquiz list (BIG in the user folder)",
                    run_command([FILMQUIZ, "list"], env),
                    IMPORT_TYPER,
                    1.3,
                ),
            ],
            runs,
        )


if __name__ == "__main__":
    main()
