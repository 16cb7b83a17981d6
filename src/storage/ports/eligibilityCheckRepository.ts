import type { PersonalDataStore } from './personalDataStore';
import type { EligibilityCheckRecord, UserKey } from '../../domain';

/** Stored eligibility checks (answers, result, rules version). */
export interface EligibilityCheckRepository extends PersonalDataStore {
  /** Saves a check. Ids are unique; saving the same id twice is a `DuplicateKeyError`. */
  save(record: EligibilityCheckRecord): Promise<void>;
  get(id: string): Promise<EligibilityCheckRecord | null>;
  /** Checks of one user, newest first. */
  listByUser(userKey: UserKey): Promise<EligibilityCheckRecord[]>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}
