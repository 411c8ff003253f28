"""The careful path of the loader: decode with the standard library and name
every problem a bank has, with the file, the JSON position or the question, and
the field.

Whatever the bytes hold, the outcome is a Bank or a BankError listing all the
problems, never another exception.
"""

from __future__ import annotations

import codecs
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, TypeVar

from filmquiz.bankfile.model import Bank, Film, Question
from filmquiz.bankfile.rules import (
    BANK_KEYS,
    DIFFICULTIES,
    FILM_KEYS,
    FORMAT_VERSION,
    LONGEST_TYPED,
    MAX_CHOICES,
    MIN_CHOICES,
    QUESTION_KEYS,
    QUESTION_TYPES,
    SPOILER_LEVELS,
    TYPES_WITH_CHOICES,
    QuestionType,
    choice_count_fits,
    comparable,
    is_film_year,
    looks,
    one_of,
    text_problem,
)
from filmquiz.errors import BankError, Problem
from filmquiz.visible import quote

_HOW_ANSWERED = {
    "truefalse": "its answer is true or false",
    "text": "its answer is typed (other spellings go in accept)",
}

Level = TypeVar("Level", bound=str)
"""One of a fixed set of words a field may hold: a difficulty, a spoiler
level."""

_KEPT_PROBLEMS = 1000
"""Problems kept in full; more than shown (SHOWN_PROBLEMS), so that the ones
shown come in file order whatever the count."""

# A NaN or Infinity outside a string, to point at where json stopped. Kept as
# a string: compiled only on that error path, not on every start.
_NON_FINITE = r'"(?:[^"\\]|\\.)*"|(-?Infinity|NaN)'


def careful_bank(data: bytes, *, slug: str, source: Path) -> Bank:
    """The bank in ``data``, or BankError naming every problem in it."""
    document = decode_json(data, source)
    checker = _BankChecker()
    bank = checker.bank(document, slug)
    if bank is None:
        raise BankError(source, checker.problems, checker.more)
    return bank


def _listed(item: dict[str, Any]) -> tuple[str, ...] | None:
    """The strings a question's choices list, however else they are wrong
    (too many, one twice): enough to say whether the answer is among them."""
    value = item.get("choices")
    if not isinstance(value, list):
        return None
    return tuple(choice for choice in value if isinstance(choice, str))


class _Object(dict[str, Any]):
    """A JSON object that remembers the keys the file gave more than once."""

    duplicates: tuple[str, ...] = ()


def _object_from_pairs(pairs: list[tuple[str, Any]]) -> _Object:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        counts = Counter(key for key, _ in pairs)
        obj.duplicates = tuple(key for key, count in counts.items() if count > 1)
    return obj


def _refuse_constant(name: str) -> Any:
    raise _NonFiniteNumber(name)


class _NonFiniteNumber(ValueError):
    pass


