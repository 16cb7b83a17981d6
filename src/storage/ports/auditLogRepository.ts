import type { AuditEntry, AuditQuery } from '../../domain';

/** The console's audit log: append-only, read newest first. */
export interface AuditLogRepository {
  /** Appends a line; an id already used is a `DuplicateKeyError`. */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first (`at`, then `id` descending), `limit` lines, after the `before` cursor. */
  list(query: AuditQuery): Promise<AuditEntry[]>;
}
