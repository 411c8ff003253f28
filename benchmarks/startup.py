"""How fast filmquiz starts, beside the floor that typer and questionary set.

    python benchmarks/startup.py [--runs N]

Goals: ``filmquiz --help`` at most 1.15x ``import typer``; ``filmquiz list``
at most 1.1x the floor every typer command pays (``minimal_command.py``: one
text argument, printed); the first question of ``filmquiz play
parallel-mothers`` at most 1.1x the first (and only) question of
``minimal_select.py``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from timing import FILMQUIZ, PYTHON, Case, first_prompt, run, run_command

HERE = Path(__file__).parent
IMPORT_TYPER = 'python -c "import typer"'
MINIMAL_COMMAND = "minimal typer command (one str argument)"
MINIMAL_SELECT = "minimal typer + questionary select"


def cases() -> list[Case]:
    """What to time, baselines first."""
    return [
        Case("python -c pass", run_command([PYTHON, "-c", "pass"])),
        Case(IMPORT_TYPER, run_command([PYTHON, "-c", "import typer"])),
        Case("filmquiz --help", run_command([FILMQUIZ, "--help"]), IMPORT_TYPER, 1.15),
        Case(
            MINIMAL_COMMAND,
            run_command([PYTHON, str(HERE / "minimal_command.py"), "hello"]),
            IMPORT_TYPER,
        ),
        Case("filmquiz list", run_command([FILMQUIZ, "list"]), MINIMAL_COMMAND, 1.1),
        Case(MINIMAL_SELECT, first_prompt([PYTHON, str(HERE / "minimal_select.py")])),
        Case(
            "filmquiz play: first question",
            first_prompt([FILMQUIZ, "play", "parallel-mothers"]),
            MINIMAL_SELECT,
            1.1,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each command")
    run(cases(), parser.parse_args().runs)


if __name__ == "__main__":
    main()
