import { fold } from '../normalize';
import { recognizeNumber } from '../recognizeNumber';
import type { Lexicon } from '../lexicon';
import { isValidIsoDate, parseIsoDate } from '../../domain/eligibility';
import type { IsoDate } from '../../domain/eligibility';
import { requireIsoDate } from '../../domain/trainings/dates';
import type { TrainingQueryVocabulary } from './trainingQueryVocabulary';
import { EQF_LEVELS, INSTRUCTION_LANGUAGES, TRAINING_COUNTRIES, TRAINING_FORMATS, TRAINING_TOPICS } from '../../domain/trainings/types';
import type { EqfLevel, InstructionLanguage, TrainingCountry, TrainingFormat, TrainingQuery, TrainingTopic } from '../../domain/trainings/types';

export interface ParseTrainingQueryOptions {
  /**
   * Today's date: needed to read a month without a year ("from March" = the next March,
   * this year's when it is the current month). Without it only "from March 2027" is understood.
   */
  today?: IsoDate;
  /**
   * The language's understanding lexicon (`lexicons/<lang>/understanding.json`): number words
   * ("level four", "niveau quatre") and month names. Without it, levels need digits and
   * start months are not understood.
   */
  lexicon?: Lexicon;
}

type Term =
  | { kind: 'country'; value: TrainingCountry }
  | { kind: 'format'; value: TrainingFormat }
  | { kind: 'language'; value: InstructionLanguage }
  | { kind: 'topic'; value: TrainingTopic }
  | { kind: 'eqfMarker' }
  | { kind: 'startFrom' };

interface Hit<V> {
  start: number;
  end: number;
  value: V;
}

/** Folded phrases → value; longest phrase first, left to right, no overlaps. */
class Phrases<V> {
  private readonly map = new Map<string, V>();
  private longest = 0;

  /** First value wins when a phrase is listed twice. */
  add(phrase: string, value: V): void {
    const tokens = queryTokens(phrase);
    const key = tokens.join(' ');
    if (key === '' || this.map.has(key)) return;
    this.map.set(key, value);
    this.longest = Math.max(this.longest, tokens.length);
  }

  findAll(tokens: readonly string[], from = 0, to = tokens.length): Hit<V>[] {
    const hits: Hit<V>[] = [];
    let i = from;
    while (i < to) {
      let length = Math.min(this.longest, to - i);
      for (; length > 0; length--) {
        const value = this.map.get(tokens.slice(i, i + length).join(' '));
        if (value !== undefined) {
          hits.push({ start: i, end: i + length, value });
          break;
        }
      }
      i += length > 0 ? length : 1;
    }
    return hits;
  }
}

