/** The current time, injectable so tests can fix "today". */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using one. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (`YYYY-MM-DD`) of `now` in `timeZone`. */
export function calendarDateIn(timeZone: string, now: Date): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}

/**
 * `YYYY-MM` of instants in `timeZone`: one formatter for every call (building an
 * Intl.DateTimeFormat costs far more than using one; a report asks for thousands of months).
 */
export function monthsIn(timeZone: string): (at: Date) => string {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
  return (at) => {
    const parts = format.formatToParts(at);
    return `${parts.find((p) => p.type === 'year')!.value.padStart(4, '0')}-${parts.find((p) => p.type === 'month')!.value}`;
  };
}
