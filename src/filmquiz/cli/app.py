"""The ``filmquiz`` command line: each command parses its options, calls its
function in :mod:`filmquiz.commands`, and hands the result to the renderer.

Errors a user can cause become one message and an exit status in two places
only: :func:`_reporting_errors` for what the commands raise, and
:class:`~filmquiz.cli.usage.FilmquizGroup` for usage errors.

Only typer and light modules are imported at the top: rich, questionary and the
loader are imported inside the commands that use them, to keep ``--help`` fast.
"""

# No ``from __future__ import annotations`` here: typer would then compile and
# eval every string annotation of every command on each start, which costs
# more than all of this module's own imports.
import contextlib
import functools
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, ParamSpec, TypeVar

import typer

from filmquiz import __version__
from filmquiz.cli.options import (
    BankOutput,
    Categories,
    Count,
    Difficulties,
    Force,
    GivenQuiz,
    JsonOutput,
    Lifelines,
    NoColor,
    NoShuffle,
    NoSpoilers,
    Pause,
    QuizName,
    ScoringWay,
    Seed,
    SpoilerLevel,
    TimeLimit,
    complete_export_format,
    complete_quiz,
    parse_export_format,
    parse_seed,
)
from filmquiz.cli.output import detect_environment, screen_for
from filmquiz.cli.usage import FilmquizCommand, FilmquizGroup

if TYPE_CHECKING:
    from filmquiz.render.console import Screen
    from filmquiz.results import Result

P = ParamSpec("P")
R = TypeVar("R")

EXIT_STATUSES = """\
Exit status: 0 done (a game played to the end); 1 a bad bank, an unknown quiz,
input that ended early, or another error the message names; 2 a usage error;
130 interrupted with Ctrl-C; 141 the output was closed early (| head)."""


app = typer.Typer(
    name="filmquiz",
    cls=FilmquizGroup,
    help="A film trivia quiz for the terminal.",
    epilog=EXIT_STATUSES,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    invoke_without_command=True,
    context_settings={
        "help_option_names": ["-h", "--help"],
        # click lays help out for at least 50 columns; filmquiz fits the
        # terminal, down to 40.
        "terminal_width": max(shutil.get_terminal_size().columns - 1, 39),
    },
)


