"""The exported web page played in a real browser (Chromium, driven by
Playwright): whole games of the shipped banks scored as the terminal scores
them, keyboard-only play, a phone-wide screen, hostile bank text, fresh
shuffles, the spoiler chooser, dark and still themes, and the page's typed
answer rules proven equal to Python's."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page, sync_playwright
from rapidfuzz import fuzz

from filmquiz.bankfile.model import Question
from filmquiz.bankfile.reading import load_bank
from filmquiz.bankfile.rules import comparable
from filmquiz.game.engine import Round, Selection, plan_game
from filmquiz.game.judging import Given, is_typo, judge, judge_typed
from tests.support import PARALLEL_MOTHERS, REPOSITORY, SHIPPED_BANKS, WriteBank

CHROMIUM = shutil.which("chromium")
# CI installs Chromium (.ci/run): there, its tests must run, never skip.
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="needs Chromium installed"
)

SEED = "7"
SCREENSHOT = REPOSITORY / "docs" / "html-quiz.png"
NARROW = 320

# What the page's script is asked for, in one round trip each.
READ_QUESTION = """() => ({
  number: document.getElementById("round-number").textContent,
  prompt: document.getElementById("prompt").textContent,
  choices: Array.from(document.querySelectorAll("#answer-form .choice-text"),
                      (span) => span.textContent),
  type: document.getElementById("typed") ? "text"
      : document.querySelector("#answer-form input[type=checkbox]") ? "multi"
      : "buttons",
})"""
READ_SCORE = """() => ({
  score: document.getElementById("score").textContent,
  rows: Array.from(document.querySelectorAll("#categories tbody tr"),
                   (row) => Array.from(row.cells, (cell) => cell.textContent)),
})"""
OUT_OF_BOUNDS = """(width) => {
  const outside = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (!box.width && !box.height) continue;  // not shown
    if (box.left < -0.5 || box.right > width + 0.5) {
      outside.push(`${element.tagName}#${element.id}.${element.className}`);
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, outside };
}"""


class Visit(NamedTuple):
    """A page opened on an exported file, and what it did."""

    page: Page
    requests: list[str]
    dialogs: list[str]


OpenPage = Callable[..., Visit]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium for the module's tests, with no background traffic."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking"],
        )
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """Open an exported file in a fresh page, recording every request made
    and every dialog opened (and dismissing it)."""
    contexts = []

    def open_(path: Path, **options: Any) -> Visit:
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        visit = Visit(page, [], [])
        page.on("request", lambda request: visit.requests.append(request.url))
        page.on(
            "dialog",
            lambda dialog: (visit.dialogs.append(dialog.message), dialog.dismiss()),
        )
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.as_uri())
        assert not errors
        return visit

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def export(tmp_path: Path, filmquiz_home: Path) -> Callable[..., Path]:
    """Export a bank with the installed command: ``export(quiz, *options)``."""
    exported = iter(range(1, 100))

    def export_(quiz: str | Path, *options: str) -> Path:
        path = tmp_path / f"quiz-{next(exported)}.html"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "filmquiz",
                "export",
                "html",
                str(quiz),
                "--output",
                str(path),
                *options,
            ],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "FILMQUIZ_HOME": str(filmquiz_home)},
        )
        assert done.returncode == 0, done.stderr
        return path

    return export_


def only_the_file(visit: Visit, path: Path) -> None:
    """The page loaded itself and nothing else."""
    assert visit.requests == [path.as_uri()]


def read_question(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate(READ_QUESTION)
    return found


def feedback(page: Page) -> str:
    return page.locator("#feedback .verdict").text_content() or ""


# A plan of answers: right, wrong, a forgiven typo or a half-right set, by
# the question's place in the game, given as clicks on the page and as the
# lines `filmquiz play` reads.


class Planned(NamedTuple):
    given: Given
    """As the engine takes it."""
    line: str
    """As line-by-line play takes it."""
    picks: tuple[int, ...] = ()
    """The choices to click (or tick), by their place on screen."""


def with_a_typo(question: Question) -> str | None:
    """The answer with one letter changed, where Python forgives it."""
    answer = question.answer
    assert isinstance(answer, str)
    for position in range(len(answer) - 2, 0, -1):
        if answer[position].isalpha():
            typo = answer[:position] + "x" + answer[position + 1 :]
            verdict = judge_typed(question, typo)
            if verdict.forgiven is not None:
                return typo
    return None


def planned(number: int, round_: Round) -> Planned:
    question, shown = round_.question, round_.choices
    right = question.right_choices
    if question.type == "text":
        typo = with_a_typo(question)
        answer = str(question.answer)
        typed = [answer.upper(), typo or answer, "no idea at all"][number % 3]
        return Planned(typed, typed)
    if question.type == "multi":
        picked = list(right)
        if number % 2:  # half right: one right choice left out, or one wrong added
            wrong = [choice for choice in shown if choice not in right]
            picked = picked[:-1] if len(picked) > 1 else [*picked, wrong[0]]
        picks = tuple(sorted(shown.index(choice) for choice in picked))
        line = ",".join(str(index + 1) for index in picks)
        return Planned(tuple(picked), line, picks)
    choice = right[0] if number % 3 else next(c for c in shown if c not in right)
    pick = shown.index(choice)
    given: Given = choice == "True" if question.type == "truefalse" else choice
    return Planned(given, str(pick + 1), (pick,))


def answer_with_the_mouse(page: Page, question: Question, plan: Planned) -> None:
    choices = page.locator("#answer-form .choice")
    if question.type == "text":
        page.locator("#typed").click()
        page.locator("#typed").fill(str(plan.given))
        page.get_by_role("button", name="Answer").click()
    elif question.type == "multi":
        for pick in plan.picks:
            choices.nth(pick).click()
        page.get_by_role("button", name="Answer").click()
    else:
        choices.nth(plan.picks[0]).click()


def terminal_result(quiz: Path, lines: list[str], home: Path) -> dict[str, Any]:
    """What line-by-line play makes of the same answers."""
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "filmquiz",
            "play",
            str(quiz),
            "--seed",
            SEED,
            "--spoilers",
            "ending",
            "--json",
        ],
        input="".join(f"{line}\n" for line in lines),
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "FILMQUIZ_HOME": str(home)},
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def percent(right: int, asked: int) -> str:
    return f"{100 * right / asked:.0f}%"


@pytest.mark.parametrize("bank", SHIPPED_BANKS, ids=lambda path: path.stem)
def test_a_whole_game_scores_as_the_terminal_scores_it(
    bank: Path,
    export: Callable[..., Path],
    open_page: OpenPage,
    filmquiz_home: Path,
) -> None:
    """Every question of a seeded export, clicked through with the mouse
    (right, wrong, typos forgiven, half-right sets), is asked in the order
    and with the choices ``play --seed`` gives, judged as Python judges it,
    and ends on the score and categories line-by-line play gives the same
    answers."""
    path = export(bank.stem, "--seed", SEED, "--spoilers", "ending")
    visit = open_page(path)
    page = visit.page
    rounds = plan_game(
        load_bank(bank), Selection(shuffle=True, seed=int(SEED), spoilers="ending")
    )
    page.get_by_role("button", name="Start the quiz").click()
    lines = []
    for number, round_ in enumerate(rounds):
        question = round_.question
        shown = read_question(page)
        assert shown["number"].startswith(f"Question {number + 1} of {len(rounds)}")
        assert shown["prompt"] == question.prompt
        assert shown["choices"] == list(round_.choices)
        plan = planned(number, round_)
        lines.append(plan.line)
        answer_with_the_mouse(page, question, plan)
        verdict = judge(question, plan.given)
        said = feedback(page)
        assert said.startswith("✔ Right!" if verdict.correct else "✘ Wrong."), said
        if verdict.forgiven is not None:
            assert f"it is spelt {verdict.forgiven}." in said
        page.locator("#next").click()
    shown_score = page.evaluate(READ_SCORE)
    result = terminal_result(bank, lines, filmquiz_home)
    score, total = result["score"], result["total"]
    assert 0 < score < total == len(rounds)
    assert shown_score["score"] == f"{score} of {total} right ({percent(score, total)})"
    categories = {
        q.id: q.category or "uncategorised" for q in load_bank(bank).questions
    }
    tally: dict[str, list[int]] = {}
    for answered in result["questions"]:
        counts = tally.setdefault(categories[answered["id"]], [0, 0])
        counts[0] += answered["correct"]
        counts[1] += 1
    assert shown_score["rows"] == [
        [name, str(right), str(asked), percent(right, asked)]
        for name, (right, asked) in tally.items()
    ]
    if any(q.type == "text" for q in load_bank(bank).questions):
        assert any(a["forgiven"] for a in result["questions"])
    only_the_file(visit, path)
    assert not visit.dialogs


def small_bank(**fields: Any) -> dict[str, Any]:
    """A bank of one question of each type, the last without a category."""
    return {
        "format": 1,
        "title": "Small quiz",
        "film": {"title": "Small film", "year": 2020, "director": "Someone"},
        "credits": "Written for the tests",
        "license": "CC0",
        "questions": [
            {
                "id": "one",
                "prompt": "Which city?",
                "category": "places",
                "choices": ["Madrid", "Seville", "Bilbao"],
                "answer": "Seville",
                "explanation": "It is in the south.",
                "spoiler": "none",
            },
            {
                "id": "two",
                "type": "truefalse",
                "prompt": "Is it in colour?",
                "category": "places",
                "answer": True,
                "spoiler": "none",
            },
            {
                "id": "three",
                "type": "multi",
                "prompt": "Which are cities?",
                "category": "places",
                "choices": ["Madrid", "Tagus", "Seville"],
                "answer": ["Madrid", "Seville"],
                "spoiler": "early",
            },
            {
                "id": "four",
                "type": "text",
                "prompt": "Who directed it?",
                "answer": "Pedro Almodóvar",
                "spoiler": "ending",
            },
        ],
        **fields,
    }


def kind_of(question: dict[str, Any]) -> str:
    """A question's type, as the page shows it."""
    if question["type"] != "buttons":
        return str(question["type"])
    return "truefalse" if set(question["choices"]) == {"True", "False"} else "single"


