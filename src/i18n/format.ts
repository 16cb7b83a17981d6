/**
 * Dates and numbers written the way each language writes them: every date or number shown to a
 * person is formatted here, so that calendar and digits are chosen in one place.
 */

/** A calendar date (`YYYY-MM-DD`) in words ("3 March 2027"); the ISO text itself if unreadable. */
export function formatDate(isoDate: string, lang: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  } catch {
    return isoDate;
  }
}

/** The calendar date of an instant in words, in `timeZone` (default: the server's). */
export function formatDay(instant: Date, lang: string, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', ...(timeZone ? { timeZone } : {}) }).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}
