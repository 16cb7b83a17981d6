import type { Storage, StoreItems } from 'botbuilder';
import type { Collection } from 'mongodb';
import { EtagConflictError } from '../errors';
import { newEtag } from '../etag';
import type { OpenGuard } from '../openGuard';
import type { FieldCipher } from '../fieldCipher';
import type { PersonalDataStore } from '../ports';
import { checkChanges, decodeStoreItem, encodeStoreItem, expectedEtag, keepUntilOf } from '../storeItemCodec';
import type { BotStateDocument } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';
import type { WriteClaims } from './mongoWriteClaims';

/**
 * Bot state in the `botState` collection (`_id` = key), botbuilder's `Storage` contract with
 * eTags. A write that expects an eTag holds the claim of that eTag while it replaces (see
 * `WriteClaims`), so that of two writers expecting the same eTag only one succeeds, even on
 * servers whose conditional updates are not atomic; behaviour matches the SQLite adapter.
 */
export class MongoBotStateStorage implements Storage, PersonalDataStore {
  readonly storeName = 'botState';

  constructor(
    private readonly collection: Collection<BotStateDocument>,
    private readonly claims: WriteClaims,
    private readonly guard: OpenGuard,
    private readonly cipher: FieldCipher
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    this.guard.assertOpen();
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const docs = await this.collection.find({ _id: { $in: keys } }, { projection: { json: 1 } }).toArray();
    for (const doc of docs) items[doc._id] = decodeStoreItem(doc._id, doc.json, this.cipher);
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.guard.assertOpen();
    checkChanges(changes);
    let conflict: string | null = null;
    // Like MemoryStorage, a refused key does not stop the others from being written.
    for (const [key, item] of Object.entries(changes)) {
      if (!(await this.writeOne(key, item))) conflict ??= key;
    }
    if (conflict !== null) throw new EtagConflictError(conflict);
  }

  async delete(keys: string[]): Promise<void> {
    this.guard.assertOpen();
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    if (keys.length > 0) await this.collection.deleteMany({ _id: { $in: keys } });
  }

  /** Nothing here is keyed by person (keys are pseudonymous conversation keys): erasure deletes the person's conversations by key. */
  async eraseUser(): Promise<number> {
    this.guard.assertOpen();
    return 0;
  }

  async deleteExpired(before: Date, now: Date): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ $or: [{ updatedAt: { $lt: before } }, { keepUntil: { $lte: now } }] })).deletedCount;
  }

  /** Writes one key; false when its eTag no longer matches. */
  private async writeOne(key: string, item: StoreItems[string]): Promise<boolean> {
    const eTag = newEtag();
    const keepUntil = keepUntilOf(item);
    const doc: BotStateDocument = { _id: key, json: encodeStoreItem(item, eTag, this.cipher), eTag, updatedAt: new Date(), ...(keepUntil ? { keepUntil } : {}) };
    const expected = expectedEtag(item);
    // With an eTag: replace only that version, or insert when the key does not exist (as
    // MemoryStorage does). If another version exists the upsert's insert hits the duplicate _id.
    if (expected === null) return this.replace({ _id: key }, doc);
    const outcome = await this.claims.withClaim(`botState/${key}#${expected}`, () => this.replace({ _id: key, eTag: expected }, doc));
    return outcome.claimed && outcome.value;
  }

  /**
   * Replaces the item matching `filter`, or inserts it when the key does not exist (as
   * MemoryStorage does); false when the key exists with another eTag (the upsert's insert then
   * hits the duplicate `_id`).
   */
  private async replace(filter: { _id: string; eTag?: string }, doc: BotStateDocument): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.collection.replaceOne(filter, doc, { upsert: true });
        return true;
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        if (filter.eTag !== undefined) return false;
        // Two unconditional upserts raced to insert the same key: the retry replaces.
        if (attempt === 2) throw err;
      }
    }
  }
}
