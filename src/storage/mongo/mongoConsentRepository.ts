import { type Collection, ObjectId } from 'mongodb';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import { ERASED_PREFIX, erasedKey } from '../erasedKey';
import type { ConsentRecord, ConsentRepository, UserKey } from '../ports';
import { type ConsentDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';

/** Consent history in the `consents` collection (`_id` = record id). */
export class MongoConsentRepository implements ConsentRepository {
  constructor(
    private readonly collection: Collection<ConsentDocument>,
    private readonly guard: OpenGuard
  ) {}

  async append(record: ConsentRecord): Promise<void> {
    this.guard.assertOpen();
    try {
      await this.collection.insertOne({
        _id: record.id,
        userKey: record.userKey,
        decision: record.decision,
        noticeVersion: record.noticeVersion,
        language: record.language,
        guardianConfirmed: record.guardianConfirmed,
        decidedAt: record.decidedAt,
        seq: new ObjectId()
      });
    } catch (err) {
      throw isDuplicateKeyError(err) ? new DuplicateKeyError('consents', record.id) : err;
    }
  }

  async latest(userKey: UserKey): Promise<ConsentRecord | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ userKey }, { sort: { decidedAt: -1, seq: -1 } });
    return doc ? toRecord(doc) : null;
  }

  async history(userKey: UserKey): Promise<ConsentRecord[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ userKey }, { sort: { decidedAt: 1, seq: 1 } }).toArray();
    return docs.map(toRecord);
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }

  readonly storeName = 'consents';

  /** The audit keeps the decisions (what was agreed, when, to which notice), under a random key. */
  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    if (userKey.startsWith(ERASED_PREFIX)) return 0;
    return (await this.collection.updateMany({ userKey }, { $set: { userKey: erasedKey() } })).modifiedCount;
  }

  /** Decisions past their retention stay for the audit, each under its own random key. */
  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    const expired = await this.collection
      .find({ decidedAt: { $lt: before }, userKey: { $not: { $regex: `^${ERASED_PREFIX}` } } }, { projection: { _id: 1 } })
      .toArray();
    for (const doc of expired) await this.collection.updateOne({ _id: doc._id }, { $set: { userKey: erasedKey() } });
    return expired.length;
  }
}

function toRecord(doc: ConsentDocument): ConsentRecord {
  return {
    id: doc._id,
    userKey: doc.userKey,
    decision: doc.decision,
    noticeVersion: doc.noticeVersion,
    language: doc.language,
    guardianConfirmed: doc.guardianConfirmed,
    decidedAt: storedDate(doc._id, doc.decidedAt)
  };
}
