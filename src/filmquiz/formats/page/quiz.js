"use strict";
// The quiz, played one question at a time. Every piece of bank text is put
// on the page with textContent, never as markup: a prompt that looks like
// HTML shows as the characters it is.

(() => {
  const data = JSON.parse(document.getElementById("quiz-data").textContent);
  const RIGHT = "\u2714";
  const WRONG = "\u2718";
  const UNCATEGORISED = "uncategorised";

  const byId = (id) => document.getElementById(id);
  const screens = ["start-screen", "question-screen", "final-screen"].map(byId);

  /** A new element with some text, and a class when given. */
  function element(tag, text, className) {
    const made = document.createElement(tag);
    if (text !== undefined) made.textContent = text;
    if (className) made.className = className;
    return made;
  }

  function show(screen) {
    for (const each of screens) each.hidden = each !== screen;
  }

  function plural(count, noun) {
    return `${count} ${count === 1 ? noun : noun + "s"}`;
  }

  /** A share as Python's f"{x:.0f}" writes it: a half goes to the even
   * number (12.5 is 12), so the page and the terminal agree. */
  function percent(right, asked) {
    const share = asked ? (100 * right) / asked : 0;
    const floor = Math.floor(share);
    const rest = share - floor;
    if (rest === 0.5) return `${floor % 2 === 0 ? floor : floor + 1}%`;
    return `${Math.round(share)}%`;
  }

  /** A copy of `items` in a random order (Fisher-Yates). */
  function shuffled(items) {
    const copy = items.slice();
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(Math.random() * (index + 1));
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy;
  }

  // The start: how many questions, or, before a game that may spoil the
  // film, which questions to play. Only the quiz's own title and counts
  // are shown here, never a question.
  function showStart() {
    const heading = byId("start-heading");
    const buttons = byId("start-choices");
    buttons.replaceChildren();
    const warning = byId("spoiler-warning");
    warning.hidden = true;
    const offers = data.askSpoilers ? spoilerOffers() : [];
    // One level left to offer (every question unmarked) is no choice at all.
    if (offers.length > 1) {
      const what = data.film ? "how the film ends" : "how a film ends";
      heading.textContent = data.spoilsEnding
        ? `This game may give away ${what}. Which questions?`
        : "Some questions give away part of the film. Which questions?";
      buttons.setAttribute("role", "group");
      buttons.setAttribute("aria-labelledby", "start-heading");
      for (const offer of offers) {
        const button = element("button", `${offer.label} (${plural(offer.count, "question")})`);
        button.type = "button";
        button.addEventListener("click", () => startGame(offer.rank));
        buttons.append(button);
      }
    } else {
      heading.textContent = `${plural(asked(data.questions), "question")}, one at a time.`;
      buttons.removeAttribute("role");
      if (data.spoilsEnding) {
        const what = data.film ? "how the film ends" : "how a film ends";
        warning.textContent = `Spoilers: this game may give away ${what}.`;
        warning.hidden = false;
      }
      const button = element("button", "Start the quiz", "primary");
      button.type = "button";
      button.addEventListener("click", () => startGame(Infinity));
      buttons.append(button);
    }
    show(byId("start-screen"));
  }

  /** The spoiler levels worth offering: each with how many questions it
   * keeps, leaving out those that keep none, and of levels that keep the
   * same questions only the widest (its words say what is in). */
  function spoilerOffers() {
    const offers = [];
    for (const choice of data.spoilerChoices) {
      const kept = data.questions.filter((q) => q.spoiler <= choice.rank);
      if (!kept.length) continue;
      // Two levels that keep the same questions are one choice.
      if (offers.length && offers[offers.length - 1].kept === kept.length) offers.pop();
      offers.push({ ...choice, kept: kept.length, count: asked(kept) });
    }
    // The widest offer says "the ending too" only if some question reaches it.
    if (offers.length && !data.spoilsEnding) {
      offers[offers.length - 1].label = data.everyQuestion;
    }
    return offers;
  }

  /** How many of `questions` a game asks: all, or the first `--count`. */
  function asked(questions) {
    return data.limit === null ? questions.length : Math.min(questions.length, data.limit);
  }

  let level = Infinity;
  let game = null;

  function startGame(chosenLevel) {
    level = chosenLevel;
    let questions = data.questions.filter((q) => q.spoiler <= level);
    // A page exported with a seed asks what `filmquiz play --seed` asks, in
    // that order; otherwise each game is shuffled afresh (True stays first).
    if (!data.seeded) {
      questions = shuffled(questions).map((q) =>
        q.shuffles ? { ...q, choices: shuffled(q.choices) } : q,
      );
    }
    // --count takes the first questions of the level chosen, as `play
    // --count N --spoilers LEVEL` does.
    questions = questions.slice(0, asked(questions));
    game = { questions, index: 0, results: [] };
    showQuestion();
  }

  function showQuestion() {
    const question = game.questions[game.index];
    const details = [question.category, question.difficulty].filter(Boolean);
    byId("round-number").textContent =
      `Question ${game.index + 1} of ${game.questions.length}` +
      (details.length ? ` (${details.join(", ")})` : "");
    byId("prompt").textContent = question.prompt;
    byId("feedback").replaceChildren();
    byId("next").hidden = true;
    const form = byId("answer-form");
    delete form.dataset.answered;
    form.replaceChildren(...answerControls(question));
    form.onsubmit = (event) => {
      event.preventDefault();
      submitted(question);
    };
    show(byId("question-screen"));
    byId("prompt").focus();
  }

  /** The controls to answer `question` with, by its type. */
  function answerControls(question) {
    if (question.type === "text") {
      const label = element("label", "Your answer");
      label.htmlFor = "typed";
      const input = element("input");
      Object.assign(input, { id: "typed", type: "text", autocomplete: "off" });
      input.spellcheck = false;
      input.setAttribute("autocapitalize", "off");
      return [label, input, answerButton()];
    }
    const group = element("div", undefined, "choices");
    group.setAttribute("role", "group");
    group.setAttribute("aria-labelledby", "prompt");
    if (question.type === "multi") {
      const hint = element("p", "One or more are right.", "hint");
      hint.id = "multi-hint";
      group.setAttribute("aria-describedby", "multi-hint");
      question.choices.forEach((choice, index) => {
        const label = element("label", undefined, "choice check");
        const box = element("input");
        Object.assign(box, { type: "checkbox", value: String(index) });
        label.append(box, element("span", choice, "choice-text"));
        group.append(label);
      });
      return [hint, group, answerButton()];
    }
    question.choices.forEach((choice, index) => {
      const button = element("button", undefined, "choice");
      button.type = "button";
      button.append(element("span", choice, "choice-text"));
      button.addEventListener("click", () => answered(question, [index]));
      group.append(button);
    });
    return [group];
  }

  function answerButton() {
    const button = element("button", "Answer", "primary");
    button.type = "submit";
    return button;
  }

  /** A multi or text question's form sent: answer it, or say what is
   * missing. */
  function submitted(question) {
    const form = byId("answer-form");
    if (form.dataset.answered) return;
    if (question.type === "text") {
      const typed = byId("typed").value;
      if (!typed.trim()) return say("Type an answer.");
      return answered(question, typed);
    }
    const picked = Array.from(form.querySelectorAll("input:checked"), (box) =>
      Number(box.value),
    );
    if (!picked.length) return say("Pick at least one.");
    return answered(question, picked);
  }

  function say(text) {
    byId("feedback").replaceChildren(element("p", text, "hint"));
  }

  /** Judge an answer (the indexes of the choices picked, or the words
   * typed), then show how it went and offer the next question. */
  function answered(question, given) {
    const form = byId("answer-form");
    if (form.dataset.answered) return;
    form.dataset.answered = "yes";
    let verdict;
    if (question.type === "text") {
      verdict = TypedAnswers.judgeTyped(question.right[0], question.accept, given);
    } else {
      const picked = new Set(given.map((index) => question.choices[index]));
      const right = new Set(question.right);
      const correct =
        picked.size === right.size && [...picked].every((choice) => right.has(choice));
      verdict = { correct, forgiven: null };
      markChoices(question, picked);
    }
    for (const control of form.querySelectorAll("button, input")) control.disabled = true;
    game.results.push({ category: question.category, correct: verdict.correct });
    showVerdict(question, verdict);
    const next = byId("next");
    const last = game.index + 1 === game.questions.length;
    next.textContent = last ? "See your score" : "Next question";
    next.hidden = false;
    next.focus();
  }

  /** Say on each choice whether it was right and whether it was picked, in
   * words as well as colour. */
  function markChoices(question, picked) {
    const right = new Set(question.right);
    const choices = byId("answer-form").querySelectorAll(".choice");
    question.choices.forEach((choice, index) => {
      const isRight = right.has(choice);
      const isPicked = picked.has(choice);
      if (!isRight && !isPicked) return;
      let tag = isPicked ? "Your answer" : "Right answer";
      tag = `${isRight ? RIGHT : WRONG} ${tag}`;
      choices[index].classList.add(isRight ? "right" : "wrong");
      choices[index].append(element("span", tag, "tag"));
    });
  }

  function showVerdict(question, verdict) {
    const line = element("p", undefined, "verdict");
    if (verdict.correct) {
      line.append(element("strong", `${RIGHT} Right!`, "right"));
      if (verdict.forgiven !== null) {
        line.append(" Taken despite a typo; it is spelt ");
        line.append(element("strong", verdict.forgiven), ".");
      }
    } else {
      line.append(element("strong", `${WRONG} Wrong.`, "wrong"));
      const label = question.right.length > 1 ? "Right answers: " : "Right answer: ";
      line.append(` ${label}`, element("strong", question.right.join("; ")));
    }
    const shown = [line];
    if (question.explanation) {
      shown.push(element("p", question.explanation, "explanation"));
    }
    byId("feedback").replaceChildren(...shown);
  }

  function nextQuestion() {
    game.index += 1;
    if (game.index < game.questions.length) showQuestion();
    else showScore();
  }

  // The end: the score, and how each category went, in the order the
  // categories were first met (as the terminal's table has them).
  function showScore() {
    const right = game.results.filter((result) => result.correct).length;
    const total = game.questions.length;
    byId("score").textContent =
      `${right} of ${total} right (${percent(right, total)})`;
    const tally = new Map();
    for (const result of game.results) {
      const name = result.category || UNCATEGORISED;
      const counts = tally.get(name) || { right: 0, asked: 0 };
      counts.right += result.correct ? 1 : 0;
      counts.asked += 1;
      tally.set(name, counts);
    }
    const rows = [];
    for (const [name, counts] of tally) {
      const row = element("tr");
      row.append(
        element("th", name),
        element("td", String(counts.right)),
        element("td", String(counts.asked)),
        element("td", percent(counts.right, counts.asked)),
      );
      row.firstChild.scope = "row";
      rows.push(row);
    }
    byId("categories").tBodies[0].replaceChildren(...rows);
    show(byId("final-screen"));
    byId("final-heading").focus();
  }

  // A key held down repeats: Enter held on an answer would press the Next
  // button that takes its place before the verdict could be read.
  document.addEventListener(
    "keydown",
    (event) => {
      if (event.repeat && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
      }
    },
    true,
  );
  byId("next").addEventListener("click", nextQuestion);
  byId("play-again").addEventListener("click", () => startGame(level));
  showStart();
})();
