import type { UserKey } from '../person';

export type AssessmentStatus = 'inProgress' | 'completed';

/** One answer of a self-assessment: the value chosen on the item's scale, or `'skipped'`. */
export type AssessmentAnswer = number | 'skipped';

/**
 * A skills self-assessment of one user: the answers given so far to one version of a
 * questionnaire and, once completed, the scored profile.
 */
export interface AssessmentRecord {
  id: string;
  userKey: UserKey;
  questionnaireId: string;
  questionnaireVersion: string;
  /** Language the questionnaire was shown in. */
  language: string;
  /** Answers by item id: a finite number or `'skipped'`. Item ids may be any string. */
  answers: Record<string, AssessmentAnswer>;
  /** The item to ask next when resuming; null when there is none. */
  currentItemId: string | null;
  status: AssessmentStatus;
  /**
   * The scored profile, set when completed (null before). Stored as JSON, so it comes back with
   * JSON semantics, like bot state: a `Date` becomes a string, `undefined` fields disappear.
   */
  profile: unknown | null;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  /**
   * Revision used for optimistic concurrency, counted by storage: 0 for an assessment never
   * saved; otherwise the revision it had when read (1 after the first save, +1 on each save).
   * See `AssessmentRepository.save`.
   */
  version: number;
}

/**
 * An unguessable, expiring link to the printable profile of one assessment. Only the hash of
 * the link's token is kept, so a copy of the database does not give the links away.
 */
export interface ProfileLink {
  /**
   * SHA-256 of the token as 64 lowercase hex digits (`hashProfileLinkToken`), never the token
   * itself. Unique.
   */
  tokenHash: string;
  userKey: UserKey;
  assessmentId: string;
  createdAt: Date;
  /** First instant at which the link no longer works. */
  expiresAt: Date;
}
