import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoMemoryServer } from 'mongodb-memory-server-core';
import { CorruptStateError, StorageUnavailableError, openMongoStorage, openStorage } from '../../src/storage';
import { describeStorageContract } from './contract/storageContract';

/**
 * The storage contract against MongoDB: the server in `MONGODB_URI` when set, otherwise one
 * started by mongodb-memory-server (which may have to download a binary). When neither is
 * possible the suite says so, visibly, in a passing test named after the reason.
 */
type Target = { source: 'MONGODB_URI'; uri: string } | { source: 'memory server' } | { source: 'none'; reason: string };

const PROBE_TIMEOUT_MS = 20_000;

/**
 * Tries mongodb-memory-server in a child process, so that a slow download or a hung start is
 * killed after `PROBE_TIMEOUT_MS` and leaves nothing open in this one. The download is tried
 * once unless `MONGOMS_MAX_RETRIES` (the number of attempts) says otherwise: without network it
 * fails at once instead of backing off.
 */
function probeMemoryServer(): string | null {
  const script = `
    const { MongoMemoryServer } = require('mongodb-memory-server-core');
    MongoMemoryServer.create().then(
      (server) => server.stop().then(() => process.stdout.write('OK')),
      (err) => { process.stdout.write(String((err && err.message) || err)); process.exitCode = 1; });`;
  const child = spawnSync(process.execPath, ['-e', script], {
    cwd: process.cwd(),
    encoding: 'utf8',
    timeout: PROBE_TIMEOUT_MS,
    env: { ...process.env, MONGOMS_MAX_RETRIES: process.env.MONGOMS_MAX_RETRIES ?? '1' }
  });
  if (child.error || child.signal) {
    return `no MONGODB_URI, and mongodb-memory-server did not start within ${PROBE_TIMEOUT_MS / 1000} s (${child.error?.message ?? child.signal})`;
  }
  if (child.status === 0 && child.stdout === 'OK') return null;
  const reason = (child.stdout || child.stderr).trim().split('\n').slice(0, 2).join(' ');
  return `no MONGODB_URI, and mongodb-memory-server could not start (${reason || `exit code ${child.status}`})`;
}

function chooseTarget(): Target {
  const uri = process.env.MONGODB_URI?.trim();
  if (uri) return { source: 'MONGODB_URI', uri };
  const failure = probeMemoryServer();
  return failure === null ? { source: 'memory server' } : { source: 'none', reason: failure };
}

const target = chooseTarget();

if (target.source === 'none') {
  const message = `MongoDB storage contract SKIPPED: ${target.reason}. Set MONGODB_URI to run it.`;
  console.warn(message);
  describe('MongoDB storage contract', () => {
    it(message, () => {
      expect(target.reason).not.toBe('');
    });
  });
} else {
  let server: MongoMemoryServer | undefined;
  let uri = '';
  const databases: string[] = [];

  beforeAll(async () => {
    if (target.source === 'MONGODB_URI') {
      uri = target.uri;
    } else {
      server = await MongoMemoryServer.create();
      uri = server.getUri();
    }
  });

  afterAll(async () => {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
    try {
      for (const name of databases) await client.db(name).dropDatabase();
    } finally {
      await client.close();
      await server?.stop();
    }
  });

  /** A bundle on a database of its own, dropped at the end. */
  const open = () => {
    const dbName = `passerelle_test_${randomUUID().slice(0, 8)}`;
    databases.push(dbName);
    return openMongoStorage({ uri, dbName, serverSelectionTimeoutMS: 5000 });
  };

  describeStorageContract(`MongoDB (${target.source})`, open);

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
