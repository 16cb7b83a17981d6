import type { PersonalDataStore } from './personalDataStore';
import type { AssessmentRecord, UserKey } from '../../domain';

/** Skills self-assessments: resumable while in progress, kept with their profile once completed. */
export interface AssessmentRepository extends PersonalDataStore {
  /**
   * Inserts or replaces an assessment by id, with optimistic concurrency on `version` (the
   * revision the caller read):
   * - `version: 0` inserts; when the id already exists, `DuplicateKeyError`.
   * - `version: n` (n ≥ 1) replaces the stored assessment only if it is still at revision n;
   *   if another writer saved it meanwhile, or it was deleted, `ConcurrentUpdateError`.
   * Nothing is written when it fails, so two writers that read the same revision cannot
   * silently overwrite each other: the second one is refused. On success the stored revision
   * is `version + 1`, and the returned record is exactly what `get` now returns: save that one
   * next time. A malformed record (version not a non-negative integer, unknown status, an answer
   * that is neither a finite number nor `'skipped'`, an invalid date) is a `TypeError`.
   */
  save(record: AssessmentRecord): Promise<AssessmentRecord>;
  get(id: string): Promise<AssessmentRecord | null>;
  /**
   * The in-progress assessment of that questionnaire (any version of it) the user worked on
   * last, to resume: greatest `updatedAt`, then greatest `startedAt`, then latest inserted.
   * Null when there is none.
   */
  latestInProgress(userKey: UserKey, questionnaireId: string): Promise<AssessmentRecord | null>;
  /** Every assessment of one user, newest first: by `startedAt`, then latest inserted. */
  listByUser(userKey: UserKey): Promise<AssessmentRecord[]>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}
