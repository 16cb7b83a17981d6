import { type Db, MongoClient } from 'mongodb';
import { OpenGuard } from '../openGuard';
import type { StorageBundle } from '../ports';
import { MongoAssessmentRepository } from './mongoAssessmentRepository';
import { MongoBotStateStorage } from './mongoBotStateStorage';
import { MongoConsentRepository } from './mongoConsentRepository';
import {
  type AssessmentDocument,
  type BotStateDocument,
  COLLECTIONS,
  type ConsentDocument,
  type EligibilityCheckDocument,
  type ProfileDocument,
  type ProfileLinkDocument,
  type TrainingInterestDocument
} from './mongoDocuments';
import { MongoEligibilityCheckRepository } from './mongoEligibilityCheckRepository';
import { mongoUnavailable } from './mongoFailure';
import { MongoProfileLinkRepository } from './mongoProfileLinkRepository';
import { MongoTrainingInterestRepository } from './mongoTrainingInterestRepository';
import { MongoUserProfileRepository } from './mongoUserProfileRepository';

/** Where the MongoDB database is. */
export interface MongoStorageOptions {
  /** Connection string (`MONGODB_URI`); may carry credentials, which are never logged. */
  uri: string;
  dbName: string;
  /** How long to look for a server before giving up, in ms (default 10000). */
  serverSelectionTimeoutMS?: number;
}

/**
 * Connects to MongoDB, pings it, creates the indexes and returns a ready `StorageBundle`.
 * Every write uses `w: 'majority'`. A server that cannot be reached (or refuses the
 * credentials) is a `StorageUnavailableError` that says what to check, without the password.
 */
export async function openMongoStorage(options: MongoStorageOptions): Promise<StorageBundle> {
  const { uri, dbName, serverSelectionTimeoutMS = 10_000 } = options;
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(uri, {
      serverSelectionTimeoutMS,
      writeConcern: { w: 'majority' },
      // Absent optional fields stay absent (as in JSON/SQLite) instead of becoming null.
      ignoreUndefined: true,
      appName: 'passerelle'
    });
    await client.connect();
    const db = client.db(dbName);
    await db.command({ ping: 1 });
    await createIndexes(db);
    return createBundle(client, db);
  } catch (err) {
    await client?.close().catch(() => undefined);
    throw mongoUnavailable(uri, err);
  }
}

/** Indexes for every query the repositories run (`_id` is the unique id of each collection). */
async function createIndexes(db: Db): Promise<void> {
  await Promise.all([
    db.collection(COLLECTIONS.consents).createIndex({ userKey: 1, decidedAt: 1, seq: 1 }, { name: 'byUserDecidedAt' }),
    db
      .collection(COLLECTIONS.eligibilityChecks)
      .createIndex({ userKey: 1, createdAt: -1, seq: -1 }, { name: 'byUserCreatedAt' }),
    // One createIndexes per collection: parallel calls on a collection that does not exist yet
    // would race to create it.
    db.collection(COLLECTIONS.assessments).createIndexes([
      { key: { userKey: 1, startedAt: -1, seq: -1 }, name: 'byUserStartedAt' },
      // Serves the resume query only, which always filters on status 'inProgress'.
      {
        key: { userKey: 1, questionnaireId: 1, updatedAt: -1, startedAt: -1, seq: -1 },
        name: 'inProgressByUserQuestionnaire',
        partialFilterExpression: { status: 'inProgress' }
      }
    ]),
    db.collection(COLLECTIONS.profileLinks).createIndexes([
      // Retention: the server deletes a link once expiresAt has passed (its TTL monitor runs
      // about every minute); validity itself is checked on every find. Also serves deleteExpired.
      { key: { expiresAt: 1 }, name: 'expiresAtTtl', expireAfterSeconds: 0 },
      { key: { userKey: 1 }, name: 'byUser' }
    ]),
    db.collection(COLLECTIONS.trainingInterests).createIndexes([
      // At most one interest per user and training, whatever the writers do; also serves the
      // lookup by that pair and deleteAllForUser.
      { key: { userKey: 1, trainingId: 1 }, name: 'byUserTraining', unique: true },
      { key: { userKey: 1, createdAt: -1, seq: -1 }, name: 'byUserCreatedAt' },
      { key: { trainingId: 1 }, name: 'byTraining' }
    ])
  ]);
}

function createBundle(client: MongoClient, db: Db): StorageBundle {
  const guard = new OpenGuard();
  return {
    kind: 'mongodb',
    botState: new MongoBotStateStorage(db.collection<BotStateDocument>(COLLECTIONS.botState), guard),
    profiles: new MongoUserProfileRepository(db.collection<ProfileDocument>(COLLECTIONS.profiles), guard),
    consents: new MongoConsentRepository(db.collection<ConsentDocument>(COLLECTIONS.consents), guard),
    eligibilityChecks: new MongoEligibilityCheckRepository(
      db.collection<EligibilityCheckDocument>(COLLECTIONS.eligibilityChecks),
      guard
    ),
    assessments: new MongoAssessmentRepository(db.collection<AssessmentDocument>(COLLECTIONS.assessments), guard),
    profileLinks: new MongoProfileLinkRepository(db.collection<ProfileLinkDocument>(COLLECTIONS.profileLinks), guard),
    trainingInterests: new MongoTrainingInterestRepository(
      db.collection<TrainingInterestDocument>(COLLECTIONS.trainingInterests),
      guard
    ),
    async ping() {
      guard.assertOpen();
      await db.command({ ping: 1 });
    },
    async close() {
      if (guard.close()) await client.close();
    }
  };
}
