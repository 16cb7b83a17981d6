import type { Collection } from 'mongodb';
import type { OpenGuard } from '../openGuard';
import type { Lease, LeaseRepository } from '../ports';
import type { LeaseDocument } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';

/**
 * Leases in the `leases` collection (`_id` = key). A lease is taken by inserting its document:
 * the unique `_id` makes one taker win, even on servers whose conditional updates are not atomic
 * (see `WriteClaims`). An expired lease is removed (that very document, not a newer one) before
 * it is taken again.
 */
export class MongoLeaseRepository implements LeaseRepository {
  constructor(
    private readonly collection: Collection<LeaseDocument>,
    private readonly guard: OpenGuard
  ) {}

  async acquire(key: string, holder: string, ttlMs: number): Promise<boolean> {
    this.guard.assertOpen();
    if (await this.insert(key, holder, ttlMs)) return true;
    const held = await this.collection.findOne({ _id: key });
    if (!held) return this.insert(key, holder, ttlMs);
    if (held.holder === holder) return this.renew(key, holder, ttlMs);
    if (held.expiresAt.getTime() > Date.now()) return false;
    await this.collection.deleteOne({ _id: key, holder: held.holder, expiresAt: held.expiresAt });
    return this.insert(key, holder, ttlMs);
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    this.guard.assertOpen();
    const result = await this.collection.updateOne({ _id: key, holder }, { $set: { expiresAt: new Date(Date.now() + ttlMs) } });
    return result.matchedCount > 0;
  }

  async release(key: string, holder: string): Promise<void> {
    this.guard.assertOpen();
    await this.collection.deleteOne({ _id: key, holder });
  }

  async current(key: string): Promise<Lease | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: key, expiresAt: { $gt: new Date() } });
    return doc ? { key: doc._id, holder: doc.holder, expiresAt: doc.expiresAt } : null;
  }

  /** Inserts the lease; false when the key is already taken. */
  private async insert(key: string, holder: string, ttlMs: number): Promise<boolean> {
    try {
      await this.collection.insertOne({ _id: key, holder, expiresAt: new Date(Date.now() + ttlMs) });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }
}
