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
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ParamSpec, TypeVar

import typer

from filmquiz import __version__

if TYPE_CHECKING:
    from filmquiz.engine import Ask, GameResult
    from filmquiz.errors import ExitStatus
    from filmquiz.render import Screen

P = ParamSpec("P")
R = TypeVar("R")

EXIT_STATUSES = """\
Exit status: 0 done (a game played to the end); 1 a bad bank, an unknown quiz,
input that ended early, or another error the message names; 2 a usage error;
130 interrupted with Ctrl-C."""

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
        from filmquiz.errors import BankError, ExitStatus, FilmquizError

        try:
            return command(*args, **kwargs)
        except BankError as error:
            _screen().problems(error.lines())
            raise typer.Exit(error.status) from None
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


def _complete_quiz(incomplete: str) -> list[str]:
    from filmquiz.catalog import complete

    return complete(incomplete)


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
            autocompletion=_complete_quiz,
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
    mistakes: Annotated[
        bool,
        typer.Option(
            "--mistakes",
            help="Ask only the questions you got wrong the last time you met them.",
        ),
    ] = False,
    no_color: NoColor = False,
) -> None:
    """Play a quiz: in a terminal with the arrow keys, otherwise one answer per
    line from standard input (a number or the text of a choice). Every game is
    kept in the score history (see `filmquiz scores`)."""
    import random

    from filmquiz import catalog
    from filmquiz.ask_plain import LineAsker
    from filmquiz.engine import Selection, plan_game
    from filmquiz.engine import play as play_game

    name = _player_name(player)
    bank = catalog.load(quiz)
    screen = _screen(people_on_stderr=json_output, no_color=no_color)
    selection = Selection(
        limit=count,
        category=category,
        difficulty=difficulty.value if difficulty else None,
        shuffle=not no_shuffle,
    )
    if mistakes:
        from filmquiz import scorebook

        wrong = scorebook.mistakes(bank, name, screen.warning)
        if not wrong:
            screen.say(f"No mistakes to practise: {name} has none on {bank.slug}.")
            return
        selection = selection._replace(only=wrong)
    rounds = plan_game(bank, selection, random.Random(seed))
    prompt_stream = sys.stderr if json_output else sys.stdout
    if sys.stdin.isatty() and prompt_stream.isatty():
        from filmquiz.ask_terminal import TerminalAsker

        ask: Ask = TerminalAsker(no_color=no_color, stream=prompt_stream)
    else:
        ask = LineAsker(sys.stdin, screen)
    screen.game_start(bank, rounds, name)
    result = play_game(rounds, ask, screen.feedback, bank=bank, player=name)
    # The history (sqlite3 and all) is imported only now, after the game, and
    # kept before the summary is drawn, so Ctrl-C while drawing loses nothing.
    from filmquiz import scorebook

    comparison = scorebook.keep(result, screen.warning)
    screen.summary(result, comparison)
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
def list_quizzes(
    json_output: Annotated[
        bool, typer.Option("--json", help="Print the list as JSON.")
    ] = False,
    no_color: NoColor = False,
) -> None:
    """List the quizzes there are: name, title, year, questions, categories and
    where each comes from (FILMQUIZ_PATH, your quizzes folder, or shipped)."""
    from filmquiz import catalog

    entries = catalog.entries()
    screen = _screen(no_color=no_color)
    if json_output:
        screen.json([entry.to_document() for entry in entries])
    else:
        screen.quiz_table(entries)


