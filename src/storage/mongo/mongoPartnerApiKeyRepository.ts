import type { Collection } from 'mongodb';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { PartnerApiKey, PartnerApiKeyRepository } from '../ports';
import { type PartnerApiKeyDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';

/** Partners' API keys in `partnerApiKeys` (`_id` = the key's public id). */
export class MongoPartnerApiKeyRepository implements PartnerApiKeyRepository {
  constructor(
    private readonly collection: Collection<PartnerApiKeyDocument>,
    private readonly guard: OpenGuard
  ) {}

  async create(key: PartnerApiKey): Promise<void> {
    this.guard.assertOpen();
    try {
      await this.collection.insertOne({
        _id: key.id,
        partnerId: key.partnerId,
        label: key.label,
        secretHash: key.secretHash,
        createdAt: key.createdAt,
        revokedAt: key.revokedAt
      });
    } catch (err) {
      throw isDuplicateKeyError(err) ? new DuplicateKeyError('partnerApiKeys', key.id) : err;
    }
  }

  async get(id: string): Promise<PartnerApiKey | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    return doc ? toKey(doc) : null;
  }

  async listByPartner(partnerId: string): Promise<PartnerApiKey[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ partnerId }, { sort: { createdAt: -1, _id: 1 } }).toArray();
    return docs.map(toKey);
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    this.guard.assertOpen();
    // Revoking twice at the same moment may report true twice: the key is revoked either way.
    return (await this.collection.updateOne({ _id: id, revokedAt: null }, { $set: { revokedAt: at } })).matchedCount === 1;
  }
}

function toKey(doc: PartnerApiKeyDocument): PartnerApiKey {
  return {
    id: doc._id,
    partnerId: doc.partnerId,
    label: doc.label,
    secretHash: doc.secretHash,
    createdAt: storedDate(doc._id, doc.createdAt),
    revokedAt: doc.revokedAt ? storedDate(doc._id, doc.revokedAt) : null
  };
}
