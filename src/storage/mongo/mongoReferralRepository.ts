import { type Collection, ObjectId } from 'mongodb';
import type { CountryCode, ProgrammeId } from '../../domain';
import { decodeVersion } from '../assessmentCodec';
import { ConcurrentUpdateError, DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { NewOutboxMessage, Referral, ReferralRepository, UserKey } from '../ports';
import { checkReferralSave, decodeJsonObject, decodeReferralStatus } from '../referralCodec';
import { type OutboxDocument, type ReferralDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';
import { embed, insertMessages } from './mongoOutboxRepository';
import type { WriteClaims } from './mongoWriteClaims';

type ReferralFields = Omit<ReferralDocument, '_id' | 'seq' | 'pendingOutbox' | 'outboxPending'>;

/**
 * Referrals in the `referrals` collection (`_id` = id). A save writes the referral and its new
 * outbox messages in one single-document write (the messages embedded in `pendingOutbox`), so
 * both happen or neither: no multi-document transaction is needed. A replace holds the claim of
 * the revision it replaces (see `WriteClaims`). The save then relays its messages to the outbox
 * collection and removes them from the referral; if the process dies before, the outbox's next
 * `claim` relays them.
 */
export class MongoReferralRepository implements ReferralRepository {
  constructor(
    private readonly collection: Collection<ReferralDocument>,
    private readonly outbox: Collection<OutboxDocument>,
    private readonly claims: WriteClaims,
    private readonly guard: OpenGuard
  ) {}

  async save(referral: Referral, messages: readonly NewOutboxMessage[]): Promise<Referral> {
    this.guard.assertOpen();
    checkReferralSave(referral, messages);
    const fields = toFields(referral);
    const embedded = messages.map(embed);
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
    return toReferral(referral.id, fields);
  }

  /** Relays the messages still embedded in referrals (at most `limit` referrals per call). */
  async relayPending(limit = 100): Promise<void> {
    const docs = await this.collection.find({ outboxPending: true }, { projection: { _id: 1 }, limit }).toArray();
    for (const doc of docs) await this.relay(doc._id);
  }

  /**
   * Moves one referral's embedded messages into the outbox collection, then removes them from
   * the referral, holding the claim of its current revision (so no save interleaves).
   */
  private async relay(id: string): Promise<void> {
    const current = await this.collection.findOne({ _id: id }, { projection: { version: 1 } });
    if (!current) return;
    await this.claims.withClaim(`referrals/${id}#${current.version}`, async () => {
      const stored = await this.collection.findOne({ _id: id });
      if (!stored || stored.version !== current.version || !stored.outboxPending) return;
      await insertMessages(this.outbox, stored.pendingOutbox ?? []);
      await this.collection.updateOne({ _id: id, version: stored.version }, { $set: { pendingOutbox: [], outboxPending: false } });
    });
  }

  async get(id: string): Promise<Referral | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    return doc ? toReferral(doc._id, doc) : null;
  }

  async findByReference(reference: string): Promise<Referral | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ reference });
    return doc ? toReferral(doc._id, doc) : null;
  }

  async listByUser(userKey: UserKey): Promise<Referral[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ userKey }, { sort: { createdAt: -1, seq: -1 } }).toArray();
    return docs.map((doc) => toReferral(doc._id, doc));
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }
}

/** The fields stored for a referral, at its next revision. */
function toFields(referral: Referral): ReferralFields {
  return {
    reference: referral.reference,
    version: referral.version + 1,
    userKey: referral.userKey,
    programme: referral.programme,
    status: referral.status,
    partnerId: referral.partnerId,
    country: referral.country,
    language: referral.language,
    details: JSON.stringify(referral.details),
    createdAt: referral.createdAt,
    updatedAt: referral.updatedAt,
    waitingSince: referral.waitingSince
  };
}

function toReferral(id: string, fields: ReferralFields): Referral {
  return {
    id,
    reference: fields.reference,
    userKey: fields.userKey,
    programme: fields.programme as ProgrammeId,
    status: decodeReferralStatus(id, fields.status),
    partnerId: fields.partnerId ?? null,
    country: (fields.country ?? null) as CountryCode | null,
    language: fields.language,
    details: decodeJsonObject(id, fields.details),
    createdAt: storedDate(id, fields.createdAt),
    updatedAt: storedDate(id, fields.updatedAt),
    waitingSince: storedDate(id, fields.waitingSince),
    version: decodeVersion(id, fields.version)
  };
}
