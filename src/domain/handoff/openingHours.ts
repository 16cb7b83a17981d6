/**
 * When caseworkers answer: days of the week with time ranges, in one time zone. Written as
 * `mon-fri 09:00-17:00; sat 10:00-12:00` (days `mon`…`sun`, single or ranges, comma-separated;
 * several ranges a day: `mon-fri 09:00-12:30,13:30-17:00`), or `always`.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes since midnight, [start, end). */
export interface TimeRange {
  start: number;
  end: number;
}

export interface OpeningHours {
  /** Ranges per weekday (Monday = 0). */
  readonly days: readonly (readonly TimeRange[])[];
  readonly timeZone: string;
  /** Open at every hour (`always`). */
  readonly always: boolean;
}

/** The opening hours text cannot be read; the message says where and how to write it. */
export class OpeningHoursError extends Error {
  override readonly name = 'OpeningHoursError';
}

function parseTime(text: string, part: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) throw new OpeningHoursError(`"${part}": "${text}" is not a time such as 09:00`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 24 || minutes > 59 || (hours === 24 && minutes !== 0)) throw new OpeningHoursError(`"${part}": "${text}" is not a time of day`);
  return hours * 60 + minutes;
}

function parseDays(text: string, part: string): number[] {
  const days = new Set<number>();
  for (const piece of text.split(',')) {
    const [from, to, extra] = piece.split('-');
    const start = WEEKDAYS.indexOf(from as Weekday);
    const end = to === undefined ? start : WEEKDAYS.indexOf(to as Weekday);
    if (extra !== undefined || start < 0 || end < 0) throw new OpeningHoursError(`"${part}": "${piece}" is not a day (mon…sun) or a range of days (mon-fri)`);
    for (let d = start; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === end) break;
    }
  }
  return [...days];
}

/** Reads opening hours (see the module's comment); `OpeningHoursError` names what is wrong. */
export function parseOpeningHours(text: string, timeZone: string): OpeningHours {
  const source = text.trim().toLowerCase();
  if (source === 'always') return { days: WEEKDAYS.map(() => [{ start: 0, end: 1440 }]), timeZone, always: true };
  if (source === '') throw new OpeningHoursError('no opening hours: write them as "mon-fri 09:00-17:00", or "always"');
  const days: TimeRange[][] = WEEKDAYS.map(() => []);
  for (const rawPart of source.split(';')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const [dayText, rangesText, extra] = part.split(/\s+/);
    if (!dayText || !rangesText || extra !== undefined) throw new OpeningHoursError(`"${part}": write days then times, such as "mon-fri 09:00-17:00"`);
    const weekdays = parseDays(dayText, part);
    for (const range of rangesText.split(',')) {
      const [from, to, more] = range.split('-');
      if (from === undefined || to === undefined || more !== undefined) throw new OpeningHoursError(`"${part}": "${range}" is not a range of times such as 09:00-17:00`);
      const start = parseTime(from, part);
      const end = parseTime(to, part);
      if (end <= start) throw new OpeningHoursError(`"${part}": "${range}" ends before it starts`);
      for (const d of weekdays) days[d]!.push({ start, end });
    }
  }
  for (const ranges of days) ranges.sort((a, b) => a.start - b.start);
  if (days.every((ranges) => ranges.length === 0)) throw new OpeningHoursError('no opening hours: write them as "mon-fri 09:00-17:00", or "always"');
  return { days, timeZone, always: false };
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  /** Monday = 0. */
  weekday: number;
  minutes: number;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

function wallTime(instant: Date, timeZone: string): WallTime {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short'
    });
    wallFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday ?? '');
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute)
  };
}

/** The instant at which the wall clock of `timeZone` shows that date and time (the later one in a gap). */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const asUtc = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = asUtc;
  for (let i = 0; i < 3; i++) {
    const wall = wallTime(new Date(guess), timeZone);
    const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, 0, wall.minutes);
    const drift = wallAsUtc - asUtc;
    if (drift === 0) break;
    guess -= drift;
  }
  return new Date(guess);
}

/** Whether caseworkers answer at `now`. */
export function isOpenAt(hours: OpeningHours, now: Date): boolean {
  if (hours.always) return true;
  const wall = wallTime(now, hours.timeZone);
  return (hours.days[wall.weekday] ?? []).some((r) => wall.minutes >= r.start && wall.minutes < r.end);
}

/** When caseworkers answer next: null when they answer now. */
export function nextOpening(hours: OpeningHours, now: Date): Date | null {
  if (isOpenAt(hours, now)) return null;
  const today = wallTime(now, hours.timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    // The calendar date `offset` days after today's, in the time zone (noon avoids DST edges).
    const noon = new Date(Date.UTC(today.year, today.month - 1, today.day + offset, 12));
    const year = noon.getUTCFullYear();
    const month = noon.getUTCMonth() + 1;
    const day = noon.getUTCDate();
    const weekday = (today.weekday + offset) % 7;
    for (const range of hours.days[weekday] ?? []) {
      const start = instantOf(year, month, day, range.start, hours.timeZone);
      if (start.getTime() > now.getTime()) return start;
    }
  }
  return null;
}
