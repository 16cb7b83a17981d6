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

function digitValues(latin: string): number[] {
  const values = (latin.match(DIGIT_GROUP) ?? []).map((group) => (WHOLE.test(group) ? Number(group) : Number.NaN));
  for (const group of latin.match(ETHIOPIC_GROUP) ?? []) values.push(ethiopicValue(group));
  return values;
}

function recognizerValues(lang: string, latin: string): number[] {
  return parseWith('number', lang, latin)
    .filter((result) => result.typeName === 'number')
    .map((result) => {
      const value = result.resolution?.['value'];
      return typeof value === 'string' && WHOLE.test(value) ? Number(value) : Number.NaN;
    });
}

/**
 * Every number the text mentions, in no particular order; `NaN` for one that is not a whole
 * number ("22,5", "a half"). Digits of any script always count. Number words come from the
 * recognizer when the language has a number culture, else (or when it finds none) from the
 * lexicon's words and compounds.
 */
export function numbersIn(text: string, lang: string, lexicon?: Lexicon): number[] {
  const latin = toLatinDigits(text.normalize('NFKC'));
  const values = digitValues(latin);
  if (!LETTER.test(latin)) return values;
  let words = recognizerValues(lang, latin);
  if (words.length === 0 && lexicon) {
    words = compileLexicon(lexicon).numbers.findAll(tokenize(latin)).map((match) => match.value);
  }
  return values.concat(words);
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
