"""``play`` below the command line: the terminal's branches taken in process,
with the environment handed in."""

from __future__ import annotations

import io

import pytest

from filmquiz.bankfile.reading import load_bank
from filmquiz.commands.play import GameOptions, play
from filmquiz.environment import Environment
from filmquiz.errors import BadOption, ExitStatus
from filmquiz.render.console import Screen
from filmquiz.results import GamePlayed, Message
from tests.support import PARALLEL_MOTHERS, SHIPPED_BANKS

FIRST_AWARDS_ANSWER = next(
    q.answer
    for q in load_bank(PARALLEL_MOTHERS).questions
    if q.category == "production and awards"
)
"""The answer of the first question of a category, asked in file order."""
PARALLEL_MOTHERS_PLACE = str(
    [p.stem for p in SHIPPED_BANKS].index("parallel-mothers") + 1
)
"""Where the quiz picker lists parallel-mothers: quizzes come by name."""


def environment(*, terminal: bool, cursor: bool = True) -> Environment:
    return Environment(
        stdin_is_terminal=terminal,
        stdout_is_terminal=terminal,
        stderr_is_terminal=terminal,
        cursor_control=cursor,
        color=False,
    )


def test_a_dumb_terminal_plays_line_by_line_without_echo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a terminal that cannot move its cursor (TERM=dumb), questions are
    asked line by line, and the line typed is not repeated: the terminal
    showed it already."""
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{FIRST_AWARDS_ANSWER}\n"))
    played = play(
        environment=environment(terminal=True, cursor=False),
        screen=Screen(color=False),
        quiz="parallel-mothers",
        player="ana",
        options=GameOptions(
            count=1, shuffle=False, categories=("production and awards",)
        ),
    )
    assert isinstance(played, GamePlayed)
    assert played.status is ExitStatus.OK
    out = capsys.readouterr().out
    assert "  1. " in out
    assert "Your answer (1-" in out
    assert f"Your answer (1-4): {FIRST_AWARDS_ANSWER}" not in out
    assert played.result.score == 1


def test_a_pipe_is_echoed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Answers read from a pipe are repeated, so the transcript reads as a game."""
    monkeypatch.setattr("sys.stdin", io.StringIO("1\n"))
    play(
        environment=environment(terminal=False),
        screen=Screen(color=False),
        quiz="parallel-mothers",
        player="ana",
        options=GameOptions(count=1, seed=3),
    )
    assert "Your answer (1-4): 1\n" in capsys.readouterr().out


def test_no_quiz_without_a_terminal_is_a_usage_error() -> None:
    """Without a terminal to pick one in, the quiz must be named."""
    with pytest.raises(BadOption) as raised:
        play(
            environment=environment(terminal=False),
            screen=Screen(color=False),
            quiz=None,
            player="ana",
        )
    assert raised.value.option == "QUIZ"
    assert raised.value.status is ExitStatus.USAGE


def test_mistakes_before_any_game_is_a_message() -> None:
    """--mistakes with no game played says so, and plays nothing."""
    said = play(
        environment=environment(terminal=False),
        screen=Screen(color=False),
        quiz="parallel-mothers",
        player="ana",
        mistakes=True,
    )
    assert isinstance(said, Message)
    assert said.text == (
        "ana has not played parallel-mothers yet, so there are no mistakes to practise."
    )
    assert said.status is ExitStatus.OK
    assert said.document == {
        "quiz": "parallel-mothers",
        "title": "Parallel Mothers",
        "player": "ana",
        "score": 0,
        "total": 0,
        "complete": True,
        "practice": True,
        "seed": None,
        "scoring": "standard",
        "time_limit": None,
        "points": 0,
        "longest_streak": 0,
        "seconds": 0.0,
        "fifty_fifty_at": None,
        "questions": [],
    }


