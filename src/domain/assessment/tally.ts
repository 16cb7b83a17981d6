import { isAssessmentLevel } from './answers';
import type { AnswerValue, AssessmentLevel, LevelScore } from './types';

/**
 * Running totals of a group of items (a competence, an area, a framework). Kept as whole
 * numbers so that rounding and threshold comparisons are exact: no floating-point average is
 * ever compared with a threshold.
 */
export interface Tally {
  /** Sum of the levels answered. */
  sum: number;
  answered: number;
  skipped: number;
  total: number;
}

export function emptyTally(): Tally {
  return { sum: 0, answered: 0, skipped: 0, total: 0 };
}

/** Counts one item of the group with its answer (`undefined` = not answered yet). */
export function addItem(tally: Tally, answer: AnswerValue | undefined): void {
  tally.total += 1;
  if (answer === undefined) return;
  if (isAssessmentLevel(answer)) {
    tally.sum += answer;
    tally.answered += 1;
  } else {
    tally.skipped += 1;
  }
}

/**
 * The level: the mean of the answered items rounded **half up** (1.5 → 2, 2.5 → 3, 3.49 → 3).
 * Computed as ⌊(2·sum + n) / 2n⌋, which is exact in integers.
 */
export function levelOf(tally: Tally): AssessmentLevel | undefined {
  if (tally.answered === 0) return undefined;
  return Math.floor((2 * tally.sum + tally.answered) / (2 * tally.answered)) as AssessmentLevel;
}

/** The mean of the answered items rounded half up to two decimals (2.333… → 2.33, 2.375 → 2.38). */
export function averageOf(tally: Tally): number | undefined {
  if (tally.answered === 0) return undefined;
  return Math.floor((200 * tally.sum + tally.answered) / (2 * tally.answered)) / 100;
}

/** The tally as a `LevelScore`. */
export function toLevelScore(tally: Tally): LevelScore {
  const level = levelOf(tally);
  const average = averageOf(tally);
  const counts = { answered: tally.answered, skipped: tally.skipped, total: tally.total };
  return level === undefined || average === undefined
    ? { level: 'unknown', average: null, ...counts }
    : { level, average, ...counts };
}

/**
 * Whether the exact mean (not the rounded one) is at least `minAverage`, a number with at most
 * two decimals: sum · 100 ≥ round(minAverage · 100) · n. False when nothing was answered.
 */
export function meetsAverage(tally: Tally, minAverage: number): boolean {
  return tally.answered > 0 && tally.sum * 100 >= Math.round(minAverage * 100) * tally.answered;
}

/** Whether at least `percent` % of the group's items were answered with a level. */
export function meetsAnsweredPercent(tally: Tally, percent: number): boolean {
  return tally.answered > 0 && tally.answered * 100 >= percent * tally.total;
}

/** Orders by exact mean, highest first (`a` before `b` → negative). Both must have answers. */
export function byMeanDescending(a: Tally, b: Tally): number {
  return b.sum * a.answered - a.sum * b.answered;
}
