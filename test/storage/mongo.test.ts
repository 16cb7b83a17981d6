import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { CorruptStateError, StorageUnavailableError, openMongoStorage, openStorage } from '../../src/storage';
import { mongoTestTarget } from '../support/mongoTestTarget';
import { describeStorageContract } from './contract/storageContract';

/**
 * The storage contract against MongoDB: the server in `MONGODB_URI` when set, otherwise FerretDB
 * built and started by the jest globalSetup (test/support/mongoGlobalSetup.mjs). When there is
 * none, every test here shows as skipped, with the reason in the suite's name.
 */
const target = mongoTestTarget();
const uri = target.kind === 'server' ? target.uri : '';

if (target.kind === 'server') describe(`MongoDB (${target.server})`, mongoSuite);
else describe.skip(`MongoDB storage contract — skipped: ${target.reason}`, mongoSuite);

function mongoSuite(): void {
  const databases: string[] = [];

  afterAll(async () => {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
    try {
      for (const name of databases) await client.db(name).dropDatabase();
    } finally {
      await client.close();
    }
  });

  /** A bundle on a database of its own, dropped at the end. */
  const open = () => {
    const dbName = `passerelle_test_${randomUUID().slice(0, 8)}`;
    databases.push(dbName);
    return openMongoStorage({ uri, dbName, serverSelectionTimeoutMS: 5000 });
  };

  describeStorageContract('MongoDB', open);

  describe('MongoDB adapter', () => {
    it('creates the indexes the queries use', async () => {
      const storage = await open();
      const client = new MongoClient(uri);
      try {
        const db = client.db(databases[databases.length - 1]);
        const names = async (collection: string) => (await db.collection(collection).indexes()).map((i) => i.name);
        expect(await names('consents')).toEqual(expect.arrayContaining(['_id_', 'byUserDecidedAt']));
        expect(await names('eligibilityChecks')).toEqual(expect.arrayContaining(['_id_', 'byUserCreatedAt']));
        // What the server can do decides the index kinds (partial and TTL indexes, or plain ones).
        const { capabilities } = storage;
        const resumeIndex = capabilities.partialIndexes ? 'inProgressByUserQuestionnaire' : 'byStatusUserQuestionnaire';
        expect(await names('assessments')).toEqual(expect.arrayContaining(['_id_', 'byUserStartedAt', resumeIndex]));
        const resume = (await db.collection('assessments').indexes()).find((i) => i.name === resumeIndex);
        if (capabilities.partialIndexes) expect(resume?.partialFilterExpression).toEqual({ status: 'inProgress' });
        else expect(resume?.key).toEqual({ status: 1, userKey: 1, questionnaireId: 1, updatedAt: -1, startedAt: -1, seq: -1 });
        const links = await db.collection('profileLinks').indexes();
        const expiryIndex = capabilities.expiresRecords ? 'expiresAtTtl' : 'byExpiresAt';
        expect(links.map((i) => i.name)).toEqual(expect.arrayContaining(['_id_', expiryIndex, 'byUser']));
        const expiry = links.find((i) => i.name === expiryIndex);
        expect(expiry?.key).toEqual({ expiresAt: 1 });
        expect(expiry?.expireAfterSeconds).toBe(capabilities.expiresRecords ? 0 : undefined);
        expect(await names('referrals')).toEqual(expect.arrayContaining(['_id_', 'byReference', 'byUserCreatedAt', 'queue', 'byPartner', 'byOutboxPending']));
        expect(await names('outbox')).toEqual(expect.arrayContaining(['_id_', 'due', 'byAggregate']));
        const interests = await db.collection('trainingInterests').indexes();
        expect(interests.map((i) => i.name)).toEqual(
          expect.arrayContaining(['_id_', 'byUserTraining', 'byUserCreatedAt', 'byTraining'])
        );
        const oncePerTraining = interests.find((i) => i.name === 'byUserTraining');
        expect(oncePerTraining?.key).toEqual({ userKey: 1, trainingId: 1 });
        expect(oncePerTraining?.unique).toBe(true);
        // Opening again finds the indexes in place.
        await (await openMongoStorage({ uri, dbName: db.databaseName })).close();
      } finally {
        await client.close();
        await storage.close();
      }
    });

    it('reports a damaged bot-state document as CorruptStateError', async () => {
      const storage = await open();
      const client = new MongoClient(uri);
      try {
        await storage.botState.write({ bad: { v: 1 } });
        await client
          .db(databases[databases.length - 1])
          .collection<{ _id: string; json: string }>('botState')
          .updateOne({ _id: 'bad' }, { $set: { json: '{"v": 1' } });
        await expect(storage.botState.read(['bad'])).rejects.toBeInstanceOf(CorruptStateError);
      } finally {
        await client.close();
        await storage.close();
      }
    });

    it('is what openStorage picks when a URI is given', async () => {
      const dbName = `passerelle_test_${randomUUID().slice(0, 8)}`;
      databases.push(dbName);
      const storage = await openStorage({ mongodbUri: uri, mongodbDb: dbName, sqliteFile: '/nonexistent/unused.db' });
      expect(storage.kind).toBe('mongodb');
      await storage.close();
    });
  });
}

describe('openMongoStorage without a server', () => {
  const password = 's3cr3t/Pa55@word';
  const uri = `mongodb://alice:${encodeURIComponent(password)}@127.0.0.1:1/passerelle?authSource=admin`;

  it('rejects an unreachable server with StorageUnavailableError saying what to check, without the password', async () => {
    const error = await openMongoStorage({ uri, dbName: 'passerelle', serverSelectionTimeoutMS: 500 }).then(
      () => null,
      (err: unknown) => err
    );
    expect(error).toBeInstanceOf(StorageUnavailableError);
    const { message, stack } = error as StorageUnavailableError;
    expect(message).toContain('127.0.0.1:1');
    expect(message).toMatch(/running/);
    expect(message).toMatch(/unset MONGODB_URI to use the embedded SQLite/);
    for (const text of [message, stack ?? '', JSON.stringify(error)]) {
      expect(text).not.toContain('s3cr3t');
      expect(text).not.toContain(encodeURIComponent(password));
    }
  });

  it('rejects a malformed URI with StorageUnavailableError, without the password', async () => {
    const malformed = `mongodb://alice:${encodeURIComponent(password)}@127.0.0.1:1/passerelle?unknownOption=%zz`;
    for (const bad of ['not-a-mongodb-uri', malformed]) {
      const opening = openMongoStorage({ uri: bad, dbName: 'passerelle', serverSelectionTimeoutMS: 500 });
      await expect(opening).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(opening).rejects.toThrow(/MONGODB_URI/);
      await opening.catch((err: Error) => expect(err.message).not.toContain('s3cr3t'));
    }
  });
});
