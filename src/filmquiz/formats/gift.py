"""Moodle's GIFT format, written and read.

A GIFT file is questions separated by blank lines, each an optional
``::name::``, its text, and its answers in braces: ``{=right ~wrong}`` for
one right choice, ``{~%50%right ~%50%right ~%-100%wrong}`` for several,
``{TRUE}`` or ``{F}``, ``{=words =other words}`` for a typed answer, with
``####`` before the general feedback. ``$CATEGORY:`` lines set the category
of the questions after them; ``//`` starts a comment line; ``\\`` escapes
the characters ``~ = # { } :``.

What filmquiz keeps that GIFT has no place for (a question's difficulty,
spoiler level and source; the bank's title, film, credits and licence) is
written in comment lines that start ``// filmquiz``, which Moodle ignores and
``import gift`` reads back: a bank goes through GIFT and comes back the same.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from filmquiz.bankfile.model import Bank, Question
from filmquiz.bankfile.rules import ENDING, Spoiler, spoiler_rank
from filmquiz.errors import BankError, Problem
from filmquiz.formats.drafts import Draft, Source
from filmquiz.formats.exported import Edition, Exported, LeftOut
from filmquiz.visible import quote

SPECIAL = "~=#{}:"
"""The characters GIFT gives a meaning, written with a backslash as text."""
BANK_COMMENT = "// filmquiz bank: "
QUESTION_COMMENT = "// filmquiz: "
CATEGORY = "$CATEGORY:"
NO_CATEGORY = None
"""What a question's ``// filmquiz:`` comment says for "no category", after
a ``$CATEGORY`` line that named one (GIFT cannot go back to none)."""
_QUESTION_KEYS = ("difficulty", "spoiler", "source")
"""A question's keys that only the ``// filmquiz:`` comment carries."""
_BANK_KEYS = ("title", "film", "credits", "license", "spoiler_words")
_FORMATS = ("[moodle]", "[html]", "[plain]", "[markdown]")
_CONTEXT = re.compile(r"\$[a-z0-9]+\$")
"""Where a Moodle category path starts: ``$course$``, ``$system$``..."""
_TAG = re.compile(r"<[^>]*>")
_BLOCK_TAG = re.compile(
    r"</?(?:p|br|div|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|hr)\b[^>]*>",
    re.IGNORECASE,
)
_WEIGHT = re.compile(r"%(-?[0-9]+(?:\.[0-9]+)?)%")


# -- writing ---------------------------------------------------------------


def export(edition: Edition) -> Exported:
    """The edition's questions as GIFT, in the bank's order; those GIFT
    would read as something else are left out, and named."""
    lines = _bank_comment(edition.bank, edition.spoilers)
    category: str | None = None
    left_out: list[LeftOut] = []
    for round_ in edition.rounds:
        question = round_.question
        reason = _misread(question)
        if reason is not None:
            left_out.append(LeftOut(question.id, reason))
            continue
        if question.category is not None and question.category != category:
            lines += [f"{CATEGORY} {_category_path(question.category)}", ""]
        extra = {key: getattr(question, key) for key in _QUESTION_KEYS}
        comment = {key: value for key, value in extra.items() if value is not None}
        if question.category is None and category is not None:
            comment["category"] = NO_CATEGORY
        category = question.category if question.category is not None else category
        if comment:
            lines.append(QUESTION_COMMENT + _json(comment))
        lines += [*_question(question), ""]
    written = len(edition.rounds) - len(left_out)
    return Exported("\n".join(lines).encode(), written, tuple(left_out))


def _misread(question: Question) -> str | None:
    """Why GIFT cannot carry ``question`` as it is, or None. GIFT has no
    escape for two of its signs: an answer of ``=`` with ``->`` anywhere in
    the braces makes a matching question, and ``%50%`` at the start of an
    answer is a weight."""
    answers = (*question.choices, *question.right_choices, *question.accept)
    texts = [question.id, question.prompt, *answers]
    texts += [t for t in (question.explanation, question.category) if t is not None]
    if any(text != text.strip() for text in texts):
        return "GIFT trims the spaces at the ends of its text"
    if question.type in ("single", "text") and any("->" in a for a in answers):
        return 'GIFT takes an answer with "->" for a matching question'
    if question.type != "truefalse" and any(_WEIGHT.match(a) for a in answers):
        return 'GIFT takes "%N%" at the start of an answer for its weight'
    return None


