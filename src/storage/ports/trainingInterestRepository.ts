import type { PersonalDataStore } from './personalDataStore';
import type { TrainingInterest, UserKey } from '../../domain';

/**
 * Interests in trainings. A person is interested in a training at most once: storage keeps at
 * most one record per (`userKey`, `trainingId`), the first one recorded.
 */
export interface TrainingInterestRepository extends PersonalDataStore {
  /**
   * Records an interest and returns the stored record, exactly as `listByUser` gives it back.
   *
   * Idempotent by (`userKey`, `trainingId`): when that user already has an interest in that
   * training, nothing is written and the record already stored is returned, unchanged (its own
   * `id`, `language`, `source` and `createdAt`; those given are ignored). This holds under
   * concurrency too: of several calls for the same user and training, even at the same time and
   * with different ids, exactly one stores a record and all return it. Compare the returned `id`
   * with the one given to know whether this call stored it.
   *
   * An `id` already used by the interest of another user or in another training is a
   * `DuplicateKeyError`, even when this user and training also have an interest; nothing is
   * written. A malformed record (a field of the wrong type, an unknown `source`, an invalid
   * `createdAt`) is a `TypeError` and is not stored.
   */
  record(interest: TrainingInterest): Promise<TrainingInterest>;
  /** The interests of one user, newest first: by `createdAt`, then latest recorded. */
  listByUser(userKey: UserKey): Promise<TrainingInterest[]>;
  /** How many people are interested in that training (one record per person). */
  countByTraining(trainingId: string): Promise<number>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}
