/** The current time, injectable so tests can fix "today". */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The calendar date (`YYYY-MM-DD`) of `now` in `timeZone`. */
export function calendarDateIn(timeZone: string, now: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
