import type { Collection } from 'mongodb';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import type { ConversationReferenceRepository, StoredConversationReference, UserKey } from '../ports';
import { type ConversationReferenceDocument, storedDate } from './mongoDocuments';

/** The latest conversation of each person in `conversationReferences` (`_id` = user key). */
export class MongoConversationReferenceRepository implements ConversationReferenceRepository {
  constructor(
    private readonly collection: Collection<ConversationReferenceDocument>,
    private readonly guard: OpenGuard,
    private readonly cipher: FieldCipher
  ) {}

  async save(reference: StoredConversationReference): Promise<void> {
    this.guard.assertOpen();
    const { userKey, ...fields } = reference;
    const stored = { ...fields, conversationId: this.cipher.encrypt(fields.conversationId), userId: this.cipher.encrypt(fields.userId) };
    await this.collection.replaceOne({ _id: userKey }, stored, { upsert: true });
  }

  async latest(userKey: UserKey): Promise<StoredConversationReference | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: userKey });
    if (!doc) return null;
    return {
      userKey: doc._id,
      channelId: doc.channelId,
      serviceUrl: doc.serviceUrl,
      conversationId: this.cipher.decrypt(doc.conversationId, doc._id),
      userId: this.cipher.decrypt(doc.userId, doc._id),
      botId: doc.botId,
      locale: doc.locale,
      updatedAt: storedDate(doc._id, doc.updatedAt)
    };
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ _id: userKey })).deletedCount;
  }

  readonly storeName = 'conversationReferences';

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ _id: userKey })).deletedCount;
  }

  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ updatedAt: { $lt: before } })).deletedCount;
  }
}
