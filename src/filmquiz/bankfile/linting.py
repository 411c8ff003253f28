"""What ``validate --strict`` warns of: questions that are valid but unfair.

A bank can pass every rule of the format and still be a poor quiz: a prompt
that holds its own answer, an explanation that answers another question, the
same fact asked twice, a right answer that stands out from the wrong ones,
answers at a predictable place, explanations that teach nothing, and plot
given away without warning. Each check here is a heuristic over the words of
the bank; its thresholds were tuned on real banks (the shipped ones and the
Open Trivia Database's questions) to flag real problems and few false ones.

Pure: a bank in, warnings out.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import combinations
from typing import NamedTuple

from filmquiz.bankfile.model import Bank, Question
from filmquiz.visible import quote

RULES = (
    "answer-in-prompt",
    "gives-away",
    "near-duplicate",
    "answer-stands-out",
    "predictable-answers",
    "restates-answer",
    "no-spoiler-level",
    "spoiler-word",
)
"""Every warning's name, in the order the README explains them."""


class Finding(NamedTuple):
    """One thing that makes a bank unfair, and where it is."""

    rule: str
    """One of RULES."""
    question: str | None
    """The id of the question it is about; None for the bank as a whole."""
    message: str


# Words that say nothing about a fact: a shared one makes two texts no more
# alike, and a distinctive part of an answer is never one of them.
_FUNCTION_WORD_LIST = """
    a about after against all also an and another any are as at be because been
    before being both but by can could did do does doing during each for from
    had has have having he her here hers him his how i if in into is it its
    just me more most my no nor not of off on once one only or other our out
    over own same she should so some such than that the their them then there
    these they this those through to too under until up very was we were what
    when where which while who whom whose why will with would you your
"""
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
_QUIZ_WORD_LIST = """
    film films movie movies character characters play plays played playing
    name named called calls first last later does did whose role scene story
    who what which answer question quiz true false
"""
_QUIZ_WORDS = frozenset(_QUIZ_WORD_LIST.split())
_COMMON = _FUNCTION_WORDS | _QUIZ_WORDS

