import { type Collection, MongoBulkWriteError, ObjectId } from 'mongodb';
import { CorruptStateError } from '../errors';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import type { NewOutboxMessage, OutboxMessage, OutboxRepository, OutboxStats, UserKey } from '../ports';
import { checkMessages, decodeJsonObject } from '../referralCodec';
import { type EmbeddedMessage, type OutboxDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';
import type { WriteClaims } from './mongoWriteClaims';

/** A new message as it is embedded in its aggregate's document before being relayed. */
export function embed(message: NewOutboxMessage, cipher: FieldCipher): EmbeddedMessage {
  return {
    id: message.id,
    kind: message.kind,
    aggregateId: message.aggregateId,
    payload: cipher.encryptJson(message.payload),
    createdAt: message.createdAt
  };
}

/** An aggregate's document that embeds its new outbox messages until they are relayed. */
interface WithEmbeddedOutbox {
  _id: string;
  version: number;
  pendingOutbox: EmbeddedMessage[];
  outboxPending: boolean;
}

/**
 * Relays the messages embedded in aggregates' documents (`pendingOutbox`) to the outbox
 * collection, then removes them, holding the claim of each document's current revision (so no
 * save interleaves). `relayPending` does it for up to `limit` documents still holding some.
 */
export class EmbeddedOutboxRelay {
  private readonly documents: Collection<WithEmbeddedOutbox>;

  constructor(
    documents: Collection<never>,
    private readonly name: string,
    private readonly outbox: Collection<OutboxDocument>,
    private readonly claims: WriteClaims
  ) {
    this.documents = documents as unknown as Collection<WithEmbeddedOutbox>;
  }

  async relayPending(limit = 100): Promise<void> {
    const docs = await this.documents.find({ outboxPending: true }, { projection: { _id: 1 }, limit }).toArray();
    for (const doc of docs) await this.relay(doc._id);
  }

  async relay(id: string): Promise<void> {
    const current = await this.documents.findOne({ _id: id }, { projection: { version: 1 } });
    if (!current) return;
    await this.claims.withClaim(`${this.name}/${id}#${current.version}`, async () => {
      const stored = await this.documents.findOne({ _id: id });
      if (!stored || stored.version !== current.version || !stored.outboxPending) return;
      await insertMessages(this.outbox, stored.pendingOutbox ?? []);
      await this.documents.updateOne({ _id: id, version: stored.version }, { $set: { pendingOutbox: [], outboxPending: false } });
    });
  }
}

/**
 * Inserts messages into the outbox collection, pending and due at once; an id already there is
 * left as it is (relaying the same message twice changes nothing).
 */
export async function insertMessages(collection: Collection<OutboxDocument>, messages: readonly EmbeddedMessage[]): Promise<void> {
  if (messages.length === 0) return;
  const docs: OutboxDocument[] = messages.map((m) => ({
    _id: m.id,
    kind: m.kind,
    aggregateId: m.aggregateId,
    payload: m.payload,
    createdAt: m.createdAt,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: m.createdAt,
    lastError: null,
    deliveredAt: null,
    leaseOwner: null,
    leaseUntil: null,
    seq: new ObjectId()
  }));
  try {
    await collection.insertMany(docs, { ordered: false });
  } catch (err) {
    const duplicatesOnly =
      err instanceof MongoBulkWriteError &&
      (Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors]).every((e) => e.code === 11000);
    if (!duplicatesOnly && !isDuplicateKeyError(err)) throw err;
  }
}

/**
 * The outbox in the `outbox` collection. Every change to a message (a claim, its outcome, a
 * retry) is a conditional update on its attempt count made while holding the claim of that
 * attempt (see `WriteClaims`), so two workers never hold the same message, even on servers whose
 * conditional updates are not atomic. Before claiming, messages still embedded in referrals
 * (a save that crashed before relaying them) are relayed.
 */
export class MongoOutboxRepository implements OutboxRepository {
  constructor(
    private readonly collection: Collection<OutboxDocument>,
    private readonly claims: WriteClaims,
    private readonly relayPending: () => Promise<void>,
    private readonly guard: OpenGuard,
    private readonly cipher: FieldCipher
  ) {}

  async enqueue(messages: readonly NewOutboxMessage[]): Promise<void> {
    this.guard.assertOpen();
    checkMessages(messages);
    await insertMessages(this.collection, messages.map((m) => embed(m, this.cipher)));
  }