def _bank_comment(bank: Bank, spoilers: Spoiler | None) -> list[str]:
    import msgspec

    keys: tuple[str, ...] = _BANK_KEYS
    if spoilers is not None and spoiler_rank(spoilers) < ENDING:
        # Read together, the words that give the plot away tell it: a file
        # kept free of the ending leaves them out.
        keys = tuple(key for key in keys if key != "spoiler_words")
    document = {key: msgspec.to_builtins(getattr(bank, key)) for key in keys}
    kept = {key: value for key, value in document.items() if value}
    return [f"// Quiz: {bank.title}", BANK_COMMENT + _json(kept), ""]


def _question(question: Question) -> list[str]:
    prompt = escape(question.prompt)
    if question.prompt.lstrip().startswith("["):
        prompt = "[plain]" + prompt  # not to be taken for a format like [html]
    head = f"::{escape(question.id)}::{prompt} {{"
    if question.type == "truefalse":
        feedback = _general_feedback(question)
        return [f"{head}{'TRUE' if question.answer else 'FALSE'}{feedback}}}"]
    if question.type == "text":
        answers = [f"\t={escape(text)}" for text in question.right_choices]
        answers += [f"\t={escape(text)}" for text in question.accept]
    elif question.type == "multi":
        right = question.right_choices
        share = f"{100 / len(right):.5f}".rstrip("0").rstrip(".")
        answers = [
            f"\t~%{share if choice in right else '-100'}%{escape(choice)}"
            for choice in question.choices
        ]
    else:
        answers = [
            f"\t{'=' if choice == question.answer else '~'}{escape(choice)}"
            for choice in question.choices
        ]
    if question.explanation is not None:
        answers.append(f"\t####{escape(question.explanation)}")
    return [head, *answers, "}"]


def _general_feedback(question: Question) -> str:
    if question.explanation is None:
        return ""
    return f"####{escape(question.explanation)}"


def escape(text: str) -> str:
    """Bank text as GIFT text: its special characters escaped."""
    text = text.replace("\\", "\\\\")
    for character in SPECIAL:
        text = text.replace(character, "\\" + character)
    return text


def _category_path(category: str) -> str:
    """A category as a ``$CATEGORY`` path of one level: a slash in its name
    doubled, as Moodle writes it."""
    return category.replace("/", "//")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# -- reading ---------------------------------------------------------------


class _Block(NamedTuple):
    """The lines of one question, or of one ``$CATEGORY`` line."""

    line: int
    """The line it starts on, from 1."""
    text: str
    comment: dict[str, Any]
    """What a ``// filmquiz:`` comment before it said."""


class _Unreadable(Exception):
    """A question that cannot be read, and where in it (an index)."""

    def __init__(self, message: str, index: int | None = None) -> None:
        super().__init__(message)
        self.index = index


class _LeftOut(Exception):
    """A question of a kind filmquiz does not play."""


def read(text: str, source: Path) -> Source:
    """The questions of a GIFT file."""
    del source  # problems are located by line; the caller names the file
    problems: list[Problem] = []
    drafts: list[Draft] = []
    left_out: list[str] = []
    notes: list[str] = []
    bank: dict[str, Any] = {}
    category: str | None = None
    number = 0
    for block in _blocks(text, bank, problems):
        if block.text.startswith(CATEGORY):
            category = _category(block.text[len(CATEGORY) :])
            continue
        number += 1
        where = f"line {block.line} (question {number})"
        try:
            fields = _fields(block.text)
        except _LeftOut as reason:
            left_out.append(f"{where}: {reason}; left out")
            continue
        except _Unreadable as problem:
            if problem.index is not None:
                before = block.text[: problem.index]
                line = block.line + before.count("\n")
                column = problem.index - (before.rfind("\n") + 1) + 1
                where = f"line {line}, column {column} (question {number})"
            problems.append(Problem(where, str(problem)))
            continue
        notes += [f"{where}: {note}" for note in fields.pop("notes", [])]
        if category is not None:
            fields["category"] = category
        for key, value in block.comment.items():
            if key == "category" and value is NO_CATEGORY:
                fields.pop("category", None)
            else:  # the bank's checks say what is wrong with a value
                fields[key] = value
        drafts.append(Draft(where, fields))
    return Source(drafts, problems, left_out, bank, notes)


