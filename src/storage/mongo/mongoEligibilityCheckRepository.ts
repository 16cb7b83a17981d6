import { type Collection, ObjectId } from 'mongodb';
import { DuplicateKeyError } from '../errors';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import type { EligibilityAnswers } from '../../domain';
import type { EligibilityCheckRecord, EligibilityCheckRepository, UserKey } from '../ports';
import { type EligibilityCheckDocument, storedDate } from './mongoDocuments';
import { decodeJsonObject } from '../referralCodec';
import { isDuplicateKeyError } from './mongoFailure';

/** Eligibility checks in the `eligibilityChecks` collection (`_id` = record id). */
export class MongoEligibilityCheckRepository implements EligibilityCheckRepository {
  constructor(
    private readonly collection: Collection<EligibilityCheckDocument>,
    private readonly guard: OpenGuard,
    private readonly cipher: FieldCipher
  ) {}

  async save(record: EligibilityCheckRecord): Promise<void> {
    this.guard.assertOpen();
    try {
      await this.collection.insertOne({
        _id: record.id,
        userKey: record.userKey,
        answers: this.cipher.encryptJson(record.answers),
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
    return doc ? toRecord(doc, this.cipher) : null;
  }

  async listByUser(userKey: UserKey): Promise<EligibilityCheckRecord[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ userKey }, { sort: { createdAt: -1, seq: -1 } }).toArray();
    return docs.map((doc) => toRecord(doc, this.cipher));
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

function toRecord(doc: EligibilityCheckDocument, cipher: FieldCipher): EligibilityCheckRecord {
  return {
    id: doc._id,
    userKey: doc.userKey,
    answers: typeof doc.answers === 'string' ? (decodeJsonObject(doc._id, cipher.decrypt(doc.answers, doc._id)) as EligibilityAnswers) : doc.answers,
    result: doc.result,
    rulesVersion: doc.rulesVersion,
    language: doc.language,
    createdAt: storedDate(doc._id, doc.createdAt)
  };
}
