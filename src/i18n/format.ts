/**
 * Dates and numbers written the way each language writes them: every date or number shown to a
 * person is formatted here (texts get their numbers through the Localizer, which calls
 * `formatNumber`), so that calendar and digits are chosen in one place, on purpose, per language
 * (see docs/writing.md).
 */

/** Digits a language is written with: Latin `0-9`, Arabic-Indic `٠-٩`, or Persian `۰-۹`. */
export type DigitSystem = 'latn' | 'arab' | 'arabext';

/** How one language writes dates and numbers. */
export interface LanguageFormat {
  /** One digit system for every number and date of the language. */
  digits: DigitSystem;
  /** How the first day of a month is written, when not as the number 1 ("1er" in French). */
  firstDayOfMonth?: string;
  /** What separates listed items where Intl has no list rules for the language (Sorani: "، "). */
  listSeparator?: string;
}

/**
 * Every language uses the **Gregorian calendar**: the trainings, the programmes' deadlines and
 * the documents people are asked for are European and Gregorian, and the age question asks for a
 * Gregorian date. (Intl's default for Persian and Pashto is the Solar Hijri calendar, which gave
 * "۲۳ آذر ۱۴۰۵" for 14 December 2026.) Digits follow what readers of each language use:
 * Persian digits for Dari/Persian and Pashto, Arabic-Indic digits for Arabic (as read in Syria,
 * Iraq, Sudan, Egypt, Palestine and Yemen) and Sorani, Latin digits elsewhere. Answers are
 * understood in any digits whatever the language.
 */
export const LANGUAGE_FORMATS: Readonly<Record<string, LanguageFormat>> = {
  fr: { digits: 'latn', firstDayOfMonth: '1er' },
  en: { digits: 'latn' },
  de: { digits: 'latn' },
  nl: { digits: 'latn' },
  pt: { digits: 'latn' },
  ro: { digits: 'latn' },
  ar: { digits: 'arab' },
  fa: { digits: 'arabext' },
  ps: { digits: 'arabext' },
  ckb: { digits: 'arab', listSeparator: '، ' },
  so: { digits: 'latn' },
  ti: { digits: 'latn' },
  tr: { digits: 'latn' },
  uk: { digits: 'latn' }
};

const LATIN: LanguageFormat = { digits: 'latn' };

/** How `lang` (a language or a locale: `fa-AF` → `fa`) writes dates and numbers; Latin digits for an unknown one. */
export function languageFormat(lang: string): LanguageFormat {
  return LANGUAGE_FORMATS[lang.toLowerCase().split(/[-_]/)[0] ?? ''] ?? LATIN;
}

/** Numbers from this one on have their thousands grouped ("12 500"); below, never ("2004"). */
const MIN_GROUPED = 10_000;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function safeLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * A number in the language's digits: "22", "٢٢", "۲۲"; thousands are grouped from five digits on
 * ("12 500"), so that a year stays "2004".
 */
export function formatNumber(value: number, lang: string): string {
  const grouped = Math.abs(value) >= MIN_GROUPED;
  const key = `${lang}|${grouped}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(safeLocale(lang), { numberingSystem: languageFormat(lang).digits, useGrouping: grouped, maximumFractionDigits: 2 });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** An amount of money ("450 €", "€450", "٤٥٠ €"), in the language's digits. */
export function formatMoney(amount: number, currency: string, lang: string): string {
  try {
    return new Intl.NumberFormat(safeLocale(lang), {
      style: 'currency',
      currency,
      numberingSystem: languageFormat(lang).digits,
      useGrouping: Math.abs(amount) >= MIN_GROUPED,
      minimumFractionDigits: Number.isInteger(amount) ? 0 : 2
    }).format(amount);
  } catch {
    return `${formatNumber(amount, lang)} ${currency}`;
  }
}

/**
 * Items as the language lists them: "French, Arabic and Ukrainian", "فرانسوی، عربی و اوکراینی"
 * (`and`); or "Portugal, Online", "البرتغال، عن بعد" (`unit`: a plain list, no "and").
 */
export function formatList(items: readonly string[], lang: string, kind: 'and' | 'unit' = 'and'): string {
  const separator = languageFormat(lang).listSeparator ?? ', ';
  try {
    const list = new Intl.ListFormat(safeLocale(lang), { type: kind === 'and' ? 'conjunction' : 'unit', style: kind === 'and' ? 'long' : 'short' });
    // Without list rules for the language, Intl falls back to English ("and"): join instead.
    if (list.resolvedOptions().locale.split('-')[0] !== safeLocale(lang).split('-')[0]) return items.join(separator);
    return list.format(items);
  } catch {
    return items.join(separator);
  }
}

function dateFormat(lang: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(safeLocale(lang), {
      dateStyle: 'long',
      calendar: 'gregory',
      numberingSystem: languageFormat(lang).digits,
      timeZone
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** A date in words, the first of the month written as the language writes it ("1er février 2027"). */
function writeDate(instant: Date, lang: string, timeZone: string): string {
  const format = dateFormat(lang, timeZone);
  const { firstDayOfMonth } = languageFormat(lang);
  if (!firstDayOfMonth) return format.format(instant);
  return format
    .formatToParts(instant)
    .map((part) => (part.type === 'day' && Number(part.value) === 1 ? firstDayOfMonth : part.value))
    .join('');
}

/**
 * A calendar date (`YYYY-MM-DD`) in words, Gregorian, in the language's digits: "14 décembre
 * 2026", "1er février 2027", "۱۴ دسامبر ۲۰۲۶"; the ISO text itself if unreadable.
 */
export function formatDate(isoDate: string, lang: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const instant = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(instant.getTime())) return isoDate;
  try {
    return writeDate(instant, lang, 'UTC');
  } catch {
    return isoDate;
  }
}

/** The calendar date of an instant in words (as `formatDate`), in `timeZone` (default: the server's). */
export function formatDay(instant: Date, lang: string, timeZone?: string): string {
  try {
    return writeDate(instant, lang, timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

/**
 * A month (`YYYY-MM`) in words, Gregorian, in the language's digits: "décembre 2026",
 * "December 2026"; the text itself if unreadable.
 */
export function formatMonth(month: string, lang: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const instant = new Date(Date.UTC(y, m - 1, 15));
  if (!/^\d{4}-\d{2}$/.test(month) || Number.isNaN(instant.getTime())) return month;
  try {
    return new Intl.DateTimeFormat(safeLocale(lang), { year: 'numeric', month: 'long', calendar: 'gregory', numberingSystem: languageFormat(lang).digits, timeZone: 'UTC' }).format(instant);
  } catch {
    return month;
  }
}

const dayTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The day and time of an instant, as the language writes them, in `timeZone`: "lundi 7 décembre
 * à 09:00", "Monday 7 December at 09:00", "الاثنين، ٧ ديسمبر في ٠٩:٠٠" (Gregorian, the
 * language's digits, 24-hour clock); for when someone will answer.
 */
export function formatDayAndTime(instant: Date, lang: string, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let format = dayTimeFormats.get(key);
  try {
    if (!format) {
      format = new Intl.DateTimeFormat(safeLocale(lang), {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        calendar: 'gregory',
        numberingSystem: languageFormat(lang).digits,
        timeZone
      });
      dayTimeFormats.set(key, format);
    }
    const { firstDayOfMonth } = languageFormat(lang);
    return format
      .formatToParts(instant)
      .map((part) => (firstDayOfMonth && part.type === 'day' && Number(part.value) === 1 ? firstDayOfMonth : part.value))
      .join('');
  } catch {
    return instant.toISOString().slice(0, 16).replace('T', ' ');
  }
}
