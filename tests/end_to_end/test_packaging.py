"""filmquiz as a user installs it: a wheel built from this tree, installed into
a fresh virtual environment, plays the shipped bank it carries."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.support import PARALLEL_MOTHERS_QUESTIONS, REPOSITORY


def run(*command: str | Path, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(part) for part in command],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
        **options,  # type: ignore[call-overload]
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel pip builds from the repository, as a release would be."""
    folder = tmp_path_factory.mktemp("wheel")
    built = run(
        sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
        "--wheel-dir", folder, REPOSITORY,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (found,) = folder.glob("filmquiz-*.whl")
    return found


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment with only the wheel and its dependencies."""
    environment = tmp_path_factory.mktemp("venv")
    venv.create(environment, with_pip=True)
    done = run(environment / "bin" / "pip", "install", "--quiet", wheel)
    assert done.returncode == 0, done.stderr
    return environment


def test_the_wheel_carries_every_shipped_bank_as_a_file(wheel: Path) -> None:
    """Each bank of quizzes/ is in the wheel, byte for byte, as a file (the
    repository reaches it through a link the wheel cannot hold)."""
    shipped = sorted((REPOSITORY / "quizzes").glob("*.json"))
    assert shipped
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        carried = sorted(n for n in names if n.startswith("filmquiz/quizzes/"))
        assert carried == [f"filmquiz/quizzes/{path.name}" for path in shipped]
        for path in shipped:
            assert archive.read(f"filmquiz/quizzes/{path.name}") == path.read_bytes()
        assert not [n for n in names if n.startswith(("tests/", "benchmarks/"))]


def test_the_installed_command_plays_the_shipped_bank(
    installed: Path, tmp_path: Path
) -> None:
    """The installed filmquiz finds parallel-mothers inside its own
    installation, plays it from a pipe and keeps the game."""
    command = installed / "bin" / "filmquiz"
    env = {"FILMQUIZ_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"}
    listed = run(command, "list", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    (entry,) = [e for e in json.loads(listed.stdout) if e["slug"] == "parallel-mothers"]
    assert Path(entry["path"]).is_relative_to(installed)
    assert entry["source"] == "shipped"
    assert entry["questions"] == PARALLEL_MOTHERS_QUESTIONS
    played = run(
        command, "play", "parallel-mothers", "--count", "3", "--seed", "12",
        "--player", "ana", "--json",
        input="1\n2\n1\n", env=env,
    )  # fmt: skip
    assert played.returncode == 0, played.stderr
    game = json.loads(played.stdout)
    assert (game["quiz"], game["total"], game["complete"]) == (
        "parallel-mothers",
        3,
        True,
    )
    kept = run(command, "scores", "--json", env=env)
    assert [g["player"] for g in json.loads(kept.stdout)["games"]] == ["ana"]
