import { type Collection, ObjectId } from 'mongodb';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
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
