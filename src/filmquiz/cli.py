"""The ``filmquiz`` command line: thin commands over the library.

Each command parses its options, calls the library and hands the outcome to
:mod:`filmquiz.render.screen`. Errors a user can cause are turned into one message and
an exit status in two places only: :func:`_reporting_errors` for what the
commands raise, and :class:`FilmquizGroup` for usage errors.

Only typer and light modules are imported at the top: rich, questionary and the
loader are imported inside the commands that use them, to keep ``--help`` fast.
"""

# No ``from __future__ import annotations`` here: typer would then compile and
# eval every string annotation of every command on each start, which costs
# more than all of this module's own imports.
import contextlib
import functools
import io
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TypeVar

import typer
from typer.core import TyperCommand, TyperGroup

from filmquiz import __version__

if TYPE_CHECKING:
    from filmquiz.environment import Environment
    from filmquiz.errors import ExitStatus
    from filmquiz.game.engine import Ask, GameResult
    from filmquiz.render.screen import Screen

P = ParamSpec("P")
R = TypeVar("R")

LONGEST_NAME = 40
"""Characters a player's name may have."""

EXIT_STATUSES = """\
Exit status: 0 done (a game played to the end); 1 a bad bank, an unknown quiz,
input that ended early, or another error the message names; 2 a usage error;
130 interrupted with Ctrl-C; 141 the output was closed early (| head)."""


# -- help and usage errors in filmquiz's words -----------------------------------


