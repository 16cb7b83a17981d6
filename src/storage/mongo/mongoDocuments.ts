import type { ObjectId } from 'mongodb';
import type { EligibilityAnswers, EligibilityResult } from '../../domain/eligibility/types';
import { CorruptStateError } from '../errors';
import type { ConsentDecision } from '../ports';

/** Collection names, one per port. */
export const COLLECTIONS = {
  botState: 'botState',
  profiles: 'userProfiles',
  consents: 'consents',
  eligibilityChecks: 'eligibilityChecks'
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

/** An eligibility check; answers and result are sub-documents, `seq` orders equal dates. */
export interface EligibilityCheckDocument {
  _id: string;
  userKey: string;
  answers: EligibilityAnswers;
  result: EligibilityResult;
  rulesVersion: string;
  language: string;
  createdAt: Date;
  seq: ObjectId;
}

/** A stored date; anything else (a damaged document) is a `CorruptStateError`. */
export function storedDate(id: string, value: unknown): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new CorruptStateError(id);
}
