import { baseLanguage } from './cultures';
import type { Lexicon } from './lexicon';
import { compileLexicon } from './lexicon';
import { tokenize, toLatinDigits } from './normalize';
import { parseWith } from './recognizers';
import { numberMentions } from './recognizeNumber';

/**
 * An age in years, a birth date `YYYY-MM-DD`, or only a year of birth, as understood from a free
 * answer. Many displaced people know only their year of birth: the eligibility rules decide what
 * a year alone tells (see `agesInBirthYear` in the domain).
 */
export type AgeOrBirthDate = { kind: 'age'; age: number } | { kind: 'birthDate'; birthDate: string } | { kind: 'birthYear'; year: number };

/** Oldest plausible age; above it an answer is taken as a mistake. */
export const MAX_AGE = 120;

/**
 * Languages whose speakers may write month-first numeric dates (US style). Their numeric dates
 * are still read day-first; month-first only when day-first is impossible ("03/15/2004").
 */
const MONTH_FIRST_WHEN_UNAMBIGUOUS = new Set(['en']);

interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Dates found in a text; `unusable` when something looks like a date but cannot be one. */
interface DateScan {
  dates: DateParts[];
  unusable: boolean;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_FIRST = /(?<!\d)(\d{4})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?!\d)/g;
const YEAR_LAST = /(?<!\d)(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/g;
/** "3/3", "03.03", "3/3/04": a numeric date without a four-digit year. */
const PARTIAL_NUMERIC = /(?<!\d)\d{1,2}\s*[./]\s*\d{1,2}(?:\s*[./]\s*\d{1,3})?(?![\d.,])/;
/** Day token next to a month name: "3", "03", "3rd", "1er", "3ème", "3." (dot already gone). */
const DAY_TOKEN = /^(\d{1,2})\p{L}{0,5}$/u;
const YEAR_TOKEN = /^\d{4}$/;
const HAS_DIGIT = /\d/;
const FOUR_DIGITS = /(?<!\d)\d{4}(?!\d)/;
const LETTER = /\p{L}/u;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValid({ year, month, day }: DateParts): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toIso({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseToday(today: string): DateParts {
  const m = ISO_DAY.exec(today);
  const parts = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
  if (!parts || !isValid(parts)) throw new RangeError(`today must be a valid YYYY-MM-DD date, got "${today}"`);
  return parts;
}

/** Full years between two dates (a birthday counts from the start of its day). */
function yearsBetween(born: DateParts, on: DateParts): number {
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}

/**
 * Whether the words around a number written in words make it an answer about age: all of them
 * are the lexicon's age words ("j'ai … ans"), or at most one is not and at least one is ("euh
 * j'ai vingt ans"). "Trouver une formation" has a number word ("une") but is no age.
 */
function aboutAge(otherWords: readonly string[], lexicon: Lexicon): boolean {
  const covered = compileLexicon(lexicon)
    .ageWords.findAll(otherWords)
    .reduce((sum, match) => sum + match.end - match.start, 0);
  const unknown = otherWords.length - covered;
  return unknown === 0 || (covered > 0 && unknown <= 1);
}

function addNumeric(scan: DateScan, parts: DateParts): void {
  if (isValid(parts)) scan.dates.push(parts);
  else scan.unusable = true;
}

/** "2004-03-03", "2004/3/3", "03/03/2004", "3.3.2004"; removes what it read from the text. */
function scanNumeric(latin: string, lang: string, scan: DateScan): string {
  let rest = latin.replace(YEAR_FIRST, (_all, y: string, _sep: string, m: string, d: string) => {
    addNumeric(scan, { year: Number(y), month: Number(m), day: Number(d) });
    return ' ';
  });
  rest = rest.replace(YEAR_LAST, (_all, a: string, _sep: string, b: string, y: string) => {
    const first = Number(a);
    const second = Number(b);
    const monthFirst = MONTH_FIRST_WHEN_UNAMBIGUOUS.has(baseLanguage(lang)) && second > 12 && first <= 12;
    addNumeric(scan, { year: Number(y), month: monthFirst ? first : second, day: monthFirst ? second : first });
    return ' ';
  });
  if (PARTIAL_NUMERIC.test(rest)) scan.unusable = true;
  return rest;
}

/** Index of the first token with a digit at `from` or, past one word, at `from + step`. */
function numericNear(tokens: readonly string[], from: number, step: 1 | -1): number {
  const at = (i: number): boolean => i >= 0 && i < tokens.length && HAS_DIGIT.test(tokens[i] ?? '');
  if (at(from)) return from;
  const next = from + step;
  return from >= 0 && from < tokens.length && at(next) ? next : -1;
}

/** "3 mars 2004", "March 3rd, 2004", "3 de março de 2004", "3 مارس 2004" with lexicon months. */
function scanWithMonthNames(text: string, lexicon: Lexicon, scan: DateScan): void {
  const tokens = tokenize(text);
  for (const month of compileLexicon(lexicon).months.findAll(tokens)) {
    let day: number | undefined;
    let yearAt = -1;
    const before = numericNear(tokens, month.start - 1, -1);
    const dayBefore = before >= 0 ? DAY_TOKEN.exec(tokens[before] ?? '') : null;
    if (dayBefore) {
      day = Number(dayBefore[1]);
      yearAt = numericNear(tokens, month.end, 1);
    } else {
      const after = numericNear(tokens, month.end, 1);
      const dayAfter = after >= 0 ? DAY_TOKEN.exec(tokens[after] ?? '') : null;
      if (dayAfter) {
        day = Number(dayAfter[1]);
        yearAt = numericNear(tokens, after + 1, 1);
      } else {
        yearAt = after;
      }
    }
    const year = yearAt >= 0 && YEAR_TOKEN.test(tokens[yearAt] ?? '') ? Number(tokens[yearAt]) : undefined;
    if (day === undefined && yearAt < 0) continue; // "may", "مارس" as ordinary words
    if (day === undefined || year === undefined) {
      // A month with a day or a year but not both ("mars 2004", "le 3 mars"): not a usable date.
      scan.unusable = true;
      continue;
    }
    addNumeric(scan, { year, month: month.value, day });
  }
}

/** The recognizer's dates; one without a four-digit year in its own words is not usable. */
function scanWithRecognizer(latin: string, lang: string, today: DateParts, scan: DateScan): void {
  const reference = new Date(Date.UTC(today.year, today.month - 1, today.day, 12));
  for (const result of parseWith('dateTime', lang, latin, reference)) {
    if (result.typeName !== 'datetimeV2.date') continue;
    const values = result.resolution?.['values'];
    const first: unknown = Array.isArray(values) ? values[0] : undefined;
    const timex = typeof first === 'object' && first !== null ? (first as { timex?: unknown }).timex : undefined;
    const m = typeof timex === 'string' ? ISO_DAY.exec(timex) : null;
    const yearInWords = FOUR_DIGITS.exec(result.text)?.[0];
    if (m && yearInWords === m[1]) addNumeric(scan, { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
    else scan.unusable = true;
  }
}

/**
 * Understands an answer to "how old are you / when were you born":
 * - an age: "22", "j'ai 22 ans", "I'm twenty two", "عمري ٢٢ سنة" → `{ kind: 'age', age: 22 }`;
 * - a birth date with a four-digit year: "2004-03-03", "03/03/2004", "3.3.2004", "né le 3 mars
 *   2004", "I was born on 3 March 2004", "ولدت في 3 مارس 2004" → `{ kind: 'birthDate', ... }`;
 * - a year of birth alone: "2004", "born in 2004", "ولدت سنة 2004" → `{ kind: 'birthYear', year: 2004 }`
 *   (a year from 120 years ago to this year).
 *
 * Numeric dates are read day-first in every language; in English month-first is accepted when
 * day-first is impossible ("03/15/2004"). Month names come from the lexicon, then from the
 * date-time recognizer where the language has one. A number written in words counts only among
 * the lexicon's age words ("j'ai vingt-deux ans", not "Trouver une formation").
 *
 * @param today `YYYY-MM-DD`, the day the answer is given.
 * @returns undefined when nothing usable is found, when it is ambiguous (two numbers, two dates,
 *   a date without year), or impossible (a date after `today`, an age outside 0..120).
 * @throws RangeError when `today` is not a valid `YYYY-MM-DD` date.
 */
export function recognizeAgeOrBirthDate(
  text: string,
  lang: string,
  today: string,
  lexicon?: Lexicon
): AgeOrBirthDate | undefined {
  const now = parseToday(today);
  const latin = toLatinDigits(text.normalize('NFKC'));
  const scan: DateScan = { dates: [], unusable: false };
  const rest = scanNumeric(latin, lang, scan);
  if (lexicon) scanWithMonthNames(rest, lexicon, scan);
  if (scan.dates.length === 0 && !scan.unusable && LETTER.test(rest) && (!lexicon || FOUR_DIGITS.test(rest))) {
    scanWithRecognizer(rest, lang, now, scan);
  }
  if (scan.unusable) return undefined;

  const distinct = new Set(scan.dates.map(toIso));
  if (distinct.size > 1) return undefined;
  const [born] = scan.dates;
  if (born) {
    const birthDate = toIso(born);
    if (birthDate > toIso(now)) return undefined;
    const age = yearsBetween(born, now);
    return age <= MAX_AGE ? { kind: 'birthDate', birthDate } : undefined;
  }

  const mentions = numberMentions(text, lang, lexicon);
  const values = new Set(mentions.values);
  const [value] = values;
  if (values.size !== 1 || value === undefined || !Number.isInteger(value)) return undefined;
  if (mentions.inWords && lexicon && !aboutAge(mentions.otherWords, lexicon)) return undefined;
  if (value >= now.year - MAX_AGE && value <= now.year) return { kind: 'birthYear', year: value };
  return value >= 0 && value <= MAX_AGE ? { kind: 'age', age: value } : undefined;
}
