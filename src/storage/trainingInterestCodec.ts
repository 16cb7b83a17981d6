import { CorruptStateError } from './errors';
import type { TrainingInterest, TrainingInterestSource } from './ports';

/**
 * What both adapters share about training interests: the checks made before a record is
 * stored, and how a stored `source` is read back, so that both refuse and accept the same.
 */

export const TRAINING_INTEREST_SOURCES: readonly string[] = ['search', 'recommendation'] satisfies TrainingInterestSource[];

/** Refuses, before anything is written, a record that could not be stored and read back as is. */
export function checkTrainingInterest(interest: TrainingInterest): void {
  const texts: Array<[string, unknown]> = [
    ['id', interest.id],
    ['userKey', interest.userKey],
    ['trainingId', interest.trainingId],
    ['language', interest.language]
  ];
  for (const [field, value] of texts) {
    if (typeof value !== 'string') {
      throw new TypeError(`trainingInterests: ${field} of "${String(interest.id)}" must be a string.`);
    }
  }
  if (!TRAINING_INTEREST_SOURCES.includes(interest.source)) {
    throw new TypeError(`trainingInterests: "${interest.id}" has an unknown source "${String(interest.source)}".`);
  }
  if (!(interest.createdAt instanceof Date) || Number.isNaN(interest.createdAt.getTime())) {
    throw new TypeError(`trainingInterests: createdAt of "${interest.id}" must be a valid Date.`);
  }
}

export function decodeSource(id: string, value: unknown): TrainingInterestSource {
  if (typeof value !== 'string' || !TRAINING_INTEREST_SOURCES.includes(value)) throw new CorruptStateError(id);
  return value as TrainingInterestSource;
}
