import { type Collection, type Filter, ObjectId } from 'mongodb';
import { holdsPlace, type CountryCode, type ProgrammeId, type ReferralDetails } from '../../domain';
import { decodeVersion } from '../assessmentCodec';
import { CapacityReachedError, ConcurrentUpdateError, DuplicateKeyError } from '../errors';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import type { NewOutboxMessage, PartnerReferralQuery, PlaceChange, Referral, ReferralQueueQuery, ReferralRepository, StatusCounts, UserKey } from '../ports';
import { checkReferralSave, decodeJsonObject, decodeReferralStatus } from '../referralCodec';
import { type OutboxDocument, type ReferralDocument, type ReferralPlaceDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';
import { embed, EmbeddedOutboxRelay } from './mongoOutboxRepository';
import type { WriteClaims } from './mongoWriteClaims';

type ReferralFields = Omit<ReferralDocument, '_id' | 'seq' | 'pendingOutbox' | 'outboxPending'>;

/** A place taken for a save not yet made: given back if the save fails. */
const STALE_PLACE_MS = 60_000;

/**
 * Referrals in the `referrals` collection (`_id` = id). A save writes the referral and its new
 * outbox messages in one single-document write (the messages embedded in `pendingOutbox`), so
 * both happen or neither: no multi-document transaction is needed. A replace holds the claim of
 * the revision it replaces (see `WriteClaims`). The save then relays its messages to the outbox
 * collection and removes them from the referral; if the process dies before, the outbox's next
 * `claim` relays them.
 *
 * Limited places (`referralPlaces`) are documents `<programme>#<n>` for n in 1..capacity: the
 * unique `_id` lets exactly one referral take each, so no more than `capacity` are ever taken. A
 * place is taken before the referral is written and given back if that write fails; one left by
 * a process that died is given back once it is a minute old and its referral holds no place.
 */
export class MongoReferralRepository implements ReferralRepository {
  constructor(
    private readonly collection: Collection<ReferralDocument>,
    outbox: Collection<OutboxDocument>,
    private readonly places: Collection<ReferralPlaceDocument>,
    private readonly claims: WriteClaims,
    private readonly guard: OpenGuard,
    private readonly cipher: FieldCipher
  ) {
    this.relayer = new EmbeddedOutboxRelay(collection as unknown as Collection<never>, 'referrals', outbox, claims);
  }

  private readonly relayer: EmbeddedOutboxRelay;

  async save(referral: Referral, messages: readonly NewOutboxMessage[], places?: PlaceChange): Promise<Referral> {
    this.guard.assertOpen();
    checkReferralSave(referral, messages);
    const taken = places && 'take' in places ? await this.takePlace(referral, places.take.capacity) : undefined;
    try {
      const saved = await this.write(referral, messages);
      if (places && 'release' in places) await this.places.deleteMany({ referralId: referral.id });
      return saved;
    } catch (err) {
      if (taken) await this.places.deleteOne({ _id: taken, referralId: referral.id });
      throw err;
    }
  }

  private async write(referral: Referral, messages: readonly NewOutboxMessage[]): Promise<Referral> {
    const fields = toFields(referral, this.cipher);
    const embedded = messages.map((m) => embed(m, this.cipher));
    if (referral.version === 0) {
      try {
        await this.collection.insertOne({
          _id: referral.id,
          ...fields,
          pendingOutbox: embedded,
          outboxPending: embedded.length > 0,
          seq: new ObjectId()
        });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        // Which unique value was taken: not every server names the index in its error.
        const sameId = await this.collection.countDocuments({ _id: referral.id }, { limit: 1 });
        throw new DuplicateKeyError('referrals', sameId > 0 ? referral.id : referral.reference);
      }
    } else {
      const outcome = await this.claims.withClaim(`referrals/${referral.id}#${referral.version}`, async () => {
        const stored = await this.collection.findOne({ _id: referral.id });
        if (!stored || stored.version !== referral.version) return false;
        const pendingOutbox = [...(stored.pendingOutbox ?? []), ...embedded];
        try {
          const result = await this.collection.updateOne(
            { _id: referral.id, version: referral.version },
            { $set: { ...fields, pendingOutbox, outboxPending: pendingOutbox.length > 0 } }
          );
          return result.matchedCount === 1;
        } catch (err) {
          throw isDuplicateKeyError(err) ? new DuplicateKeyError('referrals', referral.reference) : err;
        }
      });
      if (!outcome.claimed || !outcome.value) throw new ConcurrentUpdateError('referrals', referral.id, referral.version);
    }
    // Best effort: whatever is not relayed now is relayed by the outbox's next claim.
    if (embedded.length > 0) await this.relay(referral.id).catch(() => undefined);
    return toReferral(referral.id, fields, this.cipher);
  }

  /**
   * Takes the lowest free place of the referral's programme; its id, or undefined when the
   * referral already holds one. `CapacityReachedError` when all are taken.
   */
  private async takePlace(referral: Referral, capacity: number): Promise<string | undefined> {
    if (await this.places.findOne({ referralId: referral.id })) return undefined;
    for (let attempt = 0; attempt < 20; attempt++) {
      let held: ReferralPlaceDocument[] = await this.places.find({ programme: referral.programme }).toArray();
      if (held.length >= capacity) held = await this.freeStalePlaces(held);
      const numbers = new Set(held.map((p) => p.place));
      let place = 1;
      while (numbers.has(place)) place += 1;
      if (place > capacity) throw new CapacityReachedError(referral.programme, capacity);
      const id = `${referral.programme}#${place}`;
      try {
        await this.places.insertOne({ _id: id, programme: referral.programme, place, referralId: referral.id, takenAt: new Date() });
        return id;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        if (await this.places.findOne({ referralId: referral.id })) return undefined;
      }
    }
    throw new ConcurrentUpdateError('referralPlaces', referral.id, referral.version);
  }

  /** Gives back places held for over a minute by referrals that hold none (a save that died); the places still held. */
  private async freeStalePlaces(held: ReferralPlaceDocument[]): Promise<ReferralPlaceDocument[]> {
    const old = held.filter((p) => Date.now() - p.takenAt.getTime() > STALE_PLACE_MS);
    if (old.length === 0) return held;
    const owners = await this.collection.find({ _id: { $in: old.map((p) => p.referralId) } }, { projection: { status: 1 } }).toArray();
    const holding = new Set(owners.filter((o) => holdsPlace(o.status)).map((o) => o._id));
    const stale = old.filter((p) => !holding.has(p.referralId));
    for (const place of stale) await this.places.deleteOne({ _id: place._id, referralId: place.referralId });
    const gone = new Set(stale.map((p) => p._id));
    return held.filter((p) => !gone.has(p._id));
  }

  async countPlaces(programme: string): Promise<number> {
    this.guard.assertOpen();
    return this.places.countDocuments({ programme });
  }

  async countOpenByPartner(): Promise<Map<string, number>> {
    this.guard.assertOpen();
    const open = await this.collection
      .find({ partnerId: { $ne: null }, status: { $nin: ['declined', 'completed', 'withdrawn'] } }, { projection: { partnerId: 1 } })
      .toArray();
    const counts = new Map<string, number>();
    for (const doc of open) counts.set(doc.partnerId!, (counts.get(doc.partnerId!) ?? 0) + 1);
    return counts;
  }

  async listForPartner(query: PartnerReferralQuery): Promise<Referral[]> {
    this.guard.assertOpen();
    const filter = query.statuses && query.statuses.length > 0 ? { partnerId: query.partnerId, status: { $in: [...query.statuses] } } : { partnerId: query.partnerId };
    const docs = await this.collection.find(filter, { sort: { waitingSince: 1, seq: 1 }, limit: query.limit }).toArray();
    return docs.map((doc) => toReferral(doc._id, doc, this.cipher));
  }

  async queue(query: ReferralQueueQuery): Promise<Referral[]> {
    this.guard.assertOpen();
    const filter = queueFilter(query);
    if (query.statuses && query.statuses.length > 0) filter.status = { $in: [...query.statuses] };
    const newest = query.sort === 'newest';
    if (query.after) {
      const { waitingSince, id } = query.after;
      filter.$or = newest
        ? [{ waitingSince: { $lt: waitingSince } }, { waitingSince, _id: { $lt: id } }]
        : [{ waitingSince: { $gt: waitingSince } }, { waitingSince, _id: { $gt: id } }];
    }
    const direction = newest ? -1 : 1;
    const docs = await this.collection.find(filter, { sort: { waitingSince: direction, _id: direction }, limit: query.limit, projection: { pendingOutbox: 0 } }).toArray();
    return docs.map((doc) => toReferral(doc._id, doc, this.cipher));
  }

  async countByStatus(query: Omit<ReferralQueueQuery, 'statuses' | 'sort' | 'limit' | 'after'>): Promise<StatusCounts> {
    this.guard.assertOpen();
    const groups = await this.collection.aggregate<{ _id: string; n: number }>([{ $match: queueFilter(query) }, { $group: { _id: '$status', n: { $sum: 1 } } }]).toArray();
    const counts: StatusCounts = {};
    for (const group of groups) counts[decodeReferralStatus('count', group._id)] = group.n;
    return counts;
  }

  /** Relays the messages still embedded in referrals (at most `limit` referrals per call). */
  relayPending(limit = 100): Promise<void> {
    return this.relayer.relayPending(limit);
  }

  private relay(id: string): Promise<void> {
    return this.relayer.relay(id);
  }

  async get(id: string): Promise<Referral | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    return doc ? toReferral(doc._id, doc, this.cipher) : null;
  }

  async findByReference(reference: string): Promise<Referral | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ reference });
    return doc ? toReferral(doc._id, doc, this.cipher) : null;
  }

  async listByUser(userKey: UserKey): Promise<Referral[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ userKey }, { sort: { createdAt: -1, seq: -1 } }).toArray();
    return docs.map((doc) => toReferral(doc._id, doc, this.cipher));
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    const ids = (await this.collection.find({ userKey }, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    if (ids.length > 0) await this.places.deleteMany({ referralId: { $in: ids } });
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }

  readonly storeName = 'referrals';

  async eraseUser(userKey: UserKey): Promise<number> {
    return this.deleteAllForUser(userKey);
  }

  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    const ids = (await this.collection.find({ updatedAt: { $lt: before } }, { projection: { _id: 1 } }).toArray()).map((d) => d._id);
    if (ids.length === 0) return 0;
    await this.places.deleteMany({ referralId: { $in: ids } });
    return (await this.collection.deleteMany({ _id: { $in: ids } })).deletedCount;
  }
}

