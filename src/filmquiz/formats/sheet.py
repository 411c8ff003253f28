"""The ``sheet`` export: a printable question sheet and a separate answer key,
for a quiz read out or handed round on paper.

Markdown unless the output file ends in ``.html`` or ``.htm``, when it is a
self-contained HTML page with its answer key on a page of its own. Every
question type can be printed, so nothing is left out. Bank text is always
text: escaped for Markdown, or for HTML, before it goes in.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from string import ascii_uppercase
from typing import TYPE_CHECKING

from filmquiz.formats.exported import Edition, Exported

if TYPE_CHECKING:
    from filmquiz.bankfile.model import Bank
    from filmquiz.bankfile.rules import Spoiler
    from filmquiz.game.engine import Round

HTML_SUFFIXES = frozenset({".html", ".htm"})
"""Output suffixes that get the HTML sheet rather than Markdown."""

SPOILER_WORDS: dict[Spoiler, str] = {
    "none": "no spoilers: nothing of the plot is given away",
    "early": "spoilers from early in the film only",
    "middle": "spoilers up to the middle of the film",
    "ending": "spoilers up to the ending",
}
"""How the heading says which ``--spoilers`` level the sheet kept to."""

PICK_EVERY = "Pick every right answer."
WRITE_IN = "Answer:"

# What Markdown reads as markup or inline HTML anywhere in a line: emphasis,
# code, links and images, HTML and entities, tables, strikethrough and math.
# Only these are escaped, so a sheet stays readable as plain text (a full
# stop or a colon needs no backslash); what matters only at the start of a
# line (a heading, a list, a quote) is escaped there.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*\[\]<>&|~$#]|(?<![^\W_])_|_(?![^\W_]))")
"""An underscore between two letters or digits (``el_cine``) cannot start
or end emphasis, and stays as it is: an address in a source can be copied."""
_LINE_START = re.compile(r"^(\s*)([+=-]|[0-9]+(?=[.)]))")
"""What starts a list or a rule at the start of a line, even after spaces
(``#``, which also ends a heading, is escaped everywhere)."""
_WRITING_LINE = "_" * 32
"""Where a typed answer is written: in the middle of a line, a run of
underscores after a space is neither emphasis nor a rule."""


def export(edition: Edition) -> Exported:
    """The sheet for ``edition``: HTML for an ``.html`` or ``.htm`` file,
    Markdown otherwise."""
    write = _html if edition.suffix in HTML_SUFFIXES else _markdown
    return Exported(data=write(edition).encode("utf-8"), questions=len(edition.rounds))


def letter(index: int) -> str:
    """The letter of the choice shown at ``index``: 0 is A."""
    return ascii_uppercase[index]


def right_letters(round_: Round) -> tuple[str, ...]:
    """The letters of a round's right choices, in the order shown (none for a
    typed answer)."""
    right = set(round_.question.right_choices)
    return tuple(
        letter(i) for i, choice in enumerate(round_.choices) if choice in right
    )


def _right_in_order(round_: Round) -> tuple[str, ...]:
    """The right answer as its words: the right choices in the order shown,
    or the words to type."""
    right = set(round_.question.right_choices)
    shown = tuple(choice for choice in round_.choices if choice in right)
    return shown or round_.question.right_choices


def markdown_text(text: str) -> str:
    """``text`` escaped so that Markdown shows every character of it as
    written and reads none of it as markup."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(
        lambda found: found.group(1) + _escaped_start(found.group(2)), escaped
    )


def _escaped_start(start: str) -> str:
    """The start of a line that would begin a heading or list, made text:
    ``#`` as ``\\#``, ``1.`` as ``1\\.``."""
    if start.isdigit():
        return start + "\\"  # the backslash goes before the . or )
    return "\\" + start


def _film_words(bank: Bank, escape: Callable[[str], str]) -> str | None:
    """What the heading says of the film, from what the bank knows of it:
    ``Parallel Mothers (Madres paralelas, 2021), directed by Pedro
    Almodóvar``; None when it knows nothing."""
    film = bank.film
    if film is None:
        return None
    details = []
    if film.original_title and film.original_title != film.title:
        details.append(escape(film.original_title))
    if film.year is not None:
        details.append(str(film.year))
    words = escape(film.title) if film.title else ""
    if details:
        words = f"{words} ({', '.join(details)})".lstrip()
    if film.director:
        by = f"directed by {escape(film.director)}"
        words = f"{words}, {by}" if words else by[0].upper() + by[1:]
    return f"Film: {words}." if words else None


def _count_words(edition: Edition) -> str:
    """How many questions the sheet asks, and the spoiler level it kept to."""
    count = len(edition.rounds)
    words = f"{count} question{'' if count == 1 else 's'}"
    if edition.spoilers is not None:
        words += f", {SPOILER_WORDS[edition.spoilers]}"
    return words + "."


def _foot(bank: Bank, escape: Callable[[str], str]) -> Iterator[str]:
    """The credits and the licence, each a sentence, as far as they are known."""
    if bank.credits:
        yield f"Credits: {escape(bank.credits)}"
    if bank.license:
        yield f"Licence: {escape(bank.license)}"


# Markdown -------------------------------------------------------------------


def _markdown(edition: Edition) -> str:
    """The sheet in Markdown: heading, questions, foot, then the answer key
    after a horizontal rule under a heading of its own."""
    bank = edition.bank
    title = markdown_text(bank.title)
    lines = [f"# {title}", ""]
    film = _film_words(bank, markdown_text)
    if film:
        lines += [film, ""]
    lines += [_count_words(edition), "", "## Questions", ""]
    for number, round_ in enumerate(edition.rounds, start=1):
        lines += _markdown_question(number, round_)
    foot = list(_foot(bank, markdown_text))
    if foot:
        # A backslash at the end of a line breaks it without a new paragraph.
        lines += ["---", "", "\\\n".join(foot), ""]
    lines += ["---", "", f"## Answer key: {title}", ""]
    for number, round_ in enumerate(edition.rounds, start=1):
        lines += _markdown_answer(number, round_)
    return "\n".join(lines)


def _markdown_question(number: int, round_: Round) -> list[str]:
    """One question of the sheet: its number and prompt, then its lettered
    choices or a line to write the answer on."""
    question = round_.question
    lines = [f"**{number}.** {markdown_text(question.prompt)}", ""]
    if question.type == "multi":
        lines += [f"*{PICK_EVERY}*", ""]
    if round_.choices:
        lines += [
            f"- **{letter(i)}.** {markdown_text(choice)}"
            for i, choice in enumerate(round_.choices)
        ]
    else:
        lines.append(f"{WRITE_IN} {_WRITING_LINE}")
    return [*lines, ""]


def _markdown_answer(number: int, round_: Round) -> list[str]:
    """One answer of the key: the number, the right letters and the answer,
    then the explanation and source on lines of their own."""
    question = round_.question
    letters = right_letters(round_)
    answer = "; ".join(markdown_text(words) for words in _right_in_order(round_))
    first = f"**{number}.** "
    if letters:
        first += f"**{', '.join(letters)}**: "
    first += answer
    if question.accept:
        also = "; ".join(markdown_text(words) for words in question.accept)
        first += f" (also accepted: {also})"
    entry = [first]
    if question.explanation:
        entry.append(markdown_text(question.explanation))
    if question.source:
        entry.append(f"Source: {markdown_text(question.source)}")
    return ["\\\n".join(entry), ""]


# HTML -----------------------------------------------------------------------

_STYLE = """
:root { color-scheme: light; }
body {
  margin: 0 auto; padding: 1rem; max-width: 42rem;
  font: 1.05rem/1.5 Georgia, "Times New Roman", serif; color: #111; background: #fff;
  overflow-wrap: anywhere;
}
h1 { font-size: 1.7rem; margin: 0 0 0.25rem; line-height: 1.2; }
h2 { font-size: 1.3rem; margin: 1.5rem 0 0.75rem; border-bottom: 1px solid #999; }
.about { margin: 0.25rem 0; color: #333; }
ol.questions, ol.answers, ol.choices { list-style: none; padding: 0; margin: 0; }
ol.questions > li, ol.answers > li {
  position: relative; padding-left: 2.4em; margin: 0 0 1rem; break-inside: avoid;
}
li p { margin: 0.15rem 0; }
.number { position: absolute; left: 0; }
.number, .letter, .letters { font-weight: bold; }
ol.choices { margin: 0.35rem 0 0; }
ol.choices li { margin: 0.15rem 0; padding-left: 1.8em; text-indent: -1.8em; }
.letter { display: inline-block; min-width: 1.8em; text-indent: 0; }
.pick { font-style: italic; }
.write { margin-top: 0.6rem; display: flex; gap: 0.5em; }
.write .line { flex: 1; border-bottom: 1px solid #111; min-height: 1.4em; }
.source { color: #444; font-size: 0.9rem; }
footer { margin-top: 2rem; color: #444; font-size: 0.9rem; }
footer p { margin: 0.2rem 0; }
.key { break-before: page; page-break-before: always; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  @page { margin: 18mm; }
}
""".strip()


def _html(edition: Edition) -> str:
    """The sheet as one self-contained HTML page: the answer key starts a new
    printed page."""
    bank = edition.bank
    title = html.escape(bank.title)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}: quiz sheet</title>",
        f"<style>\n{_STYLE}\n</style>",
        "</head>",
        "<body>",
        '<section class="sheet">',
        "<header>",
        f"<h1>{title}</h1>",
    ]
    film = _film_words(bank, html.escape)
    if film:
        parts.append(f'<p class="about">{film}</p>')
    parts += [
        f'<p class="about">{_count_words(edition)}</p>',
        "</header>",
        "<h2>Questions</h2>",
        '<ol class="questions">',
    ]
    for number, round_ in enumerate(edition.rounds, start=1):
        parts += _html_question(number, round_)
    parts.append("</ol>")
    foot = list(_foot(bank, html.escape))
    if foot:
        parts += ["<footer>", *(f"<p>{line}</p>" for line in foot), "</footer>"]
    parts += [
        "</section>",
        '<section class="key">',
        f"<h2>Answer key: {title}</h2>",
        '<ol class="answers">',
    ]
    for number, round_ in enumerate(edition.rounds, start=1):
        parts += _html_answer(number, round_)
    parts += ["</ol>", "</section>", "</body>", "</html>", ""]
    return "\n".join(parts)


