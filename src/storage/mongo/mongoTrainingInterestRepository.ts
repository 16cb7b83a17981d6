import { type Collection, ObjectId } from 'mongodb';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { TrainingInterest, TrainingInterestRepository, UserKey } from '../ports';
import { checkTrainingInterest, decodeSource } from '../trainingInterestCodec';
import { type TrainingInterestDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';

/**
 * How many times `record` inserts again when the record it collided with was deleted before it
 * could be read (a concurrent `deleteAllForUser` of that user, each time).
 */
const MAX_INSERT_ATTEMPTS = 3;

/**
 * Training interests in the `trainingInterests` collection (`_id` = record id). `record` is one
 * `insertOne`; the server refuses it atomically when the id or the (`userKey`, `trainingId`)
 * pair is taken (unique `_id` and `byUserTraining` indexes), so of concurrent calls for the
 * same user and training exactly one inserts. A refused insert then reads what it collided
 * with, in the same order as the SQLite adapter: the id first, then the pair.
 */
export class MongoTrainingInterestRepository implements TrainingInterestRepository {
  constructor(
    private readonly collection: Collection<TrainingInterestDocument>,
    private readonly guard: OpenGuard
  ) {}

  async record(interest: TrainingInterest): Promise<TrainingInterest> {
    this.guard.assertOpen();
    checkTrainingInterest(interest);
    for (let attempt = 1; ; attempt++) {
      const doc: TrainingInterestDocument = {
        _id: interest.id,
        userKey: interest.userKey,
        trainingId: interest.trainingId,
        language: interest.language,
        source: interest.source,
        // A copy, so that the caller changing its Date later changes nothing returned.
        createdAt: new Date(interest.createdAt),
        seq: new ObjectId()
      };
      try {
        await this.collection.insertOne(doc);
        return toInterest(doc);
      } catch (err) {
        if (!isDuplicateKeyError(err)) throw err;
        const stored = await this.findConflict(interest);
        if (stored) return stored;
        // What it collided with was deleted meanwhile: insert again, a few times at most.
        if (attempt >= MAX_INSERT_ATTEMPTS) throw err;
      }
    }
  }

  async listByUser(userKey: UserKey): Promise<TrainingInterest[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ userKey }, { sort: { createdAt: -1, seq: -1 } }).toArray();
    return docs.map(toInterest);
  }

  async countByTraining(trainingId: string): Promise<number> {
    this.guard.assertOpen();
    return this.collection.countDocuments({ trainingId });
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }

  /**
   * After a refused insert: a `DuplicateKeyError` when the id belongs to another user or
   * training; otherwise the interest already stored for this user and training, or null when
   * there is none any more.
   */
  private async findConflict(interest: TrainingInterest): Promise<TrainingInterest | null> {
    const sameId = await this.collection.findOne({ _id: interest.id });
    if (sameId && (sameId.userKey !== interest.userKey || sameId.trainingId !== interest.trainingId)) {
      throw new DuplicateKeyError('trainingInterests', interest.id);
    }
    const existing = sameId ?? (await this.collection.findOne({ userKey: interest.userKey, trainingId: interest.trainingId }));
    return existing ? toInterest(existing) : null;
  }

  readonly storeName = 'trainingInterests';

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey: userKey })).deletedCount;
  }

  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ createdAt: { $lt: before } })).deletedCount;
  }
}

function toInterest(doc: TrainingInterestDocument): TrainingInterest {
  return {
    id: doc._id,
    userKey: doc.userKey,
    trainingId: doc.trainingId,
    language: doc.language,
    source: decodeSource(doc._id, doc.source),
    createdAt: storedDate(doc._id, doc.createdAt)
  };
}
