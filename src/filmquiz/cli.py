"""The ``filmquiz`` command line: thin commands over the library.

Each command parses its options, calls the library and hands the outcome to
:mod:`filmquiz.render`. Errors a user can cause are turned into one message and
an exit status here, in :func:`_reporting_errors`, and nowhere else.

Only typer and light modules are imported at the top: rich, questionary and the
loader are imported inside the commands that use them, to keep ``--help`` fast.
"""

# No ``from __future__ import annotations`` here: typer would then compile and
# eval every string annotation of every command on each start, which costs
# more than all of this module's own imports.
import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from filmquiz import __version__

if TYPE_CHECKING:
    from filmquiz.engine import GameResult
    from filmquiz.errors import ExitStatus
    from filmquiz.render import Screen

P = ParamSpec("P")
R = TypeVar("R")

EXIT_STATUSES = """\
Exit status: 0 done (a game played to the end); 1 a bad bank, an unknown quiz
or input that ended early; 2 a usage error; 130 interrupted with Ctrl-C."""

app = typer.Typer(
    name="filmquiz",
    help="A film trivia quiz for the terminal.",
    epilog=EXIT_STATUSES,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Level(StrEnum):
    """The difficulties ``--difficulty`` accepts."""

    easy = "easy"
    medium = "medium"
    hard = "hard"


def _reporting_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors a user can cause into one message and an exit status."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        from filmquiz.errors import ExitStatus, FilmquizError

        try:
            return command(*args, **kwargs)
        except FilmquizError as error:
            _screen().error(str(error))
            raise typer.Exit(error.status) from None
        except KeyboardInterrupt:
            _screen().error("interrupted")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None

    return run


def _screen(*, people_on_stderr: bool = False, no_color: bool = False) -> "Screen":
    from filmquiz.render import Screen

    return Screen(people_on_stderr=people_on_stderr, no_color=no_color)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"filmquiz {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show the version and exit.",
        ),
    ] = False,
) -> None:
    """A film trivia quiz for the terminal: pick answers with the arrow keys,
    learn why each one is right, and end on a score table."""


NoColor = Annotated[
    bool,
    typer.Option("--no-color", help="Draw without colour (so does NO_COLOR=1)."),
]


@app.command()
@_reporting_errors
def play(
    quiz: Annotated[
        str,
        typer.Argument(
            help="A quiz name from `filmquiz list`, or the path of a bank file.",
            metavar="QUIZ",
            show_default=False,
        ),
    ],
    count: Annotated[
        int | None,
        typer.Option(
            "--count", "-n", min=1, metavar="N", help="Ask at most N questions."
        ),
    ] = None,
    category: Annotated[
        str | None,
        typer.Option(
            "--category", "-c", metavar="NAME", help="Only questions in this category."
        ),
    ] = None,
    difficulty: Annotated[
        Level | None,
        typer.Option("--difficulty", "-d", help="Only questions of this difficulty."),
    ] = None,
    seed: Annotated[
        int | None,
        typer.Option(metavar="N", help="Shuffle the same way every time with seed N."),
    ] = None,
    no_shuffle: Annotated[
        bool,
        typer.Option("--no-shuffle", help="Keep questions and choices in file order."),
    ] = False,
    player: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Who is playing.  [default: your login name]"
        ),
    ] = None,
    json_output: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print the result as JSON on stdout; text for people goes to stderr.",
        ),
    ] = False,
    no_color: NoColor = False,
) -> None:
    """Play a quiz: in a terminal with the arrow keys, otherwise one answer per
    line from standard input (a number or the text of a choice)."""
    import random

    from filmquiz import catalog
    from filmquiz.ask_plain import LineAsker
    from filmquiz.engine import Selection, plan_game
    from filmquiz.engine import play as play_game

    name = _player_name(player)
    bank = catalog.load(quiz)
    selection = Selection(
        limit=count,
        category=category,
        difficulty=difficulty.value if difficulty else None,
        shuffle=not no_shuffle,
    )
    rounds = plan_game(bank, selection, random.Random(seed))
    screen = _screen(people_on_stderr=json_output, no_color=no_color)
    prompt_stream = sys.stderr if json_output else sys.stdout
    if sys.stdin.isatty() and prompt_stream.isatty():
        from filmquiz.ask_terminal import TerminalAsker

        ask: Callable[..., str] = TerminalAsker(no_color=no_color, stream=prompt_stream)
    else:
        ask = LineAsker(sys.stdin, screen)
    screen.game_start(bank, rounds, name)
    result = play_game(rounds, ask, screen.feedback, bank=bank, player=name)
    screen.summary(result)
    if json_output:
        screen.json(result.to_document())
    raise typer.Exit(_status_of(result))


def _status_of(result: "GameResult") -> "ExitStatus":
    from filmquiz.engine import Ending
    from filmquiz.errors import ExitStatus

    return {
        Ending.COMPLETED: ExitStatus.OK,
        Ending.INPUT_ENDED: ExitStatus.FAILURE,
        Ending.INTERRUPTED: ExitStatus.INTERRUPTED,
    }[result.ending]


def _player_name(given: str | None) -> str:
    """The player's name: as given, else the login name, else "player"."""
    if given is not None:
        name = given.strip()
        if not name or not name.isprintable():
            raise typer.BadParameter(
                "give a name of printable characters", param_hint="--player"
            )
        return name
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "player"


@app.command("list")
@_reporting_errors
def list_quizzes(no_color: NoColor = False) -> None:
    """List the quizzes there are: name, title, year, questions, categories."""
    from filmquiz import catalog

    _screen(no_color=no_color).quiz_table(catalog.entries())


@app.command()
@_reporting_errors
def validate(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Bank files (or quiz names) to check.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    no_color: NoColor = False,
) -> None:
    """Check bank files and list every problem found in them."""
    from filmquiz import catalog
    from filmquiz.errors import BankError, ExitStatus, FilmquizError, Problem
    from filmquiz.loader import load_bank

    screen = _screen(no_color=no_color)
    failed = False
    for name in files:
        try:
            path = catalog.locate(name)
            screen.valid(str(path), load_bank(path))
        except BankError as error:
            screen.problems(error.lines())
            failed = True
        except FilmquizError as error:
            screen.problems([Problem("", str(error)).describe(name)])
            failed = True
    if failed:
        raise typer.Exit(ExitStatus.FAILURE)


@app.command()
@_reporting_errors
def schema() -> None:
    """Print the JSON Schema of the bank format, for editors that check files."""
    from filmquiz.schema import bank_schema

    _screen().json(bank_schema())


def main() -> None:
    """Run the command line: the ``filmquiz`` entry point and ``python -m``."""
    app(prog_name="filmquiz")
