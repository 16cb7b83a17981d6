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
