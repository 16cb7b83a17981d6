import type { PersonalDataStore } from './personalDataStore';
import type { NewOutboxMessage, Referral, ReferralQueueQuery, ReferralStatus, UserKey } from '../../domain';

/**
 * A change to the referral's hold on one of its programme's limited places (CAMPLUS: 180),
 * made in the same atomic step as the save.
 */
export type PlaceChange = { take: { capacity: number } } | { release: true };

/** How many referrals per status (statuses without any are absent). */
export type StatusCounts = Partial<Record<ReferralStatus, number>>;

/** Which of a partner's referrals to list, oldest waiting first. */
export interface PartnerReferralQuery {
  partnerId: string;
  statuses?: readonly ReferralStatus[];
  limit: number;
}

/**
 * Referrals, each saved together with the outbox messages its change must send: both are
 * written, or neither (SQLite: one transaction; MongoDB: the messages are embedded in the
 * referral's document, then relayed to the outbox). No multi-document transaction is needed, so
 * a standalone MongoDB, Azure Cosmos DB for MongoDB and FerretDB all work.
 */
export interface ReferralRepository extends PersonalDataStore {
  /**
   * Inserts or replaces a referral by id, with optimistic concurrency on `version` (the revision
   * the caller read), and adds `messages` to the outbox in the same atomic step:
   * - `version: 0` inserts; an id or a `reference` already used is a `DuplicateKeyError`.
   * - `version: n` (n ≥ 1) replaces the stored referral only if it is still at revision n;
   *   otherwise (saved or deleted by another writer meanwhile) `ConcurrentUpdateError`.
   * When it fails, nothing is written: neither the referral nor any message. On success the
   * returned referral is what `get` now returns (its version is greater than before): save that
   * one next time. A malformed referral (unknown status, invalid date, version not a
   * non-negative integer) or message (no id, kind or date; a payload that is not an object; two
   * messages with one id) is a `TypeError`. Message ids are unique (random): a message whose id
   * is already in the outbox is not added a second time.
   *
   * `places` takes one of the referral's programme's limited places, or gives it back, in the
   * same atomic step: `take` when `capacity` places are already held by other referrals is a
   * `CapacityReachedError` and nothing is written (of many saves at once, exactly `capacity`
   * succeed); taking a place the referral already holds, or releasing one it does not, changes
   * nothing.
   */
  save(referral: Referral, messages: readonly NewOutboxMessage[], places?: PlaceChange): Promise<Referral>;
  get(id: string): Promise<Referral | null>;
  /** The referral with that reference (exact, case-sensitive), or null. */
  findByReference(reference: string): Promise<Referral | null>;
  /** The referrals of one person, newest first. */
  listByUser(userKey: UserKey): Promise<Referral[]>;
  /** How many places of `programme` are held. */
  countPlaces(programme: string): Promise<number>;
  /** Open referrals (not declined, completed or withdrawn) per partner, for routing. */
  countOpenByPartner(): Promise<Map<string, number>>;
  /** A partner's referrals, longest waiting first. */
  listForPartner(query: PartnerReferralQuery): Promise<Referral[]>;
  /**
   * The console's queue: the referrals matching every filter given, the longest waiting first
   * (or the newest), `limit` of them after the keyset cursor `after` (`waitingSince`, then `id`).
   * Served by indexes in both adapters, so the first page stays fast with 100,000 referrals.
   */
  queue(query: ReferralQueueQuery): Promise<Referral[]>;
  /** How many referrals match the same filters (the status filter aside), per status. */
  countByStatus(query: Omit<ReferralQueueQuery, 'statuses' | 'sort' | 'limit' | 'after'>): Promise<StatusCounts>;
  /** Deletes the referrals of one person (erasure); returns how many. Their messages stay. */
  deleteAllForUser(userKey: UserKey): Promise<number>;
}
