"""``filmquiz play``: choose the questions, ask them the way the terminal
allows, keep the game, and return it."""

from __future__ import annotations

import contextlib
import io
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from filmquiz.bankfile.model import Bank
from filmquiz.bankfile.rules import (
    SPOILER_LEVELS,
    Spoiler,
    one_of,
)
from filmquiz.commands.player import player_name
from filmquiz.environment import Environment
from filmquiz.errors import BadOption, ExitStatus, UnknownQuiz
from filmquiz.game.engine import (
    Answer,
    Ask,
    Ending,
    GameResult,
    Round,
    Rules,
    Selection,
    Tell,
    Turn,
    plan_game,
    run_game,
)
from filmquiz.game.scoring import Scoring
from filmquiz.interrupts import interrupts_held
from filmquiz.render.console import Screen
from filmquiz.render.game import GameView
from filmquiz.results import GamePlayed, Message
from filmquiz.scores.statistics import Comparison


@dataclass(frozen=True)
class GameOptions:
    """What ``play`` and ``party`` both take: which questions, and how the
    game is timed, scored and paced."""

    count: int | None = None
    categories: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    spoilers: str | None = None
    no_spoilers: bool = False
    seed: int | None = None
    shuffle: bool = True
    time_limit: float | None = None
    scoring: str = "standard"
    lifelines: bool = False
    pause: bool = False
    """Wait for Enter after each answer (a party: each round) before going on."""

    @property
    def rules(self) -> Rules:
        """How the game is timed and scored."""
        scoring: Scoring = "speed" if self.scoring == "speed" else "standard"
        return Rules(
            scoring=scoring,
            time_limit=self.time_limit,
            lifelines=1 if self.lifelines else 0,
        )


PLAIN_GAME = GameOptions()
"""Every question, shuffled, untimed, scored by right answers."""


def play(
    *,
    environment: Environment,
    screen: Screen,
    quiz: str | None,
    player: str | None,
    options: GameOptions = PLAIN_GAME,
    mistakes: bool = False,
    on_stderr: bool = False,
) -> GamePlayed | Message:
    """Play a game of ``quiz`` (picked in a terminal when None) and keep it.

    ``on_stderr`` draws the game on stderr, for stdout to carry only JSON.
    """
    name = player_name(player)
    level = spoiler_level(options.spoilers, no_spoilers=options.no_spoilers)
    check_options(options)
    bank = load_quiz(environment, screen, quiz, on_stderr=on_stderr)
    if isinstance(bank, Message):
        return bank
    selection = selection_for(options, level)
    if mistakes:
        from filmquiz.scores import keeping

        wrong = keeping.mistakes(bank, name, screen.warning)
        if not wrong:
            if wrong is None:
                why = (
                    f"{name} has not played {bank.slug} yet, so there are no "
                    "mistakes to practise."
                )
            else:
                why = (
                    f"No mistakes to practise: {name} got every question of "
                    f"{bank.slug} right the last time."
                )
            from filmquiz.render.documents import no_game_document

            document = no_game_document(bank.slug, bank.title, name)
            return Message(why, document=document)
        selection = selection._replace(only=wrong)
    planned = plan_rounds(
        bank, selection, environment, screen, on_stderr=on_stderr, ask=not mistakes
    )
    if isinstance(planned, Message):
        return planned
    rounds, selection = planned
    view = GameView(screen)
    ask, session = asker_for(environment, view, on_stderr=on_stderr)
    view.start(
        bank,
        rounds,
        name,
        practice=mistakes,
        spoilers_chosen=selection.spoilers is not None,
        rules=options.rules,
    )
    tell: Tell = view.feedback
    if options.pause:
        tell = _pausing(tell, environment, screen, on_stderr=on_stderr)
    failure = OutputFailure()
    with session:
        result = run_game(
            rounds,
            failure.guard(ask),
            failure.guard(tell),
            bank=bank,
            player=name,
            rules=options.rules,
            practice=mistakes,
            seed=selection.seed if selection.shuffle else None,
        )
    (comparison,), club_note = keep_games([result], screen, failure)
    return GamePlayed(result, comparison, club_note)


Guarded = TypeVar("Guarded", bound=Callable[..., Any])


class OutputFailure:
    """The first error a game meets writing to its output, or reading its
    input, other than a closed pipe (a full disk, a terminal gone): the game
    stops as if its output had closed, is kept, and then the error is
    raised, to end the command with its message."""

    def __init__(self) -> None:
        self.error: OSError | None = None

    def guard(self, function: Guarded) -> Guarded:
        """``function``, its OSError remembered and turned into the
        BrokenPipeError that stops a game."""

        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except BrokenPipeError:
                raise
            except OSError as error:
                self.error = self.error or error
                raise BrokenPipeError from error

        return guarded  # type: ignore[return-value]


