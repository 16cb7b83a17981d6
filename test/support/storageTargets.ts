import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { openMongoStorage, openSqliteStorage, type StorageBundle } from '../../src/storage';
import { mongoTestTarget } from './mongoTestTarget';

/**
 * The databases the end-to-end tests run against: the embedded SQLite file always, and MongoDB
 * (the server the jest globalSetup chose: MONGODB_URI, else FerretDB) when there is one, else
 * shown as skipped with the reason.
 */
export interface StorageTarget {
  /** For a describe block: "on SQLite", "on MongoDB (FerretDB v1.24.2)", or "… — skipped: why". */
  readonly title: string;
  readonly kind: 'sqlite' | 'mongodb';
  /** Why it cannot run here, or undefined. */
  readonly skipped: string | undefined;
  /** Settings for one app (or several sharing one database): a fresh MongoDB database each call. */
  env(): Record<string, string>;
  /** A storage bundle of its own (SQLite in memory; a fresh MongoDB database), for service tests. */
  open(): Promise<StorageBundle>;
  /** Drops the MongoDB databases `env` and `open` handed out. */
  cleanup(): Promise<void>;
}

export function storageTargets(): StorageTarget[] {
  const mongo = mongoTestTarget();
  const databases: string[] = [];
  return [
    {
      title: 'on SQLite',
      kind: 'sqlite',
      skipped: undefined,
      env: () => ({}),
      open: () => openSqliteStorage({ file: ':memory:' }),
      cleanup: async () => undefined
    },
    {
      title: mongo.kind === 'server' ? `on MongoDB (${mongo.server})` : `on MongoDB — skipped: ${mongo.reason}`,
      kind: 'mongodb',
      skipped: mongo.kind === 'server' ? undefined : mongo.reason,
      env: () => {
        if (mongo.kind !== 'server') throw new Error(`no MongoDB server: ${mongo.reason}`);
        const db = `passerelle_e2e_${randomUUID().slice(0, 8)}`;
        databases.push(db);
        return { MONGODB_URI: mongo.uri, MONGODB_DB: db };
      },
      open: () => {
        if (mongo.kind !== 'server') return Promise.reject(new Error(`no MongoDB server: ${mongo.reason}`));
        const dbName = `passerelle_e2e_${randomUUID().slice(0, 8)}`;
        databases.push(dbName);
        return openMongoStorage({ uri: mongo.uri, dbName, serverSelectionTimeoutMS: 5000 });
      },
      cleanup: async () => {
        if (mongo.kind !== 'server' || databases.length === 0) return;
        const client = new MongoClient(mongo.uri, { serverSelectionTimeoutMS: 5000 });
        try {
          for (const db of databases.splice(0)) await client.db(db).dropDatabase();
        } finally {
          await client.close();
        }
      }
    }
  ];
}

/** `describe` for each storage target, skipped (with the reason in its name) where it cannot run. */
export function describeEachStorage(title: string, suite: (target: StorageTarget) => void): void {
  for (const target of storageTargets()) {
    (target.skipped ? describe.skip : describe)(`${title} ${target.title}`, () => {
      afterAll(() => target.cleanup());
      suite(target);
    });
  }
}
