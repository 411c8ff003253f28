"""Hostile banks, generated: mutations of the shipped bank with hostile strings
in every field, checked, played line by line and listed. Whatever the bank
holds, filmquiz answers with a documented exit status, never a traceback, and
nothing from the bank reaches the terminal as a control character, a C1
character or a bidirectional control."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from filmquiz.banks.catalog import SHIPPED_QUIZZES
from filmquiz.cli import app

SHIPPED = json.loads((SHIPPED_QUIZZES / "parallel-mothers.json").read_text())

UNSAFE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
"""What may never be written to a terminal: controls (but the line break),
DEL, C1 characters, separators and bidirectional controls."""

HOSTILE = st.sampled_from(
    [
        "\x1b[31mred",
        "\x1b]52;c;ZXZpbA==\x07",
        "\x9b2J",
        "\x7f",
        "\x00",
        "tab\there",
        "two\nlines",
        "\u202eevil",
        "\u2066isolate",
        "\u200b",
        "\u200b\u200d\u2060",
        "\ufeff",
        "\u2028",
        "\ud800",
        "[/]",
        "[bold]x[/bold]",
        "[link=file:///etc/passwd]x[/link]",
        "Foo [/bold]",
        "%s %d {0}",
        "\\",
        '"',
        "",
        " ",
        "\u00a0",
        "x" * 300,
        "🎬",
        "Penélope",
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=8), st.builds(str.__add__, HOSTILE, HOSTILE))
VALUE = st.one_of(
    TEXT, st.none(), st.integers(-5, 3000), st.booleans(), st.lists(TEXT, max_size=3)
)


@st.composite
def hostile_banks(draw: st.DrawFn) -> tuple[str, bytes]:
    """A file name and the bytes of a bank: a few shipped questions, each
    field possibly replaced by something hostile."""
    document: dict[str, Any] = json.loads(json.dumps(SHIPPED))
    document["questions"] = document["questions"][: draw(st.integers(1, 3))]
    targets: list[tuple[dict[str, Any], str]] = [
        (document, "title"),
        (document["film"], "title"),
        (document["film"], "director"),
    ]
    for item in document["questions"]:
        targets.extend((item, key) for key in list(item))
    for _ in range(draw(st.integers(1, 4))):
        where, key = draw(st.sampled_from(targets))
        if key == "choices" and draw(st.booleans()):
            found = where.get("choices")
            choices = list(found) if isinstance(found, list) and found else ["a", "b"]
            choices[draw(st.integers(0, len(choices) - 1))] = draw(TEXT)
            where["choices"] = choices
        else:
            where[key] = draw(VALUE)
    name = draw(
        st.one_of(
            st.just("bank"),
            TEXT.filter(
                lambda t: "/" not in t and "\x00" not in t and t not in ("", ".", "..")
            ),
        )
    )
    text = json.dumps(document, ensure_ascii=draw(st.booleans()))
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        data = data.replace(b"\xc3\xa9", b"\xe9")  # latin-1 where UTF-8 belongs
    return name, data


def written(path: Path, name: str, data: bytes) -> Path | None:
    """The bank written as ``name``.json in ``path``, or None when the file
    system refuses the name."""
    target = path / f"{name}.json"
    try:
        target.write_bytes(data)
    except (OSError, UnicodeEncodeError, ValueError):
        return None
    return target


def check(result: Any) -> None:
    assert result.exit_code in (0, 1, 2), result.output
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), repr(result.exception)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    found = UNSAFE.search(output)
    assert found is None, f"{found.group()!r} in {output!r}"


@settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(bank=hostile_banks())
def test_hostile_banks(
    bank: tuple[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> None:
    """validate, play line by line and list, on a hostile bank."""
    folder = tmp_path_factory.mktemp("hostile")
    path = written(folder, *bank)
    if path is None:
        return
    runner = CliRunner()
    env = {"FILMQUIZ_HOME": str(folder / "home"), "FILMQUIZ_PATH": str(folder)}
    check(runner.invoke(app, ["validate", str(path)], env=env))
    check(
        runner.invoke(
            app, ["play", str(path), "--no-shuffle"], input="1\n2\n1\n", env=env
        )
    )
    check(runner.invoke(app, ["list"], env=env))
    check(runner.invoke(app, ["scores", "--games"], env=env))
