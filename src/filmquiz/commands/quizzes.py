"""The commands about banks: ``list``, ``validate``, ``add``, ``new`` and
``schema``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from filmquiz.environment import Environment
from filmquiz.errors import BankError, ExitStatus, FilmquizError
from filmquiz.results import (
    BankSaved,
    Check,
    Document,
    Message,
    QuizDetails,
    QuizList,
    Validation,
)


def list_quizzes() -> QuizList:
    """The quizzes there are, from every source, each read or found broken."""
    from filmquiz.banks import catalog

    return QuizList(catalog.entries())


def show(name: str) -> QuizDetails:
    """The details of one quiz: its film, credits, licence and sources."""
    from filmquiz.banks import catalog
    from filmquiz.banks.cache import read_bank

    path = catalog.locate(name)
    return QuizDetails(read_bank(path), path)


def validate(names: Sequence[str], *, strict: bool = False) -> Validation:
    """Check each bank file (or quiz name), going on past a broken one; with
    ``strict``, also look for what makes its questions unfair."""
    from filmquiz.bankfile.reading import load_bank
    from filmquiz.banks import catalog
    from filmquiz.visible import visible

    checks = []
    for name in names:
        try:
            path = catalog.locate(name)
            bank = load_bank(path)
            if strict:
                from filmquiz.bankfile.linting import lint

                checks.append(Check(str(path), bank, warnings=tuple(lint(bank))))
            else:
                checks.append(Check(str(path), bank))
        except BankError as error:
            checks.append(Check(name, None, tuple(error.lines())))
        except FilmquizError as error:
            named = f"{visible(name)}: {error}" if name else str(error)
            checks.append(Check(name, None, (named,)))
    return Validation(checks, strict=strict)


def add(file: Path, *, force: bool) -> BankSaved:
    """Check a bank and copy it into the user's quizzes folder."""
    from filmquiz.banks.saving import add_bank

    return BankSaved(add_bank(file, force=force))


def new(*, environment: Environment) -> BankSaved | Message:
    """Write a bank with the wizard and save it; on Ctrl-C, offer to keep
    what was written (a second Ctrl-C keeps nothing)."""
    if not environment.interactive:
        raise FilmquizError(
            "filmquiz new asks its questions in a terminal; without one, write a "
            "bank by hand (the README shows the format) or use filmquiz import"
        )
    if not environment.can_draw_menus():
        raise FilmquizError(
            "filmquiz new draws menus, which this terminal cannot (TERM=dumb); "
            "run it in a terminal that can, or write a bank by hand"
        )
    from filmquiz.ask.wizard import Wizard
    from filmquiz.banks.catalog import user_quizzes
    from filmquiz.banks.saving import save_document

    wizard = Wizard(user_quizzes(), no_color=not environment.color)
    try:
        draft = wizard.run()
    except KeyboardInterrupt:
        kept = wizard.rescue()
        if kept is None:
            return Message("Stopped: nothing was saved.", ExitStatus.INTERRUPTED)
        saved = save_document(kept.document, kept.destination, force=True)
        return BankSaved(saved, ExitStatus.INTERRUPTED)
    # The wizard has asked before replacing a file that exists.
    return BankSaved(save_document(draft.document, draft.destination, force=True))


def schema() -> Document:
    """The JSON Schema of the bank format."""
    from filmquiz.bankfile.schema import bank_schema

    return Document(bank_schema())
