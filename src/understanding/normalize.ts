/**
 * Text normalisation shared by every recogniser: digits in any script, case, accents, Arabic-script
 * letter variants and punctuation. Pure string functions, no dependencies.
 */

const ASCII_ZERO = 0x30;
const NINE = '9';
const DECIMAL_DIGIT = /\p{Nd}/u;
const zeroCache = new Map<number, number>();

/**
 * Unicode encodes every decimal digit set as a contiguous run 0..9, so a digit's value is its
 * distance from the start of its run modulo 10 (several sets can sit back to back, e.g. the
 * mathematical digits). This avoids a table of every script's zero.
 */
function runStart(codePoint: number): number {
  const cached = zeroCache.get(codePoint);
  if (cached !== undefined) return cached;
  let start = codePoint;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
  zeroCache.set(codePoint, start);
  return start;
}

/**
 * Replaces decimal digits of any script with Latin digits: Arabic-Indic `٠-٩`, Extended
 * Arabic-Indic (Persian, Urdu, Pashto) `۰-۹`, full-width `０-９`, Devanagari, Bengali... Other
 * characters are left untouched. `toLatinDigits('٢٢ سنة')` → `'22 سنة'`.
 */
export function toLatinDigits(text: string): string {
  return text.replace(/\p{Nd}/gu, (digit) => {
    if (digit >= '0' && digit <= NINE) return digit;
    const codePoint = digit.codePointAt(0) ?? ASCII_ZERO;
    return String((codePoint - runStart(codePoint)) % 10);
  });
}

/** Letter variants that keyboards mix up; folded the same way on both sides of every match. */
const LETTER_FOLDS: ReadonlyArray<[RegExp, string]> = [
  [/[ıİ]/g, 'i'],
  [/ß/g, 'ss'],
  [/œ/g, 'oe'],
  [/æ/g, 'ae'],
  [/ø/g, 'o'],
  [/ł/g, 'l'],
  [/đ/g, 'd'],
  // Arabic script: alef maqsura, Persian and Pashto yeh forms → Arabic yeh; keheh → kaf;
  // teh marbuta and Kurdish ae → heh; Kurdish/Pashto letters that Arabic/Persian keyboards lack.
  // Kurdish ێ stays: سێ (3) and سی (30) must not fold together.
  [/[ىیېۍ]/g, 'ي'],
  [/ک/g, 'ك'],
  [/[ةە]/g, 'ه'],
  [/ۆ/g, 'و'],
  [/ڵ/g, 'ل'],
  [/ڕ/g, 'ر'],
  [/ګ/g, 'گ'],
  [/ٱ/g, 'ا'],
  [/\u0640/g, ''] // tatweel (kashida)
];

/** Apostrophes join (so "don't" = "dont", "п'ять" = "пять"); zero-width joiners too. */
const JOINERS = /['’ʼ`´‘ʻ\u200c\u200d]/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Folds text for comparison: NFKC, Latin digits, lower case, accents and Arabic diacritics
 * removed (NFKD then marks dropped, which also turns أ إ آ into ا), letter variants unified,
 * apostrophes joined, any other punctuation or symbol turned into a single space.
 * `fold("D'accord, Bien SÛR !")` → `'daccord bien sur'`.
 */
export function fold(text: string): string {
  let s = toLatinDigits(text.normalize('NFKC')).toLowerCase();
  for (const [pattern, replacement] of LETTER_FOLDS) s = s.replace(pattern, replacement);
  s = s.normalize('NFKD').replace(/\p{M}/gu, '');
  return s.replace(JOINERS, '').replace(NOT_WORD, ' ').trim();
}

/** `fold`, then split on spaces. */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}
