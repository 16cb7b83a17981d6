import type { PersonalDataStore } from './personalDataStore';
import type { NewOutboxMessage, OutboxMessage, OutboxStats } from '../../domain';

/**
 * The outbox's delivery side. Messages enter it atomically with the change that produced them
 * (`ReferralRepository.save`), or alone through `enqueue`. Workers in any number of processes
 * `claim` due messages under a lease, so that two workers never send the same message at the
 * same time; a worker that dies leaves its lease to expire, and the message is claimed again.
 * Delivery is therefore at least once: receivers de-duplicate by message id.
 */
export interface OutboxRepository extends PersonalDataStore {
  /**
   * Adds messages not tied to an aggregate's change. A message id already in the outbox is
   * ignored (enqueueing is idempotent by id).
   */
  enqueue(messages: readonly NewOutboxMessage[]): Promise<void>;
  /**
   * Leases to `owner`, until `now + leaseMs`, at most `limit` messages that are pending, due
   * (`nextAttemptAt <= now`) and not leased (or whose lease has run out), oldest first, and
   * counts an attempt for each. Of several workers claiming at the same time, each message goes
   * to one of them. Returns the claimed messages as they now stand.
   */
  claim(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]>;
  /**
   * Marks a claimed message delivered. Only its lease holder may: false (nothing changed) when
   * `owner` no longer holds the lease (it ran out and another worker claimed the message).
   */
  complete(id: string, owner: string, at: Date): Promise<boolean>;
  /**
   * Records a failed attempt of a claimed message (`error` says why, without personal data):
   * pending again from `retryAt`, or put aside as dead when `retryAt` is null. Only its lease
   * holder may: false (nothing changed) otherwise.
   */
  fail(id: string, owner: string, failure: { error: string; at: Date; retryAt: Date | null }): Promise<boolean>;
  get(id: string): Promise<OutboxMessage | null>;
  /** Pending messages, those of them due at `now`, and dead ones. */
  stats(now: Date): Promise<OutboxStats>;
  /** Dead messages, most recent first. */
  listDead(limit: number): Promise<OutboxMessage[]>;
  /** Puts a dead message back in the queue, due at `now`, with its attempts reset; false if it is not dead. */
  retry(id: string, now: Date): Promise<boolean>;
  /**
   * Deletes the messages of one aggregate (erasure); returns how many. With `keepPendingSince`,
   * pending messages created at or after it stay (the withdrawal partners must still be told).
   */
  deleteForAggregate(aggregateId: string, keepPendingSince?: Date): Promise<number>;
}
