"""``filmquiz play``: choose the questions, ask them the way the terminal
allows, keep the game, and return it."""

from __future__ import annotations

import contextlib
import io
import random
import sys
from collections.abc import Sequence

from filmquiz.bankfile.model import Bank
from filmquiz.bankfile.rules import (
    SPOILER_LEVELS,
    Spoiler,
    one_of,
)
from filmquiz.commands.player import player_name
from filmquiz.environment import Environment
from filmquiz.errors import BadOption, ExitStatus, UnknownQuiz
from filmquiz.game.engine import Ask, Ending, Selection, plan_game, run_game
from filmquiz.interrupts import interrupts_held
from filmquiz.render.console import Screen
from filmquiz.render.game import GameView
from filmquiz.results import GamePlayed, Message


def play(
    *,
    environment: Environment,
    screen: Screen,
    quiz: str | None,
    player: str | None,
    count: int | None = None,
    categories: Sequence[str] = (),
    difficulties: Sequence[str] = (),
    spoilers: str | None = None,
    no_spoilers: bool = False,
    seed: int | None = None,
    shuffle: bool = True,
    mistakes: bool = False,
    on_stderr: bool = False,
) -> GamePlayed | Message:
    """Play a game of ``quiz`` (picked in a terminal when None) and keep it.

    ``on_stderr`` draws the game on stderr, for stdout to carry only JSON.
    """
    from filmquiz.banks import catalog

    name = player_name(player)
    level = _spoiler_level(spoilers, no_spoilers=no_spoilers)
    if seed is not None and not shuffle:
        raise BadOption(
            "--seed", "does nothing with --no-shuffle, which keeps the file's order"
        )
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
    bank = catalog.load(quiz)
    selection = Selection(
        limit=count,
        categories=tuple(categories),
        difficulties=tuple(difficulties),  # type: ignore[arg-type]
        spoilers=level,
        shuffle=shuffle,
        seed=seed if seed is not None else random.randrange(2**31),
    )
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
    rounds = plan_game(bank, selection)
    if (
        level is None
        and not mistakes
        and environment.stdin_is_terminal
        # Only for a bank that marks its endings: one that marks nothing has
        # no level to offer but all of it (its heading still warns).
        and any(r.question.spoiler == "ending" for r in rounds)
    ):
        try:
            level = _ask_spoiler_level(bank, environment, screen, on_stderr=on_stderr)
        except KeyboardInterrupt:
            return Message("Stopped before the first question.", ExitStatus.INTERRUPTED)
        if level is not None and level != "ending":
            selection = selection._replace(spoilers=level)
            rounds = plan_game(bank, selection)
    view = GameView(screen)
    session: contextlib.AbstractContextManager[None] = contextlib.nullcontext()
    if environment.can_draw_menus(on_stderr=on_stderr):
        from filmquiz.ask.terminal import TerminalAsker

        asker = TerminalAsker(
            echo=view.answered,
            no_color=not environment.color,
            stream=sys.stderr if on_stderr else sys.stdout,
        )
        ask: Ask = asker
        session = asker.session()
    else:
        from filmquiz.ask.lines import LineAsker

        lines = sys.stdin if sys.stdin is not None else io.StringIO()
        from filmquiz.render.lines import LineView

        echo = not environment.stdin_is_terminal
        ask = LineAsker(lines, LineView(view), echo=echo)
    view.start(bank, rounds, name, practice=mistakes, spoilers_chosen=level is not None)
    with session:
        result = run_game(
            rounds,
            ask,
            view.feedback,
            bank=bank,
            player=name,
            practice=mistakes,
            seed=selection.seed if selection.shuffle else None,
        )
    # The history (sqlite3 and all) is imported only now, after the game, and
    # kept before the summary is drawn, so Ctrl-C while drawing loses nothing;
    # Ctrl-C while it is being kept waits until it is.
    from filmquiz.scores import keeping

    with interrupts_held():
        comparison = keeping.keep(result, screen.warning)
    if result.ending is Ending.OUTPUT_CLOSED:
        raise BrokenPipeError
    return GamePlayed(result, comparison)


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


def _spoiler_level(spoilers: str | None, *, no_spoilers: bool) -> Spoiler | None:
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