def _html_question(number: int, round_: Round) -> list[str]:
    """One question of the HTML sheet, as a list item."""
    question = round_.question
    parts = [
        "<li>",
        f'<p class="prompt"><span class="number">{number}.</span> '
        f"{html.escape(question.prompt)}</p>",
    ]
    if question.type == "multi":
        parts.append(f'<p class="pick">{PICK_EVERY}</p>')
    if round_.choices:
        parts.append('<ol class="choices">')
        parts += [
            f'<li><span class="letter">{letter(i)}.</span> {html.escape(choice)}</li>'
            for i, choice in enumerate(round_.choices)
        ]
        parts.append("</ol>")
    else:
        parts.append(f'<p class="write">{WRITE_IN} <span class="line"></span></p>')
    return [*parts, "</li>"]


def _html_answer(number: int, round_: Round) -> list[str]:
    """One answer of the HTML key, as a list item."""
    question = round_.question
    letters = right_letters(round_)
    answer = "; ".join(html.escape(words) for words in _right_in_order(round_))
    if letters:
        answer = f'<span class="letters">{", ".join(letters)}</span>: {answer}'
    if question.accept:
        also = "; ".join(html.escape(words) for words in question.accept)
        answer += f" (also accepted: {also})"
    parts = [
        "<li>",
        f'<p><span class="number">{number}.</span> {answer}</p>',
    ]
    if question.explanation:
        parts.append(f'<p class="explanation">{html.escape(question.explanation)}</p>')
    if question.source:
        parts.append(f'<p class="source">Source: {html.escape(question.source)}</p>')
    return [*parts, "</li>"]
