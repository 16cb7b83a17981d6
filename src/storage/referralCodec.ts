import { REFERRAL_STATUSES, referralMilestones } from '../domain';
import type { NewOutboxMessage, Referral, ReferralStatus } from '../domain';
import { CorruptStateError } from './errors';
import type { FieldCipher } from './fieldCipher';

/**
 * What both adapters share about referrals and outbox messages: the checks made before a save,
 * and how the JSON parts are kept (as JSON text in either database: `details` may hold any key,
 * including `.` or `$`, which MongoDB restricts in field names).
 */

const STATUSES: readonly string[] = REFERRAL_STATUSES;

function validDate(value: unknown): boolean {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Refuses, before anything is written, a referral or messages that could not be stored and read back as is. */
export function checkReferralSave(referral: Referral, messages: readonly NewOutboxMessage[]): void {
  const id = String(referral.id);
  if (typeof referral.id !== 'string' || referral.id === '') throw new TypeError('referrals: a referral needs an id.');
  if (typeof referral.reference !== 'string' || referral.reference === '') throw new TypeError(`referrals: "${id}" needs a reference.`);
  if (!Number.isSafeInteger(referral.version) || referral.version < 0) {
    throw new TypeError(`referrals: "${id}" has version ${String(referral.version)}, not a non-negative integer.`);
  }
  if (!STATUSES.includes(referral.status)) throw new TypeError(`referrals: "${id}" has an unknown status "${String(referral.status)}".`);
  for (const field of ['createdAt', 'updatedAt', 'waitingSince'] as const) {
    if (!validDate(referral[field])) throw new TypeError(`referrals: ${field} of "${id}" must be a valid Date.`);
  }
  if (referral.details === null || typeof referral.details !== 'object' || Array.isArray(referral.details)) {
    throw new TypeError(`referrals: details of "${id}" must be an object.`);
  }
  checkMessages(messages);
}

/** Messages must have distinct non-empty ids, a kind, an aggregate, a JSON payload and a creation date. */
export function checkMessages(messages: readonly NewOutboxMessage[]): void {
  const ids = new Set<string>();
  for (const message of messages) {
    if (typeof message.id !== 'string' || message.id === '') throw new TypeError('outbox: a message needs an id.');
    if (ids.has(message.id)) throw new TypeError(`outbox: message id "${message.id}" is given twice.`);
    ids.add(message.id);
    if (typeof message.kind !== 'string' || message.kind === '') throw new TypeError(`outbox: message "${message.id}" needs a kind.`);
    if (typeof message.aggregateId !== 'string') throw new TypeError(`outbox: message "${message.id}" needs an aggregate id.`);
    if (message.payload === null || typeof message.payload !== 'object' || Array.isArray(message.payload)) {
      throw new TypeError(`outbox: the payload of "${message.id}" must be an object.`);
    }
    if (!validDate(message.createdAt)) throw new TypeError(`outbox: createdAt of "${message.id}" must be a valid Date.`);
  }
}

export function decodeReferralStatus(id: string, value: unknown): ReferralStatus {
  if (typeof value !== 'string' || !STATUSES.includes(value)) throw new CorruptStateError(id);
  return value as ReferralStatus;
}

/** Parses a stored JSON object (details, payload); anything else is a `CorruptStateError`. */
export function decodeJsonObject(id: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'string') throw new CorruptStateError(id);
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (err) {
    throw new CorruptStateError(id, err);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new CorruptStateError(id);
  return parsed as Record<string, unknown>;
}

/**
 * The first instants a referral's history reached `accepted` and `enrolled` (reporting), from
 * its stored details, which are encrypted at rest: read in code, never by the database.
 */
export function storedMilestones(id: string, details: string, cipher: FieldCipher): ReturnType<typeof referralMilestones> {
  const { history } = decodeJsonObject(id, cipher.decrypt(details, id));
  return referralMilestones(Array.isArray(history) ? (history as Parameters<typeof referralMilestones>[0]) : []);
}
