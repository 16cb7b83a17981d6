import type { Lexicon } from './lexicon';
import { compileLexicon } from './lexicon';
import { tokenize, toLatinDigits } from './normalize';
import { parseWith } from './recognizers';

/** Emoji understood in every language (skin tones and variation selectors do not matter). */
const YES_EMOJI = /[\u{1f44d}\u{1f44c}\u2705\u2714\u2611\u{1f197}\u{1f646}]/u; // 👍 👌 ✅ ✔ ☑ 🆗 🙆
const NO_EMOJI = /[\u{1f44e}\u274c\u2716\u{1f6ab}\u{1f645}\u26d4\u274e]/u; // 👎 ❌ ✖ 🚫 🙅 ⛔ ❎
const SKIP_EMOJI = /[\u23ed\u23e9]/u; // ⏭ ⏩

/** Longest answer that still counts as "skip" rather than a sentence that mentions it. */
const MAX_SKIP_TOKENS = 5;

function recognizerPolarities(lang: string, text: string): boolean[] {
  const found: boolean[] = [];
  for (const result of parseWith('boolean', lang, text)) {
    const value = result.resolution?.['value'];
    if (typeof value === 'boolean') found.push(value);
    const others = result.resolution?.['otherResults'];
    if (Array.isArray(others)) {
      for (const other of others as { value?: unknown }[]) if (typeof other.value === 'boolean') found.push(other.value);
    }
  }
  return found;
}

/**
 * Yes (true) or no (false) in the person's language: "oui", "non merci", "yes", "nope", "نعم",
 * "لا", "ja", "nein", "evet", "haa", 👍, 👎. Case, accents, punctuation and Arabic-script variants
 * do not matter.
 *
 * Both the recognizer's boolean model (fr, en, de, nl, pt) and the lexicon are consulted; any
 * "unsure" or "skip" phrase ("not sure", "je ne sais pas", "passer") makes the answer undefined,
 * and so does a mix of yes and no ("oui non").
 */
export function recognizeYesNo(text: string, lang: string, lexicon?: Lexicon): boolean | undefined {
  const latin = toLatinDigits(text.normalize('NFKC'));
  const polarities = new Set<boolean>();
  if (YES_EMOJI.test(latin)) polarities.add(true);
  if (NO_EMOJI.test(latin)) polarities.add(false);
  if (lexicon) {
    for (const match of compileLexicon(lexicon).answers.findAll(tokenize(latin))) {
      if (match.value === 'unsure' || match.value === 'skip') return undefined;
      polarities.add(match.value === 'yes');
    }
  }
  for (const polarity of recognizerPolarities(lang, latin)) polarities.add(polarity);
  if (polarities.size !== 1) return undefined;
  const [answer] = polarities;
  return answer;
}

/**
 * True when the person asks to skip the question: a skip phrase of the lexicon ("passer", "skip",
 * "prefer not to say", "تخطي") or ⏭, in a short answer (at most 5 words), not in a sentence that
 * merely contains the word ("je dois passer un examen demain matin").
 */
export function recognizeSkip(text: string, lexicon?: Lexicon): boolean {
  if (SKIP_EMOJI.test(text)) return true;
  if (!lexicon) return false;
  const tokens = tokenize(text);
  if (tokens.length > MAX_SKIP_TOKENS) return false;
  return compileLexicon(lexicon).skip.findAll(tokens).length > 0;
}
