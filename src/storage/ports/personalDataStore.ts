import type { UserKey } from '../../domain';

/**
 * A store that holds personal data. Every repository that keeps anything about a person
 * implements it, and the adapter lists it in `StorageBundle.personalData` (the registry): the
 * erasure a person asks for and the retention sweep go through that list only, so a new store
 * is covered as soon as it is listed (docs/privacy.md).
 */
export interface PersonalDataStore {
  /** A short name for logs and the sweep's report (the table or collection). */
  readonly storeName: string;
  /**
   * Erases everything this store keeps about the person: deletes it, or, for what an audit
   * must keep, removes every link to the person (no user key, no pseudonymous id, no free
   * text). Returns how many records were deleted or anonymised. Erasing a person twice, or one
   * never seen, changes nothing and returns 0.
   */
  eraseUser(userKey: UserKey): Promise<number>;
  /**
   * Retention: deletes (or anonymises, as `eraseUser` does) the records whose last change is
   * before `before` (the notice's retention period ago), and those whose own expiry is at or
   * before `now` (links, short-lived state). Returns how many.
   */
  deleteExpired(before: Date, now: Date): Promise<number>;
}