def _blocks(
    text: str, bank: dict[str, Any], problems: list[Problem]
) -> Iterator[_Block]:
    """The file's questions and ``$CATEGORY`` lines, with the comments
    before them; a blank line ends a question, unless it is inside braces."""
    lines: list[str] = []
    start = 0
    comment: dict[str, Any] = {}
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("//"):
            if stripped.startswith(BANK_COMMENT.strip()):
                said = _comment(stripped, BANK_COMMENT, number, problems, _BANK_KEYS)
                bank.update(_checked_bank(said, number, problems))
            elif stripped.startswith(QUESTION_COMMENT.strip()) and not lines:
                comment = _comment(
                    stripped,
                    QUESTION_COMMENT,
                    number,
                    problems,
                    (*_QUESTION_KEYS, "category"),
                )
            continue
        if not stripped and depth == 0:
            if lines:
                yield _Block(start, "\n".join(lines), comment)
                lines, comment = [], {}
            continue
        if stripped.startswith(CATEGORY) and depth == 0:
            if lines:
                yield _Block(start, "\n".join(lines), comment)
                lines, comment = [], {}
            yield _Block(number, stripped, {})
            continue
        if not lines:
            start = number
        lines.append(line)
        depth = max(depth + _brace_change(line), 0)
    if lines:
        yield _Block(start, "\n".join(lines), comment)


def _comment(
    line: str, prefix: str, number: int, problems: list[Problem], keys: tuple[str, ...]
) -> dict[str, Any]:
    """What a ``// filmquiz`` comment says: a JSON object of known keys."""
    try:
        value = json.loads(line[len(prefix.strip()) :])
    except (ValueError, RecursionError):  # not JSON, or nested past reading
        value = None
    if not isinstance(value, dict) or any(key not in keys for key in value):
        problems.append(
            Problem(
                f"line {number}",
                f"a {prefix.strip()!r} comment must hold a JSON object of "
                f"{', '.join(keys)}",
            )
        )
        return {}
    return value


def _checked_bank(
    said: dict[str, Any], number: int, problems: list[Problem]
) -> dict[str, Any]:
    """What a ``// filmquiz bank:`` comment says of the bank, if the bank's
    own checks take it; else nothing, and its problems placed on its line."""
    if not said:
        return {}
    from filmquiz.bankfile.problems import careful_bank
    from filmquiz.bankfile.rules import FORMAT_VERSION

    question = {"id": "q", "type": "truefalse", "prompt": "Q?", "answer": True}
    document = {"format": FORMAT_VERSION, "title": "Quiz", **said}
    document["questions"] = [question]
    try:
        data = json.dumps(document).encode()
        careful_bank(data, slug="import", source=Path("comment"))
    except BankError as error:
        problems += [Problem(f"line {number}", p.message) for p in error.problems]
        return {}
    return said


def _brace_change(line: str) -> int:
    """How many more braces ``line`` opens than it closes (escapes aside)."""
    change = 0
    for character, _ in _unescaped(line):
        change += {"{": 1, "}": -1}.get(character, 0)
    return change


def _unescaped(text: str) -> Iterator[tuple[str, int]]:
    """Each special character of ``text`` not escaped with a backslash, and
    where it is."""
    escaped = False
    for index, character in enumerate(text):
        if escaped:
            escaped = False
        elif character == "\\":
            escaped = True
        elif character in SPECIAL:
            yield character, index