@app.command()
@_reporting_errors
def validate(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Bank files (or quiz names) to check.",
            metavar="FILE",
            show_default=False,
            autocompletion=_complete_quiz,
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
def scores(
    quiz: Annotated[
        str | None,
        typer.Argument(
            help="Only this quiz (its name, as `filmquiz list` shows it).",
            metavar="QUIZ",
            show_default=False,
        ),
    ] = None,
    player: Annotated[
        str | None, typer.Option(metavar="NAME", help="Only this player.")
    ] = None,
    games: Annotated[
        bool, typer.Option("--games", help="List the games themselves, newest first.")
    ] = False,
    json_output: Annotated[
        bool,
        typer.Option("--json", help="Print games and summaries as one JSON document."),
    ] = False,
    reset: Annotated[
        bool,
        typer.Option(
            "--reset", help="Forget the games (of QUIZ and --player, when given)."
        ),
    ] = False,
    yes: Annotated[
        bool,
        typer.Option("--yes", "-y", help="Reset without asking for confirmation."),
    ] = False,
    no_color: NoColor = False,
) -> None:
    """Show how each player has done: games, best, average, last played and the
    trend of the latest scores."""
    from filmquiz.errors import FilmquizError
    from filmquiz.history import scores_document, summarize
    from filmquiz.render import plural
    from filmquiz.scorebook import open_history

    screen = _screen(no_color=no_color)
    store = open_history(screen.warning)
    if store is None:
        raise FilmquizError("the score history is unavailable")
    with store:
        records = store.games(quiz=quiz, player=player)
        if reset:
            if not _confirm_reset(len(records), quiz, player, yes):
                screen.say("Nothing was forgotten.")
                return
            forgotten = store.reset(quiz=quiz, player=player)
            screen.say(f"Forgot {plural(forgotten, 'game')}.")
            return
    if json_output:
        screen.json(scores_document(records, summarize(records)))
    elif games:
        screen.games_table(records)
    else:
        screen.scores_table(summarize(records))


def _confirm_reset(count: int, quiz: str | None, player: str | None, yes: bool) -> bool:
    """Whether to forget the games: asked in a terminal; without one, only
    --yes will do."""
    from filmquiz.errors import FilmquizError
    from filmquiz.render import plural

    if yes or count == 0:
        return True
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise FilmquizError(
            "--reset asks for confirmation in a terminal; pass --yes to reset "
            "without one"
        )
    from filmquiz.ask_terminal import confirm

    which = " ".join(
        part
        for part in (
            f"of {quiz}" if quiz else "",
            f"by {player}" if player else "",
        )
        if part
    )
    question = f"Forget {plural(count, 'game')} {which}".rstrip() + "?"
    return confirm(question)


@app.command()
@_reporting_errors
def add(
    file: Annotated[
        Path,
        typer.Argument(
            help="The bank file to add.", metavar="FILE", show_default=False
        ),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace a quiz of the same name.")
    ] = False,
) -> None:
    """Check a bank and copy it into your quizzes folder, to play it by name."""
    from filmquiz.library import add_bank

    _screen().saved(add_bank(file, force=force))


@app.command()
@_reporting_errors
def new() -> None:
    """Write a new bank with a guided wizard: title, film, then each question
    (prompt, choices, the right one, category, difficulty, explanation)."""
    from filmquiz.catalog import user_quizzes
    from filmquiz.errors import FilmquizError
    from filmquiz.library import save_document

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise FilmquizError(
            "filmquiz new asks its questions in a terminal; without one, write a "
            "bank by hand (the README shows the format) or use filmquiz import"
        )
    from filmquiz.wizard import Wizard

    draft = Wizard(user_quizzes()).run()
    # The wizard has asked before replacing a file that exists.
    _screen().saved(save_document(draft.document, draft.destination, force=True))


import_app = typer.Typer(
    help="Convert questions from other formats into a bank.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(import_app, name="import")


@import_app.command("opentdb")
@_reporting_errors
def import_opentdb(
    source: Annotated[
        str,
        typer.Argument(
            help="Open Trivia DB API JSON (a file, or - for standard input).",
            metavar="SOURCE",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write the bank.",
            show_default=False,
        ),
    ],
    category: Annotated[
        str | None,
        typer.Option("--category", "-c", metavar="NAME", help="Only this category."),
    ] = None,
    difficulty: Annotated[
        Level | None,
        typer.Option("--difficulty", "-d", help="Only this difficulty."),
    ] = None,
    title: Annotated[
        str | None, typer.Option(metavar="TEXT", help="The bank's title.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists.")
    ] = False,
) -> None:
    """Convert Open Trivia Database questions (API JSON) into a bank: HTML
    entities decoded, True/False questions kept, duplicates dropped."""
    from filmquiz.careful import decode_json
    from filmquiz.library import save_document
    from filmquiz.opentdb import convert

    if source == "-":
        name, data = Path("<stdin>"), sys.stdin.buffer.read()
    else:
        name = Path(source)
        try:
            data = name.read_bytes()
        except OSError as error:
            from filmquiz.errors import FilmquizError

            raise FilmquizError(
                f"{source}: cannot be read ({error.strerror or error})"
            ) from None
    document = decode_json(data, name)
    screen = _screen()
    results = document.get("results") if isinstance(document, dict) else None
    total = len(results) if isinstance(results, list) else 0
    with screen.progress(total, "Importing") as progress:
        report = convert(
            document,
            title=title,
            category=category,
            difficulty=difficulty.value if difficulty else None,
            progress=progress,
        )
    save_document(report.document, output, force=force)
    screen.imported(report, output)


@app.command()
@_reporting_errors
def schema() -> None:
    """Print the JSON Schema of the bank format, for editors that check files."""
    from filmquiz.schema import bank_schema

    _screen().json(bank_schema())


def main() -> None:
    """Run the command line: the ``filmquiz`` entry point and ``python -m``."""
    app(prog_name="filmquiz")
