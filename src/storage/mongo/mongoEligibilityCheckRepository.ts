import { type Collection, ObjectId } from 'mongodb';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { EligibilityCheckRecord, EligibilityCheckRepository, UserKey } from '../ports';
import { type EligibilityCheckDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';

/** Eligibility checks in the `eligibilityChecks` collection (`_id` = record id). */
export class MongoEligibilityCheckRepository implements EligibilityCheckRepository {
  constructor(
    private readonly collection: Collection<EligibilityCheckDocument>,
    private readonly guard: OpenGuard
  ) {}

  async save(record: EligibilityCheckRecord): Promise<void> {
    this.guard.assertOpen();
    try {
      await this.collection.insertOne({
        _id: record.id,
        userKey: record.userKey,
        answers: record.answers,
        result: record.result,
        rulesVersion: record.rulesVersion,
        language: record.language,
        createdAt: record.createdAt,
        seq: new ObjectId()
      });
    } catch (err) {
      throw isDuplicateKeyError(err) ? new DuplicateKeyError('eligibilityChecks', record.id) : err;
    }
  }

  async get(id: string): Promise<EligibilityCheckRecord | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    return doc ? toRecord(doc) : null;
  }

  async listByUser(userKey: UserKey): Promise<EligibilityCheckRecord[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ userKey }, { sort: { createdAt: -1, seq: -1 } }).toArray();
    return docs.map(toRecord);
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }

  readonly storeName = 'eligibilityChecks';

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey: userKey })).deletedCount;
  }

  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ createdAt: { $lt: before } })).deletedCount;
  }
}

function toRecord(doc: EligibilityCheckDocument): EligibilityCheckRecord {
  return {
    id: doc._id,
    userKey: doc.userKey,
    answers: doc.answers,
    result: doc.result,
    rulesVersion: doc.rulesVersion,
    language: doc.language,
    createdAt: storedDate(doc._id, doc.createdAt)
  };
}