class FilmquizCommand(TyperCommand):
    """A command whose help names its arguments plainly (``QUIZ``, not
    ``{QUIZ}`` or ``QUIZ <str>``)."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                name += "..." if param.nargs != 1 else ""
                pieces.append(name if param.required else f"[{name}]")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        arguments = []
        options = []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                name = param.metavar or (param.name or "").upper()
                arguments.append((name, getattr(param, "help", None) or ""))
            else:
                record = param.get_help_record(ctx)
                if record is not None:
                    options.append(record)
        if arguments:
            with formatter.section("Arguments"):
                formatter.write_dl(arguments)
        if options:
            with formatter.section("Options"):
                formatter.write_dl(options)


class FilmquizGroup(TyperGroup):
    """The ``filmquiz`` group: usage errors become one ``error:`` line and a
    pointer to the help, exit status 2, whatever command they come from."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        # The vendored click's exceptions: typer does not re-export them.
        from typer._click.exceptions import (
            ClickException,
            NoArgsIsHelpError,
            UsageError,
        )

        arguments = list(sys.argv[1:] if args is None else args)
        try:
            outcome = super().main(
                arguments,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except NoArgsIsHelpError as error:
            command = error.ctx.command if error.ctx is not None else self
            names = ", ".join(getattr(command, "commands", {}))
            _screen(no_color="--no-color" in arguments).usage_error(
                f"a command is missing: one of {names}", _help_command(error, arguments)
            )
            outcome = 2
        except UsageError as error:
            _usage_error(
                error,
                no_color="--no-color" in arguments,
                help_command=_help_command(error, arguments),
            )
            outcome = 2
        except ClickException as error:
            _screen(no_color="--no-color" in arguments).error(error.format_message())
            outcome = error.exit_code
        except typer.Abort:
            outcome = 1
        code = outcome if isinstance(outcome, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _usage_error(error: Any, *, no_color: bool, help_command: str) -> None:
    """Show a usage error as filmquiz words it: ``error: --count must be 1 or
    more (got 0)``, then where the help is."""
    message = error.message or ""
    name = _parameter_name(error)
    if type(error).__name__ == "MissingParameter" and name:
        message = f"{name} is missing"
    elif isinstance(error, typer.BadParameter) and name:
        message = f"{name} {message}"
    else:
        message = message[:1].lower() + message[1:]
    _screen(no_color=no_color).usage_error(message.rstrip("."), help_command)


def _help_command(error: Any, arguments: list[str]) -> str:
    """The command whose --help to point at: the error's own, or else the
    command named on the command line."""
    if error.ctx is not None:
        return str(error.ctx.command_path)
    words = ["filmquiz"]
    for word in arguments:
        if word.startswith("-"):
            break
        words.append(word)
        if word != "import":
            break
    return " ".join(words)


def _parameter_name(error: Any) -> str | None:
    """The option (``--count``) or argument (``QUIZ``) a usage error is about."""
    param = getattr(error, "param", None)
    if param is not None:
        longs = [name for name in param.opts if name.startswith("--")]
        return str(longs[0] if longs else param.metavar or param.name)
    hint = getattr(error, "param_hint", None)
    return hint if isinstance(hint, str) else None


def _whole_number(text: str, *, least: int | None = None) -> int:
    """``text`` as an int, for an option; BadParameter in plain words."""
    from filmquiz.visible import quote

    try:
        value = int(text.strip())
    except ValueError:
        raise typer.BadParameter(
            f"must be a whole number (got {quote(text)})"
        ) from None
    if least is not None and value < least:
        raise typer.BadParameter(f"must be {least} or more (got {value})")
    return value


def _count(text: str) -> int:
    return _whole_number(text, least=1)


def _seed(text: str) -> int:
    return _whole_number(text)


def _difficulty(text: str) -> str:
    from filmquiz.bankfile.rules import DIFFICULTIES, one_of
    from filmquiz.visible import quote

    level = text.strip().lower()
    if level not in DIFFICULTIES:
        raise typer.BadParameter(f"must be {one_of(DIFFICULTIES)} (got {quote(text)})")
    return level


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
        from filmquiz.errors import BankError, ExitStatus, FilmquizError

        # Every command that draws takes --no-color, and errors honour it too.
        no_color = bool(kwargs.get("no_color"))
        try:
            return command(*args, **kwargs)
        except BankError as error:
            _screen(no_color=no_color).problems(error.lines())
            raise typer.Exit(error.status) from None
        except FilmquizError as error:
            _screen(no_color=no_color).error(str(error))
            raise typer.Exit(error.status) from None
        except KeyboardInterrupt:
            _screen(no_color=no_color).error("interrupted")
            raise typer.Exit(ExitStatus.INTERRUPTED) from None
        except BrokenPipeError:
            _quietly_closed()
            raise typer.Exit(ExitStatus.OUTPUT_CLOSED) from None

    return run


def _quietly_closed() -> None:
    """Whoever read the output has gone (``| head``): end without a word,
    as other tools do, and without Python complaining when it flushes."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(devnull, stream.fileno())
    os.close(devnull)


def _environment(no_color: bool = False) -> "Environment":
    from filmquiz.environment import Environment

    return Environment.detect(no_color=no_color)


def _screen(*, people_on_stderr: bool = False, no_color: bool = False) -> "Screen":
    from filmquiz.render.screen import Screen

    color = _environment(no_color).color
    return Screen(people_on_stderr=people_on_stderr, color=color)


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
    if not _environment().interactive:
        from typer._click.exceptions import NoArgsIsHelpError

        raise NoArgsIsHelpError(ctx)
    ctx.invoke(play)


# -- completion ---------------------------------------------------------------


def _complete_quiz(incomplete: str) -> list[str]:
    from filmquiz.banks.catalog import complete

    return complete(incomplete)


def _complete_category(ctx: typer.Context, incomplete: str) -> list[str]:
    """The categories of the quiz given on the command line so far."""
    from filmquiz.banks.catalog import categories_of

    # While an option waits for its value, the words before it may not be
    # parsed into their parameters yet: the quiz can still be among the args.
    quiz = ctx.params.get("quiz") or next(
        (word for word in ctx.args if not word.startswith("-")), None
    )
    if not isinstance(quiz, str):
        return []
    wanted = incomplete.casefold()
    return [c for c in categories_of(quiz) if c.casefold().startswith(wanted)]


# -- options more than one command takes ------------------------------------------

NoColor = Annotated[
    bool,
    typer.Option("--no-color", help="Draw without colour (so does NO_COLOR=1)."),
]
JsonOutput = Annotated[
    bool,
    typer.Option("--json", help="Print JSON on stdout instead of a table."),
]
Force = Annotated[
    bool, typer.Option("--force", help="Replace a file or quiz of the same name.")
]
QuizName = Annotated[
    str | None,
    typer.Argument(
        help="A quiz name from `filmquiz list`, or the path of a bank file; "
        "in a terminal, leave it out to pick one.",
        metavar="QUIZ",
        show_default=False,
        autocompletion=_complete_quiz,
    ),
]
Categories = Annotated[
    list[str] | None,
    typer.Option(
        "--category",
        "-c",
        metavar="NAME",
        help="Only questions of this category (repeat for several).",
        autocompletion=_complete_category,
    ),
]
Difficulties = Annotated[
    list[str] | None,
    typer.Option(
        "--difficulty",
        "-d",
        metavar="LEVEL",
        parser=_difficulty,
        help="Only questions of this difficulty: easy, medium or hard "
        "(repeat for several).",
    ),
]


@app.command(
    cls=FilmquizCommand,
    short_help="Play a quiz, in a terminal or line by line.",
)
@_reporting_errors
def play(
    quiz: QuizName = None,
    count: Annotated[
        int | None,
        typer.Option(
            "--count", "-n", parser=_count, metavar="N", help="Ask at most N questions."
        ),
    ] = None,
    category: Categories = None,
    difficulty: Difficulties = None,
    seed: Annotated[
        int | None,
        typer.Option(
            parser=_seed,
            metavar="N",
            help="Shuffle with seed N: the same seed gives the same order of "
            "questions and choices, whatever the other options.",
        ),
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
    """Play a quiz: in a terminal with the arrow keys (or number keys),
    otherwise one answer per line from standard input (a number or the text of
    a choice). Every game is kept in the score history (see `filmquiz scores`)."""
    import random

    from filmquiz.ask.lines import LineAsker
    from filmquiz.banks import catalog
    from filmquiz.game.engine import Ending, Selection, plan_game, run_game

    environment = _environment(no_color)
    screen = _screen(people_on_stderr=json_output, no_color=no_color)
    name = _player_name(player)
    if quiz is None:
        if not environment.interactive:
            raise typer.BadParameter(
                "is missing: give a quiz name from `filmquiz list`, or the path "
                "of a bank file",
                param_hint="QUIZ",
            )
        quiz = _pick_quiz(environment)
    bank = catalog.load(quiz)
    selection = Selection(
        limit=count,
        categories=tuple(category or ()),
        difficulties=tuple(difficulty or ()),  # type: ignore[arg-type]
        shuffle=not no_shuffle,
        seed=seed if seed is not None else random.randrange(2**31),
    )
    if mistakes:
        from filmquiz.scores import keeping as scorebook

        wrong = scorebook.mistakes(bank, name, screen.warning)
        if wrong is None:
            screen.say(
                f"{name} has not played {bank.slug} yet, so there are no mistakes "
                "to practise."
            )
            return
        if not wrong:
            screen.say(
                f"No mistakes to practise: {name} got every question of "
                f"{bank.slug} right the last time."
            )
            return
        selection = selection._replace(only=wrong)
    rounds = plan_game(bank, selection)
    session: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
    if environment.can_draw_menus(on_stderr=json_output):
        from filmquiz.ask.terminal import TerminalAsker

        asker = TerminalAsker(
            echo=screen.answered,
            no_color=not environment.color,
            stream=sys.stderr if json_output else sys.stdout,
        )
        ask: Ask = asker
        session = asker.session()
    else:
        # Bytes that are not text in the input are an answer that means
        # nothing, not a crash.
        with contextlib.suppress(AttributeError, ValueError):
            sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
        lines = sys.stdin if sys.stdin is not None else io.StringIO()
        ask = LineAsker(lines, screen, echo=not environment.stdin_is_terminal)
    screen.game_start(bank, rounds, name, practice=mistakes)
    with session:
        result = run_game(
            rounds,
            ask,
            screen.feedback,
            bank=bank,
            player=name,
            practice=mistakes,
            seed=selection.seed if selection.shuffle else None,
        )
    # The history (sqlite3 and all) is imported only now, after the game, and
    # kept before the summary is drawn, so Ctrl-C while drawing loses nothing;
    # Ctrl-C while it is being kept waits until it is.
    from filmquiz.scores import keeping as scorebook

    with _interrupts_held():
        comparison = scorebook.keep(result, screen.warning)
    if result.ending is Ending.OUTPUT_CLOSED:
        raise BrokenPipeError
    screen.summary(result, comparison)
    if json_output:
        screen.json(result.to_document())
    raise typer.Exit(_status_of(result))


@contextlib.contextmanager
def _interrupts_held() -> "Iterator[None]":
    """Ctrl-C inside waits for the end of it, then interrupts."""
    import signal

    pressed: list[bool] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda *_: pressed.append(True))
    except ValueError:  # not the main thread: nothing to hold
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed:
        raise KeyboardInterrupt


def _pick_quiz(environment: "Environment") -> str:
    """Ask which quiz to play, in a terminal."""
    from filmquiz.ask.terminal import pick_quiz
    from filmquiz.banks import catalog

    entries = [entry for entry in catalog.entries() if entry.summary is not None]
    if not entries:
        from filmquiz.errors import UnknownQuiz

        raise UnknownQuiz("there is no quiz to play (`filmquiz list` says why)")
    return pick_quiz(entries, no_color=not environment.color)


def _status_of(result: "GameResult") -> "ExitStatus":
    from filmquiz.errors import ExitStatus
    from filmquiz.game.engine import Ending

    return {
        Ending.COMPLETED: ExitStatus.OK,
        Ending.INPUT_ENDED: ExitStatus.FAILURE,
        Ending.INTERRUPTED: ExitStatus.INTERRUPTED,
        Ending.OUTPUT_CLOSED: ExitStatus.OUTPUT_CLOSED,
    }[result.ending]


def _player_name(given: str | None) -> str:
    """The player's name: as given, else the login name when it is a name
    people can read, else "player"."""
    if given is not None:
        name = given.strip()
        if not name or not name.isprintable():
            raise typer.BadParameter(
                "must be a name of printable characters", param_hint="--player"
            )
        if len(name) > LONGEST_NAME:
            raise typer.BadParameter(
                f"must be at most {LONGEST_NAME} characters", param_hint="--player"
            )
        return name
    import getpass

    try:
        login = getpass.getuser().strip()
    except (KeyError, OSError):
        return "player"
    # The login name is held to what --player must be: a variable such as
    # USER can hold escape sequences.
    usable = login and login.isprintable() and len(login) <= LONGEST_NAME
    return login if usable else "player"


@app.command(
    "list",
    cls=FilmquizCommand,
    short_help="List the quizzes there are, and where each comes from.",
)
@_reporting_errors
def list_quizzes(json_output: JsonOutput = False, no_color: NoColor = False) -> None:
    """List the quizzes there are: name, title, year, questions, categories and
    where each comes from (FILMQUIZ_PATH, your quizzes folder, or shipped)."""
    from filmquiz.banks import catalog

    entries = catalog.entries()
    screen = _screen(no_color=no_color)
    if json_output:
        screen.json([entry.to_document() for entry in entries])
    else:
        screen.quiz_table(entries)


@app.command(cls=FilmquizCommand, short_help="Check bank files for every problem.")
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
    from filmquiz.bankfile.reading import load_bank
    from filmquiz.banks import catalog
    from filmquiz.errors import BankError, ExitStatus, FilmquizError, Problem

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


@app.command(cls=FilmquizCommand, short_help="Show each player's best, average, trend.")
@_reporting_errors
def scores(
    quiz: Annotated[
        str | None,
        typer.Argument(
            help="Only this quiz (its name, as `filmquiz list` shows it).",
            metavar="QUIZ",
            show_default=False,
            autocompletion=_complete_quiz,
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
    """Show how each player has done on each quiz: the games that count (complete,
    not practice, at least 10 questions or the whole quiz), the best and
    average of those, when they last played and the trend of their scores."""
    from filmquiz.scores.keeping import open_history
    from filmquiz.scores.statistics import scores_document, summarize
    from filmquiz.visible import visible

    screen = _screen(no_color=no_color)
    # As the history holds them: names from files with escapes made visible.
    quiz = visible(quiz) if quiz is not None else None
    player = _player_name(player) if player is not None else None
    with open_history(screen.warning, read_only=not reset) as store:
        records = store.games(quiz=quiz, player=player)
        if quiz is not None and not records:
            _check_quiz_is_known(quiz, store.quizzes())
        if reset:
            if not _confirm_reset(records, quiz, player, yes):
                screen.say("Nothing was forgotten.")
                return
            forgotten = store.reset(quiz=quiz, player=player)
            screen.forgotten(forgotten)
            return
    if json_output:
        screen.json(scores_document(records, summarize(records)))
    elif not records:
        screen.no_games(quiz=quiz, player=player)
    elif games:
        screen.games_table(records)
    else:
        screen.scores_table(summarize(records))


def _check_quiz_is_known(quiz: str, played: set[str]) -> None:
    """UnknownQuiz, with a suggestion, for a name that is neither a quiz nor
    in the history."""
    from filmquiz.banks.catalog import bank_files, unknown_quiz

    known = set(bank_files()) | played
    if quiz not in known:
        raise unknown_quiz(quiz, sorted(known))


def _confirm_reset(
    records: "list[Any]", quiz: str | None, player: str | None, yes: bool
) -> bool:
    """Whether to forget the games: asked in a terminal, after saying what
    they are; without one, only --yes will do."""
    from filmquiz.errors import FilmquizError
    from filmquiz.render.wording import what_reset_forgets

    if yes or not records:
        return True
    if not _environment().interactive:
        raise FilmquizError(
            "--reset asks for confirmation in a terminal; pass --yes to reset "
            "without one"
        )
    from filmquiz.ask.terminal import confirm

    what = what_reset_forgets(records, quiz=quiz, player=player)
    _screen().say(f"This forgets {what}")
    return confirm("Forget them?" if len(records) > 1 else "Forget it?")


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
    from filmquiz.banks.saving import add_bank

    _screen(no_color=no_color).saved(add_bank(file, force=force))


@app.command(cls=FilmquizCommand, short_help="Write a new bank with a wizard.")
@_reporting_errors
def new(no_color: NoColor = False) -> None:
    """Write a new bank with a guided wizard: title, film, then each question
    (prompt, choices, the right one, category, difficulty, explanation)."""
    from filmquiz.banks.catalog import user_quizzes
    from filmquiz.banks.saving import save_document
    from filmquiz.errors import FilmquizError

    if not _environment().interactive:
        raise FilmquizError(
            "filmquiz new asks its questions in a terminal; without one, write a "
            "bank by hand (the README shows the format) or use filmquiz import"
        )
    from filmquiz.ask.wizard import Wizard
    from filmquiz.errors import ExitStatus

    screen = _screen(no_color=no_color)
    wizard = Wizard(user_quizzes(), no_color=not _environment(no_color).color)
    try:
        draft = wizard.run()
    except KeyboardInterrupt:
        # Offer to keep what was written; a second Ctrl-C keeps nothing.
        kept = wizard.rescue()
        if kept is None:
            screen.say("Stopped: nothing was saved.")
        else:
            screen.saved(save_document(kept.document, kept.destination, force=True))
        raise typer.Exit(ExitStatus.INTERRUPTED) from None
    # The wizard has asked before replacing a file that exists.
    screen.saved(save_document(draft.document, draft.destination, force=True))


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
    from filmquiz.bankfile.problems import decode_json
    from filmquiz.bankfile.rules import text_problem
    from filmquiz.banks.opentdb import convert, results_of
    from filmquiz.banks.saving import save_document

    if title is not None and text_problem(title):
        raise typer.BadParameter(str(text_problem(title)), param_hint="--title")
    name, data = _read_source(source)
    document = decode_json(data, name)
    screen = _screen(no_color=no_color)
    with screen.progress(len(results_of(document)), "Importing") as progress:
        report = convert(
            document,
            title=title,
            categories=tuple(category or ()),
            difficulties=tuple(difficulty or ()),
            progress=progress,
        )
    save_document(report.document, output, force=force)
    screen.imported(report, output)


def _read_source(source: str) -> tuple[Path, bytes]:
    """The name and bytes of an input file (a regular file, no bigger than a
    bank may be), or of standard input for ``-``."""
    from filmquiz.bankfile.reading import size_limit
    from filmquiz.errors import FilmquizError
    from filmquiz.files import Refused, read_whole
    from filmquiz.visible import visible

    limit = size_limit()
    if source == "-":
        if sys.stdin is None:
            raise FilmquizError("standard input is closed")
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise FilmquizError("standard input holds more than a bank may be")
        return Path("<stdin>"), data
    path = Path(source)
    try:
        return path, read_whole(path, limit)
    except Refused as refused:
        reason = "is too big" if refused.size is not None else refused.reason
        raise FilmquizError(f"{visible(source)}: {reason}") from None


@app.command(
    cls=FilmquizCommand, short_help="Print the JSON Schema of the bank format."
)
@_reporting_errors
def schema() -> None:
    """Print the JSON Schema of the bank format, for editors that check files."""
    from filmquiz.bankfile.schema import bank_schema

    _screen().json(bank_schema())


def main() -> None:
    """Run the command line: the ``filmquiz`` entry point and ``python -m``."""
    app(prog_name="filmquiz")
