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
    OutputFailure,
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
from filmquiz.visible import quote

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
            names = _ask_players(environment, screen, on_stderr=on_stderr)
        except KeyboardInterrupt:
            return Message("Stopped before the party began.", ExitStatus.INTERRUPTED)
    else:
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

    clock = ": your clock starts then" if options.time_limit is not None else ""

    def ready(player: str) -> None:
        from filmquiz.ask.terminal import press_enter

        press_enter(
            prompt=f"{player}, your turn.",
            choice="Ready",
            hint=f"(Enter when you have the keyboard{clock})",
            stream=stream,
            no_color=not environment.color,
        )

    view = PartyView(
        screen,
        clear_between_turns=in_terminal,
        ready=ready if in_terminal else None,
        speed=options.rules.scoring == "speed",
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

    failure = OutputFailure()
    with session:
        results = run_party(
            rounds,
            failure.guard(ask),
            failure.guard(view.answered),
            bank=bank,
            players=names,
            rules=options.rules,
            after_round=failure.guard(after_round),
            before_turn=failure.guard(view.before_turn),
            seed=selection.seed if selection.shuffle else None,
        )
    comparisons, club_note = keep_games(results, screen, failure)
    return PartyPlayed(results, tuple(comparisons), club_note)


def party_names(players: str) -> tuple[str, ...]:
    """The players' names from ``--players`` (separated by commas), each a
    name ``--player`` would take; at least two, all different (without
    regard to case). BadOption says what is wrong."""
    names, problem = _read_names(players)
    if problem is not None:
        raise BadOption("--players", problem[0])
    return names


def _read_names(typed: str) -> tuple[tuple[str, ...], tuple[str, str] | None]:
    """The names in ``typed``, or what is wrong with them: as an option's
    usage error says it, and as a prompt asking again says it."""
    names: list[str] = []
    for name in (part for part in typed.split(",") if part.strip()):
        try:
            names.append(player_name(name))
        except BadOption as refused:
            shown = quote(name.strip(), limit=40)
            return (), (f"has {shown}, which {refused}", f"{shown} {refused}.")
    if len(names) < 2:
        return (), (
            "needs at least two names separated by commas, such as "
            '"Ana,Janis" (one player plays with `filmquiz play`)',
            "Two or more names, separated by commas.",
        )
    if len(names) > MOST_PLAYERS:
        most = f"at most {MOST_PLAYERS} players"
        return (), (f"may name {most}", f"A party has {most}.")
    seen: set[str] = set()
    for name in names:
        if name.casefold() in seen:
            return (), (f"names {name} twice", f"{name} is named twice.")
        seen.add(name.casefold())
    return tuple(names), None


def _ask_players(
    environment: Environment, screen: Screen, *, on_stderr: bool
) -> tuple[str, ...]:
    """Ask who is playing, in a terminal, until the names make a party;
    without a terminal, --players is needed."""
    if not environment.stdin_is_terminal:
        raise BadOption(
            "--players",
            "is missing: give the players' names separated by commas, such as "
            '--players "Ana,Janis,Arturo"',
        )
    question = "Who is playing? Two or more names, separated by commas:"
    if environment.can_draw_menus(on_stderr=on_stderr):
        from filmquiz.ask.terminal import ask_text

        def fits(typed: str) -> bool | str:
            problem = _read_names(typed)[1]
            return True if problem is None else problem[1]

        typed = ask_text(
            question, validate=fits, stream=sys.stderr if on_stderr else sys.stdout
        )
        return party_names(typed)
    from filmquiz.ask.lines import read_line
    from filmquiz.errors import InputEnded
    from filmquiz.render.game import GameView
    from filmquiz.render.lines import LineView

    view = LineView(GameView(screen))
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
    while True:
        view.prompt(question + " ")
        line = read_line(sys.stdin)
        if line is None:
            view.echo("")
            raise InputEnded("input ended before the players were named")
        names, problem = _read_names(line)
        if problem is None:
            return names
        view.not_a_name(problem[1])
