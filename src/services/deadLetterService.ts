import type { OutboxMessage } from '../domain';
import type { OutboxRepository } from '../storage/ports';
import type { Clock } from './clock';

/**
 * A dead-letter message as administrators see it: what it was, for which partner and event, how
 * often it was tried and why it failed; never its payload (a webhook body or a message to a
 * person carries their data) nor the person's key.
 */
export interface DeadLetterView {
  id: string;
  kind: string;
  /** The referral (or other aggregate) whose change produced it. */
  aggregateId: string;
  /** The event it announced (`accepted`, `submitted`…), when the payload names one. */
  event: string | null;
  /** The partner it was for, when the payload names one. */
  partnerId: string | null;
  attempts: number;
  /** Why the last attempt failed (the worker's words, never personal data), cut to 300 characters. */
  lastError: string | null;
  createdAt: Date;
}

/** Longest error text shown. */
const ERROR_LENGTH = 300;

/** Delivery problems: the outbox's dead letters, listed without personal data, and put back in the queue one by one. */
export class DeadLetterService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock
  ) {}

  /** The dead letters, most recent first (at most `limit`), and how many there are in all. */
  async list(limit = 100): Promise<{ total: number; messages: DeadLetterView[] }> {
    const [stats, dead] = await Promise.all([this.outbox.stats(this.clock()), this.outbox.listDead(limit)]);
    return { total: stats.dead, messages: dead.map(viewOf) };
  }

  /** One dead letter, as listed, or null when there is none with that id (or it is not dead). */
  async get(id: string): Promise<DeadLetterView | null> {
    const message = await this.outbox.get(id);
    return message && message.status === 'dead' ? viewOf(message) : null;
  }

  /**
   * Puts a dead letter back in the queue, due now, attempts reset. False when it is not dead (an
   * unknown id, delivered, or already retried by someone else).
   */
  retry(id: string): Promise<boolean> {
    return this.outbox.retry(id, this.clock());
  }
}

function viewOf(message: OutboxMessage): DeadLetterView {
  const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value.slice(0, 100) : null);
  return {
    id: message.id,
    kind: message.kind,
    aggregateId: message.aggregateId,
    event: text(message.payload['event']),
    partnerId: text(message.payload['partnerId']),
    attempts: message.attempts,
    lastError: message.lastError === null ? null : message.lastError.slice(0, ERROR_LENGTH),
    createdAt: message.createdAt
  };
}
