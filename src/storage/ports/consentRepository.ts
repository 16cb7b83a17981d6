import type { PersonalDataStore } from './personalDataStore';
import type { ConsentRecord, UserKey } from '../../domain';

/** Consent decisions, an append-only history per person. */
export interface ConsentRepository extends PersonalDataStore {
  /** Appends a decision. Ids are unique; appending the same id twice is a `DuplicateKeyError`. */
  append(record: ConsentRecord): Promise<void>;
  /** The most recent decision (by `decidedAt`, then insertion order), or null. */
  latest(userKey: UserKey): Promise<ConsentRecord | null>;
  /** Every decision, oldest first. */
  history(userKey: UserKey): Promise<ConsentRecord[]>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}
