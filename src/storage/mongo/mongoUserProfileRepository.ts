import type { Collection } from 'mongodb';
import type { OpenGuard } from '../openGuard';
import type { UserKey, UserProfile, UserProfileRepository } from '../ports';
import { type ProfileDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';

/** User profiles in the `userProfiles` collection (`_id` = user key). */
export class MongoUserProfileRepository implements UserProfileRepository {
  constructor(
    private readonly collection: Collection<ProfileDocument>,
    private readonly guard: OpenGuard
  ) {}

  async get(userKey: UserKey): Promise<UserProfile | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: userKey });
    return doc ? toProfile(doc) : null;
  }

  async upsert(profile: Omit<UserProfile, 'createdAt' | 'updatedAt'>): Promise<UserProfile> {
    this.guard.assertOpen();
    const now = new Date();
    const update = () =>
      this.collection.findOneAndUpdate(
        { _id: profile.userKey },
        { $set: { language: profile.language, updatedAt: now }, $setOnInsert: { createdAt: now } },
        { upsert: true, returnDocument: 'after' }
      );
    try {
      return toProfile((await update())!);
    } catch (err) {
      // Two first upserts of the same user raced; the second one now finds the profile.
      if (!isDuplicateKeyError(err)) throw err;
      return toProfile((await update())!);
    }
  }

  async delete(userKey: UserKey): Promise<boolean> {
    this.guard.assertOpen();
    return (await this.collection.deleteOne({ _id: userKey })).deletedCount > 0;
  }

  readonly storeName = 'userProfiles';

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ _id: userKey })).deletedCount;
  }

  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ updatedAt: { $lt: before } })).deletedCount;
  }
}

function toProfile(doc: ProfileDocument): UserProfile {
  return {
    userKey: doc._id,
    language: doc.language,
    createdAt: storedDate(doc._id, doc.createdAt),
    updatedAt: storedDate(doc._id, doc.updatedAt)
  };
}
