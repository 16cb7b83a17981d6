import { InvalidDateError, parseIsoDate } from '../eligibility';
import type { IsoDate } from '../eligibility';

const MS_PER_DAY = 86_400_000;

/** Days from `from` to `to` (negative when `to` is earlier). Calendar arithmetic in UTC: no time zone can shift it. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (dayNumber(to) - dayNumber(from)) / MS_PER_DAY;
}

function dayNumber(date: IsoDate): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new InvalidDateError(date);
  return Date.UTC(parts.year, parts.month - 1, parts.day);
}

/** Throws `InvalidDateError` unless `date` is a real `YYYY-MM-DD` date; returns it otherwise. */
export function requireIsoDate(date: IsoDate): IsoDate {
  if (!parseIsoDate(date)) throw new InvalidDateError(date);
  return date;
}