@pytest.mark.parametrize("answer", [PARALLEL_MOTHERS_PLACE, "parallel-mothers"])
def test_a_dumb_terminal_picks_the_quiz_line_by_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], answer: str
) -> None:
    """With no quiz named in a terminal that cannot draw a menu, the quizzes
    are listed with numbers, and a number or a quiz's name picks one."""
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{answer}\n{FIRST_AWARDS_ANSWER}\n"))
    played = play(
        environment=environment(terminal=True, cursor=False),
        screen=Screen(color=False),
        quiz=None,
        player="ana",
        options=GameOptions(
            count=1, shuffle=False, categories=("production and awards",)
        ),
    )
    assert isinstance(played, GamePlayed)
    assert played.result.quiz == "parallel-mothers"
    out = capsys.readouterr().out
    assert "Which quiz?" in out
    assert f"  {PARALLEL_MOTHERS_PLACE}. parallel-mothers: Parallel Mothers" in out


def test_the_line_picker_asks_again_when_it_does_not_understand(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("no-such-quiz\n1\n1\n"))
    played = play(
        environment=environment(terminal=True, cursor=False),
        screen=Screen(color=False),
        quiz=None,
        player="ana",
        options=GameOptions(count=1),
    )
    assert isinstance(played, GamePlayed)
    assert "no-such-quiz" in capsys.readouterr().out


class _Interrupted(io.StringIO):
    def readline(self, size: int | None = -1, /) -> str:
        raise KeyboardInterrupt


def test_ctrl_c_while_picking_a_quiz_is_a_plain_interruption(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Ctrl-C before any quiz is chosen ends with status 130 and one line,
    not a traceback, and plays nothing; the prompt's line is ended first,
    so what is said next starts a line of its own."""
    monkeypatch.setattr("sys.stdin", _Interrupted())
    said = play(
        environment=environment(terminal=True, cursor=False),
        screen=Screen(color=False),
        quiz=None,
        player="ana",
    )
    assert said == Message("Stopped before a quiz was chosen.", ExitStatus.INTERRUPTED)
    assert capsys.readouterr().out.endswith(f"(1-{len(SHIPPED_BANKS)}): \n")


@pytest.mark.parametrize(("typed", "levels"), [("1", {"none"}), ("ending", None)])
def test_a_dumb_terminal_asks_about_spoilers_on_a_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    typed: str,
    levels: set[str] | None,
) -> None:
    """TERM=dumb cannot draw the spoiler menu: the same question is asked on
    a line, before any question of the game, by number or by level."""
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{typed}\n" + "1\n" * 5))
    played = play(
        environment=environment(terminal=True, cursor=False),
        screen=Screen(color=False),
        quiz="parallel-mothers",
        player="ana",
        options=GameOptions(count=5, seed=18),
    )
    assert isinstance(played, GamePlayed)
    out = capsys.readouterr().out
    assert out.index("Which questions?") < out.index("Question 1 of 5")
    spoilers = {q.id: q.spoiler for q in load_bank(PARALLEL_MOTHERS).questions}
    asked = {spoilers[answer.question.id] for answer in played.result.answers}
    if levels is None:
        assert "ending" in asked
    else:
        assert asked <= levels


class FillingUp(io.StringIO):
    """An output that takes ``room`` writes, then is full."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, text: str) -> int:
        self.room -= 1
        if self.room < 0:
            import errno

            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(text)


def test_an_output_that_fills_up_mid_game_keeps_the_game(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A full disk under the output halfway through: the game stops, is kept
    with the answers given, and then the error ends the command."""
    from filmquiz.commands.history import scores

    monkeypatch.setattr("sys.stdin", io.StringIO("1\n" * 10))
    monkeypatch.setattr("sys.stdout", FillingUp(room=40))
    with pytest.raises(OSError, match="No space left"):
        play(
            environment=environment(terminal=False),
            screen=Screen(color=False),
            quiz="parallel-mothers",
            player="ana",
            options=GameOptions(count=10, seed=3, spoilers="none"),
        )
    monkeypatch.setattr("sys.stdout", io.StringIO())
    (kept,) = scores(screen=Screen(color=False), quiz=None, player=None).records
    assert not kept.complete
    assert kept.total == 10  # kept, with the answers given before it filled up
