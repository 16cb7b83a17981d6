import type { Lexicon } from './lexicon';
import { fold } from './normalize';
import { recognizeNumber } from './recognizeNumber';

/** One option offered to the person: the value returned, and what it is called (translated). */
export interface Choice {
  value: string;
  /** Button title and synonyms in the person's language. */
  labels: readonly string[];
}

interface LabelHit {
  value: string;
  start: number;
  end: number;
}

const WHOLE = /^\d+$/;
const HAS_DIGIT = /\d/;
/** An answer shorter than this (letters) is too vague to pick a choice by being part of a label. */
const MIN_PARTIAL_LETTERS = 3;
const MAX_NUMBER_ANSWER_TOKENS = 3;

/**
 * Choices' values and labels, folded: they come from the texts and content (a few thousand at
 * most), and are folded at every answer otherwise. The answers themselves are never kept.
 */
const foldedChoiceTexts = new Map<string, string>();
const MAX_FOLDED_CHOICE_TEXTS = 20_000;

function foldChoiceText(text: string): string {
  let folded = foldedChoiceTexts.get(text);
  if (folded === undefined) {
    folded = fold(text);
    if (foldedChoiceTexts.size >= MAX_FOLDED_CHOICE_TEXTS) foldedChoiceTexts.clear();
    foldedChoiceTexts.set(text, folded);
  }
  return folded;
}

function indexOfSequence(haystack: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function unique(values: Iterable<string>): string | undefined {
  const set = new Set(values);
  if (set.size !== 1) return undefined;
  const [value] = set;
  return value;
}

/** Labels found inside the answer; the widest wins if it covers all the others. */
function labelInAnswer(tokens: readonly string[], choices: readonly Choice[]): string | undefined | null {
  const hits: LabelHit[] = [];
  for (const choice of choices) {
    let best: LabelHit | undefined;
    for (const label of choice.labels) {
      const labelTokens = foldChoiceText(label).split(' ').filter(Boolean);
      if (labelTokens.length === 0) continue;
      const start = indexOfSequence(tokens, labelTokens);
      if (start >= 0 && (!best || labelTokens.length > best.end - best.start)) {
        best = { value: choice.value, start, end: start + labelTokens.length };
      }
    }
    if (best) hits.push(best);
  }
  if (hits.length === 0) return null;
  const widest = hits.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  const coversAll = hits.every(
    (hit) => hit === widest || (hit.start >= widest.start && hit.end <= widest.end && hit.end - hit.start < widest.end - widest.start)
  );
  return coversAll ? widest.value : undefined;
}

/** The answer is part of exactly one choice's label ("ligne" for "En ligne"). */
function answerInLabel(tokens: readonly string[], choices: readonly Choice[]): string | undefined {
  if (tokens.join('').length < MIN_PARTIAL_LETTERS) return undefined;
  return unique(
    choices
      .filter((choice) => choice.labels.some((label) => indexOfSequence(foldChoiceText(label).split(' '), tokens) >= 0))
      .map((choice) => choice.value)
  );
}

/**
 * Which choice the person picked, only when it is unambiguous. In order:
 * 1. the exact value (a button's postback);
 * 2. the value or a label, compared folded ("EN LIGNE" = "en ligne", "prefere" = "préféré");
 * 3. a position: "2", "2.", "(2)", "٢", "۲" → the second choice;
 * 4. a label inside the answer, as whole words ("je préfère en ligne"); when several labels are
 *    inside, the widest wins only if it contains the others ("formation en ligne" over "formation");
 * 5. the answer inside exactly one label, 3 letters at least ("ligne" → "En ligne");
 * 6. a short answer that is a number ("deux", "option 2") → that position.
 * @returns the chosen value, or undefined when nothing or more than one choice fits.
 */
export function matchChoice(
  text: string,
  choices: readonly Choice[],
  lang: string,
  lexicon?: Lexicon
): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || choices.length === 0) return undefined;
  const exact = choices.filter((choice) => choice.value === trimmed);
  if (exact.length > 0) return unique(exact.map((choice) => choice.value));

  const folded = fold(trimmed);
  if (folded === '') return undefined;
  const equal = choices.filter(
    (choice) => foldChoiceText(choice.value) === folded || choice.labels.some((label) => foldChoiceText(label) === folded)
  );
  if (equal.length > 0) return unique(equal.map((choice) => choice.value));

  if (WHOLE.test(folded)) return choices[Number(folded) - 1]?.value;

  const tokens = folded.split(' ');
  const inAnswer = labelInAnswer(tokens, choices);
  if (inAnswer !== null) return inAnswer;
  const inLabel = answerInLabel(tokens, choices);
  if (inLabel !== undefined) return inLabel;

  const numberLike = HAS_DIGIT.test(folded) ? tokens.length <= MAX_NUMBER_ANSWER_TOKENS : tokens.length === 1;
  if (!numberLike) return undefined;
  const position = recognizeNumber(trimmed, lang, lexicon);
  return position === undefined ? undefined : choices[position - 1]?.value;
}
