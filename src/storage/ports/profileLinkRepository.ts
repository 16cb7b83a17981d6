import type { PersonalDataStore } from './personalDataStore';
import type { ProfileLink, UserKey } from '../../domain';

/**
 * Profile links. A link is valid while `now < expiresAt`: a link whose `expiresAt` equals
 * `now` is expired. Expired links are never returned; they are removed by `deleteExpired`, and
 * MongoDB also removes them by itself (TTL index, within about a minute of expiry).
 */
export interface ProfileLinkRepository extends PersonalDataStore {
  /**
   * Stores a link. A `tokenHash` already stored is a `DuplicateKeyError`; one that is not 64
   * lowercase hex digits (a raw token, say) is a `TypeError` and is not stored.
   */
  create(link: ProfileLink): Promise<void>;
  /** The link with that token hash if it is still valid at `now` (`now < expiresAt`), else null. */
  find(tokenHash: string, now: Date): Promise<ProfileLink | null>;
  /**
   * Deletes the links expired at `now` (`expiresAt <= now`; `now` defaults to `before`: links
   * live shorter than the retention period); returns how many were deleted.
   */
  deleteExpired(before: Date, now?: Date): Promise<number>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}
