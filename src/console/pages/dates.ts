/** A day (`5 Dec 2026`) in the console's language, in UTC (the same for every reader). */
export function day(date: Date | string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date));
}

/** A day and time (UTC) in the console's language. */
export function instant(date: Date | string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(date));
}
