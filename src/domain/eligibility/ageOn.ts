import { InvalidAgeError, InvalidDateError } from './errors';
import { parseIsoDate } from './isoDate';
import type { IsoDate } from './types';

/** Ages above this are treated as input mistakes rather than as people. */
export const MAX_PLAUSIBLE_AGE = 120;

/** True when `age` is a whole number of years from 0 to `MAX_PLAUSIBLE_AGE`. */
export function isPlausibleAge(age: unknown): age is number {
  return typeof age === 'number' && Number.isInteger(age) && age >= 0 && age <= MAX_PLAUSIBLE_AGE;
}

/**
 * Age in full years on `today` of a person born on `birthDate`: the number of birthdays they
 * have had, counting a birthday as reached at the start of its day.
 *
 * **29 February.** In a non-leap year someone born on 29 February reaches their new age on
 * 1 March, not on 28 February: until the calendar has passed the day they were born on, they have
 * not had their birthday. So a person born 2008-02-29 is 15 on 2024-02-28, 16 on 2024-02-29,
 * still 16 on 2025-02-28 and 17 on 2025-03-01. Why: the programmes' minimum ages (16, 18) and the
 * GDPR digital-consent ages protect young people, so the rule never makes anyone older than they
 * are; it also falls out of comparing (month, day) without inventing a 29 February, and agrees
 * with how several European legal systems count the period (a year ending on the missing day
 * ends with the last day of February).
 *
 * @throws InvalidDateError when either date is not a valid `YYYY-MM-DD` date, or `birthDate` is
 *   after `today`.
 */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  const born = parseIsoDate(birthDate);
  if (!born) throw new InvalidDateError(birthDate);
  const now = parseIsoDate(today);
  if (!now) throw new InvalidDateError(today);
  if (birthDate > today) {
    throw new InvalidDateError(birthDate, `birth date ${birthDate} is after ${today}`);
  }
  const hadBirthdayThisYear = now.month > born.month || (now.month === born.month && now.day >= born.day);
  return now.year - born.year - (hadBirthdayThisYear ? 0 : 1);
}

/** The two ages a person can have when only their year of birth is known. */
export interface AgesInBirthYear {
  /** Before their birthday this year. */
  youngest: number;
  /** From their birthday this year on. */
  oldest: number;
}

/**
 * The ages on `today` of a person born in `year`, when the day is not known: `today`'s year
 * minus `year` once they have had this year's birthday, one less before it. Born in 2004, on
 * 2026-11-29: 21 or 22. Which of the two is not known; rules that depend on it must say so
 * (see `evaluateEligibility`), and protections (a guardian's consent) use the youngest.
 *
 * @throws InvalidDateError when `today` is not a valid date; InvalidAgeError when `year` is not
 *   a whole year giving a plausible age (born this year at the latest, 120 years ago at most).
 */
export function agesInBirthYear(year: number, today: IsoDate): AgesInBirthYear {
  const now = parseIsoDate(today);
  if (!now) throw new InvalidDateError(today);
  if (!isPlausibleBirthYear(year, today)) throw new InvalidAgeError(now.year - year);
  const oldest = now.year - year;
  return { youngest: Math.max(0, oldest - 1), oldest };
}

/** True when `year` is a whole year from `MAX_PLAUSIBLE_AGE` years before `today`'s year to that year. */
export function isPlausibleBirthYear(year: unknown, today: IsoDate): year is number {
  const now = parseIsoDate(today);
  return now !== undefined && typeof year === 'number' && Number.isInteger(year) && year <= now.year && now.year - year <= MAX_PLAUSIBLE_AGE;
}
