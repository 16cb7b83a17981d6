import type { Lexicon } from './lexicon';
import { compileLexicon } from './lexicon';
import { tokenize, toLatinDigits } from './normalize';
import { parseWith } from './recognizers';

/** Digit groups; a group with a separator ("22.5", "1,000") is not a whole-number answer. */
const DIGIT_GROUP = /\d+(?:[.,\u066b\u066c]\d+)*/g;
const WHOLE = /^\d+$/;
/** Ethiopic numerals ፩..፱ ፲..፺ ፻ (additive, not positional), used in Tigrinya. */
const ETHIOPIC_GROUP = /[\u1369-\u137c]+/g;
const LETTER = /\p{L}/u;

function ethiopicValue(group: string): number {
  let total = 0;
  for (const ch of group) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp <= 0x1371) total += cp - 0x1368; // ፩..፱
    else if (cp <= 0x137b) total += (cp - 0x1371) * 10; // ፲..፺
    else total = (total || 1) * 100; // ፻
  }
  return total;
}

/** What a text says in numbers, and the words around them. */
export interface NumberMentions {
  /** Every number mentioned, in no particular order; `NaN` for one that is not whole. */
  values: number[];
  /** Whether a number was written in words ("vingt-deux") rather than digits. */
  inWords: boolean;
  /** The folded words of the text that are not part of a number. */
  otherWords: string[];
}

function digitValues(latin: string): number[] {
  const values = (latin.match(DIGIT_GROUP) ?? []).map((group) => (WHOLE.test(group) ? Number(group) : Number.NaN));
  for (const group of latin.match(ETHIOPIC_GROUP) ?? []) values.push(ethiopicValue(group));
  return values;
}

/** The recognizer's numbers, and the text with each of them blanked out. */
function recognizerMentions(lang: string, latin: string): { values: number[]; inWords: boolean; rest: string } {
  let rest = latin;
  const values: number[] = [];
  let inWords = false;
  for (const result of parseWith('number', lang, latin)) {
    if (result.typeName !== 'number') continue;
    const value = result.resolution?.['value'];
    values.push(typeof value === 'string' && WHOLE.test(value) ? Number(value) : Number.NaN);
    if (LETTER.test(result.text)) inWords = true;
    // `end` is inclusive.
    rest = `${rest.slice(0, result.start)}${' '.repeat(result.end - result.start + 1)}${rest.slice(result.end + 1)}`;
  }
  return { values, inWords, rest };
}

/**
 * Every number the text mentions, and the other words. Digits of any script always count.
 * Number words come from the recognizer when the language has a number culture, else (or when it
 * finds none) from the lexicon's words and compounds.
 */
export function numberMentions(text: string, lang: string, lexicon?: Lexicon): NumberMentions {
  const latin = toLatinDigits(text.normalize('NFKC'));
  const values = digitValues(latin);
  const withoutDigits = latin.replace(DIGIT_GROUP, ' ').replace(ETHIOPIC_GROUP, ' ');
  if (!LETTER.test(latin)) return { values, inWords: false, otherWords: tokenize(withoutDigits) };
  const recognized = recognizerMentions(lang, latin);
  if (recognized.values.length > 0) {
    return { values: values.concat(recognized.values), inWords: recognized.inWords, otherWords: tokenize(recognized.rest.replace(DIGIT_GROUP, ' ')) };
  }
  const tokens = tokenize(withoutDigits);
  if (!lexicon) return { values, inWords: false, otherWords: tokens };
  const matches = compileLexicon(lexicon).numbers.findAll(tokens);
  const covered = new Set(matches.flatMap((m) => Array.from({ length: m.end - m.start }, (_, i) => m.start + i)));
  return {
    values: values.concat(matches.map((m) => m.value)),
    inWords: matches.length > 0,
    otherWords: tokens.filter((_, i) => !covered.has(i))
  };
}

/**
 * Every number the text mentions, in no particular order; `NaN` for one that is not a whole
 * number ("22,5", "a half"). See `numberMentions`.
 */
export function numbersIn(text: string, lang: string, lexicon?: Lexicon): number[] {
  return numberMentions(text, lang, lexicon).values;
}

/** The one whole number among `values` (repeats allowed), else undefined. */
export function singleWholeNumber(values: readonly number[]): number | undefined {
  const distinct = new Set(values);
  if (distinct.size !== 1) return undefined;
  const [value] = distinct;
  return value !== undefined && Number.isInteger(value) ? value : undefined;
}

/**
 * The single whole number a person meant: "22", "j'ai vingt-deux ans" (fr), "twenty two" (en),
 * "٢٢" / "۲۲" (any digit script), "اثنان وعشرون" (ar, lexicon), "፳፪" (Ethiopic numerals).
 * Undefined when the text has no number, several different ones ("2 enfants, 30 ans", a date),
 * or one that is not whole ("22,5").
 *
 * @param lang language or locale ("fr", "fr-BE"): picks the recognizer culture, if any.
 * @param lexicon the language's lexicon: number words where no recognizer covers the language.
 */
export function recognizeNumber(text: string, lang: string, lexicon?: Lexicon): number | undefined {
  return singleWholeNumber(numbersIn(text, lang, lexicon));
}
