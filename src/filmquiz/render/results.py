"""The one renderer of what commands return: each result drawn for people, or
printed as the JSON document programs read."""

from __future__ import annotations

import shlex

from rich.text import Text

from filmquiz.errors import ExitStatus
from filmquiz.render.console import RIGHT, Screen
from filmquiz.render.wording import plural, spoils_the_ending
from filmquiz.results import (
    BankExported,
    BankImported,
    BankSaved,
    Check,
    Document,
    Forgotten,
    GamePlayed,
    Message,
    PartyPlayed,
    QuizDetails,
    QuizList,
    Result,
    ScoreHistory,
    Validation,
)
from filmquiz.visible import quote, visible


def draw(result: Result, screen: Screen, *, as_json: bool = False) -> ExitStatus:
    """Draw ``result`` on ``screen``: for people, or with ``as_json`` as its
    JSON document on stdout (people's lines, if any, then go where the screen
    sends them). Return the exit status the result means."""
    match result:
        case Message(text=text, document=document):
            screen.say(text)
            if as_json and document is not None:
                screen.json(document)
        case GamePlayed():
            _game(result, screen, as_json=as_json)
        case PartyPlayed(results=results, comparisons=comparisons):
            from filmquiz.render.party import PartyView

            PartyView(screen, clear_between_turns=False).summary(results, comparisons)
            if as_json:
                from filmquiz.render.documents import party_document

                screen.json(party_document(results))
            if result.club_note:
                screen.warning(result.club_note)
        case QuizList(entries=entries):
            if as_json:
                from filmquiz.render.documents import quiz_document

                screen.json([quiz_document(entry) for entry in entries])
            else:
                from filmquiz.render.listings import quiz_table

                quiz_table(screen, entries)
        case Validation(checks=checks, strict=strict):
            for check in checks:
                _check(check, screen)
            if strict:
                _warnings_summary(checks, screen)
        case BankSaved():
            _saved(result, screen)
        case BankImported(report=report, output=output, format="opentdb"):
            screen.say(
                f"Imported {plural(report.questions, 'question')} into {output} "
                f"({plural(report.duplicates, 'duplicate')} dropped, "
                f"{report.skipped} unusable, {report.left_out} not matching the "
                "filters)."
            )
            screen.say(f"Play it with: filmquiz play {shlex.quote(str(output))}")
        case BankImported(report=report, output=output):
            for note in report.notes:
                screen.warning(note)
            screen.say(
                f"Imported {plural(report.questions, 'question')} into {output} "
                f"({plural(report.duplicates, 'duplicate')} dropped, "
                f"{report.skipped} left out)."
            )
            screen.say(f"Play it with: filmquiz play {shlex.quote(str(output))}")
        case BankExported():
            _exported(result, screen)
        case ScoreHistory():
            _history(result, screen, as_json=as_json)
        case Forgotten(games=games):
            if as_json:
                screen.json({"forgotten": games})
            else:
                screen.say(f"Forgot {plural(games, 'game')}.")
        case QuizDetails(bank=bank, path=path):
            if as_json:
                from filmquiz.render.documents import quiz_details_document

                screen.json(quiz_details_document(bank, path))
            else:
                from filmquiz.render.details import quiz_details

                quiz_details(screen, bank, path)
        case Document(document=document):
            screen.json(document)
    return result.status


def _game(played: GamePlayed, screen: Screen, *, as_json: bool) -> None:
    from filmquiz.render.game import GameView

    GameView(screen).summary(played.result, played.comparison)
    if as_json:
        from filmquiz.render.documents import game_document

        screen.json(game_document(played.result))
    if played.club_note:
        screen.warning(played.club_note)