/** The fields stored for a referral, at its next revision. */
function toFields(referral: Referral, cipher: FieldCipher): ReferralFields {
  return {
    reference: referral.reference,
    version: referral.version + 1,
    userKey: referral.userKey,
    programme: referral.programme,
    status: referral.status,
    partnerId: referral.partnerId,
    country: referral.country,
    language: referral.language,
    details: cipher.encryptJson(referral.details),
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
    waitingSince: referral.waitingSince
  };
}

function toReferral(id: string, fields: ReferralFields, cipher: FieldCipher): Referral {
  return {
    id,
    reference: fields.reference,
    userKey: fields.userKey,
    programme: fields.programme as ProgrammeId,
    status: decodeReferralStatus(id, fields.status),
    partnerId: fields.partnerId ?? null,
    country: (fields.country ?? null) as CountryCode | null,
    language: fields.language,
    details: decodeJsonObject(id, cipher.decrypt(fields.details, id)) as unknown as ReferralDetails,
    createdAt: storedDate(id, fields.createdAt),
    updatedAt: storedDate(id, fields.updatedAt),
    waitingSince: storedDate(id, fields.waitingSince),
    version: decodeVersion(id, fields.version)
  };
}

/** The queue's filters (all but the status) as a MongoDB filter. */
function queueFilter(query: Omit<ReferralQueueQuery, 'statuses' | 'sort' | 'limit' | 'after'>): Filter<ReferralDocument> {
  const filter: Filter<ReferralDocument> = {};
  if (query.programme !== undefined) filter.programme = query.programme;
  if (query.country !== undefined) filter.country = query.country;
  if (query.partnerId !== undefined) filter.partnerId = query.partnerId;
  if (query.unrouted) filter.partnerId = null;
  if (query.language !== undefined) filter.language = query.language;
  if (query.waitingSinceAtOrBefore) filter.waitingSince = { $lte: query.waitingSinceAtOrBefore };
  return filter;
}