def focused(page: Page) -> str:
    """What has the keyboard's focus: an id, or a tag and its text."""
    found: str = page.evaluate(
        "() => document.activeElement.id"
        " || `${document.activeElement.tagName}:${document.activeElement.textContent}`"
    )
    return found


def test_a_game_plays_with_the_keyboard_alone(
    export: Callable[..., Path], open_page: OpenPage, write_bank: WriteBank
) -> None:
    """Tab, Space, Enter and typing play a game of every type to its score
    and into the next one; focus goes to each question and to Next."""
    path = export(write_bank(small_bank()), "--seed", SEED, "--spoilers", "ending")
    visit = open_page(path)
    page, keyboard = visit.page, visit.page.keyboard
    keyboard.press("Tab")
    assert focused(page) == "BUTTON:Start the quiz"
    keyboard.press("Enter")
    for _ in range(4):
        assert focused(page) == "prompt"
        kind = read_question(page)["type"]
        prompt = read_question(page)["prompt"]
        keyboard.press("Tab")
        if prompt == "Which city?":
            keyboard.press("Tab")  # the second choice, Seville or not
            chosen = page.evaluate("() => document.activeElement.textContent")
            keyboard.press("Space")
            right = chosen == "Seville"
        elif kind == "buttons":
            keyboard.press("Enter")  # True comes first
            right = True
        elif kind == "multi":
            for position, choice in enumerate(read_question(page)["choices"]):
                if position:
                    keyboard.press("Tab")
                if choice != "Tagus":
                    keyboard.press("Space")
            keyboard.press("Tab")
            assert focused(page) == "BUTTON:Answer"
            keyboard.press("Enter")
            right = True
        else:
            assert focused(page) == "typed"
            keyboard.type("pedro almodovar")
            keyboard.press("Enter")
            right = True
        assert feedback(page).startswith("✔ Right!" if right else "✘ Wrong.")
        assert focused(page) == "next"
        keyboard.press("Enter")
    assert focused(page) == "final-heading"
    score = page.locator("#score").text_content()
    assert score in ("4 of 4 right (100%)", "3 of 4 right (75%)")
    keyboard.press("Tab")
    assert focused(page) == "play-again"
    keyboard.press("Enter")
    assert focused(page) == "prompt"
    assert read_question(page)["number"].startswith("Question 1 of 4")
    only_the_file(visit, path)


