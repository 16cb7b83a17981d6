import type { IsoDate } from './types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date split into numbers. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Splits a `YYYY-MM-DD` string into numbers, or returns `undefined` when it is not a real
 * calendar date (wrong shape, month 13, 31 April, 29 February of a non-leap year, year 0000).
 * Pure string arithmetic: no `Date`, so no time zone can shift the day.
 */
export function parseIsoDate(s: string): DateParts | undefined {
  const m = ISO_DATE.exec(s);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `s` is a string holding a real calendar date in the form `YYYY-MM-DD`. */
export function isValidIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && parseIsoDate(s) !== undefined;
}
