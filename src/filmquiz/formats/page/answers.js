"use strict";
// How a typed answer is judged: the same rules as filmquiz in a terminal
// (filmquiz.bankfile.rules.comparable and filmquiz.game.judging), ported.
// The thresholds, the leading articles and the Unicode data Python has and
// JavaScript lacks come from the page's data, written by the exporter, so
// that both sides read them from one place. A test runs these functions
// against Python's on the same strings and demands the same results.

const TypedAnswers = (() => {
  const rules = JSON.parse(document.getElementById("quiz-data").textContent).rules;
  const articles = new Set(rules.articles);

  // Python's \w is any letter or number (categories L and N): JavaScript's
  // is ASCII only, so the classes are written with Unicode properties.
  const NOT_A_LETTER = /[^\p{L}\p{N}]+/u;
  const FRACTION = /(?<=[0-9])(?=[\u00bc-\u00be\u2150-\u215e])/g;
  const THOUSANDS = /(?<=[0-9])[,.\u00a0\u202f ](?=[0-9]{3}(?![0-9]))/g;
  // A full stop between two letters (a letter: \w but not a digit or _).
  const ABBREVIATION = /(?<=[\p{L}\p{Nl}\p{No}])\.(?=[\p{L}\p{Nl}\p{No}])/gu;
  const APOSTROPHES = /['\u2019]/g;
  const ROMAN = /^(x{0,3})(ix|iv|v?i{0,3})$/;
  const ROMAN_VALUES = { i: 1, v: 5, x: 10 };
  const DIGITS = /[0-9]+/g;

  const digits = new Map();
  for (const zero of rules.decimalZeros) {
    for (let value = 0; value < 10; value += 1) digits.set(zero + value, value);
  }

  /** True when `code` is in the flat list of inclusive ranges `bounds`. */
  function inRanges(code, bounds) {
    let low = 0;
    let high = bounds.length / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (code < bounds[2 * middle]) high = middle - 1;
      else if (code > bounds[2 * middle + 1]) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** Python's str.casefold: lower case, and then the full case folding
   * (ß is ss) where Python says it differs from lower case. */
  function casefold(text) {
    let folded = "";
    // One character at a time, as casefold does: toLowerCase on a whole
    // string would give a final sigma its own form.
    for (const character of text) {
      folded += rules.caseFolds[character] ?? character.toLowerCase();
    }
    return folded;
  }

  /** A Roman numeral up to 39 as digits; any other word as it is. */
  function arabic(word) {
    if (!ROMAN.test(word)) return word;
    const values = Array.from(word, (character) => ROMAN_VALUES[character]);
    let total = 0;
    values.forEach((value, index) => {
      const later = index + 1 < values.length ? values[index + 1] : 0;
      total += later > value ? -value : value;
    });
    return String(total);
  }

  /** The text as a typed answer is compared (rules.comparable). */
  function comparable(text) {
    let visible = "";
    for (const character of text) {
      if (!inRanges(character.codePointAt(0), rules.invisible)) visible += character;
    }
    const decomposed = casefold(visible).replace(FRACTION, " ").normalize("NFKD");
    let bare = "";
    for (const character of decomposed) {
      const code = character.codePointAt(0);
      if (inRanges(code, rules.combining)) continue;
      bare += digits.has(code) ? String(digits.get(code)) : character;
    }
    bare = bare.replace(THOUSANDS, "").replace(ABBREVIATION, "");
    let words = bare.replace(APOSTROPHES, "").split(NOT_A_LETTER).filter(Boolean);
    while (words.length > 1 && articles.has(words[0])) words = words.slice(1);
    return words.map(arabic).join(" ");
  }

  /** rapidfuzz's fuzz.ratio: how alike two texts are, 0 to 100, from the
   * longest subsequence they share, counted in code points, and computed
   * in the same steps so that the same floating point number comes out. */
  function ratio(one, other) {
    const first = Array.from(one);
    const second = Array.from(other);
    const total = first.length + second.length;
    if (!total) return 100;
    let previous = new Array(second.length + 1).fill(0);
    for (const character of first) {
      const current = [0];
      second.forEach((otherCharacter, index) => {
        current.push(
          character === otherCharacter
            ? previous[index] + 1
            : Math.max(previous[index + 1], current[index]),
        );
      });
      previous = current;
    }
    const distance = total - 2 * previous[second.length];
    return (1 - distance / total) * 100;
  }

  const length = (text) => Array.from(text).length;

  /** True when `said` is `target` (both comparable) with a small typo
   * (judging.is_typo). */
  function isTypo(said, target) {
    const saidWords = said.split(" ").filter(Boolean);
    const targetWords = target.split(" ").filter(Boolean);
    if (saidWords.length !== targetWords.length) return false;
    const saidNumbers = (said.match(DIGITS) || []).join(" ");
    if (saidNumbers !== (target.match(DIGITS) || []).join(" ")) return false;
    if (targetWords.length === 1 && length(target) < rules.wholeWordTypoFrom) {
      return false;
    }
    const wordsAlike = saidWords.every((one, index) => {
      const other = targetWords[index];
      return (
        one === other ||
        (Math.min(length(one), length(other)) >= rules.wordTypoFrom &&
          ratio(one, other) >= rules.wordSimilarity)
      );
    });
    return wordsAlike && ratio(said, target) >= rules.typoSimilarity;
  }

  /** Whether `typed` is the answer, or one accepted, or a small typo away
   * from one (judging.judge_typed): {correct, forgiven}, where forgiven is
   * the spelling a typo was taken as. */
  function judgeTyped(answer, accept, typed) {
    const wanted = [answer, ...accept];
    const said = comparable(typed);
    if (!said) return { correct: false, forgiven: null };
    if (wanted.some((text) => comparable(text) === said)) {
      return { correct: true, forgiven: null };
    }
    const closest = wanted.find((text) => isTypo(said, comparable(text)));
    return { correct: closest !== undefined, forgiven: closest ?? null };
  }

  return { comparable, isTypo, judgeTyped, ratio };
})();