LONG_WORD = "Supercalifragilisticexpialidocious" * 2


def test_a_phone_wide_screen_fits_every_screen(
    export: Callable[..., Path], open_page: OpenPage, write_bank: WriteBank
) -> None:
    """At 320 px, the start, a question of each type, its feedback and the
    score fit the width, long words and all; a shot of a question of the
    shipped bank is kept as docs/html-quiz.png."""
    document = small_bank(title=f"Quiz {LONG_WORD}", credits=f"By {LONG_WORD}")
    document["questions"][0]["prompt"] = f"Which {LONG_WORD} city?"
    document["questions"][0]["explanation"] = f"It is {LONG_WORD}."
    document["questions"][2]["category"] = LONG_WORD
    path = export(write_bank(document), "--seed", SEED)
    visit = open_page(path, viewport={"width": NARROW, "height": 640})
    page = visit.page

    def fits(screen: str) -> None:
        laid_out = page.evaluate(OUT_OF_BOUNDS, NARROW)
        assert laid_out["scrollWidth"] <= NARROW, screen
        assert laid_out["outside"] == [], screen

    fits("start")
    page.locator("#start-choices button").last.click()
    seen = set()
    for _ in range(4):
        question = read_question(page)
        seen.add(kind_of(question))
        fits(f"question {question['prompt']}")
        if question["type"] == "text":
            page.locator("#typed").fill(LONG_WORD)
            page.get_by_role("button", name="Answer").click()
        else:
            page.locator("#answer-form .choice").first.click()
            if question["type"] == "multi":
                page.get_by_role("button", name="Answer").click()
        fits(f"feedback {question['prompt']}")
        page.locator("#next").click()
    assert seen == {"single", "truefalse", "multi", "text"}
    fits("score")
    assert LONG_WORD in (page.locator("#categories").text_content() or "")
    only_the_file(visit, path)

    shipped = export(PARALLEL_MOTHERS.stem, "--seed", SEED, "--spoilers", "ending")
    visit = open_page(shipped, viewport={"width": NARROW, "height": 560})
    visit.page.get_by_role("button", name="Start the quiz").click()
    fits_shipped = visit.page.evaluate(OUT_OF_BOUNDS, NARROW)
    assert fits_shipped == {"scrollWidth": NARROW, "outside": []}
    SCREENSHOT.parent.mkdir(exist_ok=True)
    # Transitions finished and no caret: the same page makes the same picture.
    visit.page.screenshot(path=str(SCREENSHOT), animations="disabled", caret="hide")
    png = SCREENSHOT.read_bytes()
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    width, _height = struct.unpack(">II", png[16:24])
    assert width == NARROW * 1  # the device scale factor
    assert len(png) < 100_000


