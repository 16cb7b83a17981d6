import { type Collection, ObjectId } from 'mongodb';
import {
  checkAssessment,
  decodeAnswers,
  decodeProfile,
  decodeStatus,
  decodeVersion,
  encodeAnswers,
  encodeProfile
} from '../assessmentCodec';
import { ConcurrentUpdateError, DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { AssessmentRecord, AssessmentRepository, UserKey } from '../ports';
import { type AssessmentDocument, storedDate } from './mongoDocuments';
import { isDuplicateKeyError } from './mongoFailure';
import type { WriteClaims } from './mongoWriteClaims';

/** The fields a save writes: everything but `_id` and `seq`, which stay as inserted. */
type AssessmentFields = Omit<AssessmentDocument, '_id' | 'seq'>;

/**
 * Assessments in the `assessments` collection (`_id` = record id). A save is one `insertOne`
 * (version 0) or one `updateOne` filtered on `{ _id, version: expected }` made while holding the
 * claim of that revision (see `WriteClaims`), so of two writers that read the same revision
 * only one writes, even on servers whose conditional updates are not atomic.
 */
export class MongoAssessmentRepository implements AssessmentRepository {
  constructor(
    private readonly collection: Collection<AssessmentDocument>,
    private readonly claims: WriteClaims,
    private readonly guard: OpenGuard
  ) {}

  async save(record: AssessmentRecord): Promise<AssessmentRecord> {
    this.guard.assertOpen();
    checkAssessment(record);
    const fields = toFields(record);
    if (record.version === 0) {
      try {
        await this.collection.insertOne({ _id: record.id, ...fields, seq: new ObjectId() });
      } catch (err) {
        throw isDuplicateKeyError(err) ? new DuplicateKeyError('assessments', record.id) : err;
      }
    } else {
      const outcome = await this.claims.withClaim(`assessments/${record.id}#${record.version}`, async () => {
        const result = await this.collection.updateOne({ _id: record.id, version: record.version }, { $set: fields });
        return result.matchedCount === 1;
      });
      if (!outcome.claimed || !outcome.value) throw new ConcurrentUpdateError('assessments', record.id, record.version);
    }
    return toRecord(record.id, fields);
  }

  async get(id: string): Promise<AssessmentRecord | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne({ _id: id });
    return doc ? toRecord(doc._id, doc) : null;
  }

  async latestInProgress(userKey: UserKey, questionnaireId: string): Promise<AssessmentRecord | null> {
    this.guard.assertOpen();
    const doc = await this.collection.findOne(
      { userKey, questionnaireId, status: 'inProgress' },
      { sort: { updatedAt: -1, startedAt: -1, seq: -1 } }
    );
    return doc ? toRecord(doc._id, doc) : null;
  }

  async listByUser(userKey: UserKey): Promise<AssessmentRecord[]> {
    this.guard.assertOpen();
    const docs = await this.collection.find({ userKey }, { sort: { startedAt: -1, seq: -1 } }).toArray();
    return docs.map((doc) => toRecord(doc._id, doc));
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey })).deletedCount;
  }

  readonly storeName = 'assessments';

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ userKey: userKey })).deletedCount;
  }

  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    return (await this.collection.deleteMany({ updatedAt: { $lt: before } })).deletedCount;
  }
}

/** The fields stored for a record, at its next revision. */
function toFields(record: AssessmentRecord): AssessmentFields {
  return {
    version: record.version + 1,
    userKey: record.userKey,
    questionnaireId: record.questionnaireId,
    questionnaireVersion: record.questionnaireVersion,
    language: record.language,
    answers: encodeAnswers(record.answers),
    currentItemId: record.currentItemId,
    status: record.status,
    profile: encodeProfile(record.profile),
    startedAt: record.startedAt,
    updatedAt: record.updatedAt,
    completedAt: record.completedAt
  };
}

function toRecord(id: string, doc: AssessmentFields): AssessmentRecord {
  return {
    id,
    userKey: doc.userKey,
    questionnaireId: doc.questionnaireId,
    questionnaireVersion: doc.questionnaireVersion,
    language: doc.language,
    answers: decodeAnswers(id, doc.answers),
    currentItemId: doc.currentItemId ?? null,
    status: decodeStatus(id, doc.status),
    profile: decodeProfile(id, doc.profile ?? null),
    // A fresh Date, as a read would give, not the caller's own object.
    startedAt: new Date(storedDate(id, doc.startedAt)),
    updatedAt: new Date(storedDate(id, doc.updatedAt)),
    completedAt: doc.completedAt === null || doc.completedAt === undefined ? null : new Date(storedDate(id, doc.completedAt)),
    version: decodeVersion(id, doc.version)
  };
}
