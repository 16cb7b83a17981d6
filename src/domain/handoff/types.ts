import type { StoredConversationReference } from '../person/conversationReference';
import type { UserKey } from '../person/types';

/**
 * A person asked to talk to a person: `requested` (waiting in the queue), `taken` (a caseworker
 * handles it: the bot does not answer in their place), `ended` (by either side; the bot resumes).
 */
export const HANDOFF_STATUSES = ['requested', 'taken', 'ended'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Who said something in a handoff's exchange. */
export const HANDOFF_SPEAKERS = ['person', 'bot', 'caseworker'] as const;
export type HandoffSpeaker = (typeof HANDOFF_SPEAKERS)[number];

/** One message of the exchange a caseworker sees. */
export interface HandoffEntry {
  /** Unique in the handoff; a message recorded twice (a turn run again) is kept once. */
  id: string;
  from: HandoffSpeaker;
  text: string;
  at: Date;
  /** The caseworker's account id, for their replies. */
  by?: string;
}

/** Who ended a handoff. */
export type HandoffEnder = { kind: 'person' } | { kind: 'caseworker'; id: string };

export interface Handoff {
  id: string;
  userKey: UserKey;
  /** The pseudonymous key of the conversation it was asked in (one open handoff per conversation). */
  conversationKey: string;
  /** Where the caseworker's replies go (the conversation it was asked in); null once erased. */
  reach: StoredConversationReference | null;
  /** The language the person was using when they asked. */
  language: string;
  status: HandoffStatus;
  /** Whether the person's data may be kept (their consent when they asked). */
  mayKeep: boolean;
  requestedAt: Date;
  takenAt: Date | null;
  /** The account of the caseworker who took it. */
  takenBy: string | null;
  endedAt: Date | null;
  endedBy: HandoffEnder | null;
  /** The conversation's last turns before the request (only with consent). */
  recent: HandoffEntry[];
  /** What was said since the request. */
  exchange: HandoffEntry[];
  /** Revision for optimistic concurrency (0: never saved). */
  version: number;
}