WORDS_TOO_WIDE = """() => {
  const measure = document.createElement("canvas").getContext("2d");
  const broken = [];
  for (const cell of document.querySelectorAll("#categories tbody th")) {
    const style = getComputedStyle(cell);
    measure.font = style.font;
    const room = cell.clientWidth - parseFloat(style.paddingLeft)
      - parseFloat(style.paddingRight);
    for (const word of cell.textContent.split(/\\s+/)) {
      if (measure.measureText(word).width > room + 0.5) broken.push(word);
    }
  }
  return broken;
}"""


def test_category_names_wrap_between_words_on_a_phone(
    export: Callable[..., Path], open_page: OpenPage
) -> None:
    """At 320 px, the score table's category names ("production and
    awards") wrap between their words: the column is never squeezed narrower
    than a word."""
    path = export(
        PARALLEL_MOTHERS.stem, "--seed", SEED, "--spoilers", "ending", "--count", "12"
    )
    visit = open_page(path, viewport={"width": NARROW, "height": 640})
    page = visit.page
    page.get_by_role("button", name="Start the quiz").click()
    for _ in range(12):
        question = read_question(page)
        if question["type"] == "text":
            page.locator("#typed").fill("no idea")
        else:
            page.locator("#answer-form .choice").first.click()
        if question["type"] in ("text", "multi"):
            page.get_by_role("button", name="Answer").click()
        page.locator("#next").click()
    categories = page.locator("#categories tbody th").all_text_contents()
    assert any(" " in name for name in categories)
    assert page.evaluate(WORDS_TOO_WIDE) == []
    only_the_file(visit, path)


