import type { ObjectId } from 'mongodb';
import type { EligibilityAnswers, EligibilityResult } from '../../domain/eligibility/types';
import { CorruptStateError } from '../errors';
import type { AssessmentStatus, ConsentDecision, HandoffStatus, OutboxStatus, ReferralStatus, TrainingInterestSource } from '../ports';

/** Collection names, one per port. */
export const COLLECTIONS = {
  botState: 'botState',
  profiles: 'userProfiles',
  consents: 'consents',
  eligibilityChecks: 'eligibilityChecks',
  assessments: 'assessments',
  profileLinks: 'profileLinks',
  trainingInterests: 'trainingInterests',
  conversationReferences: 'conversationReferences',
  referrals: 'referrals',
  outbox: 'outbox',
  writeClaims: 'writeClaims',
  referralPlaces: 'referralPlaces',
  partnerApiKeys: 'partnerApiKeys',
  leases: 'leases',
  conversationStarts: 'conversationStarts',
  handoffs: 'handoffs',
  accounts: 'consoleAccounts',
  consoleSessions: 'consoleSessions',
  auditLog: 'auditLog',
  partnerCapacities: 'partnerCapacities'
} as const;

/**
 * A bot-state item. The state is kept as the JSON text `read` returns, not as a sub-document:
 * botbuilder state may hold field names with `.` or `$` that MongoDB restricts, and JSON keeps
 * exactly the same semantics as the SQLite adapter and `MemoryStorage`.
 */
export interface BotStateDocument {
  _id: string;
  json: string;
  eTag: string;
  updatedAt: Date;
  /** Until when it may be kept (`keepUntil` of the item); a TTL index deletes it after, where the server has them. */
  keepUntil?: Date;
}

/** A user profile (`_id` = user key). */
export interface ProfileDocument {
  _id: string;
  language: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * A consent decision. `seq`, an ObjectId made at insert, orders decisions with the same
 * `decidedAt` (ObjectIds grow within a process; across processes, within one second, they may not).
 */
export interface ConsentDocument {
  _id: string;
  userKey: string;
  decision: ConsentDecision;
  noticeVersion: string;
  language: string;
  guardianConfirmed: boolean | null;
  decidedAt: Date;
  seq: ObjectId;
}

/**
 * An eligibility check; the answers are encrypted JSON text (`FieldCipher`; a sub-document when
 * stored before encryption), the result a sub-document, `seq` orders equal dates.
 */
export interface EligibilityCheckDocument {
  _id: string;
  userKey: string;
  answers: EligibilityAnswers | string;
  result: EligibilityResult;
  rulesVersion: string;
  language: string;
  createdAt: Date;
  seq: ObjectId;
}

/**
 * A skills self-assessment. `answers` and `profile` are JSON text, as in SQLite (item ids may
 * hold `.` or `$`; the profile is any JSON). `version` counts saves (optimistic concurrency);
 * `seq`, made at insert and kept by every save, orders equal dates.
 */
export interface AssessmentDocument {
  _id: string;
  version: number;
  userKey: string;
  questionnaireId: string;
  questionnaireVersion: string;
  language: string;
  answers: string;
  currentItemId: string | null;
  status: AssessmentStatus;
  profile: string | null;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  seq: ObjectId;
}

/** A profile link (`_id` = SHA-256 hex of the token). `expiresAt` carries the TTL index. */
export interface ProfileLinkDocument {
  _id: string;
  userKey: string;
  assessmentId: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * An interest in a training (`_id` = record id). The unique index on (`userKey`, `trainingId`)
 * keeps at most one per user and training; `seq`, made at insert, orders equal dates.
 */
export interface TrainingInterestDocument {
  _id: string;
  userKey: string;
  trainingId: string;
  language: string;
  source: TrainingInterestSource;
  createdAt: Date;
  seq: ObjectId;
}

/** A stored date; anything else (a damaged document) is a `CorruptStateError`. */
export function storedDate(id: string, value: unknown): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new CorruptStateError(id);
}

/** A person's latest conversation (`_id` = user key). */
export interface ConversationReferenceDocument {
  _id: string;
  channelId: string;
  serviceUrl: string;
  conversationId: string;
  userId: string;
  botId: string;
  locale: string | null;
  updatedAt: Date;
}

/** An outbox message not yet handed to the outbox collection, embedded in its referral. */
export interface EmbeddedMessage {
  id: string;
  kind: string;
  aggregateId: string;
  payload: string;
  createdAt: Date;
}

/**
 * A referral (`_id` = id). `details` is JSON text. `pendingOutbox` holds the messages of the
 * saves whose messages are not yet in the outbox collection: written in the same single-document
 * write as the change, then relayed (and removed) by the save itself or, after a crash, by the
 * next claim of the outbox. `outboxPending` says whether there are any (indexed).
 */
export interface ReferralDocument {
  _id: string;
  reference: string;
  version: number;
  userKey: string;
  programme: string;
  status: ReferralStatus;
  partnerId: string | null;
  country: string | null;
  language: string;
  details: string;
  createdAt: Date;
  updatedAt: Date;
  waitingSince: Date;
  pendingOutbox: EmbeddedMessage[];
  outboxPending: boolean;
  seq: ObjectId;
}

/**
 * A conversation handed to a person (`_id` = id); `body` is JSON text (see `handoffCodec`).
 * `pendingOutbox` as for referrals: the messages of a save, relayed to the outbox collection.
 */
export interface HandoffDocument {
  _id: string;
  version: number;
  userKey: string;
  conversationKey: string;
  status: HandoffStatus;
  requestedAt: Date;
  body: string;
  pendingOutbox: EmbeddedMessage[];
  outboxPending: boolean;
}

/** An outbox message (`_id` = message id); the payload is JSON text. */
export interface OutboxDocument {
  _id: string;
  kind: string;
  aggregateId: string;
  payload: string;
  createdAt: Date;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  deliveredAt: Date | null;
  leaseOwner: string | null;
  leaseUntil: Date | null;
  seq: ObjectId;
}

/** One of a programme's limited places (`_id` = `<programme>#<place>`), held by one referral. */
export interface ReferralPlaceDocument {
  _id: string;
  programme: string;
  place: number;
  referralId: string;
  takenAt: Date;
}

/** A partner's API key (`_id` = its public id); only the hash of the secret. */
export interface PartnerApiKeyDocument {
  _id: string;
  partnerId: string;
  label: string;
  secretHash: string;
  createdAt: Date;
  revokedAt: Date | null;
}

/** A lease (`_id` = its key): who holds it, until when. */
export interface LeaseDocument {
  _id: string;
  holder: string;
  expiresAt: Date;
}
