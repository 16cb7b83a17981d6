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
  /** Resolves when the database answers; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes connections; further calls fail. Idempotent. */
  close(): Promise<void>;
}