def decode_json(data: bytes, source: Path) -> Any:
    """Decode JSON bytes; any problem is a BankError naming ``source``."""

    def fail(where: str, message: str) -> BankError:
        return BankError(source, [Problem(where, message)])

    if looks_like_utf16(data):
        raise fail("", "the file looks like UTF-16 text; save it as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        where = position(data[: error.start].decode("utf-8", "replace"), None)
        bad = data[error.start : error.start + 1].hex()
        raise fail(where, f"not valid UTF-8 text (byte 0x{bad})") from None
    if not text.strip():
        raise fail("", "the file is empty")
    try:
        return json.loads(
            text,
            object_pairs_hook=_object_from_pairs,
            parse_constant=_refuse_constant,
        )
    except json.JSONDecodeError as error:
        where = position(text, error.pos)
        reason = error.msg[:1].lower() + error.msg[1:]
        raise fail(where, f"not valid JSON: {reason}") from None
    except _NonFiniteNumber as error:
        match = next(
            (m for m in re.finditer(_NON_FINITE, text) if m.group(1)),
            None,
        )
        where = position(text, match.start(1)) if match else ""
        message = f"{error} is not allowed in JSON; write a number or a string"
        raise fail(where, message) from None
    except RecursionError:
        raise fail("", "the JSON is nested too deeply to be a bank") from None
    except ValueError:
        # Python refuses to read an integer of more than 4,300 digits.
        digits = re.search(r"[0-9]{4301,}", text)
        where = position(text, digits.start()) if digits else ""
        message = "a number of more than 4,300 digits is too long to read"
        raise fail(where, message) from None


def looks_like_utf16(data: bytes) -> bool:
    """True for UTF-16 text: a UTF-16 byte order mark, or the zero bytes that
    ASCII text has every other byte in UTF-16."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return True
    head = data[:200]
    if len(head) < 4 or not any(head):
        return False
    return not any(head[1::2]) or not any(head[0::2])


def position(text: str, index: int | None) -> str:
    """``line L, column C`` (both from 1) of ``index`` in ``text``, or its end."""
    before = text if index is None else text[:index]
    line = before.count("\n") + 1
    column = len(before) - (before.rfind("\n") + 1) + 1
    return f"line {line}, column {column}"


def describe(value: Any) -> str:
    """What a JSON value is, in the words a problem message uses."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {quote(value)}"
    if isinstance(value, list):
        return "a list"
    return "an object"


class _BankChecker:
    """Walks a decoded document, collecting problems and building the bank."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        # Problems found beyond those kept: a bank of a million bad choices
        # is counted, not listed.
        self.more = 0
        self._where = ""

    def _problem(self, message: str) -> None:
        if len(self.problems) < _KEPT_PROBLEMS:
            self.problems.append(Problem(self._where, message))
        else:
            self.more += 1

    def bank(self, document: Any, slug: str) -> Bank | None:
        if not isinstance(document, dict):
            self._problem(f"a bank must be a JSON object, got {describe(document)}")
            return None
        if not self._format(document):
            return None
        self._keys(document, BANK_KEYS)
        self._text(document, "$schema")
        title = self._text(document, "title", required=True)
        film = self._film(document.get("film")) if "film" in document else None
        credits = self._text(document, "credits")
        license_ = self._text(document, "license")
        spoiler_words = self._words(document, "spoiler_words")
        questions = self._questions(document)
        if self.problems or title is None or questions is None:
            return None
        return Bank(
            slug=slug,
            title=title,
            questions=questions,
            film=film,
            credits=credits,
            license=license_,
            spoiler_words=spoiler_words,
        )

    def _words(self, obj: dict[str, Any], key: str) -> tuple[str, ...]:
        """The list of strings at ``key`` (empty when left out)."""
        if key not in obj:
            return ()
        value = obj[key]
        if not isinstance(value, list):
            self._problem(f"{key} must be a list of strings, got {describe(value)}")
            return ()
        words = []
        for index, word in enumerate(value):
            if not isinstance(word, str):
                self._problem(f"{key}[{index}] must be a string, got {describe(word)}")
            elif self._plain(word, f"{key}[{index}]"):
                words.append(word)
        return tuple(words)

    def _format(self, document: dict[str, Any]) -> bool:
        """Check ``format``; False when the rest cannot be read as format 1."""
        if "format" not in document:
            self._problem(f'format is missing; write "format": {FORMAT_VERSION}')
            return True
        version = document["format"]
        if isinstance(version, int) and not isinstance(version, bool):
            if version > FORMAT_VERSION:
                self._problem(
                    f"this bank needs a newer filmquiz (it is format {version}; "
                    f"this filmquiz reads format {FORMAT_VERSION})"
                )
                return False
            if version == FORMAT_VERSION:
                return True
        self._problem(f"format must be {FORMAT_VERSION}, got {describe(version)}")
        return True

    def _film(self, value: Any) -> Film | None:
        if not isinstance(value, dict):
            self._problem(f"film must be an object, got {describe(value)}")
            return None
        self._keys(value, FILM_KEYS, prefix="film.")
        year = value.get("year")
        if year is not None or "year" in value:
            if not isinstance(year, int) or isinstance(year, bool):
                self._problem(f"film.year must be a whole number, got {describe(year)}")
                year = None
            elif not is_film_year(year):
                self._problem(f"film.year must be a year such as 2021, got {year}")
                year = None
        return Film(
            title=self._text(value, "title", prefix="film."),
            original_title=self._text(value, "original_title", prefix="film."),
            year=year,
            director=self._text(value, "director", prefix="film."),
        )

    def _questions(self, document: dict[str, Any]) -> tuple[Question, ...] | None:
        if "questions" not in document:
            self._problem("questions is missing; a bank needs at least one question")
            return None
        items = document["questions"]
        if not isinstance(items, list):
            self._problem(f"questions must be a list, got {describe(items)}")
            return None
        if not items:
            self._problem("questions is empty; a bank needs at least one question")
            return None
        first_position: dict[str, int] = {}
        questions: list[Question] = []
        for position, item in enumerate(items, start=1):
            question = self._question(item, position, first_position)
            if question is not None:
                questions.append(question)
        self._where = ""
        return tuple(questions)

    def _question(
        self, item: Any, position: int, first_position: dict[str, int]
    ) -> Question | None:
        self._where = f"question {position}"
        if not isinstance(item, dict):
            self._problem(f"must be an object, got {describe(item)}")
            return None
        id_ = self._text(item, "id", required=True)
        if id_ is not None:
            if id_ in first_position:
                self._problem(
                    f"id {quote(id_)} is already used by question {first_position[id_]}"
                )
            else:
                first_position[id_] = position
                self._where = f"question {quote(id_)}"
        self._keys(item, QUESTION_KEYS)
        prompt = self._text(item, "prompt", required=True)
        kind = self._level(item, "type", QUESTION_TYPES) if "type" in item else "single"
        choices: tuple[str, ...] | None = None
        answer: str | bool | tuple[str, ...] | None = None
        accept: tuple[str, ...] = ()
        if kind is not None:
            choices, answer, accept = self._answered(item, kind)
        else:
            # How it is answered is unknown: what the answer should be too.
            accept = self._words(item, "accept")
        difficulty = self._level(item, "difficulty", DIFFICULTIES)
        category = self._text(item, "category")
        explanation = self._text(item, "explanation")
        spoiler = self._level(item, "spoiler", SPOILER_LEVELS)
        source = self._text(item, "source")
        if (
            id_ is None
            or prompt is None
            or kind is None
            or choices is None
            or answer is None
        ):
            return None
        return Question(
            id=id_,
            prompt=prompt,
            type=kind,
            choices=choices,
            answer=answer,
            accept=accept,
            category=category,
            difficulty=difficulty,
            explanation=explanation,
            spoiler=spoiler,
            source=source,
        )

    def _answered(
        self, item: dict[str, Any], kind: QuestionType
    ) -> tuple[
        tuple[str, ...] | None, str | bool | tuple[str, ...] | None, tuple[str, ...]
    ]:
        """The choices, answer and accepted answers of a question of type
        ``kind``, each None after reporting why it cannot be used."""
        choices = self._choices(item) if kind in TYPES_WITH_CHOICES else ()
        if kind not in TYPES_WITH_CHOICES and "choices" in item:
            self._problem(
                f"choices are not used by a {kind} question; {_HOW_ANSWERED[kind]}"
            )
        answer = self._answer(item, kind, _listed(item) if choices is None else choices)
        accept = self._words(item, "accept")
        if "accept" in item and kind != "text":
            self._problem("accept is only for a text question (a typed answer)")
        elif kind == "text":
            typed = [("answer", answer)] if isinstance(answer, str) else []
            self._typeable([*typed, *(("accept", other) for other in accept)])
        return choices, answer, accept

    def _answer(
        self, item: dict[str, Any], kind: QuestionType, choices: tuple[str, ...] | None
    ) -> str | bool | tuple[str, ...] | None:
        """The answer, as its question's type wants it, or None after
        reporting why it cannot be used."""
        if "answer" not in item:
            self._problem("answer is missing")
            return None
        if kind == "truefalse":
            value = item["answer"]
            if isinstance(value, bool):
                return value
            self._problem(
                f"answer must be true or false in a truefalse question, "
                f"got {describe(value)}"
            )
            return None
        if kind == "multi":
            return self._right_choices(item["answer"], choices)
        answer = self._text(item, "answer", required=True)
        if kind == "single" and choices is not None and answer not in (*choices, None):
            self._problem(f"answer {quote(answer or '')} is not one of the choices")
            return None
        return answer

    def _right_choices(
        self, value: Any, choices: tuple[str, ...] | None
    ) -> tuple[str, ...] | None:
        """The answer of a multi question: a list of some of its choices."""
        if not isinstance(value, list) or not value:
            got = "an empty list" if value == [] else describe(value)
            self._problem(
                "answer must list the right choices (at least one) in a multi "
                f"question, got {got}"
            )
            return None
        ok = True
        for index, right in enumerate(value):
            if not isinstance(right, str):
                self._problem(
                    f"answer[{index}] must be a string, got {describe(right)}"
                )
                ok = False
            elif choices is not None and right not in choices:
                self._problem(f"answer {quote(right)} is not one of the choices")
                ok = False
            elif right in value[:index]:
                self._problem(f"answer {quote(right)} is listed twice")
                ok = False
        return tuple(value) if ok and choices is not None else None

    def _typeable(self, answers: list[tuple[str, str]]) -> None:
        """Report a typed answer (``answer`` or ``accept``, as named) that
        leaves nothing to compare once case, accents and punctuation are set
        aside, one too long to type, and one accepted twice."""
        seen: dict[str, str] = {}
        for field, answer in answers:
            key = comparable(answer)
            if not key:
                self._problem(
                    f"{field} {quote(answer)} has no letters or digits to type"
                )
            elif len(answer) > LONGEST_TYPED:
                self._problem(
                    f"{field} {quote(answer)} is too long to type ({len(answer):,} "
                    f"characters; at most {LONGEST_TYPED})"
                )
            elif key in seen:
                self._problem(
                    f"accept {quote(answer)} is the same answer as "
                    f"{quote(seen[key])} once case, accents and punctuation "
                    "are set aside"
                )
            else:
                seen[key] = answer

    def _choices(self, item: dict[str, Any]) -> tuple[str, ...] | None:
        if "choices" not in item:
            self._problem("choices is missing")
            return None
        value = item["choices"]
        if not isinstance(value, list):
            self._problem(f"choices must be a list of strings, got {describe(value)}")
            return None
        if not choice_count_fits(len(value)):
            self._problem(
                f"choices must list {MIN_CHOICES} to {MAX_CHOICES} answers, "
                f"got {len(value)}"
            )
        ok = True
        seen: dict[str, str] = {}  # what each choice looks like, and the choice
        listed: set[str] = set()
        for index, choice in enumerate(value):
            if not isinstance(choice, str):
                self._problem(
                    f"choices[{index}] must be a string, got {describe(choice)}"
                )
                ok = False
            elif not self._plain(choice, f"choices[{index}]"):
                ok = False
            elif choice in listed:
                self._problem(f"choice {quote(choice)} is listed twice")
                ok = False
            elif looks(choice) in seen:
                earlier = seen[looks(choice)]
                self._problem(
                    f"choice {quote(choice)} looks the same as {quote(earlier)} "
                    "(they differ only by invisible characters)"
                )
                ok = False
            else:
                seen[looks(choice)] = choice
                listed.add(choice)
        return tuple(value) if ok and choice_count_fits(len(value)) else None

    def _level(
        self, item: dict[str, Any], key: str, levels: tuple[Level, ...]
    ) -> Level | None:
        """The value at ``key`` when it is one of ``levels`` (a difficulty,
        a spoiler level), or None after reporting why it is not."""
        if key not in item:
            return None
        value = item[key]
        for level in levels:
            if value == level:
                return level
        names = one_of([quote(level) for level in levels])
        self._problem(f"{key} must be {names}, got {describe(value)}")
        return None

    def _text(
        self,
        obj: dict[str, Any],
        key: str,
        *,
        required: bool = False,
        prefix: str = "",
    ) -> str | None:
        """The string at ``key``, or None after reporting why it cannot be used."""
        name = prefix + key
        if key not in obj:
            if required:
                self._problem(f"{name} is missing")
            return None
        value = obj[key]
        if not isinstance(value, str):
            self._problem(f"{name} must be a string, got {describe(value)}")
            return None
        return value if self._plain(value, name) else None

    def _plain(self, value: str, name: str) -> bool:
        """Report and refuse text that is blank, or not plain visible text."""
        problem = text_problem(value)
        if problem is None:
            return True
        self._problem(f"{name} {problem}")
        return False

    def _keys(
        self,
        obj: dict[str, Any],
        known: tuple[str, ...],
        *,
        prefix: str = "",
    ) -> None:
        for key in (key for key in obj if key not in known):
            import difflib  # only when a bank is broken: it slows every start

            hint = difflib.get_close_matches(key, known, n=1)
            suggestion = f" (did you mean {quote(hint[0])}?)" if hint else ""
            self._problem(f"unknown key {quote(prefix + key)}{suggestion}")
        for key in getattr(obj, "duplicates", ()):
            self._problem(f"key {quote(prefix + key)} is given more than once")