_WORD = re.compile("[^\\W_]+(?:['\u2019][^\\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


@cache
def _folded(text: str) -> str:
    """``text`` casefolded, without accents: "Almodóvar" finds "almodovar"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _words(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded, a possessive "'s" dropped."""
    found = []
    for word in _WORD.findall(_folded(text)):
        word = re.sub("['\u2019]s$", "", word)
        found.append(word)
    return tuple(found)


def _content(text: str) -> set[str]:
    """The words of ``text`` that carry meaning."""
    return {w for w in _words(text) if w not in _COMMON and (len(w) > 1 or w.isdigit())}


def _contains(words: Sequence[str], phrase: Sequence[str]) -> bool:
    """True when ``phrase`` occurs in ``words`` as whole words, in order."""
    size = len(phrase)
    if not size or size > len(words):
        return False
    first = phrase[0]
    return any(
        words[i] == first and tuple(words[i : i + size]) == tuple(phrase)
        for i in range(len(words) - size + 1)
    )


def _distinctive(question: Question) -> set[str]:
    """The words of the answer that no wrong choice has (in any form:
    "Muppet" in a wrong choice makes "Muppets" no clue): what a player who
    sees them elsewhere learns the answer from."""
    wrong: set[str] = set()
    for choice in question.choices:
        if choice != question.answer:
            wrong.update(_stem(w) for w in _words(choice))
    return {w for w in _content(question.answer) if _stem(w) not in wrong}


def _is_weak(words: set[str]) -> bool:
    """True for a distinctive part too short to give an answer away by
    itself (a first name such as "Ana", a small number such as "17")."""
    return sum(len(w) for w in words) < 5


def _speaks_for_itself(words: set[str]) -> bool:
    """True for a distinctive part that gives its answer away wherever it is
    seen: an ordinal or a number with letters ("94th", "78th"), or several
    words that make a name ("Alberto Iglesias"). One word ("actress",
    "Spanish") or a bare number (a year, "17") does so only where its
    question's subject is spoken of too: many films came out in 1997."""
    if any(_has_digit(w) and not w.isdigit() for w in words):
        return True
    return len(words) >= 2 and sum(len(w) for w in words) >= 10


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def lint(bank: Bank) -> list[Finding]:
    """Every warning for ``bank``: the bank's own first, then each question's
    in file order."""
    questions = list(bank.questions)
    by_question: dict[str, list[Finding]] = defaultdict(list)
    bank_wide: list[Finding] = list(_predictable_answers(questions))
    for check in (
        _answer_in_prompt,
        _restates_answer,
        _answer_stands_out,
        _spoilers,
    ):
        for question in questions:
            for warning in check(question, bank):
                by_question[question.id].append(warning)
    for warning in (*_gives_away(questions, bank), *_near_duplicates(questions)):
        if warning.question is None:
            bank_wide.append(warning)
        else:
            by_question[warning.question].append(warning)
    ordered = bank_wide
    for question in questions:
        ordered.extend(sorted(by_question.get(question.id, ()), key=_rule_order))
    return ordered


def _rule_order(warning: Finding) -> int:
    return RULES.index(warning.rule)


def _answer_in_prompt(question: Question, bank: Bank) -> Iterator[Finding]:
    """The answer, or the words only it has, in the question's own prompt."""
    prompt = _words(question.prompt)
    stems = {_stem(w) for w in prompt}
    if _contains(prompt, _words(question.answer)) and _content(question.answer):
        yield Finding(
            "answer-in-prompt",
            question.id,
            f"the prompt holds the answer ({quote(question.answer)})",
        )
        return
    giveaway = sorted(w for w in _distinctive(question) if _stem(w) in stems)
    if giveaway and not _is_weak(set(giveaway)):
        yield Finding(
            "answer-in-prompt",
            question.id,
            f"the prompt holds {_listed(giveaway)}, which only the answer "
            f"({quote(question.answer)}) has",
        )


def _gives_away(questions: list[Question], bank: Bank) -> Iterator[Finding]:
    """Another question's prompt or explanation, or the game's heading, that
    holds a question's answer. A long answer gives itself away by its
    distinctive words alone; a short one ("Ana", "17") only in a sentence
    that also speaks of what its question asks."""
    sentences: list[tuple[str, tuple[str, ...]]] = []  # owner id, words
    for other in questions:
        for text in (other.prompt, other.explanation or ""):
            for sentence in _SENTENCE_END.split(text):
                if sentence:
                    sentences.append((other.id, _words(sentence)))
    index: dict[str, set[int]] = defaultdict(set)
    for number, (_, words) in enumerate(sentences):
        for word in words:
            index[word].add(number)
    heading = _heading_words(bank)
    for question in questions:
        wanted = _distinctive(question)
        if not wanted:
            continue
        answer_words = _words(question.answer)
        if wanted <= heading[1]:
            yield Finding(
                "gives-away",
                question.id,
                f"the game's heading ({heading[0]}) shows the answer "
                f"({quote(question.answer)})",
            )
        holders = set.intersection(*(index.get(w, set()) for w in wanted))
        subject = {_stem(w) for w in _content(question.prompt) - set(answer_words)}
        needed = 0 if _speaks_for_itself(wanted) else min(2, len(subject))
        told: dict[str, None] = {}
        for number in sorted(holders):
            owner, words = sentences[number]
            if owner == question.id or owner in told:
                continue
            if needed and len(subject & {_stem(w) for w in words}) < needed:
                continue
            told[owner] = None
        for owner in told:
            yield Finding(
                "gives-away",
                question.id,
                f"question {quote(owner)} gives the answer "
                f"({quote(question.answer)}) away",
            )


def _heading_words(bank: Bank) -> tuple[str, set[str]]:
    """What the game's heading shows (the title, year and director), as
    shown and as words."""
    film = bank.film
    shown = [bank.title]
    if film is not None:
        shown += [str(film.year) if film.year else "", film.director or ""]
    text = ", ".join(part for part in shown if part)
    return text, set(_words(text))


def _near_duplicates(questions: list[Question]) -> Iterator[Finding]:
    """Two questions that ask the same fact: each one's answer in the other's
    prompt (who plays Elena? / whom does Rossy de Palma play?), or prompts
    that differ by a word or two over the same choices."""
    prompts = {q.id: _content(q.prompt) for q in questions}
    index: dict[str, set[int]] = defaultdict(set)
    for number, question in enumerate(questions):
        for word in prompts[question.id] | _content(question.answer):
            index[word].add(number)
    frequent = max(20, len(questions) // 20)
    pairs: set[tuple[int, int]] = set()
    for numbers in index.values():
        if len(numbers) <= frequent:
            pairs.update(combinations(sorted(numbers), 2))
    for first, second in sorted(pairs):
        one, other = questions[first], questions[second]
        reason = _same_fact(one, other, prompts)
        if reason:
            yield Finding(
                "near-duplicate",
                other.id,
                f"asks what question {quote(one.id)} asks ({reason})",
            )


def _same_fact(
    one: Question, other: Question, prompts: dict[str, set[str]]
) -> str | None:
    one_answer, other_answer = _distinctive(one), _distinctive(other)
    if (
        one_answer
        and other_answer
        and one_answer <= _content(other.prompt)
        and other_answer <= _content(one.prompt)
    ):
        return "each answer is in the other's prompt"
    a, b = prompts[one.id], prompts[other.id]
    if not a or not b:
        return None
    alike = len(a & b) / len(a | b)
    same_choices = set(one.choices) == set(other.choices)
    if alike >= 0.8 and (same_choices or one.answer == other.answer):
        return "the same prompt and answer"
    if alike >= 0.5 and same_choices and len(a & b) >= 2:
        return "the same choices, and a prompt that differs by a word or two"
    return None


_LONGER_BY = 1.6
"""A right answer this many times as long as the longest wrong one..."""
_LONGER_BY_CHARACTERS = 12
"""...and longer by this many characters stands out."""


def _answer_stands_out(question: Question, bank: Bank) -> Iterator[Finding]:
    """A right answer that can be told from the wrong ones by its form."""
    wrong = [c for c in question.choices if c != question.answer]
    if len(wrong) < 2:
        return
    answer = question.answer
    longest = max(len(c) for c in wrong)
    if len(answer) >= _LONGER_BY * longest and len(answer) - longest >= (
        _LONGER_BY_CHARACTERS
    ):
        yield Finding(
            "answer-stands-out",
            question.id,
            f"the answer is much longer than every wrong choice "
            f"({len(answer)} characters, the others at most {longest})",
        )
        return
    odd = _odd_one_out(question, wrong)
    if odd:
        yield Finding(
            "answer-stands-out",
            question.id,
            f"the answer is the only choice {odd}",
        )


_KINDS = {
    "acting": ("actor", "actress", "acting", "performance"),
    "directing": ("director", "directing", "direction"),
    "writing": ("screenplay", "script", "writer", "writing"),
    "music": ("score", "music", "song", "soundtrack", "composer"),
}
"""Words that say what a choice is about: an award for acting among awards
that are not ("Volpi Cup for Best Actress" beside "Golden Lion") stands out."""


def _odd_one_out(question: Question, wrong: list[str]) -> str | None:
    """How the answer differs from every wrong choice, when at least three
    wrong ones agree and it does not; None when it does not stand out."""
    if len(wrong) < 3:
        return None
    answer = question.answer
    prompt = {_stem(w) for w in _content(question.prompt)}
    most_words = max(len(_words(c)) for c in wrong)
    if len(_words(answer)) >= max(most_words + 3, 2 * most_words):
        return "several words longer than all the others"
    kinds: dict[str, Callable[[str], bool]] = {
        "with a comma or brackets": lambda c: any(ch in c for ch in ",()"),
        "that echoes the prompt": lambda c: bool(
            {_stem(w) for w in _content(c)} & prompt
        ),
    }
    for kind, words in _KINDS.items():
        kinds[f"about {kind}"] = lambda c, words=words: any(  # type: ignore[misc]
            w in words for w in _words(c)
        )
    for kind, has in kinds.items():
        if has(answer) and not any(has(c) for c in wrong):
            return kind
    return None


def _predictable_answers(questions: list[Question]) -> Iterator[Finding]:
    """Answers at places a player could learn in file order, where
    ``--no-shuffle`` keeps them: mostly at one place, or in a pattern that
    repeats every few questions (A, B, C, D, A ...)."""
    places = [q.choices.index(q.answer) for q in questions]
    if len(places) < 12:
        return
    counts = Counter(places)
    place, most = counts.most_common(1)[0]
    chance = sum(1 / len(q.choices) for q in questions) / len(questions)
    if most / len(places) >= max(0.5, chance + 0.25):
        yield Finding(
            "predictable-answers",
            None,
            f"{most} of {len(places)} answers are choice {place + 1}",
        )
        return
    for period in range(2, 7):
        pairs = list(zip(places, places[period:], strict=False))
        same = sum(1 for a, b in pairs if a == b)
        if same / len(pairs) >= max(0.6, chance + 0.3):
            yield Finding(
                "predictable-answers",
                None,
                f"the answers' places repeat every {period} questions in "
                f"{same} of {len(pairs)} cases",
            )
            return
    steps = sum(
        1
        for q, a, b in zip(questions[1:], places, places[1:], strict=False)
        if b == (a + 1) % len(q.choices)
    )
    if steps / (len(places) - 1) >= max(0.6, chance + 0.3):
        yield Finding(
            "predictable-answers",
            None,
            f"the answer moves one choice down from one question to the next "
            f"in {steps} of {len(places) - 1} cases",
        )


_NEW_WORDS = 2
"""Words an explanation must add to its prompt and answer to teach something."""


def _restates_answer(question: Question, bank: Bank) -> Iterator[Finding]:
    """An explanation that says nothing its prompt and answer did not."""
    explanation = question.explanation
    if not explanation:
        return
    said = _content(question.prompt) | _content(question.answer)
    said |= {_stem(w) for w in said}
    new = {w for w in _content(explanation) if w not in said and _stem(w) not in said}
    if len(new) < _NEW_WORDS:
        yield Finding(
            "restates-answer",
            question.id,
            "the explanation only restates the answer; add a fact the player "
            "did not know",
        )


def _stem(word: str) -> str:
    """``word`` without a plural or common ending, so that "plays" and
    "played" are not new beside "play"."""
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


def _spoilers(question: Question, bank: Bank) -> Iterator[Finding]:
    """A question without a spoiler level, or one marked ``none`` that uses
    a word the bank says gives the plot away."""
    if question.spoiler is None:
        yield Finding(
            "no-spoiler-level",
            question.id,
            "no spoiler level: add spoiler none, early, middle or ending "
            "(without it the question counts as the ending)",
        )
        return
    if question.spoiler != "none" or not bank.spoiler_words:
        return
    words = _texts_words(question)
    used = [
        word
        for word in bank.spoiler_words
        if any(_contains(text, _words(word)) for text in words)
    ]
    if used:
        yield Finding(
            "spoiler-word",
            question.id,
            f"marked spoiler none, but uses {_listed(used)}, which the bank "
            "lists as spoiler words",
        )


def _texts_words(question: Question) -> list[tuple[str, ...]]:
    texts: Iterable[str] = (
        question.prompt,
        *question.choices,
        question.explanation or "",
    )
    return [_words(text) for text in texts]


def _listed(words: Sequence[str]) -> str:
    quoted = [quote(word) for word in words]
    if len(quoted) == 1:
        return quoted[0]
    return f"{', '.join(quoted[:-1])} and {quoted[-1]}"
