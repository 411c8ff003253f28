"""``filmquiz scores``: show the score history, or forget part of it."""

from __future__ import annotations

from filmquiz.commands.player import player_name
from filmquiz.environment import Environment
from filmquiz.errors import BadOption, ExitStatus, FilmquizError
from filmquiz.render.console import Screen
from filmquiz.results import Forgotten, Message, ScoreHistory


def scores(
    *,
    screen: Screen,
    quiz: str | None,
    player: str | None,
    list_games: bool = False,
    club: bool = False,
    all_games: bool = False,
) -> ScoreHistory:
    """The games of ``quiz`` by ``player`` (either None for all), and a
    summary per quiz and player: from the local history, or with ``club``
    from the club's (its games only when listed or ``all_games``)."""
    if club:
        return _club_scores(
            screen=screen,
            quiz=quiz,
            player=player,
            list_games=list_games,
            all_games=all_games,
        )
    from filmquiz.scores.keeping import open_history
    from filmquiz.scores.statistics import summarize
    from filmquiz.visible import visible

    # As the history holds them: names from files with escapes made visible.
    quiz = visible(quiz) if quiz is not None else None
    player = player_name(player) if player is not None else None
    with open_history(screen.warning, read_only=True) as store:
        records = store.games(quiz=quiz, player=player)
        if quiz is not None and not records:
            _check_quiz_is_known(quiz, store.quizzes())
    return ScoreHistory(records, summarize(records), quiz, player, list_games)


def _club_scores(
    *,
    screen: Screen,
    quiz: str | None,
    player: str | None,
    list_games: bool,
    all_games: bool,
) -> ScoreHistory:
    """The club's leaderboard, after sending this machine's waiting games."""
    from filmquiz.scores.club import Club
    from filmquiz.scores.keeping import send_to_club
    from filmquiz.scores.membership import club_url, without_password
    from filmquiz.scores.store import HistoryUnavailable

    url = club_url()
    if url is None:
        raise BadOption("--club", "needs a club: `filmquiz club join URL` joins one")
    player = player_name(player) if player is not None else None
    # When the club cannot take this machine's games, it cannot show its
    # leaderboard either: one wait, one message. This machine's history
    # being unusable is no reason not to show the club's.
    try:
        send_to_club(screen.warning)
    except HistoryUnavailable as error:
        screen.warning(f"{error}; games waiting here were not sent")
    with Club(url) as club:
        summaries = club.summaries(quiz=quiz, player=player)
        if quiz is not None and not summaries:
            # A name neither here nor in the club: most likely a typo.
            played = {summary.quiz for summary in club.summaries(player=player)}
            _check_quiz_is_known(quiz, played)
        records = (
            club.games(quiz=quiz, player=player) if list_games or all_games else []
        )
    return ScoreHistory(
        records, summaries, quiz, player, list_games, club=without_password(url)
    )


def reset(
    *,
    environment: Environment,
    screen: Screen,
    quiz: str | None,
    player: str | None,
    yes: bool,
) -> Forgotten | Message:
    """Forget the games of ``quiz`` by ``player`` (either None for all),
    once confirmed in a terminal or by ``yes``."""
    from filmquiz.scores.keeping import open_history
    from filmquiz.visible import visible

    quiz = visible(quiz) if quiz is not None else None
    player = player_name(player) if player is not None else None
    with open_history(screen.warning) as store:
        records = store.games(quiz=quiz, player=player)
        if quiz is not None and not records:
            _check_quiz_is_known(quiz, store.quizzes())
        if records and not yes:
            if not environment.interactive:
                raise FilmquizError(
                    "--reset asks for confirmation in a terminal; pass --yes to "
                    "reset without one"
                )
            from filmquiz.render.wording import what_reset_forgets

            what = what_reset_forgets(records, quiz=quiz, player=player)
            screen.say(f"This forgets {what}")
            question = "Forget them?" if len(records) > 1 else "Forget it?"
            try:
                agreed = _confirm(question, environment, screen)
            except KeyboardInterrupt:
                return Message("Nothing was forgotten.", ExitStatus.INTERRUPTED)
            if not agreed:
                return Message("Nothing was forgotten.")
        return Forgotten(store.reset(quiz=quiz, player=player))


def _confirm(question: str, environment: Environment, screen: Screen) -> bool:
    """Ask a yes/no question: with a menu, or line by line in a terminal
    that cannot draw one (TERM=dumb)."""
    if environment.can_draw_menus():
        from filmquiz.ask.terminal import confirm

        return confirm(question)
    import sys

    from filmquiz.ask.lines import confirm as confirm_line
    from filmquiz.render.game import GameView
    from filmquiz.render.lines import LineView

    return confirm_line(question, sys.stdin, LineView(GameView(screen)))


def _check_quiz_is_known(quiz: str, played: set[str]) -> None:
    """UnknownQuiz, with a suggestion, for a name that is neither a quiz nor
    in the history."""
    from filmquiz.banks.catalog import bank_files, unknown_quiz

    known = set(bank_files()) | played
    if quiz not in known:
        raise unknown_quiz(quiz, sorted(known))
