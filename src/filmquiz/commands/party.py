"""``filmquiz party``: several players on one screen, taking turns at each
question, with a leaderboard after each round and a podium at the end; each
player's game kept as their own."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable

from filmquiz.commands.play import (
    PLAIN_GAME,
    GameOptions,
    asker_for,
    check_options,
    keep_games,
    load_quiz,
    plan_rounds,
    selection_for,
    spoiler_level,
    wait_for_enter,
)
from filmquiz.commands.player import player_name
from filmquiz.environment import Environment
from filmquiz.errors import BadOption, ExitStatus
from filmquiz.game.engine import Place, Round, run_party
from filmquiz.render.console import Screen
from filmquiz.results import Message, PartyPlayed

MOST_PLAYERS = 12
"""Players a party may have: more would wait too long for their turn."""


def party(
    *,
    environment: Environment,
    screen: Screen,
    quiz: str | None,
    players: str | None,
    options: GameOptions = PLAIN_GAME,
    on_stderr: bool = False,
) -> PartyPlayed | Message:
    """Play a party of ``quiz`` for ``players`` (names separated by commas;
    asked for in a terminal when None) and keep each player's game."""
    from filmquiz.render.party import PartyView

    level = spoiler_level(options.spoilers, no_spoilers=options.no_spoilers)
    check_options(options)
    if players is None:
        try:
            players = _ask_players(environment, screen, on_stderr=on_stderr)
        except KeyboardInterrupt:
            return Message("Stopped before the party began.", ExitStatus.INTERRUPTED)
    names = party_names(players)
    bank = load_quiz(environment, screen, quiz, on_stderr=on_stderr)
    if isinstance(bank, Message):
        return bank
    planned = plan_rounds(
        bank,
        selection_for(options, level),
        environment,
        screen,
        on_stderr=on_stderr,
        ask=True,
    )
    if isinstance(planned, Message):
        return planned
    rounds, selection = planned
    in_terminal = environment.can_draw_menus(on_stderr=on_stderr)
    stream = sys.stderr if on_stderr else sys.stdout

    def ready(player: str) -> None:
        from filmquiz.ask.terminal import press_enter

        press_enter(
            prompt=f"{player}, your turn.",
            choice="Ready",
            hint="(Enter when you have the keyboard: your clock starts then)",
            stream=stream,
            no_color=not environment.color,
        )

    view = PartyView(
        screen, clear_between_turns=in_terminal, ready=ready if in_terminal else None
    )
    ask, session = asker_for(environment, view.game, on_stderr=on_stderr)
    view.game.start(
        bank,
        rounds,
        names[0],
        spoilers_chosen=selection.spoilers is not None,
        rules=options.rules,
        players=names,
    )
    after_round: Callable[[Round, tuple[Place, ...]], None] = view.round_over
    if options.pause:

        def after_round(round_: Round, places: tuple[Place, ...]) -> None:
            view.round_over(round_, places)
            if round_.number < round_.total:
                wait_for_enter(environment, screen, on_stderr=on_stderr)

    with session:
        results = run_party(
            rounds,
            ask,
            view.answered,
            bank=bank,
            players=names,
            rules=options.rules,
            after_round=after_round,
            before_turn=view.before_turn,
            seed=selection.seed if selection.shuffle else None,
        )
    comparisons = keep_games(results, screen)
    return PartyPlayed(results, tuple(comparisons))


def party_names(players: str) -> tuple[str, ...]:
    """The players' names from ``--players`` (separated by commas), each a
    name ``--player`` would take; at least two, all different (without
    regard to case)."""
    names = tuple(player_name(name) for name in players.split(",") if name.strip())
    if len(names) < 2:
        raise BadOption(
            "--players",
            "needs at least two names separated by commas, such as "
            '"Ana,Janis" (one player plays with `filmquiz play`)',
        )
    if len(names) > MOST_PLAYERS:
        raise BadOption("--players", f"may name at most {MOST_PLAYERS} players")
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            raise BadOption("--players", f"names {name} twice")
        seen.add(name.casefold())
    return names


def _ask_players(environment: Environment, screen: Screen, *, on_stderr: bool) -> str:
    """Ask who is playing, in a terminal; without one, --players is needed."""
    if not environment.stdin_is_terminal:
        raise BadOption(
            "--players",
            "is missing: give the players' names separated by commas, such as "
            '--players "Ana,Janis,Arturo"',
        )
    question = "Who is playing? Names separated by commas: "
    if environment.can_draw_menus(on_stderr=on_stderr):
        from filmquiz.ask.terminal import ask_text

        return ask_text(question, stream=sys.stderr if on_stderr else sys.stdout)
    from filmquiz.ask.lines import read_line
    from filmquiz.render.game import GameView
    from filmquiz.render.lines import LineView

    LineView(GameView(screen)).prompt(question)
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    return read_line(sys.stdin) or ""