def keep_games(
    results: Sequence[GameResult], screen: Screen, failure: OutputFailure
) -> tuple[list[Comparison | None], str | None]:
    """Keep each game in the history, and compare it with the player's best.

    The history (sqlite3 and all) is imported only now, after the game, and
    kept before the summary is drawn, so Ctrl-C while drawing loses nothing;
    Ctrl-C while it is being kept waits until it is. Then an output that
    failed raises its error, and a closed one ends the command as a broken
    pipe. Then the games go to the club, when the player is in one; what
    to say when they cannot (they wait) comes back, to be said after the
    summary, where the player sees it."""
    from filmquiz.scores import keeping

    with interrupts_held():
        comparisons = keeping.keep_all(results, screen.warning)
    club_note = None
    # Kept here first; Ctrl-C while sending leaves the games waiting.
    with contextlib.suppress(KeyboardInterrupt):
        club_note = keeping.send_after_game(screen.warning)
    if failure.error is not None:
        raise failure.error
    if any(result.ending is Ending.OUTPUT_CLOSED for result in results):
        raise BrokenPipeError
    return comparisons, club_note


def check_options(options: GameOptions) -> None:
    """Refuse options that say nothing together."""
    if options.seed is not None and not options.shuffle:
        raise BadOption(
            "--seed", "does nothing with --no-shuffle, which keeps the file's order"
        )


def load_quiz(
    environment: Environment, screen: Screen, quiz: str | None, *, on_stderr: bool
) -> Bank | Message:
    """The bank of ``quiz``, or of the one picked in a terminal when None."""
    from filmquiz.banks import catalog

    # Bytes that are not text in the input are an answer that means nothing,
    # not a crash.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    if quiz is None:
        # With --json, people's side of the game (the picker too) is on
        # stderr: a terminal there is enough.
        person_sees = environment.interactive or (
            on_stderr
            and environment.stdin_is_terminal
            and environment.stderr_is_terminal
        )
        if not person_sees:
            raise BadOption(
                "QUIZ",
                "is missing: give a quiz name from `filmquiz list`, or the path "
                "of a bank file",
            )
        try:
            quiz = _pick_quiz(environment, screen, on_stderr=on_stderr)
        except KeyboardInterrupt:
            return Message("Stopped before a quiz was chosen.", ExitStatus.INTERRUPTED)
    return catalog.load(quiz)


def selection_for(options: GameOptions, level: Spoiler | None) -> Selection:
    """Which questions the options ask for, up to spoiler ``level``; a seed
    drawn at random when none is given."""
    return Selection(
        limit=options.count,
        categories=options.categories,
        difficulties=options.difficulties,  # type: ignore[arg-type]
        spoilers=level,
        shuffle=options.shuffle,
        seed=options.seed if options.seed is not None else random.randrange(2**31),
    )


def plan_rounds(
    bank: Bank,
    selection: Selection,
    environment: Environment,
    screen: Screen,
    *,
    on_stderr: bool,
    ask: bool,
) -> tuple[tuple[Round, ...], Selection] | Message:
    """The rounds of the game; when they may give the ending away and no
    level was asked for, the player is asked first (when ``ask``)."""
    rounds = plan_game(bank, selection)
    if (
        selection.spoilers is None
        and ask
        and environment.stdin_is_terminal
        # Only for a bank that marks its endings: one that marks nothing has
        # no level to offer but all of it (its heading still warns).
        and any(r.question.spoiler == "ending" for r in rounds)
    ):
        try:
            level = _ask_spoiler_level(bank, environment, screen, on_stderr=on_stderr)
        except KeyboardInterrupt:
            return Message("Stopped before the first question.", ExitStatus.INTERRUPTED)
        if level is not None:
            selection = selection._replace(spoilers=level)
            if level != "ending":
                rounds = plan_game(bank, selection)
    return rounds, selection


def asker_for(
    environment: Environment,
    view: GameView,
    *,
    on_stderr: bool,
) -> tuple[Ask, contextlib.AbstractContextManager[None]]:
    """What asks the questions: menus in a terminal that draws them, lines
    otherwise; and the context a game is played in."""
    if environment.can_draw_menus(on_stderr=on_stderr):
        from filmquiz.ask.terminal import TerminalAsker

        asker = TerminalAsker(
            echo=view.answered,
            no_color=not environment.color,
            stream=sys.stderr if on_stderr else sys.stdout,
        )
        return asker, asker.session()
    from filmquiz.ask.lines import LineAsker
    from filmquiz.render.lines import LineView

    lines = sys.stdin if sys.stdin is not None else io.StringIO()
    echo = not environment.stdin_is_terminal
    return LineAsker(lines, LineView(view), echo=echo), contextlib.nullcontext()