const LETTER_DIGIT_BOUNDARY = /(?<=\p{L})(?=\d)|(?<=\d)(?=\p{L})/u;
const DIGITS = /^\d+$/;
const YEAR = /^\d{4}$/;
const DAY = /^\d{1,2}$/;
/** Apostrophes separate words here ("d'avril" → "d avril"), where `fold` would join them. */
const APOSTROPHES = /['’ʼ`´‘ʻ]/gu;
/** Ordinal endings written after a day number: 1st, 2nd, 3rd, 4th, 1er. */
const ORDINAL_SUFFIX = /^(?:st|nd|rd|th|er|re|e|o|a)$/;
/** Words allowed between a start marker and the month, besides the day: "from the 1st of March". */
const MAX_START_FILLERS = 2;
/** Longest month name, in words, looked for at one place. */
const MAX_MONTH_WORDS = 4;

/** Folded words, with letters and digits apart: "Niveau4" → ["niveau", "4"], "1er" → ["1", "er"]. */
function queryTokens(text: string): string[] {
  const folded = fold(text.replace(APOSTROPHES, ' '));
  return folded === '' ? [] : folded.split(' ').flatMap((token) => token.split(LETTER_DIGIT_BOUNDARY));
}

const compiledVocabularies = new WeakMap<TrainingQueryVocabulary, Phrases<Term>>();
const compiledMonths = new WeakMap<Lexicon, Phrases<number>>();

/**
 * One matcher for every phrase of the vocabulary. When a phrase is listed under two values the
 * first one wins, in this order: format, language, country, topic, level marker, start marker —
 * so "german" is the language even if a country list borrowed it too.
 */
function compileVocabulary(vocabulary: TrainingQueryVocabulary): Phrases<Term> {
  const cached = compiledVocabularies.get(vocabulary);
  if (cached) return cached;
  const phrases = new Phrases<Term>();
  for (const value of TRAINING_FORMATS) for (const w of vocabulary.format[value] ?? []) phrases.add(w, { kind: 'format', value });
  for (const value of INSTRUCTION_LANGUAGES) for (const w of vocabulary.language[value] ?? []) phrases.add(w, { kind: 'language', value });
  for (const value of TRAINING_COUNTRIES) for (const w of vocabulary.country[value] ?? []) phrases.add(w, { kind: 'country', value });
  for (const value of TRAINING_TOPICS) for (const w of vocabulary.topic[value] ?? []) phrases.add(w, { kind: 'topic', value });
  for (const w of vocabulary.eqfMarkers) phrases.add(w, { kind: 'eqfMarker' });
  for (const w of vocabulary.startFromMarkers) phrases.add(w, { kind: 'startFrom' });
  compiledVocabularies.set(vocabulary, phrases);
  return phrases;
}

function compileMonths(lexicon: Lexicon): Phrases<number> {
  const cached = compiledMonths.get(lexicon);
  if (cached) return cached;
  const months = new Phrases<number>();
  lexicon.months.forEach((names, index) => names.forEach((name) => months.add(name, index + 1)));
  compiledMonths.set(lexicon, months);
  return months;
}

/** The one distinct value, or undefined when there is none or several (ambiguous). */
function single<T>(values: readonly T[]): T | undefined {
  const distinct = new Set(values);
  return distinct.size === 1 ? [...distinct][0] : undefined;
}

function isEqfLevel(n: number | undefined): n is EqfLevel {
  return (EQF_LEVELS as readonly number[]).includes(n ?? Number.NaN);
}

function numberAt(tokens: readonly string[], index: number, lang: string, lexicon: Lexicon | undefined): number | undefined {
  const token = tokens[index];
  if (token === undefined) return undefined;
  if (DIGITS.test(token)) return Number(token);
  return recognizeNumber(token, lang, lexicon);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The date a start marker names: "<marker> [day] <month> [year]" (at most `MAX_START_FILLERS`
 * other words before the month: "à partir du mois de mars", "from the 1st of March") or
 * "<marker> <year>" (1 January). A month without a year is the next such month from `today`
 * (this year's when it is the current month); without `today` it is not understood.
 */
function startDateAfter(
  tokens: readonly string[],
  markerEnd: number,
  months: Phrases<number> | undefined,
  today: IsoDate | undefined
): IsoDate | undefined {
  const first = tokens[markerEnd];
  if (first !== undefined && YEAR.test(first)) return `${first}-01-01`;
  if (!months) return undefined;
  let day = 1;
  let fillers = 0;
  for (let i = markerEnd; i < tokens.length; i++) {
    const month = months.findAll(tokens, i, Math.min(tokens.length, i + MAX_MONTH_WORDS))[0];
    if (month && month.start === i) return monthDate(day, month.value, tokens[month.end], today);
    const token = tokens[i] ?? '';
    if (DAY.test(token)) day = Number(token);
    else if (!(ORDINAL_SUFFIX.test(token) && DAY.test(tokens[i - 1] ?? ''))) fillers++;
    if (fillers > MAX_START_FILLERS) return undefined;
  }
  return undefined;
}

function monthDate(day: number, month: number, yearToken: string | undefined, today: IsoDate | undefined): IsoDate | undefined {
  let year: number;
  if (yearToken !== undefined && YEAR.test(yearToken)) {
    year = Number(yearToken);
  } else {
    const now = today === undefined ? undefined : parseIsoDate(today);
    if (!now) return undefined;
    year = month < now.month ? now.year + 1 : now.year;
  }
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isValidIsoDate(date) ? date : undefined;
}

/**
 * Search filters a person expressed in their own words, in their language:
 * "online in Portugal" → `{ format: 'online', country: 'PT' }`, "niveau 4 en France" →
 * `{ eqf: 4, country: 'FR' }`, "Lisbon" (a town, listed with its country's words) → `{ country: 'PT' }`,
 * "I want to learn coding" → `{ topic: 'programming' }`, "hybrid training in Belgium level 3", "en allemand" (language of
 * instruction), "à partir de mars" (earliest start; needs `options.lexicon` for month names and
 * `options.today` when no year is given).
 *
 * - Words come from `vocabulary` (see `trainingQueryVocabulary`), never from code; they are
 *   compared folded, longest phrase first.
 * - A level is a level marker ("level", "EQF", "niveau") followed (or preceded) by 3 or 4, in
 *   digits of any script or, with a lexicon, in words. Other numbers are ignored.
 * - A filter named twice with different values ("online or on site") is left out rather than
 *   guessed. Words the vocabulary does not know are ignored, so nonsense gives `{}`.
 * - Negation is not understood ("not online" reads as online): dialogs show the filters they
 *   understood so the person can correct them.
 *
 * @param lang the person's language or locale ("fr", "fr-BE"): reads number words.
 * @throws InvalidDateError when `options.today` is given and is not a valid `YYYY-MM-DD` date.
 */
export function parseTrainingQuery(
  text: string,
  lang: string,
  vocabulary: TrainingQueryVocabulary,
  options: ParseTrainingQueryOptions = {}
): TrainingQuery {
  if (options.today !== undefined) requireIsoDate(options.today);
  const tokens = queryTokens(text);
  if (tokens.length === 0) return {};
  const hits = compileVocabulary(vocabulary).findAll(tokens);
  const months = options.lexicon ? compileMonths(options.lexicon) : undefined;

  const countries: TrainingCountry[] = [];
  const formats: TrainingFormat[] = [];
  const languages: InstructionLanguage[] = [];
  const topics: TrainingTopic[] = [];
  const levels: EqfLevel[] = [];
  const starts: IsoDate[] = [];

  hits.forEach((hit, i) => {
    const term = hit.value;
    switch (term.kind) {
      case 'country':
        countries.push(term.value);
        break;
      case 'format':
        formats.push(term.value);
        break;
      case 'language':
        languages.push(term.value);
        break;
      case 'topic':
        topics.push(term.value);
        break;
      case 'eqfMarker': {
        // "EQF level 4": only the last of consecutive markers reads the number.
        const next = hits[i + 1];
        if (next?.value.kind === 'eqfMarker' && next.start === hit.end) break;
        let j = i;
        while (j > 0 && hits[j - 1]?.value.kind === 'eqfMarker' && hits[j - 1]?.end === hits[j]?.start) j--;
        const first = hits[j]?.start ?? hit.start;
        const after = numberAt(tokens, hit.end, lang, options.lexicon);
        const before = isEqfLevel(after) ? undefined : numberAt(tokens, first - 1, lang, options.lexicon);
        const level = isEqfLevel(after) ? after : before;
        if (isEqfLevel(level)) levels.push(level);
        break;
      }
      case 'startFrom': {
        const date = startDateAfter(tokens, hit.end, months, options.today);
        if (date !== undefined) starts.push(date);
        break;
      }
    }
  });

  const query: TrainingQuery = {};
  const country = single(countries);
  if (country !== undefined) query.country = country;
  const format = single(formats);
  if (format !== undefined) query.format = format;
  const language = single(languages);
  if (language !== undefined) query.language = language;
  const topic = single(topics);
  if (topic !== undefined) query.topic = topic;
  const eqf = single(levels);
  if (eqf !== undefined) query.eqf = eqf;
  const startsFrom = single(starts);
  if (startsFrom !== undefined) query.startsFrom = startsFrom;
  return query;
}