def _reporting_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the errors a user can cause into one message and an exit status."""

    @functools.wraps(command)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        from filmquiz.errors import BadOption, ExitStatus, FilmquizError

        # Every command that draws takes --no-color, and errors honour it too.
        no_color = bool(kwargs.get("no_color"))
        if command.__name__ not in _SENDING_THEMSELVES:
            _send_waiting_games(no_color=no_color)
        try:
            return command(*args, **kwargs)
        except BadOption as error:
            # A usage error after all: drawn as the usage errors typer finds.
            raise typer.BadParameter(str(error), param_hint=error.option) from None
        except FilmquizError as error:
            screen_for(no_color=no_color).problems(error.lines())
            raise typer.Exit(error.status) from None
        except KeyboardInterrupt:
            screen_for(no_color=no_color).error("interrupted")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None
        except BrokenPipeError:
            _quietly_closed()
            raise typer.Exit(ExitStatus.OUTPUT_CLOSED) from None

    return run


_SENDING_THEMSELVES = frozenset(
    {"play", "party", "club_join", "club_leave", "club_status", "club_sync"}
)
"""Commands that send the club's waiting games themselves (a game, once
kept), or that must not (status says what waits)."""


def _send_waiting_games(*, no_color: bool) -> None:
    """For a player in a club, send the games that wait for it, if any, as
    the command starts: the next command after a game that could not be
    sent sends it. Cheap when nothing waits; a club that cannot be reached
    is said in one line, and the command goes on."""
    from filmquiz.scores.membership import club_url

    if club_url() is None:
        return
    from filmquiz.scores import keeping
    from filmquiz.scores.store import HistoryUnavailable

    quiet: Callable[[str], None] = lambda _: None  # noqa: E731
    try:
        if keeping.waiting_for_club(quiet) == 0:
            return
    except HistoryUnavailable:
        return
    note = keeping.send_after_game(quiet)
    if note is not None:
        screen_for(no_color=no_color).warning(note)


def _show(result: "Result", screen: "Screen", *, as_json: bool = False) -> NoReturn:
    """Draw what a command returned, and end with the status it means."""
    from filmquiz.render.results import draw

    raise typer.Exit(draw(result, screen, as_json=as_json))


def _quietly_closed(*, keep_stderr: bool = False) -> None:
    """Whoever read the output has gone (``| head``): end without a word,
    as other tools do, and without Python complaining when it flushes."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout,) if keep_stderr else (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"filmquiz {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
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
    learn why each one is right, and end on a score table. Run it with no
    command in a terminal to pick a quiz and play."""
    if ctx.invoked_subcommand is not None or ctx.resilient_parsing:
        return
    if not detect_environment().interactive:
        from typer._click.exceptions import NoArgsIsHelpError

        raise NoArgsIsHelpError(ctx)
    ctx.invoke(play)


@app.command(
    cls=FilmquizCommand,
    short_help="Play a quiz, in a terminal or line by line.",
)
@_reporting_errors
def play(
    quiz: QuizName = None,
    count: Count = None,
    category: Categories = None,
    difficulty: Difficulties = None,
    spoilers: SpoilerLevel = None,
    no_spoilers: NoSpoilers = False,
    seed: Seed = None,
    no_shuffle: NoShuffle = False,
    player: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Who is playing.  [default: your login name]"
        ),
    ] = None,
    time_limit: TimeLimit = None,
    scoring: ScoringWay = "standard",
    lifelines: Lifelines = False,
    pause: Pause = False,
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
    """Play a quiz: in a terminal with the arrow keys (or number keys),
    otherwise one answer per line from standard input (a number or the text of
    a choice). Every game is kept in the score history (see `filmquiz scores`)."""
    from filmquiz.commands.play import GameOptions
    from filmquiz.commands.play import play as play_quiz

    screen = screen_for(people_on_stderr=json_output, no_color=no_color)
    result = play_quiz(
        environment=detect_environment(no_color),
        screen=screen,
        quiz=quiz,
        player=player,
        options=GameOptions(
            count=count,
            categories=tuple(category or ()),
            difficulties=tuple(difficulty or ()),
            spoilers=spoilers,
            no_spoilers=no_spoilers,
            seed=seed,
            shuffle=not no_shuffle,
            time_limit=time_limit,
            scoring=scoring,
            lifelines=lifelines,
            pause=pause,
        ),
        mistakes=mistakes,
        on_stderr=json_output,
    )
    _show(result, screen, as_json=json_output)


@app.command(
    cls=FilmquizCommand,
    short_help="Several players on one screen, taking turns at each question.",
)
@_reporting_errors
def party(
    quiz: QuizName = None,
    players: Annotated[
        str | None,
        typer.Option(
            "--players",
            metavar="NAMES",
            help='Who plays, in turn order, separated by commas: "Ana,Janis". '
            "Asked for in a terminal when left out.",
        ),
    ] = None,
    count: Count = None,
    category: Categories = None,
    difficulty: Difficulties = None,
    spoilers: SpoilerLevel = None,
    no_spoilers: NoSpoilers = False,
    seed: Seed = None,
    no_shuffle: NoShuffle = False,
    time_limit: TimeLimit = None,
    scoring: ScoringWay = "standard",
    lifelines: Lifelines = False,
    pause: Pause = False,
    json_output: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Print every player's result and the ranking as JSON on "
            "stdout; text for people goes to stderr.",
        ),
    ] = False,
    no_color: NoColor = False,
) -> None:
    """A quiz night on one screen: each round, every player answers the same
    question in turn (in a terminal, the screen is cleared between players);
    a leaderboard after each round, a podium at the end. Without a terminal,
    each line answers for the next player in turn. Each player's game is kept
    in the score history as their own."""
    from filmquiz.commands.party import party as play_party
    from filmquiz.commands.play import GameOptions

    screen = screen_for(people_on_stderr=json_output, no_color=no_color)
    result = play_party(
        environment=detect_environment(no_color),
        screen=screen,
        quiz=quiz,
        players=players,
        options=GameOptions(
            count=count,
            categories=tuple(category or ()),
            difficulties=tuple(difficulty or ()),
            spoilers=spoilers,
            no_spoilers=no_spoilers,
            seed=seed,
            shuffle=not no_shuffle,
            time_limit=time_limit,
            scoring=scoring,
            lifelines=lifelines,
            pause=pause,
        ),
        on_stderr=json_output,
    )
    _show(result, screen, as_json=json_output)


@app.command(
    "list",
    cls=FilmquizCommand,
    short_help="List the quizzes there are, and where each comes from.",
)
@_reporting_errors
def list_quizzes(json_output: JsonOutput = False, no_color: NoColor = False) -> None:
    """List the quizzes there are: name, title, year, questions, categories and
    where each comes from (FILMQUIZ_PATH, your quizzes folder, or shipped)."""
    from filmquiz.commands.quizzes import list_quizzes as quizzes

    _show(quizzes(), screen_for(no_color=no_color), as_json=json_output)


@app.command(
    cls=FilmquizCommand, short_help="Show a quiz's film, credits, licence and sources."
)
@_reporting_errors
def show(
    quiz: GivenQuiz,
    json_output: JsonOutput = False,
    no_color: NoColor = False,
) -> None:
    """Show what a quiz is: its film, how many questions of each category,
    difficulty and spoiler level, its credits and licence, and the sources its
    questions cite."""
    from filmquiz.commands.quizzes import show as details

    _show(details(quiz), screen_for(no_color=no_color), as_json=json_output)


@app.command(cls=FilmquizCommand, short_help="Check bank files for every problem.")
@_reporting_errors
def validate(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Bank files (or quiz names) to check.",
            metavar="FILE",
            show_default=False,
            autocompletion=complete_quiz,
        ),
    ],
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Also warn of what makes questions unfair (an answer given "
            "away, the same fact asked twice, a missing spoiler level ...), "
            "and fail if there is any.",
        ),
    ] = False,
    no_color: NoColor = False,
) -> None:
    """Check bank files and list every problem found in them; with --strict,
    every warning of the quiz linter too (the README explains each)."""
    from filmquiz.commands.quizzes import validate as check

    _show(check(files, strict=strict), screen_for(no_color=no_color))


@app.command(cls=FilmquizCommand, short_help="Show each player's best, average, trend.")
@_reporting_errors
def scores(
    quiz: Annotated[
        str | None,
        typer.Argument(
            help="Only this quiz (its name, as `filmquiz list` shows it).",
            metavar="QUIZ",
            show_default=False,
            autocompletion=complete_quiz,
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
    club: Annotated[
        bool,
        typer.Option(
            "--club", help="The club's leaderboard: the games of all its members."
        ),
    ] = False,
    no_color: NoColor = False,
) -> None:
    """Show how each player has done on each quiz: the games that count (complete,
    not practice, at least 10 questions or the whole quiz), the best and
    average of those, when they last played and the trend of their scores."""
    from filmquiz.commands import history

    screen = screen_for(people_on_stderr=json_output, no_color=no_color)
    if club and reset:
        from filmquiz.errors import BadOption

        raise BadOption("--reset", "never forgets a club's games: leave out --club")
    if reset:
        forgotten = history.reset(
            environment=detect_environment(no_color),
            screen=screen,
            quiz=quiz,
            player=player,
            yes=yes,
        )
        _show(forgotten, screen, as_json=json_output)
    shown = history.scores(
        screen=screen,
        quiz=quiz,
        player=player,
        list_games=games,
        club=club,
        all_games=json_output,
    )
    _show(shown, screen, as_json=json_output)


@app.command(cls=FilmquizCommand, short_help="Add a bank file to your quizzes.")
@_reporting_errors
def add(
    file: Annotated[
        Path,
        typer.Argument(
            help="The bank file to add.", metavar="FILE", show_default=False
        ),
    ],
    force: Force = False,
    no_color: NoColor = False,
) -> None:
    """Check a bank and copy it into your quizzes folder, to play it by name."""
    from filmquiz.commands.quizzes import add as add_bank

    _show(add_bank(file, force=force), screen_for(no_color=no_color))


@app.command(cls=FilmquizCommand, short_help="Write a new bank with a wizard.")
@_reporting_errors
def new(no_color: NoColor = False) -> None:
    """Write a new bank with a guided wizard: title, film, then each question
    (prompt, choices, the right one, category, difficulty, explanation)."""
    from filmquiz.commands.quizzes import new as write_bank

    environment = detect_environment(no_color)
    _show(write_bank(environment=environment), screen_for(no_color=no_color))


@app.command(
    "export", cls=FilmquizCommand, short_help="Write a quiz in another format."
)
@_reporting_errors
def export_quiz(
    format_name: Annotated[
        str,
        typer.Argument(
            help="html (a web page that plays it), sheet (printable, with an "
            "answer key), gift (Moodle), aiken, csv or anki (an .apkg deck).",
            metavar="FORMAT",
            parser=parse_export_format,
            autocompletion=complete_export_format,
            show_default=False,
        ),
    ],
    quiz: GivenQuiz,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Where to write it (- for standard output, but not anki).",
            show_default=False,
        ),
    ],
    spoilers: SpoilerLevel = None,
    no_spoilers: NoSpoilers = False,
    seed: Annotated[
        int | None,
        typer.Option(
            parser=parse_seed,
            metavar="N",
            help="html and sheet: the order of questions and choices that "
            "`filmquiz play --seed N` asks them in (the bank's order without "
            "it; a web page then shuffles each game).",
        ),
    ] = None,
    count: Count = None,
    category: Categories = None,
    difficulty: Difficulties = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace FILE if it exists.")
    ] = False,
    no_color: NoColor = False,
) -> None:
    """Write a quiz in another format: a self-contained web page that plays
    it, a printable sheet with its answer key, Moodle's GIFT, Aiken, CSV or
    an Anki deck. Questions a format cannot express are named and left out."""
    from filmquiz.commands.exporting import TO_STANDARD_OUTPUT, export
    from filmquiz.commands.play import spoiler_level

    level = spoiler_level(spoilers, no_spoilers=no_spoilers)
    exported = export(
        format_name,
        quiz,
        output=output,
        stdout=getattr(sys.stdout, "buffer", None),
        spoilers=level,
        seed=seed,
        count=count,
        categories=category or (),
        difficulties=difficulty or (),
        force=force,
    )
    people_on_stderr = output == TO_STANDARD_OUTPUT
    _show(exported, screen_for(people_on_stderr=people_on_stderr, no_color=no_color))


import_app = typer.Typer(
    cls=FilmquizGroup,
    help="Convert questions from other formats into a bank.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(
    import_app, name="import", short_help="Convert questions from other formats."
)


@import_app.command(
    "opentdb",
    cls=FilmquizCommand,
    short_help="Convert Open Trivia Database questions.",
)
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
    output: BankOutput,
    category: Annotated[
        list[str] | None,
        typer.Option(
            "--category",
            "-c",
            metavar="NAME",
            help="Only this category (repeat for several).",
        ),
    ] = None,
    difficulty: Difficulties = None,
    title: Annotated[
        str | None, typer.Option(metavar="TEXT", help="The bank's title.")
    ] = None,
    force: Force = False,
    no_color: NoColor = False,
) -> None:
    """Convert Open Trivia Database questions (API JSON) into a bank: HTML
    entities (and base64 or URL encoding) decoded, True/False questions kept,
    duplicates dropped."""
    from filmquiz.commands.importing import import_opentdb as convert

    screen = screen_for(no_color=no_color)
    imported = convert(
        source,
        output=output,
        stdin=getattr(sys.stdin, "buffer", None),
        screen=screen,
        categories=category or (),
        difficulties=difficulty or (),
        title=title,
        force=force,
    )
    _show(imported, screen)


ImportSource = Annotated[
    str,
    typer.Argument(
        help="The file to convert (or - for standard input).",
        metavar="SOURCE",
        show_default=False,
    ),
]
ImportTitle = Annotated[
    str | None,
    typer.Option(
        metavar="TEXT",
        help="The bank's title (by default the one the file gives, or its name).",
    ),
]


def _question_importer(format_name: str, short_help: str, description: str) -> None:
    """Add ``filmquiz import FORMAT`` for one of the question formats: they
    take the same arguments, and differ in what they read."""

    def convert(
        source: ImportSource,
        output: BankOutput,
        title: ImportTitle = None,
        force: Force = False,
        no_color: NoColor = False,
    ) -> None:
        from filmquiz.commands.importing import import_questions

        imported = import_questions(
            format_name,
            source,
            output=output,
            stdin=getattr(sys.stdin, "buffer", None),
            title=title,
            force=force,
        )
        _show(imported, screen_for(no_color=no_color))

    convert.__name__ = f"import_{format_name}"
    convert.__doc__ = description
    import_app.command(format_name, cls=FilmquizCommand, short_help=short_help)(
        _reporting_errors(convert)
    )


_question_importer(
    "gift",
    "Convert Moodle GIFT questions.",
    """Convert Moodle GIFT questions into a bank: multiple choice (one right
    answer or several), true/false and short answer; $CATEGORY kept, general
    feedback as the explanation. Matching, numeric and essay questions are
    named and left out.""",
)
_question_importer(
    "aiken",
    "Convert Aiken questions.",
    """Convert Aiken questions into a bank: a question line, lettered
    choices (A. or A)), then ANSWER: and the right letter.""",
)
_question_importer(
    "csv",
    "Convert a spreadsheet's CSV.",
    """Convert CSV into a bank: a header row naming the columns (id, type,
    prompt, choices, answer, category, difficulty, spoiler, explanation,
    source), then one row per question; several choices or answers go on
    lines of their own in one cell.""",
)


club_app = typer.Typer(
    cls=FilmquizGroup,
    help="Share a film club's leaderboard on its PostgreSQL server: games are "
    "kept here first, then sent to the club; those that cannot be sent wait "
    "and go with the next command.",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(club_app, name="club", short_help="Join a club's shared leaderboard.")


@club_app.command("join", cls=FilmquizCommand, short_help="Join a club.")
@_reporting_errors
def club_join(
    url: Annotated[
        str | None,
        typer.Argument(
            help="The club's PostgreSQL URL, such as "
            "postgresql://ana@club.example/films (default: FILMQUIZ_CLUB_URL).",
            metavar="URL",
            show_default=False,
        ),
    ] = None,
    json_output: JsonOutput = False,
) -> None:
    """Check that the club's server answers, set up its tables (or bring them
    up to date) and send your games there from now on. The password comes
    from the URL, PGPASSWORD or ~/.pgpass, and is never saved by filmquiz."""
    from filmquiz.commands.club import join

    screen = screen_for(people_on_stderr=json_output)
    _show(join(screen=screen, url=url), screen, as_json=json_output)


@club_app.command("leave", cls=FilmquizCommand, short_help="Leave the club.")
@_reporting_errors
def club_leave(json_output: JsonOutput = False) -> None:
    """Forget the club: games are kept here only. Games already sent stay in
    the club's history."""
    from filmquiz.commands.club import leave

    screen = screen_for(people_on_stderr=json_output)
    _show(leave(screen=screen), screen, as_json=json_output)


