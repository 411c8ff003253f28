"""Files written whole, and never over one that must be kept."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from filmquiz.files import AlreadyThere, write_atomically


def test_a_file_there_is_kept_when_not_to_be_replaced(tmp_path: Path) -> None:
    """With replace=False, a file at the path stays as it was, and no
    temporary file is left beside it."""
    path = tmp_path / "quiz.gift"
    path.write_text("mine", encoding="utf-8")
    with pytest.raises(AlreadyThere, match="already exists; pass --force"):
        write_atomically(path, b"theirs", replace=False)
    assert path.read_text(encoding="utf-8") == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.gift"]


def test_of_two_writers_that_may_not_replace_one_wins(tmp_path: Path) -> None:
    """Two exports to the same new file at once: one writes it, the other
    is told it exists; the file is one of them whole."""
    path = tmp_path / "quiz.csv"
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def write(data: bytes) -> None:
        start.wait()
        try:
            write_atomically(path, data, replace=False)
            outcomes.append("written")
        except AlreadyThere:
            outcomes.append("refused")

    writers = [
        threading.Thread(target=write, args=(bytes([65 + n]) * 100_000,))
        for n in range(2)
    ]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join()
    assert sorted(outcomes) == ["refused", "written"]
    assert path.read_bytes() in (b"A" * 100_000, b"B" * 100_000)
    assert [p.name for p in tmp_path.iterdir()] == ["quiz.csv"]


def test_replace_writes_over_the_file(tmp_path: Path) -> None:
    path = tmp_path / "quiz.gift"
    path.write_text("old", encoding="utf-8")
    write_atomically(path, b"new")
    assert path.read_bytes() == b"new"