def unescape(text: str) -> str:
    """GIFT text as bank text: escapes undone, lines joined by a space."""
    out = []
    characters = iter(text)
    for character in characters:
        if character == "\\":
            following = next(characters, "")
            out.append(" " if following == "n" else following)
        else:
            out.append(character)
    # A tab is a space to a reader, and bank text holds none.
    lines = "".join(out).replace("\t", " ").splitlines()
    return " ".join(line.strip() for line in lines).strip()


def _category(path: str) -> str | None:
    """The category a ``$CATEGORY`` path names: its last level (Moodle
    nests categories, a bank does not), a doubled slash a slash."""
    levels = [
        level.replace("\0", "/").strip()
        for level in path.replace("//", "\0").split("/")
    ]
    in_context = len(levels) > 1 and _CONTEXT.fullmatch(levels[0]) is not None
    named = [level for level in levels[1 if in_context else 0 :] if level]
    if not named or (in_context and named == ["top"]):
        return None
    return named[-1]


def _fields(text: str) -> dict[str, Any]:
    """A question's keys from its GIFT text."""
    fields: dict[str, Any] = {}
    text = text.strip()
    if text.startswith("::"):
        end = _find(text, ":", 2, pair=True)
        if end is None:
            raise _Unreadable("the question's name is not closed with ::", 0)
        name = unescape(text[2:end])
        if name:  # no name: an id is made from the text
            fields["id"] = name
        body_start = end + 2
    else:
        body_start = 0
    opening = _find(text, "{", body_start)
    if opening is None:
        raise _LeftOut("a description with no answers in braces")
    closing = _find(text, "}", opening + 1)
    reopened = _find(text, "{", opening + 1)
    if closing is None or (reopened is not None and reopened < closing):
        raise _Unreadable("the { opened here is never closed with }", opening)
    head, answers, tail = (
        text[body_start:opening],
        text[opening + 1 : closing],
        text[closing + 1 :],
    )
    second = _find(text, "{", closing + 1)
    if second is not None:
        raise _Unreadable(
            "a second question starts before a blank line ends this one", second
        )
    fields["prompt"] = _prompt(head, tail)
    fields.update(_answers(answers, opening + 1))
    return fields


def _find(text: str, wanted: str, start: int, *, pair: bool = False) -> int | None:
    """Where the first unescaped ``wanted`` (twice in a row with ``pair``)
    is, from ``start``."""
    for character, index in _unescaped(text[start:]):
        if character != wanted:
            continue
        if not pair or text[start + index + 1 : start + index + 2] == wanted:
            return start + index
    return None


def _prompt(head: str, tail: str) -> str:
    """The question's text; for a missing word (text on both sides of the
    braces), a blank where the word goes."""
    marked = head.lstrip()
    is_html = False
    for marker in _FORMATS:
        if marked.lower().startswith(marker):
            marked = marked[len(marker) :]
            is_html = marker in ("[html]", "[moodle]")
            break
    prompt = unescape(marked)
    if unescape(tail):
        prompt = f"{prompt} _____ {unescape(tail)}".strip()
    if is_html:
        spaced = _BLOCK_TAG.sub(" ", prompt)  # <p>, <br>: words apart
        prompt = " ".join(html.unescape(_TAG.sub("", spaced)).split())
    return prompt


class _Item(NamedTuple):
    right: bool
    """Marked ``=``, or with a weight above 0."""
    marker: str
    weight: float | None
    text: str
    feedback: str


def _answers(block: str, offset: int) -> dict[str, Any]:
    """The type, choices, answer and explanation the braces hold."""
    general = _find_feedback(block)
    explanation = unescape(block[general + 4 :]) if general is not None else ""
    body = block[:general] if general is not None else block
    stripped = body.strip()
    if not stripped:
        raise _LeftOut("an essay question (empty braces), which has no answer")
    if stripped.startswith("#"):
        raise _LeftOut("a numeric question ({#...}); filmquiz has none")
    fields: dict[str, Any] = {}
    truth = _true_false(stripped)
    if truth is not None:
        fields.update(type="truefalse", answer=truth)
        # {T#shown when wrong#shown when right}: the second says why.
        feedback = [unescape(part) for part in _split_feedback(body)]
        if len(feedback) > 1 and feedback[1]:
            fields["feedback"] = feedback[1]
    else:
        fields.update(_choices(body, offset))
    if explanation:
        fields["explanation"] = explanation
    elif fields.get("feedback"):
        fields["explanation"] = fields["feedback"]
    fields.pop("feedback", None)
    return fields