@club_app.command(
    "status", cls=FilmquizCommand, short_help="Where games go, and what waits."
)
@_reporting_errors
def club_status(json_output: JsonOutput = False) -> None:
    """Say where games are kept and sent, and how many wait to be sent."""
    from filmquiz.commands.club import status

    screen = screen_for(people_on_stderr=json_output)
    _show(status(screen=screen), screen, as_json=json_output)


@club_app.command("sync", cls=FilmquizCommand, short_help="Send the games that wait.")
@_reporting_errors
def club_sync(json_output: JsonOutput = False) -> None:
    """Send the games that wait to the club now."""
    from filmquiz.commands.club import sync

    screen = screen_for(people_on_stderr=json_output)
    _show(sync(screen=screen), screen, as_json=json_output)


@app.command(
    cls=FilmquizCommand, short_help="Print the JSON Schema of the bank format."
)
@_reporting_errors
def schema() -> None:
    """Print the JSON Schema of the bank format, for editors that check files."""
    from filmquiz.commands.quizzes import schema as bank_schema

    _show(bank_schema(), screen_for(), as_json=True)


def main() -> None:
    """Run the command line: the ``filmquiz`` entry point and ``python -m``.

    An output that cannot be written ends filmquiz here, whatever was
    writing: a closed pipe quietly (141), a full disk or a failing device
    with one line on stderr (1), never with a traceback. Standard output is
    flushed before exit, so that a failed write is seen here and not by
    Python as it shuts down.
    """
    if sys.stdout is None:  # started with stdout closed (``>&-``)
        from filmquiz.errors import ExitStatus

        raise SystemExit(ExitStatus.OUTPUT_CLOSED)
    try:
        try:
            app(prog_name="filmquiz")
        finally:
            sys.stdout.flush()
    except OSError as error:
        raise SystemExit(_output_failed(error)) from None


def _output_failed(error: OSError) -> int:
    """The exit status for an output that could not be written, once it is
    said; any other OSError is a bug, raised again."""
    import errno

    from filmquiz.errors import ExitStatus

    if error.errno == errno.EPIPE:
        _quietly_closed()
        return ExitStatus.OUTPUT_CLOSED
    if error.errno not in (errno.ENOSPC, errno.EIO, errno.EDQUOT, errno.EFBIG):
        raise error
    reason = error.strerror or str(error)
    # What is still buffered can never be written: drop it, so that Python
    # does not try again as it exits.
    _quietly_closed(keep_stderr=True)
    with contextlib.suppress(OSError, ValueError):
        screen_for().error(f"cannot write the output ({reason})")
    return ExitStatus.FAILURE