HOSTILE = "<script>alert(1)</script> </script> <img src=x onerror=alert(1)> &amp;"


def test_hostile_bank_text_shows_as_text(
    export: Callable[..., Path], open_page: OpenPage, write_bank: WriteBank
) -> None:
    """Markup in every field of a bank is shown as the characters it is: no
    dialog opens, no element is made of it."""
    document = small_bank(
        title=f"T {HOSTILE}", credits=f"C {HOSTILE}", license=f"L {HOSTILE}"
    )
    document["film"]["title"] = f"F {HOSTILE}"
    first = document["questions"][0]
    first.update(
        prompt=f"P {HOSTILE}",
        choices=[f"A {HOSTILE}", f"B {HOSTILE}", "Seville"],
        answer=f"A {HOSTILE}",
        explanation=f"E {HOSTILE}",
        category=f"K {HOSTILE}",
    )
    document["questions"] = [first]
    path = export(write_bank(document), "--seed", SEED, "--spoilers", "ending")
    visit = open_page(path)
    page = visit.page
    count_elements = "() => document.querySelectorAll('img, script, iframe').length"
    assert page.evaluate(count_elements) == 2  # the data and the script
    assert page.locator("h1").text_content() == f"T {HOSTILE}"
    assert page.locator("#film").text_content() == (
        f"F {HOSTILE}, 2020, directed by Someone"
    )
    assert page.locator("#credits").text_content() == f"Credits: C {HOSTILE}"
    assert page.locator("#license").text_content() == f"Licence: L {HOSTILE}"
    page.get_by_role("button", name="Start the quiz").click()
    shown = read_question(page)
    assert shown["prompt"] == f"P {HOSTILE}"
    assert shown["number"] == f"Question 1 of 1 (K {HOSTILE})"
    assert sorted(shown["choices"]) == [f"A {HOSTILE}", f"B {HOSTILE}", "Seville"]
    page.locator("#answer-form .choice").nth(
        shown["choices"].index(f"A {HOSTILE}")
    ).click()
    assert feedback(page) == "✔ Right!"
    assert page.locator(".explanation").text_content() == f"E {HOSTILE}"
    page.locator("#next").click()
    assert page.locator("#categories tbody th").text_content() == f"K {HOSTILE}"
    assert page.evaluate(count_elements) == 2
    assert (
        page.evaluate(
            "() => document.querySelectorAll('#prompt *, .choice-text *,"
            " .explanation *, h1 *, #film *, tbody th *').length"
        )
        == 0
    )
    assert not visit.dialogs
    only_the_file(visit, path)


def play_through(
    page: Page, answer: Callable[[dict[str, Any]], None]
) -> list[dict[str, Any]]:
    """Answer every question of the game under way; the questions asked."""
    asked = []
    while page.locator("#question-screen").is_visible():
        question = read_question(page)
        asked.append(question)
        answer(question)
        page.locator("#next").click()
    return asked


def first_choice(page: Page) -> Callable[[dict[str, Any]], None]:
    def answer(question: dict[str, Any]) -> None:
        if question["type"] == "text":
            page.locator("#typed").fill("something")
        else:
            page.locator("#answer-form .choice").first.click()
        if question["type"] != "buttons":
            page.get_by_role("button", name="Answer").click()

    return answer


