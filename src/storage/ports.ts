/**
 * Storage ports: what Passerelle keeps, independent of the database. Each adapter (SQLite,
 * MongoDB) implements every port with identical behaviour; `test/storage/contract` defines it.
 */
import type { Storage } from 'botbuilder';
import type { EligibilityAnswers, EligibilityResult } from '../domain/eligibility/types';

/** A user is known only by a pseudonymous key (HMAC of channel + channel user id). */
export type UserKey = string;

export interface UserProfile {
  userKey: UserKey;
  /** Chosen language (a supported language code such as `fr`). */
  language: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** User profiles: the minimum kept about a person. */
export interface UserProfileRepository {
  get(userKey: UserKey): Promise<UserProfile | null>;
  /** Creates or replaces the profile; `createdAt` of an existing profile is kept. */
  upsert(profile: Omit<UserProfile, 'createdAt' | 'updatedAt'>): Promise<UserProfile>;
  /** Deletes the profile; returns whether one existed. */
  delete(userKey: UserKey): Promise<boolean>;
}

export type ConsentDecision = 'granted' | 'refused' | 'withdrawn';

/** One consent decision, kept as an append-only history. */
export interface ConsentRecord {
  id: string;
  userKey: UserKey;
  decision: ConsentDecision;
  /** Version of the privacy notice that was shown. */
  noticeVersion: string;
  /** Language the notice was shown in. */
  language: string;
  /** Set when a guardian had to agree (digital-consent age), true when they did. */
  guardianConfirmed: boolean | null;
  decidedAt: Date;
}

export interface ConsentRepository {
  /** Appends a decision. Ids are unique; appending the same id twice is a `DuplicateKeyError`. */
  append(record: ConsentRecord): Promise<void>;
  /** The most recent decision (by `decidedAt`, then insertion order), or null. */
  latest(userKey: UserKey): Promise<ConsentRecord | null>;
  /** Every decision, oldest first. */
  history(userKey: UserKey): Promise<ConsentRecord[]>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}

/** A stored eligibility check: the answers, the result, and the rules version it used. */
export interface EligibilityCheckRecord {
  id: string;
  userKey: UserKey;
  answers: EligibilityAnswers;
  result: EligibilityResult;
  rulesVersion: string;
  language: string;
  createdAt: Date;
}

export interface EligibilityCheckRepository {
  /** Saves a check. Ids are unique; saving the same id twice is a `DuplicateKeyError`. */
  save(record: EligibilityCheckRecord): Promise<void>;
  get(id: string): Promise<EligibilityCheckRecord | null>;
  /** Checks of one user, newest first. */
  listByUser(userKey: UserKey): Promise<EligibilityCheckRecord[]>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}

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

/** Skills self-assessments: resumable while in progress, kept with their profile once completed. */
export interface AssessmentRepository {
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

/**
 * Profile links. A link is valid while `now < expiresAt`: a link whose `expiresAt` equals
 * `now` is expired. Expired links are never returned; they are removed by `deleteExpired`, and
 * MongoDB also removes them by itself (TTL index, within about a minute of expiry).
 */
export interface ProfileLinkRepository {
  /**
   * Stores a link. A `tokenHash` already stored is a `DuplicateKeyError`; one that is not 64
   * lowercase hex digits (a raw token, say) is a `TypeError` and is not stored.
   */
  create(link: ProfileLink): Promise<void>;
  /** The link with that token hash if it is still valid at `now` (`now < expiresAt`), else null. */
  find(tokenHash: string, now: Date): Promise<ProfileLink | null>;
  /** Deletes the links expired at `now` (`expiresAt <= now`); returns how many were deleted. */
  deleteExpired(now: Date): Promise<number>;
  deleteAllForUser(userKey: UserKey): Promise<number>;
}

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

/**
 * Interests in trainings. A person is interested in a training at most once: storage keeps at
 * most one record per (`userKey`, `trainingId`), the first one recorded.
 */
export interface TrainingInterestRepository {
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

/**
 * Everything an adapter provides. Built by an async factory (`openSqliteStorage`,
 * `openMongoStorage`) that returns a ready object: migrations/indexes already applied.
 */
export interface StorageBundle {
  /** Which adapter this is, for logs and `/readyz`. */
  readonly kind: 'sqlite' | 'mongodb';
  /**
   * Bot state, botbuilder's `Storage` contract: `read` ignores missing keys; `write` with an
   * item whose `eTag` differs from the stored one is rejected with `EtagConflictError`; an
   * `eTag` of `*` or no `eTag` overwrites; every write returns a new eTag in the stored item;
   * `delete` ignores missing keys.
   */
  readonly botState: Storage;
  readonly profiles: UserProfileRepository;
  readonly consents: ConsentRepository;
  readonly eligibilityChecks: EligibilityCheckRepository;
  /** Skills self-assessments, with optimistic concurrency on save. */
  readonly assessments: AssessmentRepository;
  /** Expiring links to printable profiles, kept by token hash. */
  readonly profileLinks: ProfileLinkRepository;
  /** Interests in trainings, at most one per user and training. */
  readonly trainingInterests: TrainingInterestRepository;
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes connections; further calls fail. Idempotent. */
  close(): Promise<void>;
}
