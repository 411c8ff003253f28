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
_POSSESSIVE = re.compile("['\u2019]s$")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def _folded(text: str) -> str:
    """``text`` casefolded, without accents: "Almodóvar" finds "almodovar"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text``, folded, a possessive "'s" dropped."""
    words = _WORD.findall(_folded(text))
    if "'" in text or "\u2019" in text:
        return tuple(_POSSESSIVE.sub("", word) for word in words)
    return tuple(words)


def _content(text: str) -> set[str]:
    """The words of ``text`` that carry meaning."""
    return _meaningful(_words(text))


def _meaningful(words: Iterable[str]) -> set[str]:
    return {w for w in words if w not in _COMMON and (len(w) > 1 or w.isdigit())}


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


class _Seen:
    """A question as the checks read it, its words found once."""

    __slots__ = ("answer", "answer_content", "distinctive", "prompt", "question")

    def __init__(self, question: Question) -> None:
        self.question = question
        self.prompt = _words(question.prompt)
        self.answer = _words(question.answer_text)
        self.answer_content = _meaningful(self.answer)
        wrong: set[str] = set()
        right = question.right_choices
        for choice in question.choices:
            if choice not in right:
                wrong.update(_stem(w) for w in _words(choice))
        self.distinctive = {w for w in self.answer_content if _stem(w) not in wrong}
        """The words of the answer that no wrong choice has (in any form:
        "Muppet" in a wrong choice makes "Muppets" no clue): what a player
        who sees them elsewhere learns the answer from."""

    @property
    def prompt_content(self) -> set[str]:
        return _meaningful(self.prompt)


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
    seen = [_Seen(question) for question in questions]
    by_question: dict[str, list[Finding]] = defaultdict(list)
    bank_wide: list[Finding] = list(_predictable_answers(questions))
    spoiler_words = _phrases(bank.spoiler_words)
    for one in seen:
        found = (
            *_answer_in_prompt(one),
            *_restates_answer(one),
            *_answer_stands_out(one),
            *_spoilers(one.question, spoiler_words),
        )
        if found:
            by_question[one.question.id].extend(found)
    for warning in (*_gives_away(seen, bank), *_near_duplicates(seen)):
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


def _answer_in_prompt(seen: _Seen) -> Iterator[Finding]:
    """The answer, or the words only it has, in the question's own prompt."""
    question = seen.question
    prompt = seen.prompt
    stems = {_stem(w) for w in prompt}
    if _contains(prompt, seen.answer) and seen.answer_content:
        yield Finding(
            "answer-in-prompt",
            question.id,
            f"the prompt holds the answer ({quote(question.answer_text)})",
        )
        return
    giveaway = sorted(w for w in seen.distinctive if _stem(w) in stems)
    if giveaway and not _is_weak(set(giveaway)):
        yield Finding(
            "answer-in-prompt",
            question.id,
            f"the prompt holds {_listed(giveaway)}, which only the answer "
            f"({quote(question.answer_text)}) has",
        )


_COMMON_IN_BANK = 100
"""Texts a word may be in and still point to one answer: a word in more of
the bank's prompts and explanations than this is common in it, no clue."""


