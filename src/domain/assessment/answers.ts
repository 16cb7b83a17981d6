import { ASSESSMENT_LEVELS, SKIPPED } from './types';
import type { AnswerValue, AssessmentLevel } from './types';

/** True for 1, 2, 3 or 4. */
export function isAssessmentLevel(value: unknown): value is AssessmentLevel {
  return (ASSESSMENT_LEVELS as readonly unknown[]).includes(value);
}

/**
 * True for a level or `'skipped'`. Anything else found in stored answers (a value from an old
 * version, a typo) counts as "not answered": the item is asked again rather than guessed.
 */
export function isAnswerValue(value: unknown): value is AnswerValue {
  return value === SKIPPED || isAssessmentLevel(value);
}

/** The answer to `itemId`, if it is a valid one. Own properties only. */
export function answerOf(answers: Readonly<Record<string, unknown>>, itemId: string): AnswerValue | undefined {
  if (!Object.hasOwn(answers, itemId)) return undefined;
  const value = answers[itemId];
  return isAnswerValue(value) ? value : undefined;
}
