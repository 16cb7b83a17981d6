import type { Collection } from 'mongodb';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { ProfileLink, ProfileLinkRepository, UserKey } from '../ports';
import { checkDate, checkTokenHash } from '../profileLinkToken';
import { type ProfileLinkDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';

/**
 * Profile links in the `profileLinks` collection (`_id` = token hash). The TTL index on
 * `expiresAt` only bounds retention (the server removes expired links within about a minute);
 * validity is always decided by the explicit `expiresAt > now` check, as in SQLite.
 */
export class MongoProfileLinkRepository implements ProfileLinkRepository {
  constructor(
    private readonly collection: Collection<ProfileLinkDocument>,
    private readonly guard: OpenGuard
  ) {}

  async create(link: ProfileLink): Promise<void> {
    this.guard.assertOpen();
    checkTokenHash(link.tokenHash);
    checkDate('createdAt', link.createdAt);
    checkDate('expiresAt', link.expiresAt);
    try {
      await this.collection.insertOne({
        _id: link.tokenHash,
        userKey: link.userKey,
        assessmentId: link.assessmentId,
        createdAt: link.createdAt,
        expiresAt: link.expiresAt
      });
    } catch (err) {
      throw isDuplicateKeyError(err) ? new DuplicateKeyError('profileLinks', link.tokenHash) : err;
    }
  }

  async find(tokenHash: string, now: Date): Promise<ProfileLink | null> {
    this.guard.assertOpen();
    checkDate('now', now);
    const doc = await this.collection.findOne({ _id: tokenHash, expiresAt: { $gt: now } });
    return doc ? toLink(doc) : null;
  }

  /** Links live shorter than the retention period: only their own expiry counts (`now`, else `before`). */
  async deleteExpired(before: Date, now: Date = before): Promise<number> {
    this.guard.assertOpen();
    checkDate('now', now);
    return (await this.collection.deleteMany({ expiresAt: { $lte: now } })).deletedCount;
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }

  readonly storeName = 'profileLinks';

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }
}

function toLink(doc: ProfileLinkDocument): ProfileLink {
  return {
    tokenHash: doc._id,
    userKey: doc.userKey,
    assessmentId: doc.assessmentId,
    createdAt: storedDate(doc._id, doc.createdAt),
    expiresAt: storedDate(doc._id, doc.expiresAt)
  };
}
