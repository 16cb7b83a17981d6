import type { AuditEntry, AuditQuery } from '../../domain';
import type { PersonalDataStore } from './personalDataStore';

/**
 * The console's audit log: append-only, read newest first. Lines are kept (who did what, when);
 * a line that names a person (their pseudonymous key) loses that name when the person is erased
 * or the retention period has passed (`PersonalDataStore`: anonymised, never deleted).
 */
export interface AuditLogRepository extends PersonalDataStore {
  /** Appends a line; an id already used is a `DuplicateKeyError`. */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first (`at`, then `id` descending), `limit` lines, after the `before` cursor. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}
