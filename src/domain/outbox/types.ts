/**
 * The outbox: every message a change must send (a partner's webhook, an e-mail, a message to the
 * person) is written in the same atomic step as the change, then delivered by a worker, retried,
 * and put aside (dead letter) after too many failures. Messages are data: the worker knows how
 * to deliver each `kind`.
 */

/** A message as a change produces it. */
export interface NewOutboxMessage {
  /** Unique id; also the idempotency key receivers use to ignore a second delivery. */
  id: string;
  /** How it is delivered, e.g. `partner.webhook`, `partner.email`, `person.message`. */
  kind: string;
  /** The aggregate whose change produced it (e.g. a referral id). */
  aggregateId: string;
  /** What the delivery needs, as JSON (dates as ISO strings). */
  payload: Record<string, unknown>;
  createdAt: Date;
}

export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/** A message in the outbox, with its delivery state. */
export interface OutboxMessage extends NewOutboxMessage {
  status: OutboxStatus;
  /** Deliveries started (a claim counts as one, even if the worker dies during it). */
  attempts: number;
  /** Not to be tried before this instant. */
  nextAttemptAt: Date;
  /** Why the last attempt failed (never personal data), or null. */
  lastError: string | null;
  deliveredAt: Date | null;
  /** The worker that holds it, and until when; null when nobody does. */
  lease: { owner: string; until: Date } | null;
}

/** How many messages wait, are due now, and were put aside. */
export interface OutboxStats {
  pending: number;
  due: number;
  dead: number;
}
