import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import type { EligibilityResult } from '../../src/domain';
import { CorruptStateError, FieldCipher, openMongoStorage, openSqliteStorage, parseDataKeys, type StorageBundle } from '../../src/storage';
import { mongoTestTarget } from '../support/mongoTestTarget';

const K1 = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const K2 = `k2:${Buffer.alloc(32, 2).toString('base64')}`;
const cipherOf = (keys: string) => new FieldCipher(parseDataKeys(keys));

/** What a person told, recognisable in the raw database. */
const BIRTH_DATE = '2003-07-14';
const REGION = 'Quartier-Zéphyrine';
const PHONE = '+33612345678';
const TYPED = 'je m appelle Noor Zéphyrine';
const RESULT: EligibilityResult = { evaluatedOn: '2026-12-05', programmes: [] } as unknown as EligibilityResult;

describe('FieldCipher', () => {
  it('encrypts with AES-256-GCM under the current key, names the key, and reads what older keys wrote', () => {
    const old = cipherOf(K1);
    const stored = old.encrypt(BIRTH_DATE);
    expect(stored).toMatch(/^enc1:k1:[A-Za-z0-9_-]+$/);
    expect(stored).not.toContain(BIRTH_DATE);
    expect(old.encrypt(BIRTH_DATE)).not.toBe(stored); // a fresh nonce each time
    const rotated = cipherOf(`${K2},${K1}`);
    expect(rotated.decrypt(stored, 'x')).toBe(BIRTH_DATE);
    expect(rotated.encrypt(BIRTH_DATE)).toMatch(/^enc1:k2:/);
    // Without the old key, or altered: a CorruptStateError naming the key to add.
    expect(() => cipherOf(K2).decrypt(stored, 'x')).toThrow(/unknown data key "k1"/);
    const altered = stored.slice(0, -2) + (stored.endsWith('AA') ? 'BB' : 'AA');
    expect(() => old.decrypt(altered, 'x')).toThrow(CorruptStateError);
    // The key id is authenticated: a value cannot be passed off as another key's.
    expect(() => cipherOf(`k3:${Buffer.alloc(32, 1).toString('base64')}`).decrypt(stored.replace('enc1:k1:', 'enc1:k3:'), 'x')).toThrow(CorruptStateError);
    // Values stored before encryption are read as they are.
    expect(old.decrypt('{"a":1}', 'x')).toBe('{"a":1}');
  });
});

interface Target {
  title: string;
  skipped?: string;
  /** Opens the same database with these keys. */
  open(keys: string): Promise<StorageBundle>;
  /** Every value stored, as text. */
  raw(): Promise<string>;
  cleanup(): Promise<void>;
}

function sqliteTarget(): Target {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-enc-'));
  const file = path.join(dir, 'p.sqlite');
  return {
    title: 'SQLite',
    open: (keys) => openSqliteStorage({ file, cipher: cipherOf(keys) }),
    raw: async () => {
      const db = new Database(file, { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
        return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join('\n');
      } finally {
        db.close();
      }
    },
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true })
  };
}

function mongoTarget(): Target {
  const mongo = mongoTestTarget();
  const dbName = `passerelle_enc_${randomUUID().slice(0, 8)}`;
  if (mongo.kind !== 'server') return { title: 'MongoDB', skipped: mongo.reason, open: () => Promise.reject(new Error(mongo.reason)), raw: async () => '', cleanup: async () => undefined };
  const withDb = async <T>(run: (client: MongoClient) => Promise<T>): Promise<T> => {
    const client = new MongoClient(mongo.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      return await run(client);
    } finally {
      await client.close();
    }
  };
  return {
    title: `MongoDB (${mongo.server})`,
    open: (keys) => openMongoStorage({ uri: mongo.uri, dbName, cipher: cipherOf(keys), serverSelectionTimeoutMS: 5000 }),
    raw: () =>
      withDb(async (client) => {
        const db = client.db(dbName);
        const texts: string[] = [];
        for (const { name } of await db.listCollections().toArray()) texts.push(JSON.stringify(await db.collection(name).find({}).toArray()));
        return texts.join('\n');
      }),
    cleanup: () => withDb(async (client) => void (await client.db(dbName).dropDatabase()))
  };
}

for (const target of [sqliteTarget(), mongoTarget()]) {
  (target.skipped ? describe.skip : describe)(`encryption at rest on ${target.title}${target.skipped ? ` — skipped: ${target.skipped}` : ''}`, () => {
    afterAll(() => target.cleanup());

    it('keeps no birth date, free-text answer, contact detail or typed text in clear; a rotated key still reads older values', async () => {
      const at = new Date('2026-12-05T10:00:00Z');
      let storage = await target.open(K1);
      await storage.eligibilityChecks.save({ id: 'check-1', userKey: 'u-enc', answers: { birthDate: BIRTH_DATE, region: REGION, country: 'FR' }, result: RESULT, rulesVersion: '1', language: 'fr', createdAt: at });
      await storage.conversationReferences.save({ userKey: 'u-enc', channelId: 'sms', serviceUrl: 'https://sms.example', conversationId: PHONE, userId: PHONE, botId: 'bot', locale: 'fr', updatedAt: at });
      await storage.outbox.enqueue([{ id: 'm-1', kind: 'partner.webhook', aggregateId: 'r-1', payload: { shared: { phone: PHONE, region: REGION } }, createdAt: at }]);
      await storage.botState.write({ 'directline/c1': { activities: [{ text: TYPED }] } });
      await storage.close();

      const raw = await target.raw();
      expect(raw).toContain('u-enc'); // the scan sees the records…
      expect([BIRTH_DATE, REGION, PHONE, TYPED].filter((value) => raw.includes(value))).toEqual([]); // …but none of these

      // Rotation: k2 current, k1 kept to read; new values are written with k2.
      storage = await target.open(`${K2},${K1}`);
      expect((await storage.eligibilityChecks.get('check-1'))?.answers).toEqual({ birthDate: BIRTH_DATE, region: REGION, country: 'FR' });
      expect((await storage.conversationReferences.latest('u-enc'))?.userId).toBe(PHONE);
      expect((await storage.outbox.get('m-1'))?.payload).toEqual({ shared: { phone: PHONE, region: REGION } });
      expect((await storage.botState.read(['directline/c1']))['directline/c1']).toMatchObject({ activities: [{ text: TYPED }] });
      await storage.eligibilityChecks.save({ id: 'check-2', userKey: 'u-enc', answers: { birthDate: BIRTH_DATE }, result: RESULT, rulesVersion: '1', language: 'fr', createdAt: at });
      await storage.close();
      expect(await target.raw()).toMatch(/enc1:k2:/);

      // Without k1, the old values cannot be read (and say which key is missing); the new ones can.
      storage = await target.open(K2);
      try {
        await expect(storage.eligibilityChecks.get('check-1')).rejects.toThrow(/unknown data key "k1"/);
        expect((await storage.eligibilityChecks.get('check-2'))?.answers).toEqual({ birthDate: BIRTH_DATE });
      } finally {
        await storage.close();
      }
    });
  });
}
