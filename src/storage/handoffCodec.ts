import { HANDOFF_SPEAKERS, HANDOFF_STATUSES } from '../domain';
import type { Handoff, HandoffEnder, HandoffEntry, HandoffStatus, NewOutboxMessage, StoredConversationReference } from '../domain';
import { CorruptStateError } from './errors';
import { checkMessages } from './referralCodec';

/**
 * What both adapters share about handoffs: the checks made before a save, and the record's
 * body (everything but the indexed fields) as JSON text with ISO dates.
 */

const STATUSES: readonly string[] = HANDOFF_STATUSES;
const SPEAKERS: readonly string[] = HANDOFF_SPEAKERS;

function validDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** Refuses, before anything is written, a handoff or messages that could not be stored and read back as is. */
export function checkHandoffSave(handoff: Handoff, messages: readonly NewOutboxMessage[]): void {
  const id = String(handoff.id);
  if (typeof handoff.id !== 'string' || handoff.id === '') throw new TypeError('handoffs: a handoff needs an id.');
  if (typeof handoff.userKey !== 'string' || handoff.userKey === '') throw new TypeError(`handoffs: "${id}" needs a user key.`);
  if (typeof handoff.conversationKey !== 'string' || handoff.conversationKey === '') throw new TypeError(`handoffs: "${id}" needs a conversation key.`);
  if (!Number.isSafeInteger(handoff.version) || handoff.version < 0) throw new TypeError(`handoffs: "${id}" has version ${String(handoff.version)}, not a non-negative integer.`);
  if (!STATUSES.includes(handoff.status)) throw new TypeError(`handoffs: "${id}" has an unknown status "${String(handoff.status)}".`);
  if (!validDate(handoff.requestedAt)) throw new TypeError(`handoffs: requestedAt of "${id}" must be a valid Date.`);
  for (const field of ['takenAt', 'endedAt'] as const) {
    if (handoff[field] !== null && !validDate(handoff[field])) throw new TypeError(`handoffs: ${field} of "${id}" must be a valid Date or null.`);
  }
  for (const entry of [...handoff.recent, ...handoff.exchange]) {
    if (typeof entry.id !== 'string' || entry.id === '' || typeof entry.text !== 'string' || !SPEAKERS.includes(entry.from) || !validDate(entry.at)) {
      throw new TypeError(`handoffs: an entry of "${id}" needs an id, a speaker, a text and a valid date.`);
    }
  }
  checkMessages(messages);
}

interface EntryJson {
  id: string;
  from: string;
  text: string;
  at: string;
  by?: string;
}

interface BodyJson {
  reach: (Omit<StoredConversationReference, 'updatedAt'> & { updatedAt: string }) | null;
  language: string;
  mayKeep: boolean;
  takenAt: string | null;
  takenBy: string | null;
  endedAt: string | null;
  endedBy: HandoffEnder | null;
  recent: EntryJson[];
  exchange: EntryJson[];
}

const entryToJson = (e: HandoffEntry): EntryJson => ({ id: e.id, from: e.from, text: e.text, at: e.at.toISOString(), ...(e.by ? { by: e.by } : {}) });

/** The fields that are not indexed, as JSON text. */
export function encodeHandoffBody(handoff: Handoff): string {
  const body: BodyJson = {
    reach: handoff.reach ? { ...handoff.reach, updatedAt: handoff.reach.updatedAt.toISOString() } : null,
    language: handoff.language,
    mayKeep: handoff.mayKeep,
    takenAt: handoff.takenAt?.toISOString() ?? null,
    takenBy: handoff.takenBy,
    endedAt: handoff.endedAt?.toISOString() ?? null,
    endedBy: handoff.endedBy,
    recent: handoff.recent.map(entryToJson),
    exchange: handoff.exchange.map(entryToJson)
  };
  return JSON.stringify(body);
}

function date(id: string, value: unknown): Date {
  const parsed = typeof value === 'string' ? new Date(value) : value instanceof Date ? value : undefined;
  if (!parsed || Number.isNaN(parsed.getTime())) throw new CorruptStateError(id);
  return parsed;
}

function nullableDate(id: string, value: unknown): Date | null {
  return value === null || value === undefined ? null : date(id, value);
}

function entries(id: string, value: unknown): HandoffEntry[] {
  if (!Array.isArray(value)) throw new CorruptStateError(id);
  return value.map((raw: unknown) => {
    const e = raw as Partial<EntryJson> | null;
    if (!e || typeof e.id !== 'string' || typeof e.text !== 'string' || !SPEAKERS.includes(e.from ?? '')) throw new CorruptStateError(id);
    return { id: e.id, from: e.from as HandoffEntry['from'], text: e.text, at: date(id, e.at), ...(typeof e.by === 'string' ? { by: e.by } : {}) };
  });
}

/** The indexed fields as both adapters keep them. */
export interface HandoffIndexed {
  id: string;
  userKey: string;
  conversationKey: string;
  status: unknown;
  requestedAt: unknown;
  version: unknown;
  body: unknown;
}

/** A stored handoff read back; anything malformed is a `CorruptStateError`. */
export function decodeHandoff(stored: HandoffIndexed): Handoff {
  const { id } = stored;
  if (typeof stored.status !== 'string' || !STATUSES.includes(stored.status)) throw new CorruptStateError(id);
  if (typeof stored.version !== 'number' || !Number.isSafeInteger(stored.version) || stored.version < 1) throw new CorruptStateError(id);
  if (typeof stored.body !== 'string') throw new CorruptStateError(id);
  let body: BodyJson;
  try {
    body = JSON.parse(stored.body) as BodyJson;
  } catch {
    throw new CorruptStateError(id);
  }
  if (body === null || typeof body !== 'object' || typeof body.language !== 'string' || typeof body.mayKeep !== 'boolean') throw new CorruptStateError(id);
  return {
    id,
    userKey: stored.userKey,
    conversationKey: stored.conversationKey,
    reach: body.reach ? { ...body.reach, updatedAt: date(id, body.reach.updatedAt) } : null,
    language: body.language,
    status: stored.status as HandoffStatus,
    mayKeep: body.mayKeep,
    requestedAt: date(id, stored.requestedAt),
    takenAt: nullableDate(id, body.takenAt),
    takenBy: typeof body.takenBy === 'string' ? body.takenBy : null,
    endedAt: nullableDate(id, body.endedAt),
    endedBy: body.endedBy ?? null,
    recent: entries(id, body.recent),
    exchange: entries(id, body.exchange),
    version: stored.version
  };
}
