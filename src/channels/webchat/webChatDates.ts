/**
 * What Web Chat needs to write times and counts in a language ("5 minutes ago", "Sent at
 * 14 December at 21:05"), computed on the server from Node's full ICU data. Browsers carry
 * only part of it: Chromium has no data for ps, ckb, so or ti, and Web Chat's own formatter
 * knows fewer languages still, so without this those pages would say "December 14 at 9:05 PM".
 * The page's script turns this data into the formatter Web Chat asks for (`GLOBALIZE`).
 *
 * Calendar: Gregorian in every language (the bot's dates are Gregorian too); digits: the
 * language's own (Persian digits in fa and ps, Arabic-Indic in ckb, Latin elsewhere), as
 * Node's Intl writes them for the same locale.
 */

/** A field of the date-and-time pattern, or the text between fields. */
export type DateTimePart = { field: 'month' | 'day' | 'hour' | 'minute' | 'dayPeriod'; pad: boolean } | { text: string };

export interface WebChatDates {
  /** The language's digits, 0 to 9. */
  digits: string[];
  /** Month names as the pattern uses them (January first), e.g. Ukrainian "грудня". */
  months: string[];
  /** "14 December at 21:05": the fields and the text between them, in the language's order. */
  dateTime: DateTimePart[];
  /** How hours count: `h23` (0–23), `h12` (1–12), `h11` (0–11) or `h24` (1–24). */
  hourCycle: 'h11' | 'h12' | 'h23' | 'h24';
  /** The names of the morning and afternoon halves of the day, for `dayPeriod`. */
  dayPeriods: [string, string];
  /** "N minutes ago" at index N, for N from 2 to 59 (what Web Chat shows under an hour). */
  minutesAgo: string[];
  /** "N hours ago" at index N, for N from 2 to 4 (what Web Chat shows under five hours). */
  hoursAgo: string[];
  /** The CLDR plural category of each number from 0 to 199 (at its index). */
  plural: string[];
}

/** The plural forms of a text with `{{count}}`, by CLDR category (`one`, `other`…). */
export type PluralForms = Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

/** The Intl locale of a language's dates: the Gregorian calendar, the language's digits. */
export function datesLocale(lang: string): string {
  return `${lang}-u-ca-gregory`;
}

const PATTERN = { month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: 'UTC' } as const;
const FIELDS = new Set(['month', 'day', 'hour', 'minute', 'dayPeriod']);

function partsAt(format: Intl.DateTimeFormat, month: number, day: number, hour: number): Intl.DateTimeFormatPart[] {
  return format.formatToParts(new Date(Date.UTC(2026, month, day, hour, 5)));
}

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** `count` written with the language's digits, in the form its `{{count}}` text takes. */
function pluralText(forms: PluralForms, rules: Intl.PluralRules, count: number, digits: readonly string[]): string {
  const text = forms[rules.select(count)] ?? forms.other ?? '';
  const written = String(count).replace(/[0-9]/g, (d) => digits[Number(d)]!);
  return text.replace(/\{\{\s*count\s*\}\}/g, written);
}

/** The date, time and count data of `lang`, with its "N minutes/hours ago" texts. */
export function webChatDates(lang: string, relative: { minutesAgo: PluralForms; hoursAgo: PluralForms }): WebChatDates {
  const locale = datesLocale(lang);
  const numbers = new Intl.NumberFormat(locale, { useGrouping: false });
  const digits = Array.from({ length: 10 }, (_, d) => numbers.format(d));
  const format = new Intl.DateTimeFormat(locale, PATTERN);
  // A day and an hour below 10 show whether the language pads them ("05", "09").
  const early = partsAt(format, 0, 5, 9);
  const pad: Record<string, boolean> = { day: part(early, 'day').length > 1, hour: part(early, 'hour').length > 1, minute: true, month: false, dayPeriod: false };
  const dateTime: DateTimePart[] = partsAt(format, 11, 14, 21).map((p) =>
    FIELDS.has(p.type) ? { field: p.type as 'month' | 'day' | 'hour' | 'minute' | 'dayPeriod', pad: pad[p.type]! } : { text: p.value }
  );
  const rules = new Intl.PluralRules(lang);
  return {
    digits,
    months: Array.from({ length: 12 }, (_, m) => part(partsAt(format, m, 14, 9), 'month')),
    dateTime,
    hourCycle: format.resolvedOptions().hourCycle ?? 'h23',
    dayPeriods: [part(early, 'dayPeriod'), part(partsAt(format, 0, 5, 21), 'dayPeriod')],
    minutesAgo: Array.from({ length: 60 }, (_, n) => (n >= 2 ? pluralText(relative.minutesAgo, rules, n, digits) : '')),
    hoursAgo: Array.from({ length: 5 }, (_, n) => (n >= 2 ? pluralText(relative.hoursAgo, rules, n, digits) : '')),
    plural: Array.from({ length: 200 }, (_, n) => rules.select(n))
  };
}
