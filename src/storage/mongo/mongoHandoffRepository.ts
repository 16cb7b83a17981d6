import type { Collection } from 'mongodb';
import type { Handoff, HandoffStatus } from '../../domain';
import { HANDOFF_STATUSES } from '../../domain';
import { ConcurrentUpdateError, DuplicateKeyError } from '../errors';
import { checkHandoffSave, decodeHandoff, encodeHandoffBody } from '../handoffCodec';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import type { HandoffRepository, NewOutboxMessage } from '../ports';
import type { HandoffDocument, OutboxDocument } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';
import { embed, EmbeddedOutboxRelay } from './mongoOutboxRepository';
import type { WriteClaims } from './mongoWriteClaims';

type HandoffFields = Omit<HandoffDocument, '_id' | 'pendingOutbox' | 'outboxPending'>;

/**
 * Handoffs in the `handoffs` collection (`_id` = id), saved with their outbox messages in one
 * single-document write (embedded in `pendingOutbox`, then relayed to the outbox collection) as
 * referrals are; a replace holds the claim of the revision it replaces (see `WriteClaims`).
 */
export class MongoHandoffRepository implements HandoffRepository {
  constructor(
    private readonly collection: Collection<HandoffDocument>,
    outbox: Collection<OutboxDocument>,
    private readonly claims: WriteClaims,
    private readonly guard: OpenGuard,
    /** The body (texts, where to reach the person) and the messages are encrypted at rest. */
    private readonly cipher: FieldCipher
  ) {
    this.relayer = new EmbeddedOutboxRelay(collection as unknown as Collection<never>, 'handoffs', outbox, claims);
  }

  private readonly relayer: EmbeddedOutboxRelay;
  readonly storeName = 'handoffs';

  async save(handoff: Handoff, messages: readonly NewOutboxMessage[]): Promise<Handoff> {
    this.guard.assertOpen();
    checkHandoffSave(handoff, messages);
    const fields = toFields(handoff, this.cipher);
    const embedded = messages.map((message) => embed(message, this.cipher));
    if (handoff.version === 0) {
      try {
        await this.collection.insertOne({ _id: handoff.id, ...fields, pendingOutbox: embedded, outboxPending: embedded.length > 0 });
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        throw new DuplicateKeyError('handoffs', handoff.id);
      }
    } else {
      const outcome = await this.claims.withClaim(`handoffs/${handoff.id}#${handoff.version}`, async () => {
        const stored = await this.collection.findOne({ _id: handoff.id });
        if (!stored || stored.version !== handoff.version) return false;
        const pendingOutbox = [...(stored.pendingOutbox ?? []), ...embedded];
        const result = await this.collection.updateOne(
          { _id: handoff.id, version: handoff.version },
          { $set: { ...fields, pendingOutbox, outboxPending: pendingOutbox.length > 0 } }
        );
        return result.matchedCount === 1;
      });
      if (!outcome.claimed || !outcome.value) throw new ConcurrentUpdateError('handoffs', handoff.id, handoff.version);
    }
    // Best effort: whatever is not relayed now is relayed by the outbox's next claim.
    if (embedded.length > 0) await this.relay(handoff.id).catch(() => undefined);
    return fromDocument({ _id: handoff.id, ...fields }, this.cipher);
  }

  /** Relays the messages still embedded in handoffs (at most `limit` handoffs per call). */
  relayPending(limit = 100): Promise<void> {
    return this.relayer.relayPending(limit);
  }

  private relay(id: string): Promise<void> {
    return this.relayer.relay(id);
  }

  async get(id: string): Promise<Handoff | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    return doc ? fromDocument(doc, this.cipher) : null;
  }

  async findOpen(conversationKey: string): Promise<Handoff | null> {
    this.guard.assertOpen();
    const docs = await this.collection
      .find({ conversationKey, status: { $in: ['requested', 'taken'] } }, { sort: { requestedAt: -1, _id: -1 }, limit: 1 })
      .toArray();
    return docs[0] ? fromDocument(docs[0], this.cipher) : null;
  }

  async list(statuses: readonly HandoffStatus[], limit: number): Promise<Handoff[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ status: { $in: [...statuses] } }, { sort: { requestedAt: 1, _id: 1 }, limit }).toArray();
    return docs.map((doc) => fromDocument(doc, this.cipher));
  }

  async countByStatus(): Promise<Record<HandoffStatus, number>> {
    this.guard.assertOpen();
    const counts = Object.fromEntries(HANDOFF_STATUSES.map((s) => [s, 0])) as Record<HandoffStatus, number>;
    for (const status of HANDOFF_STATUSES) counts[status] = await this.collection.countDocuments({ status });
    return counts;
  }

  async listByUser(userKey: string): Promise<Handoff[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ userKey }, { sort: { requestedAt: -1, _id: -1 } }).toArray();
    return docs.map((doc) => fromDocument(doc, this.cipher));
  }

  async deleteAllForUser(userKey: string): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }

  eraseUser(userKey: string): Promise<number> {
    return this.deleteAllForUser(userKey);
  }

  /** Retention: handoffs asked for before `before` (a talk lasts hours, not the retention period). */
  async deleteExpired(before: Date): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ requestedAt: { $lt: before } })).deletedCount;
  }
}

function toFields(handoff: Handoff, cipher: FieldCipher): HandoffFields {
  return {
    version: handoff.version + 1,
    userKey: handoff.userKey,
    conversationKey: handoff.conversationKey,
    status: handoff.status,
    requestedAt: handoff.requestedAt,
    body: cipher.encrypt(encodeHandoffBody(handoff))
  };
}

function fromDocument(doc: Omit<HandoffDocument, 'pendingOutbox' | 'outboxPending'>, cipher: FieldCipher): Handoff {
  return decodeHandoff({ id: doc._id, ...doc, body: cipher.decrypt(doc.body, doc._id) });
}
