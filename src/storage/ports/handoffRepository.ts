import type { PersonalDataStore } from './personalDataStore';
import type { Handoff, HandoffStatus, NewOutboxMessage } from '../../domain';

/**
 * Conversations handed to a person (see the domain's `Handoff`), each saved together with the
 * outbox messages its change must send (a caseworker's reply, the end): both are written, or
 * neither (SQLite: one transaction; MongoDB: the messages embedded in the handoff's document,
 * then relayed to the outbox), as referrals are.
 */
export interface HandoffRepository extends PersonalDataStore {
  /**
   * Inserts or replaces a handoff by id, with optimistic concurrency on `version`, and adds
   * `messages` to the outbox in the same atomic step:
   * - `version: 0` inserts; an id already used is a `DuplicateKeyError`;
   * - `version: n` (n ≥ 1) replaces it only if it is still at revision n; otherwise (saved or
   *   deleted meanwhile) `ConcurrentUpdateError`.
   * When it fails, nothing is written. Returns what `get` now returns (version increased). A
   * malformed handoff (unknown status, invalid date, bad version, an entry without id or text)
   * or message is a `TypeError`.
   */
  save(handoff: Handoff, messages: readonly NewOutboxMessage[]): Promise<Handoff>;
  get(id: string): Promise<Handoff | null>;
  /** The conversation's handoff still open (requested or taken), the latest one; null if none. */
  findOpen(conversationKey: string): Promise<Handoff | null>;
  /** Handoffs in these statuses, longest waiting (earliest request) first, at most `limit`. */
  list(statuses: readonly HandoffStatus[], limit: number): Promise<Handoff[]>;
  /** How many handoffs are in each status. */
  countByStatus(): Promise<Record<HandoffStatus, number>>;
  /** The person's handoffs, the latest asked first (what their data export shows). */
  listByUser(userKey: string): Promise<Handoff[]>;
  /** Deletes the handoffs of one person (erasure); returns how many. */
  deleteAllForUser(userKey: string): Promise<number>;
}
