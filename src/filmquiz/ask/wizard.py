"""``filmquiz new``: a questionary wizard that writes a bank, question by question.

The wizard only asks: it returns a :class:`Draft` (the bank document and where
to save it), and the command line checks and saves it. A default answer is
shown in grey inside the field and taken by Enter; nothing is typed into the
field for the user. ``input`` and ``output`` replace the terminal, so tests
drive every step through a pipe.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, NamedTuple

import questionary
from prompt_toolkit.completion import WordCompleter
from prompt_toolkit.formatted_text import FormattedText
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.output import Output

from filmquiz.ask.menu import drop_typeahead
from filmquiz.ask.terminal import prompt_options, select
from filmquiz.bankfile.rules import (
    DIFFICULTIES,
    FORMAT_VERSION,
    MAX_CHOICES,
    MIN_CHOICES,
    TRUE_FALSE,
    QuestionType,
    Spoiler,
    comparable,
    is_film_year,
    is_plain,
)
from filmquiz.banks.naming import question_id, slugify
from filmquiz.locations import expand

NO_DIFFICULTY = "(none)"
REACH: tuple[tuple[str, Spoiler], ...] = (
    ("the ending (or not sure)", "ending"),
    ("the middle", "middle"),
    ("the early scenes", "early"),
    ("nothing past the opening: cast, crew, production", "none"),
)
"""The spoiler levels as the wizard offers them, the cautious one first, so
that Enter never marks a question safer than it is."""
KINDS: tuple[tuple[str, QuestionType], ...] = (
    ("Pick one of the choices", "single"),
    ("True or false", "truefalse"),
    ("Pick every right choice (one or more)", "multi"),
    ("Type the answer", "text"),
)
"""The question types as the wizard offers them, the usual one first."""
USER_FOLDER = "My quizzes folder (play it by name)"
OTHER_FILE = "Another file…"
_YEAR = re.compile(r"[0-9]{1,4}")


class Draft(NamedTuple):
    """A bank the wizard wrote, not yet checked or saved."""

    document: dict[str, Any]
    destination: Path


def _required(text: str) -> bool | str:
    if not text.strip():
        return "Please type something."
    return True if is_plain(text) else "Please use plain, single-line, visible text."


def _optional(text: str) -> bool | str:
    return _required(text) if text.strip() else True


def _year(text: str) -> bool | str:
    text = text.strip()
    if not text:
        return True
    if _YEAR.fullmatch(text) and is_film_year(int(text)):
        return True
    return "A year such as 2021, or nothing."


class Wizard:
    """Asks for a bank's title, film and questions, then where to save it.

    What has been answered so far stays on the wizard, so that after Ctrl-C
    :meth:`rescue` can offer to keep the questions already written.
    """

    def __init__(
        self,
        user_folder: Path,
        *,
        input: Input | None = None,
        output: Output | None = None,
        no_color: bool = False,
    ) -> None:
        self.user_folder = user_folder
        self._options = prompt_options(input=input, output=output, no_color=no_color)
        self.title = ""
        self.film: dict[str, Any] = {}
        self.questions: list[dict[str, Any]] = []

    def run(self) -> Draft:
        """Ask everything; Ctrl-C raises KeyboardInterrupt."""
        self.title = self._text("Title of the quiz:", validate=_required).strip()
        self.film = self._film(self.title)
        while True:
            self.questions.append(self._question(len(self.questions) + 1))
            if not self._confirm("Add another question?", default=True):
                break
        return Draft(self.document(), self._destination())

    def rescue(self) -> Draft | None:
        """After Ctrl-C: offer to keep the questions written so far, and ask
        where. None when there are none, when the offer is declined, or at a
        second Ctrl-C."""
        if not self.questions:
            return None
        count = len(self.questions)
        what = "the question" if count == 1 else f"the {count} questions"
        try:
            offer = f"Keep {what} written so far as a draft?"
            if not self._confirm(offer, default=True):
                return None
            return Draft(self.document(), self._destination())
        except KeyboardInterrupt:
            return None

    def document(self) -> dict[str, Any]:
        """The bank as answered so far."""
        document: dict[str, Any] = {
            "format": FORMAT_VERSION,
            "title": self.title or "Untitled quiz",
        }
        if self.film:
            document["film"] = self.film
        document["questions"] = list(self.questions)
        return document

    def _film(self, title: str) -> dict[str, Any]:
        film: dict[str, Any] = {}
        film_title = self._text("Film title:", default=title, validate=_optional)
        original = self._text("Original title (Enter to skip):", validate=_optional)
        year = self._text("Year (Enter to skip):", validate=_year)
        director = self._text("Director (Enter to skip):", validate=_optional)
        for key, value in (
            ("title", film_title),
            ("original_title", original),
            ("director", director),
        ):
            if value.strip():
                film[key] = value.strip()
        if year.strip():
            film["year"] = int(year)
        return film

    def _question(self, number: int) -> dict[str, Any]:
        prompt = self._text(f"Question {number}:", validate=_required).strip()
        kind = dict(KINDS)[self._select("How is it answered?", [k for k, _ in KINDS])]
        answered = self._answer(kind)
        earlier = list(
            dict.fromkeys(q["category"] for q in self.questions if "category" in q)
        )
        category = self._text(
            "Category (Enter to skip):", validate=_optional, completions=earlier
        ).strip()
        difficulty = self._select("Difficulty:", [*DIFFICULTIES, NO_DIFFICULTY])
        reach = self._select(
            "How far into the film does it reach?", [label for label, _ in REACH]
        )
        explanation = self._text(
            "Explanation (Enter to skip):", validate=_optional
        ).strip()
        taken = {q["id"] for q in self.questions}
        question: dict[str, Any] = {"id": _unique(question_id(prompt), taken)}
        if kind != "single":
            question["type"] = kind
        if category:
            question["category"] = category
        if difficulty != NO_DIFFICULTY:
            question["difficulty"] = difficulty
        question["spoiler"] = dict(REACH)[reach]
        question["prompt"] = prompt
        question.update(answered)
        if explanation:
            question["explanation"] = explanation
        return question

    def _answer(self, kind: QuestionType) -> dict[str, Any]:
        """The choices, answer and other accepted answers of a question of
        type ``kind``, as the bank writes them."""
        if kind == "truefalse":
            said = self._select("Is it true or false?", list(TRUE_FALSE))
            return {"answer": said == TRUE_FALSE[0]}
        if kind == "text":
            return self._typed_answers()
        choices = self._choices()
        if kind == "single":
            return {
                "choices": choices,
                "answer": self._select("Which one is right?", choices),
            }
        drop_typeahead(self._options.get("input"))
        right = questionary.checkbox(
            "Which ones are right?",
            choices=choices,
            instruction="(Space picks, Enter when done)",
            validate=lambda picked: bool(picked) or "Pick at least one.",
            **self._options,
        ).unsafe_ask()
        return {"choices": choices, "answer": [c for c in choices if c in right]}

    def _typed_answers(self) -> dict[str, Any]:
        """The answer to type, and other answers to accept, each a different
        answer once case, accents and punctuation are set aside."""
        typed: list[str] = []

        def new(text: str) -> bool | str:
            text = text.strip()
            if not text:
                return True if typed else "Please type the answer."
            if not comparable(text):
                return "An answer needs letters or digits."
            if comparable(text) in map(comparable, typed):
                return "That is already accepted (case, accents and punctuation aside)."
            return _optional(text)

        typed.append(
            self._text("The answer, as it is best spelt:", validate=new).strip()
        )
        while True:
            other = self._text(
                "Another answer to accept, such as a nickname (Enter when done):",
                validate=new,
            ).strip()
            if not other:
                break
            typed.append(other)
        answers: dict[str, Any] = {"answer": typed[0]}
        if typed[1:]:
            answers["accept"] = typed[1:]
        return answers

    def _choices(self) -> list[str]:
        choices: list[str] = []

        def fits(text: str) -> bool | str:
            text = text.strip()
            if not text:
                if len(choices) >= MIN_CHOICES:
                    return True
                return f"A question needs at least {MIN_CHOICES} choices."
            if text in choices:
                return "That choice is already there."
            return _optional(text)

        while len(choices) < MAX_CHOICES:
            hint = " (Enter when done)" if len(choices) >= MIN_CHOICES else ""
            choice = self._text(f"Choice {len(choices) + 1}{hint}:", validate=fits)
            if not choice.strip():
                break
            choices.append(choice.strip())
        return choices

    def _destination(self) -> Path:
        """Where to save; a file that exists is replaced only when confirmed."""
        title = self.title or "quiz"
        while True:
            where = self._select("Save it to:", [USER_FOLDER, OTHER_FILE])
            if where == USER_FOLDER:
                name = self._text(
                    "Quiz name (to play it by):",
                    default=slugify(title),
                    validate=lambda text: (
                        not text.strip()
                        or slugify(text) == text.strip()
                        or "Lower-case letters, digits and hyphens only."
                    ),
                ).strip()
                path = self.user_folder / f"{name}.json"
            else:
                typed = self._text(
                    "File to write:",
                    default=f"{slugify(title)}.json",
                    validate=_optional,
                )
                path = expand(typed.strip())
            if not path.exists() or self._confirm(
                f"{path} exists. Replace it?", default=False
            ):
                return path

    # -- one prompt each ----------------------------------------------------
    #
    # Each prompt first drops keys typed ahead, so that the letters of "No"
    # typed at a yes/no question never answer the next one.

    def _text(
        self,
        message: str,
        *,
        default: str = "",
        validate: Any = None,
        completions: list[str] | None = None,
    ) -> str:
        """Ask for a line of text. A default is shown in grey in the empty
        field and taken by Enter; it is never typed in for the user."""
        options: dict[str, Any] = dict(self._options)
        if default:
            options["placeholder"] = FormattedText([("class:placeholder", default)])
            options["key_bindings"] = _enter_takes(default)
        if completions:
            options["completer"] = WordCompleter(completions, sentence=True)
            options["complete_while_typing"] = False
        question = questionary.text(message, validate=validate, **options)
        return str(_fresh(question).unsafe_ask())

    def _select(self, message: str, choices: list[str]) -> str:
        drop_typeahead(self._options.get("input"))
        return select(message, choices, **self._options)

    def _confirm(self, message: str, *, default: bool) -> bool:
        question = questionary.confirm(message, default=default, **self._options)
        return bool(_fresh(question).unsafe_ask())


def _fresh(question: questionary.Question) -> questionary.Question:
    """The question, with the keys typed before it dropped."""
    drop_typeahead(question.application.input)
    return question


def _enter_takes(default: str) -> KeyBindings:
    """Enter in an empty field answers ``default``, and shows it as answered."""
    bindings = KeyBindings()

    @bindings.add("enter")
    def _accept(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if not buffer.text:
            buffer.text = default
        buffer.validate_and_handle()

    return bindings


def _unique(candidate: str, taken: set[str]) -> str:
    number, unique = 1, candidate
    while unique in taken:
        number += 1
        unique = f"{candidate}-{number}"
    return unique
