import type { UserKey } from '../person';

/** Where a person came across the training they said they were interested in. */
export type TrainingInterestSource = 'search' | 'recommendation';

/** A person said "I'm interested" in a training of the catalogue. */
export interface TrainingInterest {
  /** Unique id of the record. */
  id: string;
  userKey: UserKey;
  /** Id of the training in the catalogue (`content/trainings.json`). */
  trainingId: string;
  /** Language the person was using when they said it. */
  language: string;
  source: TrainingInterestSource;
  createdAt: Date;
}