def _find_feedback(block: str) -> int | None:
    """Where ``####`` starts the general feedback, if it does."""
    hashes = [index for character, index in _unescaped(block) if character == "#"]
    for index in hashes:
        if block[index : index + 4] == "####":
            return index
    return None


def _split_feedback(body: str) -> list[str]:
    """The ``#`` feedbacks after a true/false answer, in order."""
    hashes = [index for character, index in _unescaped(body) if character == "#"]
    if not hashes:
        return []
    ends = [*hashes[1:], len(body)]
    return [body[start + 1 : end] for start, end in zip(hashes, ends, strict=True)]


def _true_false(body: str) -> bool | None:
    first = _find(body, "#", 0)
    word = (body if first is None else body[:first]).strip().upper()
    return {"T": True, "TRUE": True, "F": False, "FALSE": False}.get(word)


def _choices(body: str, offset: int) -> dict[str, Any]:
    items = list(_items(body, offset))
    if any(item.marker == "=" for item in items) and "->" in body:
        raise _LeftOut("a matching question (=a -> b); filmquiz has none")
    texts = [item.text for item in items]
    feedback = next((item.feedback for item in items if item.right), "")
    if all(item.marker == "=" for item in items):
        full = [item.text for item in items if item.weight in (None, 100.0)]
        if not full:
            raise _Unreadable("no answer takes full marks (=%100% or plain =)", offset)
        fields: dict[str, Any] = {"type": "text", "answer": full[0]}
        partial = [item for item in items if item.weight not in (None, 100.0)]
        fields["notes"] = [
            f"{quote(item.text)} was worth {item.weight:g}%; filmquiz takes an "
            "answer or not, so it is not taken"
            for item in partial
        ]
        fields["feedback"] = feedback
        if full[1:]:
            fields["accept"] = full[1:]
        return fields
    marked = [item for item in items if item.marker == "="]
    if marked:
        if len(marked) > 1:
            raise _Unreadable(
                f"{len(marked)} answers are marked right with =; a question with "
                "several right answers gives each a weight: ~%50%",
                offset,
            )
        partial = [item for item in items if item.marker == "~" and item.right]
        return {
            "type": "single",
            "choices": texts,
            "answer": marked[0].text,
            "feedback": feedback,
            "notes": [
                f"{quote(item.text)} was worth {item.weight:g}%; filmquiz takes "
                "one right choice, so it counts as wrong"
                for item in partial
            ],
        }
    right = [item.text for item in items if item.right]
    if not right:
        raise _Unreadable(
            "no answer is marked right: mark it with =, or give the right ones "
            "a weight above 0 (~%50%)",
            offset,
        )
    return {"type": "multi", "choices": texts, "answer": right, "feedback": feedback}


def _items(body: str, offset: int) -> Iterator[_Item]:
    """The ``=`` and ``~`` answers of a block, each with its weight and
    feedback."""
    starts = [
        (character, index) for character, index in _unescaped(body) if character in "=~"
    ]
    if not starts or body[: starts[0][1]].strip():
        raise _Unreadable(
            "the answers must each start with = (right) or ~ (wrong)", offset
        )
    ends = [index for _, index in starts[1:]] + [len(body)]
    for (marker, start), end in zip(starts, ends, strict=True):
        raw = body[start + 1 : end]
        weight = None
        match = _WEIGHT.match(raw.lstrip())
        if match is not None:
            weight = float(match.group(1))
            raw = raw.lstrip()[match.end() :]
        hash_at = _find(raw, "#", 0)
        text = unescape(raw if hash_at is None else raw[:hash_at])
        feedback = "" if hash_at is None else unescape(raw[hash_at + 1 :])
        right = marker == "=" or (weight is not None and weight > 0)
        if not text:
            raise _Unreadable(f"an answer after {marker} is empty", offset + start)
        yield _Item(right, marker, weight, text, feedback)