def test_an_unseeded_page_shuffles_each_game_afresh(
    export: Callable[..., Path], open_page: OpenPage
) -> None:
    """Without a seed every question is asked once a game, in a new order
    each game, choices too; True stays before False; Play again starts a
    new game."""
    path = export(PARALLEL_MOTHERS.stem, "--spoilers", "ending")
    visit = open_page(path)
    page = visit.page
    bank = load_bank(PARALLEL_MOTHERS)
    page.get_by_role("button", name="Start the quiz").click()
    games = []
    for game in range(2):
        asked = play_through(page, first_choice(page))
        assert sorted(q["prompt"] for q in asked) == sorted(
            q.prompt for q in bank.questions
        )
        total = len(bank.questions)
        assert [q["number"].split(" (")[0] for q in asked] == [
            f"Question {n} of {total}" for n in range(1, total + 1)
        ]
        games.append(asked)
        assert page.locator("#final-screen").is_visible()
        if not game:
            page.get_by_role("button", name="Play again").click()
    first, second = ([q["prompt"] for q in game] for game in games)
    assert first != second
    choices = [{q["prompt"]: q["choices"] for q in game} for game in games]
    assert any(choices[0][p] != choices[1][p] for p in first if len(choices[0][p]) > 2)
    true_false = [q["choices"] for g in games for q in g if kind_of(q) == "truefalse"]
    assert true_false
    assert all(choices == ["True", "False"] for choices in true_false)
    only_the_file(visit, path)


def test_the_spoiler_chooser_keeps_to_the_level_picked(
    export: Callable[..., Path], open_page: OpenPage
) -> None:
    """Exported without --spoilers, the page asks first, showing no
    question's text; the safest level asks only the questions that spoil
    nothing. Exported with --spoilers none, it does not ask."""
    bank = load_bank(PARALLEL_MOTHERS)
    safe = sorted(q.prompt for q in bank.questions if q.spoiler == "none")
    path = export(PARALLEL_MOTHERS.stem)
    visit = open_page(path)
    page = visit.page
    assert (page.locator("#start-heading").text_content() or "").endswith(
        "Which questions?"
    )
    offers = page.locator("#start-choices button")
    assert offers.count() == 3
    assert (offers.first.text_content() or "").startswith(
        "Only questions that spoil nothing"
    )
    start_text = page.evaluate("() => document.querySelector('main').textContent")
    for question in bank.questions:
        assert question.prompt not in start_text
        assert not question.explanation or question.explanation not in start_text
    offers.first.click()
    asked = play_through(page, first_choice(page))
    assert sorted(q["prompt"] for q in asked) == safe

    path = export(PARALLEL_MOTHERS.stem, "--spoilers", "none")
    visit = open_page(path)
    assert visit.page.locator("#start-heading").text_content() == (
        f"{len(safe)} questions, one at a time."
    )
    assert visit.page.get_by_role("button", name="Start the quiz").is_visible()
    only_the_file(visit, path)


def test_a_count_is_taken_from_the_level_the_player_picks(
    export: Callable[..., Path], open_page: OpenPage
) -> None:
    """Exported with --count 5 but no --spoilers, the page offers 5
    questions at each level, and the safest asks the 5 that `play --seed 7
    --count 5 --spoilers none` asks, in its order."""
    path = export(PARALLEL_MOTHERS.stem, "--seed", SEED, "--count", "5")
    visit = open_page(path)
    page = visit.page
    offers = page.locator("#start-choices button").all_text_contents()
    assert all(offer.endswith("(5 questions)") for offer in offers)
    page.locator("#start-choices button").first.click()
    asked = play_through(page, first_choice(page))
    rounds = plan_game(
        load_bank(PARALLEL_MOTHERS),
        Selection(seed=int(SEED), limit=5, spoilers="none"),
    )
    assert [q["prompt"] for q in asked] == [r.question.prompt for r in rounds]
    only_the_file(visit, path)


def test_a_held_enter_key_leaves_the_verdict_on_screen(
    export: Callable[..., Path], open_page: OpenPage, write_bank: WriteBank
) -> None:
    """Enter held down on a choice answers it once: its repeats do not press
    the Next button that takes the choice's place."""
    path = export(write_bank(small_bank()), "--seed", SEED, "--spoilers", "ending")
    page = open_page(path).page
    page.get_by_role("button", name="Start the quiz").click()
    while read_question(page)["type"] != "buttons":
        first_choice(page)(read_question(page))
        page.locator("#next").click()
    page.locator("#answer-form .choice").first.focus()
    for _ in range(4):
        page.keyboard.down("Enter")
    page.keyboard.up("Enter")
    assert page.locator("#feedback").text_content()
    assert page.locator("#next").is_visible()