def wait_for_enter(
    environment: Environment, screen: Screen, *, on_stderr: bool
) -> None:
    """Wait for the presenter's Enter (``--pause``): a prompt in a terminal
    that draws one, a line in one that cannot; from a pipe, nothing is
    waited for (no one is there to press it, and the lines are answers)."""
    if environment.can_draw_menus(on_stderr=on_stderr):
        from filmquiz.ask.terminal import press_enter

        press_enter(
            stream=sys.stderr if on_stderr else sys.stdout,
            no_color=not environment.color,
        )
    elif environment.stdin_is_terminal:
        from filmquiz.ask.lines import read_line
        from filmquiz.render.lines import LineView

        LineView(GameView(screen)).prompt(PRESS_ENTER)
        read_line(sys.stdin)


PRESS_ENTER = "Press Enter for the next question. "


def _pausing(
    tell: Tell, environment: Environment, screen: Screen, *, on_stderr: bool
) -> Tell:
    """``tell``, then wait for Enter before the next question."""

    def told(round_: Round, turn: Turn, answer: Answer) -> None:
        tell(round_, turn, answer)
        if round_.number < round_.total:
            wait_for_enter(environment, screen, on_stderr=on_stderr)

    return told


def _ask_spoiler_level(
    bank: Bank, environment: Environment, screen: Screen, *, on_stderr: bool
) -> Spoiler | None:
    """Before a game that may give the ending away, ask which questions to
    play: with a menu, or on a line in a terminal that cannot draw one
    (TERM=dumb). None when there is no one to ask."""
    film = bank.film is not None
    if environment.can_draw_menus(on_stderr=on_stderr):
        from filmquiz.ask.terminal import pick_spoiler_level

        return pick_spoiler_level(
            film=film,
            stream=sys.stderr if on_stderr else sys.stdout,
            no_color=not environment.color,
        )
    if not environment.interactive:
        return None
    from filmquiz.render.wording import SPOILER_MENU, spoils_the_ending

    question = f"This game may give away {spoils_the_ending(film)}. Which questions?"
    labels = [label for _, label in SPOILER_MENU]
    names = [level for level, _ in SPOILER_MENU]
    return SPOILER_MENU[_pick_on_a_line(screen, question, labels, names)][0]


def _pick_quiz(environment: Environment, screen: Screen, *, on_stderr: bool) -> str:
    """Ask which quiz to play: with a menu, or line by line in a terminal
    that cannot draw one (TERM=dumb)."""
    from filmquiz.banks import catalog
    from filmquiz.render.wording import quiz_label

    entries = [entry for entry in catalog.entries() if entry.summary is not None]
    if not entries:
        raise UnknownQuiz("there is no quiz to play (`filmquiz list` says why)")
    if environment.can_draw_menus(on_stderr=on_stderr):
        from filmquiz.ask.terminal import pick_quiz

        return pick_quiz(
            entries,
            no_color=not environment.color,
            stream=sys.stderr if on_stderr else sys.stdout,
        )
    names = [entry.slug for entry in entries]
    labels = [quiz_label(entry) for entry in entries]
    return names[_pick_on_a_line(screen, "Which quiz?", labels, names)]


def _pick_on_a_line(
    screen: Screen, question: str, labels: Sequence[str], names: Sequence[str]
) -> int:
    """Ask ``question`` in a terminal that cannot draw menus: ``labels``
    numbered, a number or a name (``names``) typed; its index."""
    from filmquiz.ask.lines import pick
    from filmquiz.render.lines import LineView

    view = LineView(GameView(screen))
    lines = sys.stdin if sys.stdin is not None else io.StringIO()
    return pick(question, labels, names, lines, view, echo=False)


def spoiler_level(spoilers: str | None, *, no_spoilers: bool) -> Spoiler | None:
    """The level ``--spoilers`` and ``--no-spoilers`` ask for together."""
    if no_spoilers:
        if spoilers not in (None, "none"):
            raise BadOption(
                "--no-spoilers",
                f"cannot be used with --spoilers {spoilers}: give one of them",
            )
        return "none"
    for level in SPOILER_LEVELS:
        if spoilers == level:
            return level
    if spoilers is not None:
        raise BadOption("--spoilers", f"must be {one_of(SPOILER_LEVELS)}")
    return None