def _exported(result: BankExported, screen: Screen) -> None:
    """The questions left out (on stderr), what the format keeps of none,
    then where the export went."""
    exported = result.exported
    for left in exported.left_out:
        screen.warning(f"left out question {quote(left.question)}: {left.reason}")
    if exported.not_kept:
        from filmquiz.bankfile.rules import one_of

        kept_nowhere = one_of(exported.not_kept, last="and")
        screen.note(f"The {result.format} format has no place for {kept_nowhere}.")
    if result.spoils_ending:
        ending = spoils_the_ending(result.bank.film is not None)
        screen.note(
            f"It gives away {ending}: --spoilers LEVEL leaves out what its "
            "readers may not have seen."
        )
    where = "standard output" if str(result.output) == "-" else str(result.output)
    screen.say(
        f"Exported {plural(exported.questions, 'question')} of "
        f"{quote(result.bank.title)} as {result.format} to {where}."
    )


def _check(check: Check, screen: Screen) -> None:
    """One line for a bank that passed every check; its problems on stderr
    for one that did not."""
    if check.bank is None:
        screen.problems(check.problems)
        return
    screen.people.print(
        Text.assemble(
            (f"{RIGHT} ", "green"),
            visible(check.name),
            f": {plural(len(check.bank.questions), 'question')}, ",
            plural(len(check.bank.categories), "category", "categories"),
        ),
        soft_wrap=True,
    )
    for warning in check.warnings[:SHOWN_WARNINGS]:
        where = (
            f"question {quote(warning.question)}"
            if warning.question is not None
            else "the bank"
        )
        screen.people.print(
            Text.assemble(
                ("! ", "yellow"),
                visible(f"{check.name}: {where}: {warning.message} "),
                (f"[{warning.rule}]", "dim"),
            ),
            soft_wrap=True,
        )
    more = len(check.warnings) - SHOWN_WARNINGS
    if more > 0:
        screen.note(f"{check.name}: and {plural(more, 'more warning')}")


SHOWN_WARNINGS = 500
"""Warnings shown for one bank: enough to work through, and a bank with
hundreds of thousands is summed up below them rather than scrolled past."""


def _warnings_summary(checks: list[Check], screen: Screen) -> None:
    """How many warnings ``--strict`` found, of which kind, in how many
    files."""
    found = [check for check in checks if check.warnings]
    if not found:
        if any(check.bank is not None for check in checks):
            screen.note("No warnings.")
        return
    from collections import Counter

    from filmquiz.bankfile.linting import RULES

    kinds = Counter(w.rule for check in found for w in check.warnings)
    total = sum(kinds.values())
    by_rule = ", ".join(f"{kinds[rule]} {rule}" for rule in RULES if kinds[rule])
    screen.note(
        f"{plural(total, 'warning')} in {plural(len(found), 'file')} ({by_rule}); "
        "the README says what each means and how to fix it."
    )


def _saved(result: BankSaved, screen: Screen) -> None:
    """Where a bank was written (by add or new), and how to play it."""
    saved = result.saved
    verb = "Replaced" if saved.replaced else "Saved"
    slug = saved.bank.slug
    screen.say(
        f"{verb} {slug} ({plural(len(saved.bank.questions), 'question')}) in "
        f"{saved.path}."
    )
    if saved.hides_shipped:
        screen.say(f"It is used instead of the shipped quiz {slug}.")
    screen.say(f"Play it with: filmquiz play {shlex.quote(saved.play_as)}")


def _history(history: ScoreHistory, screen: Screen, *, as_json: bool) -> None:
    if as_json:
        from filmquiz.render.documents import scores_document

        screen.json(scores_document(history.records, history.summaries))
        return
    if history.club is not None:
        screen.note(f"The club at {history.club}:")
    if not (history.summaries if history.club else history.records):
        quiz, player = history.quiz, history.player
        what = f"games of {quiz}" if quiz else "games"
        nothing = f"{player} has no {what} yet" if player else f"No {what} yet"
        screen.say(f"{nothing}: play one with `filmquiz play {quiz or 'QUIZ'}`.")
        return
    from filmquiz.render.listings import games_table, scores_table

    if history.list_games:
        games_table(screen, history.records)
    else:
        scores_table(screen, history.summaries)