def test_without_javascript_the_page_still_says_what_it_is(
    export: Callable[..., Path], browser: Browser
) -> None:
    """The title, film, credits and licence are in the page itself, with
    the line that asks for JavaScript."""
    path = export(PARALLEL_MOTHERS.stem)
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        assert page.locator("h1").text_content() == "Parallel Mothers"
        assert page.locator("#film").text_content() == (
            "Madres paralelas, 2021, directed by Pedro Almodóvar"
        )
        assert page.locator("#credits").is_visible()
        assert (page.locator("#license").text_content() or "").startswith("Licence: ")
        assert "turn JavaScript on" in (page.locator("main").text_content() or "")
    finally:
        context.close()


def test_a_quiz_that_never_reaches_the_ending_does_not_say_it_does(
    export: Callable[..., Path], open_page: OpenPage, write_bank: WriteBank
) -> None:
    """With questions of the premise and the early film only, the widest
    choice is "Every question", not "the ending too"."""
    document = small_bank()
    for question, level in zip(
        document["questions"], ["none", "early"] * 2, strict=True
    ):
        question["spoiler"] = level
    page = open_page(export(write_bank(document))).page
    offers = page.locator("#start-choices button").all_text_contents()
    assert offers == [
        "Only questions that spoil nothing (2 questions)",
        "Every question (4 questions)",
    ]


def test_dark_and_reduced_motion_preferences_change_the_styles(
    export: Callable[..., Path], open_page: OpenPage, write_bank: WriteBank
) -> None:
    """A dark colour scheme darkens the page and lightens its text; reduced
    motion turns the buttons' transitions off."""
    path = export(write_bank(small_bank()), "--spoilers", "ending")
    page = open_page(path).page
    style = """() => {
      const body = getComputedStyle(document.body);
      const button = getComputedStyle(document.querySelector("button"));
      return [body.backgroundColor, body.color, button.transitionDuration];
    }"""
    page.emulate_media(color_scheme="light", reduced_motion="no-preference")
    light = page.evaluate(style)
    page.emulate_media(color_scheme="dark", reduced_motion="reduce")
    dark = page.evaluate(style)
    assert light == ["rgb(251, 251, 253)", "rgb(27, 27, 31)", "0.15s, 0.15s"]
    assert dark == ["rgb(21, 21, 26)", "rgb(236, 236, 241)", "0s"]


# The typed-answer rules of the page against Python's.

CHARACTERS = list(
    "abcdeiklmnoprstvxyzABCEILMVXZ"
    "áéíóúñüçøåÁÉÑÜÇßẞςΣσİıﬁÆæœ"  # accents, folds and ligatures
    "\u0301\u0308"  # combining accents
    "0123456789\u0663\u096d\uff17²½⅓¼ⅫⅣ"  # other digits, fractions, Roman numerals
    " \u00a0\u202f\t"  # spaces
    "'\u2019.,-!?:;&\"()/_"  # apostrophes and punctuation
    "\u200b\u00ad\u200d"  # invisible
)
FRAGMENTS = [
    "the ",
    "The ",
    "a ",
    "An ",
    "el ",
    "LOS ",
    "les ",
    "la ",
    "iv",
    "xii",
    "XL",
    "ix",
    "Frozen II",
    "8½",
    "10,000",
    "1.000",
    "A.I.",
    "rock'n'roll",
    "Penélope",
    "Cruz",
    "Almodóvar",
    " ",
    "Madres paralelas",
]
typed_text = st.lists(
    st.one_of(
        st.sampled_from(CHARACTERS),
        st.sampled_from(FRAGMENTS),
        st.characters(exclude_categories=("Cs", "Cn", "Co")),
    ),
    max_size=10,
).map("".join)

EDITS = st.lists(
    st.tuples(
        st.sampled_from("dirs"), st.integers(0, 40), st.sampled_from("aeiosxñé ")
    ),
    max_size=2,
)