  async claim(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
    this.guard.assertOpen();
    await this.relayPending();
    const due = { status: 'pending' as const, nextAttemptAt: { $lte: now }, $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }] };
    const candidates = await this.collection.find(due, { sort: { nextAttemptAt: 1, seq: 1 }, limit: limit * 2 }).toArray();
    const until = new Date(now.getTime() + leaseMs);
    const claimed: OutboxMessage[] = [];
    for (const candidate of candidates) {
      if (claimed.length >= limit) break;
      const outcome = await this.claims.withClaim(
        `outbox/${candidate._id}#${candidate.attempts}`,
        async () => {
          const result = await this.collection.updateOne(
            { _id: candidate._id, attempts: candidate.attempts, ...due },
            { $set: { attempts: candidate.attempts + 1, leaseOwner: owner, leaseUntil: until } }
          );
          return result.matchedCount === 1;
        },
        { wait: false }
      );
      if (outcome.claimed && outcome.value) {
        claimed.push(toMessage({ ...candidate, attempts: candidate.attempts + 1, leaseOwner: owner, leaseUntil: until }, this.cipher));
      }
    }
    return claimed;
  }

  async complete(id: string, owner: string, at: Date): Promise<boolean> {
    this.guard.assertOpen();
    return this.changeLeased(id, owner, { status: 'delivered', deliveredAt: at, lastError: null });
  }

  async fail(id: string, owner: string, failure: { error: string; at: Date; retryAt: Date | null }): Promise<boolean> {
    this.guard.assertOpen();
    const error = failure.error.slice(0, 500);
    return failure.retryAt === null
      ? this.changeLeased(id, owner, { status: 'dead', lastError: error })
      : this.changeLeased(id, owner, { nextAttemptAt: failure.retryAt, lastError: error });
  }

  async get(id: string): Promise<OutboxMessage | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    return doc ? toMessage(doc, this.cipher) : null;
  }

  async stats(now: Date): Promise<OutboxStats> {
    this.guard.assertOpen();
    const [pending, due, dead] = await Promise.all([
      this.collection.countDocuments({ status: 'pending' }),
      this.collection.countDocuments({ status: 'pending', nextAttemptAt: { $lte: now } }),
      this.collection.countDocuments({ status: 'dead' })
    ]);
    return { pending, due, dead };
  }

  async listDead(limit: number): Promise<OutboxMessage[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ status: 'dead' }, { sort: { seq: -1 }, limit }).toArray();
    return docs.map((doc) => toMessage(doc, this.cipher));
  }

  async retry(id: string, now: Date): Promise<boolean> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    if (!doc || doc.status !== 'dead') return false;
    const outcome = await this.claims.withClaim(`outbox/${id}#${doc.attempts}`, async () => {
      const result = await this.collection.updateOne(
        { _id: id, status: 'dead', attempts: doc.attempts },
        { $set: { status: 'pending', attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null } }
      );
      return result.matchedCount === 1;
    });
    return outcome.claimed && outcome.value;
  }

  async deleteForAggregate(aggregateId: string, keepPendingSince?: Date): Promise<number> {
    this.guard.assertOpen();
    const filter = keepPendingSince
      ? { aggregateId, $nor: [{ status: 'pending' as const, createdAt: { $gte: keepPendingSince } }] }
      : { aggregateId };
    return (await this.collection.deleteMany(filter)).deletedCount;
  }

  readonly storeName = 'outbox';

  /** Messages to the person (their payload names their key; payloads are encrypted, so each is read). */
  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    const docs = await this.collection.find({}, { projection: { _id: 1, payload: 1 } }).toArray();
    const theirs = docs.filter((doc) => decodeJsonObject(doc._id, this.cipher.decrypt(doc.payload, doc._id)).userKey === userKey).map((doc) => doc._id);
    if (theirs.length === 0) return 0;
    return (await this.collection.deleteMany({ _id: { $in: theirs } })).deletedCount;
  }

  /** Delivered and dead messages past the retention period; pending ones are still to be sent. */
  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ status: { $in: ['delivered', 'dead'] }, createdAt: { $lt: before } })).deletedCount;
  }

  /** Changes a pending message that `owner` holds, releasing the lease; false when it does not hold it. */
  private async changeLeased(id: string, owner: string, changes: Partial<OutboxDocument>): Promise<boolean> {
    const doc = await this.collection.findOne({ _id: id });
    if (!doc || doc.status !== 'pending' || doc.leaseOwner !== owner) return false;
    const outcome = await this.claims.withClaim(`outbox/${id}#${doc.attempts}`, async () => {
      const result = await this.collection.updateOne(
        { _id: id, status: 'pending', attempts: doc.attempts, leaseOwner: owner },
        { $set: { ...changes, leaseOwner: null, leaseUntil: null } }
      );
      return result.matchedCount === 1;
    });
    return outcome.claimed && outcome.value;
  }
}

const OUTBOX_STATUSES = ['pending', 'delivered', 'dead'];

function toMessage(doc: OutboxDocument, cipher: FieldCipher): OutboxMessage {
  if (!OUTBOX_STATUSES.includes(doc.status)) throw new CorruptStateError(doc._id);
  return {
    id: doc._id,
    kind: doc.kind,
    aggregateId: doc.aggregateId,
    payload: decodeJsonObject(doc._id, cipher.decrypt(doc.payload, doc._id)),
    createdAt: storedDate(doc._id, doc.createdAt),
    status: doc.status,
    attempts: doc.attempts,
    nextAttemptAt: storedDate(doc._id, doc.nextAttemptAt),
    lastError: doc.lastError ?? null,
    deliveredAt: doc.deliveredAt ? storedDate(doc._id, doc.deliveredAt) : null,
    lease: doc.leaseOwner && doc.leaseUntil ? { owner: doc.leaseOwner, until: storedDate(doc._id, doc.leaseUntil) } : null
  };
}