def _gives_away(seen: list[_Seen], bank: Bank) -> Iterator[Finding]:
    """Another question's prompt or explanation, or the game's heading, that
    holds a question's answer. A long answer gives itself away by its
    distinctive words alone; a short one ("Ana", "17") only in a sentence
    that also speaks of what its question asks."""
    wanted_words = set().union(*(one.distinctive for one in seen))
    # Each sentence of every prompt and explanation: whose it is, which
    # text, and its words; indexed by the words some answer is made of.
    sentences: list[tuple[str, str, tuple[str, ...]]] = []
    stems: dict[int, set[str]] = {}  # of a sentence, found when first needed
    index: dict[str, list[int]] = defaultdict(list)
    for one in seen:
        other = one.question
        for where, text in (
            ("prompt", other.prompt),
            ("explanation", other.explanation),
        ):
            for sentence in _SENTENCE_END.split(text or ""):
                words = _words(sentence) if sentence else ()
                clues = wanted_words.intersection(words)
                if not clues:
                    continue
                for word in clues:
                    index[word].append(len(sentences))
                sentences.append((other.id, where, words))
    heading = _heading_words(bank)
    for one in seen:
        question, wanted = one.question, one.distinctive
        if not wanted:
            continue
        if wanted <= heading[1]:
            yield Finding(
                "gives-away",
                question.id,
                f"the game's heading ({heading[0]}) shows the answer "
                f"({quote(question.answer_text)})",
            )
        postings = sorted((index.get(w, []) for w in wanted), key=len)
        if not postings[0] or len(postings[0]) > _COMMON_IN_BANK:
            continue
        holders = set(postings[0]).intersection(*postings[1:])
        subject = {_stem(w) for w in one.prompt_content - set(one.answer)}
        needed = 0 if _speaks_for_itself(wanted) else min(2, len(subject))
        told: dict[tuple[str, str], None] = {}
        for number in sorted(holders):
            owner, where, words = sentences[number]
            if owner == question.id or (owner, where) in told:
                continue
            if needed:
                if number not in stems:
                    stems[number] = {_stem(w) for w in words}
                if len(subject & stems[number]) < needed:
                    continue
            told[owner, where] = None
        for owner, where in told:
            yield Finding(
                "gives-away",
                question.id,
                f"the {where} of question {quote(owner)} gives the answer "
                f"({quote(question.answer_text)}) away",
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


_COMMON_IN_PROMPTS = 30
"""Prompts a word may be in and still pair two questions as duplicates."""


def _near_duplicates(seen: list[_Seen]) -> Iterator[Finding]:
    """Two questions that may ask the same fact: each one's answer in the
    other's prompt (who plays Elena? / whom does Rossy de Palma play?), or
    prompts that differ by a word or two over the same choices. Only pairs
    that share a word few prompts have are compared."""
    prompts = [one.prompt_content for one in seen]
    index: dict[str, list[int]] = defaultdict(list)
    for number, one in enumerate(seen):
        for word in prompts[number] | one.answer_content:
            index[word].append(number)
    pairs: set[tuple[int, int]] = set()
    for numbers in index.values():
        if len(numbers) <= _COMMON_IN_PROMPTS:
            pairs.update(combinations(numbers, 2))
    # The same question asked again, however often: paired with its first.
    first_asked: dict[tuple[tuple[str, ...], str], int] = {}
    for number, one in enumerate(seen):
        asked = (one.prompt, one.question.answer_text)
        if asked in first_asked:
            pairs.add((first_asked[asked], number))
        else:
            first_asked[asked] = number
    for first, second in sorted(pairs):
        reason = _same_fact(seen[first], seen[second], prompts[first], prompts[second])
        if reason:
            yield Finding(
                "near-duplicate",
                seen[second].question.id,
                f"may ask the same fact as question "
                f"{quote(seen[first].question.id)} ({reason})",
            )


def _same_fact(one: _Seen, other: _Seen, a: set[str], b: set[str]) -> str | None:
    if (
        one.distinctive
        and other.distinctive
        and one.distinctive <= b
        and other.distinctive <= a
    ):
        return "each answer is in the other's prompt"
    if not a or not b:
        return None
    alike = len(a & b) / len(a | b)
    # Two typed questions have no choices: that is not the same choices.
    same_choices = bool(one.question.choices) and set(one.question.choices) == set(
        other.question.choices
    )
    if alike >= 0.8 and (
        same_choices or one.question.answer_text == other.question.answer_text
    ):
        return "the same prompt and answer"
    if alike >= 0.5 and same_choices and len(a & b) >= 2:
        return "the same choices, and a prompt that differs by a word or two"
    return None


_LONGER_BY = 1.6
"""A right answer this many times as long as the longest wrong one..."""
_LONGER_BY_CHARACTERS = 12
"""...and longer by this many characters stands out."""


def _answer_stands_out(seen: _Seen) -> Iterator[Finding]:
    """A right answer that can be told from the wrong ones by its form."""
    question = seen.question
    if question.type != "single":
        return
    answer = question.answer_text
    wrong = [c for c in question.choices if c != answer]
    if len(wrong) < 2:
        return
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
    odd = _odd_one_out(seen, wrong)
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


def _odd_one_out(seen: _Seen, wrong: list[str]) -> str | None:
    """How the answer differs from every wrong choice, when at least three
    wrong ones agree and it does not; None when it does not stand out."""
    if len(wrong) < 3:
        return None
    prompt = {_stem(w) for w in seen.prompt_content}
    wrong_words = [_words(c) for c in wrong]
    most_words = max(map(len, wrong_words))
    if len(seen.answer) >= max(most_words + 3, 2 * most_words):
        return "several words longer than all the others"
    kinds: dict[str, Callable[[str, tuple[str, ...]], bool]] = {
        "with a comma or brackets": lambda text, _: any(ch in text for ch in ",()"),
        "that echoes the prompt": lambda _, words: any(
            _stem(w) in prompt for w in _meaningful(words)
        ),
    }
    for kind, kind_words in _KINDS.items():
        kinds[f"about {kind}"] = lambda _, words, of=kind_words: any(  # type: ignore[misc]
            w in of for w in words
        )
    for kind, has in kinds.items():
        if has(seen.question.answer_text, seen.answer) and not any(
            has(c, words) for c, words in zip(wrong, wrong_words, strict=True)
        ):
            return kind
    return None


def _predictable_answers(questions: list[Question]) -> Iterator[Finding]:
    """Answers at places a player could learn in file order, where
    ``--no-shuffle`` keeps them: mostly at one place, or in a pattern that
    repeats every few questions (A, B, C, D, A ...)."""
    # Only single-choice questions have one place for the answer.
    questions = [q for q in questions if q.type == "single"]
    places = [q.choices.index(q.answer_text) for q in questions]
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


def _restates_answer(seen: _Seen) -> Iterator[Finding]:
    """An explanation that says nothing its prompt and answer did not."""
    question = seen.question
    explanation = question.explanation
    if not explanation:
        return
    said = seen.prompt_content | seen.answer_content
    said |= {_stem(w) for w in said}
    new = {w for w in _content(explanation) if w not in said and _stem(w) not in said}
    if len(new) < _NEW_WORDS:
        yield Finding(
            "restates-answer",
            question.id,
            "the explanation only restates the answer; add a fact the player "
            "did not know",
        )


@cache
def _stem(word: str) -> str:
    """``word`` without a plural or common ending, so that "plays" and
    "played" are not new beside "play"."""
    for ending in ("ing", "ed", "es", "s"):
        if len(word) > len(ending) + 3 and word.endswith(ending):
            return word[: -len(ending)]
    return word


Phrases = dict[str, list[tuple[str, tuple[str, ...]]]]
"""Spoiler words by their first word: each as written, and as words."""


def _phrases(words: Iterable[str]) -> Phrases:
    found: Phrases = defaultdict(list)
    for word in words:
        folded = _words(word)
        if folded:
            found[folded[0]].append((word, folded))
    return found


def _spoilers(question: Question, spoiler_words: Phrases) -> Iterator[Finding]:
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
    if question.spoiler != "none" or not spoiler_words:
        return
    used: dict[str, None] = {}
    for text in (question.prompt, *question.choices, question.explanation or ""):
        words = _words(text)
        for start, word in enumerate(words):
            for written, phrase in spoiler_words.get(word, ()):
                if words[start : start + len(phrase)] == phrase:
                    used[written] = None
    if used:
        yield Finding(
            "spoiler-word",
            question.id,
            f"marked spoiler none, but uses {_listed(list(used))}, which the bank "
            "lists as spoiler words",
        )


def _listed(words: Sequence[str]) -> str:
    quoted = [quote(word) for word in words]
    if len(quoted) == 1:
        return quoted[0]
    return f"{', '.join(quoted[:-1])} and {quoted[-1]}"
