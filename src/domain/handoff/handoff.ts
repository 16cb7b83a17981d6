import type { StoredConversationReference } from '../person/conversationReference';
import type { UserKey } from '../person/types';
import type { Handoff, HandoffEnder, HandoffEntry, HandoffSpeaker } from './types';

/** Most entries kept in a handoff's exchange; the oldest go first. */
export const MAX_EXCHANGE_ENTRIES = 200;
/** Most entries of the conversation kept from before the request. */
export const MAX_RECENT_ENTRIES = 20;
/** Longest message kept, in characters (longer ones are cut). */
export const MAX_ENTRY_LENGTH = 2000;

/** Why a handoff cannot change as asked. */
export type HandoffRefusal = 'ended' | 'notTaken' | 'takenByOther' | 'empty';

export type HandoffResult = { ok: true; handoff: Handoff; changed: boolean } | { ok: false; refusal: HandoffRefusal };

export interface NewHandoff {
  id: string;
  userKey: UserKey;
  conversationKey: string;
  reach: StoredConversationReference;
  language: string;
  mayKeep: boolean;
  /** The conversation's recent turns (kept only when `mayKeep`). */
  recent: readonly HandoffEntry[];
  at: Date;
}

/** A message cut to `MAX_ENTRY_LENGTH` (by code points), trimmed. */
export function clipEntryText(text: string): string {
  const trimmed = text.trim();
  const points = [...trimmed];
  return points.length <= MAX_ENTRY_LENGTH ? trimmed : points.slice(0, MAX_ENTRY_LENGTH).join('');
}

/** A new handoff, waiting in the queue. */
export function requestHandoff(input: NewHandoff): Handoff {
  return {
    id: input.id,
    userKey: input.userKey,
    conversationKey: input.conversationKey,
    reach: input.reach,
    language: input.language,
    status: 'requested',
    mayKeep: input.mayKeep,
    requestedAt: input.at,
    takenAt: null,
    takenBy: null,
    endedAt: null,
    endedBy: null,
    recent: input.mayKeep ? input.recent.slice(-MAX_RECENT_ENTRIES).map((e) => ({ ...e, text: clipEntryText(e.text) })) : [],
    exchange: [],
    version: 0
  };
}

/** Whether a caseworker or the person can still write in it. */
export function isOpen(handoff: Handoff): boolean {
  return handoff.status !== 'ended';
}

/** A caseworker takes a waiting handoff (taking one's own again changes nothing). */
export function takeHandoff(handoff: Handoff, caseworkerId: string, at: Date): HandoffResult {
  if (handoff.status === 'ended') return { ok: false, refusal: 'ended' };
  if (handoff.status === 'taken') {
    return handoff.takenBy === caseworkerId ? { ok: true, handoff, changed: false } : { ok: false, refusal: 'takenByOther' };
  }
  return { ok: true, handoff: { ...handoff, status: 'taken', takenAt: at, takenBy: caseworkerId }, changed: true };
}

/** Adds a message to the exchange (once per entry id), keeping the last `MAX_EXCHANGE_ENTRIES`. */
function addEntry(handoff: Handoff, entry: { id: string; from: HandoffSpeaker; text: string; at: Date; by?: string }): HandoffResult {
  if (handoff.status === 'ended') return { ok: false, refusal: 'ended' };
  if (handoff.exchange.some((e) => e.id === entry.id)) return { ok: true, handoff, changed: false };
  const text = clipEntryText(entry.text);
  if (text === '') return { ok: false, refusal: 'empty' };
  const added: HandoffEntry = { id: entry.id, from: entry.from, text, at: entry.at, ...(entry.by ? { by: entry.by } : {}) };
  return { ok: true, handoff: { ...handoff, exchange: [...handoff.exchange, added].slice(-MAX_EXCHANGE_ENTRIES) }, changed: true };
}

/** What the person wrote while waiting or talking with a caseworker. */
export function addPersonMessage(handoff: Handoff, entry: { id: string; text: string; at: Date }): HandoffResult {
  return addEntry(handoff, { ...entry, from: 'person' });
}

/** A caseworker's reply: only by the caseworker who took it. */
export function addCaseworkerReply(handoff: Handoff, entry: { id: string; text: string; at: Date; caseworkerId: string }): HandoffResult {
  if (handoff.status === 'ended') return { ok: false, refusal: 'ended' };
  if (handoff.status !== 'taken') return { ok: false, refusal: 'notTaken' };
  if (handoff.takenBy !== entry.caseworkerId) return { ok: false, refusal: 'takenByOther' };
  return addEntry(handoff, { id: entry.id, from: 'caseworker', text: entry.text, at: entry.at, by: entry.caseworkerId });
}

/**
 * Ends a handoff. The person may end it at any time; a caseworker only one they took (or one
 * still waiting). Without the person's consent, what was said and where to reach them are not
 * kept once it ends (`forget` them when nothing is left to deliver).
 */
export function endHandoff(handoff: Handoff, by: HandoffEnder, at: Date): HandoffResult {
  if (handoff.status === 'ended') return { ok: true, handoff, changed: false };
  if (by.kind === 'caseworker' && handoff.status === 'taken' && handoff.takenBy !== by.id) return { ok: false, refusal: 'takenByOther' };
  return { ok: true, handoff: { ...handoff, status: 'ended', endedAt: at, endedBy: by }, changed: true };
}

/** An ended handoff without what was said and where to reach the person (no consent to keep them). */
export function forgetExchange(handoff: Handoff): Handoff {
  return { ...handoff, reach: null, recent: [], exchange: [] };
}

/** Who waited longest comes first; ties by id, so the order is stable. */
export function compareWaiting(a: Handoff, b: Handoff): number {
  return a.requestedAt.getTime() - b.requestedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
