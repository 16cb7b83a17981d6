/** Formatters are costly to build: one per language and style, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${withTime}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}), timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

/** A day (`5 Dec 2026`) in the console's language, in UTC (the same for every reader). */
export function day(date: Date | string, lang: string): string {
  return formatter(lang, false).format(new Date(date));
}

/** A day and time (UTC) in the console's language. */
export function instant(date: Date | string, lang: string): string {
  return formatter(lang, true).format(new Date(date));
}