def edited(text: str, edits: list[tuple[str, int, str]]) -> str:
    """``text`` after a few slips: a letter deleted, inserted, replaced, or
    swapped with the next."""
    for kind, where, letter in edits:
        at = where % (len(text) + 1)
        if kind == "d":
            text = text[:at] + text[at + 1 :]
        elif kind == "i":
            text = text[:at] + letter + text[at:]
        elif kind == "r":
            text = text[:at] + letter + text[at + 1 :]
        elif at + 1 < len(text):
            text = text[:at] + text[at + 1] + text[at] + text[at + 2 :]
    return text


def typed_question(answer: str, accept: tuple[str, ...] = ()) -> Question:
    return Question(id="t", prompt="?", type="text", answer=answer, accept=accept)


JUDGE = """(cases) => cases.map(([answer, accept, typed]) =>
  TypedAnswers.judgeTyped(answer, accept, typed))"""


def judged_alike(page: Page, cases: list[tuple[str, tuple[str, ...], str]]) -> None:
    """The page judges each (answer, accepted, typed) as Python does."""
    in_page = page.evaluate(JUDGE, [[a, list(b), t] for a, b, t in cases])
    in_python = [
        {"correct": v.correct, "forgiven": v.forgiven}
        for v in (judge_typed(typed_question(a, b), t) for a, b, t in cases)
    ]
    assert in_page == in_python


@pytest.fixture
def rules_page(export: Callable[..., Path], open_page: OpenPage) -> Page:
    """A page whose typed-answer functions are called directly."""
    return open_page(export(PARALLEL_MOTHERS.stem, "--spoilers", "ending")).page


def test_the_page_compares_typed_text_as_python_does(rules_page: Page) -> None:
    """comparable() in the page gives Python's result on generated text:
    accents, case folds, digits of other scripts, fractions, thousands,
    abbreviations, apostrophes, articles and Roman numerals."""

    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.lists(typed_text, min_size=50, max_size=50))
    def compare(texts: list[str]) -> None:
        in_page = rules_page.evaluate(
            "(texts) => texts.map((t) => TypedAnswers.comparable(t))", texts
        )
        assert in_page == [comparable(text) for text in texts]

    compare()


def test_the_page_forgives_the_typos_python_forgives(rules_page: Page) -> None:
    """isTypo(), the ratio under it and judgeTyped() in the page agree with
    Python's on generated answers and slips made from them."""

    @settings(
        max_examples=40,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.lists(st.tuples(typed_text, EDITS, typed_text), min_size=40, max_size=40))
    def compare(cases: list[tuple[str, list[tuple[str, int, str]], str]]) -> None:
        pairs = [
            (comparable(edited(answer, edits)), comparable(answer))
            for answer, edits, _ in cases
        ]
        in_page = rules_page.evaluate(
            """(pairs) => pairs.map(([said, target]) => [
                 TypedAnswers.isTypo(said, target), TypedAnswers.ratio(said, target)
               ])""",
            pairs,
        )
        assert in_page == [[is_typo(s, t), fuzz.ratio(s, t)] for s, t in pairs]
        judged_alike(
            rules_page,
            [
                (
                    answer or "x",
                    (other,) if other.strip() else (),
                    edited(answer, edits),
                )
                for answer, edits, other in cases
            ],
        )

    compare()


def test_the_page_judges_the_shipped_answers_as_python_does(rules_page: Page) -> None:
    """Every typed answer of the shipped banks, and every one-letter slip
    of it, is judged alike by the page and by Python."""
    cases = []
    for bank in SHIPPED_BANKS:
        for question in load_bank(bank).questions:
            if question.type != "text":
                continue
            answer = str(question.answer)
            for text in (answer, *question.accept):
                tries = {text, text.upper(), text.casefold(), f"the {text}"}
                for at in range(len(text) + 1):
                    tries.add(text[:at] + text[at + 1 :])
                    tries.add(text[:at] + "e" + text[at:])
                    tries.add(text[:at] + "x" + text[at + 1 :])
                    tries.add(
                        text[:at]
                        + text[at + 1 : at + 2]
                        + text[at : at + 1]
                        + text[at + 2 :]
                    )
                cases += [(answer, question.accept, typed) for typed in sorted(tries)]
    assert len(cases) > 500
    judged_alike(rules_page, cases)
    assert any(judge_typed(typed_question(a, b), t).forgiven for a, b, t in cases)
