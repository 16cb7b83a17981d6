import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStorage, type StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';

/**
 * The list erasure and retention go through (`StorageBundle.personalData`): every store that
 * names a person is in it, once, and each keeps the port's promises.
 */
describe('personal data registry on SQLite', () => {
  it('lists every table that has a user_key column (a new table of personal data that is not listed fails here)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-registry-'));
    const file = path.join(dir, 'p.sqlite');
    const storage = await openSqliteStorage({ file });
    try {
      const db = new Database(file, { readonly: true });
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      const personal = tables.filter((t) => (db.prepare(`PRAGMA table_info("${t}")`).all() as { name: string }[]).some((c) => c.name === 'user_key'));
      db.close();
      const listed = storage.personalData.map((s) => s.storeName);
      expect(personal.length).toBeGreaterThanOrEqual(8);
      expect(personal.filter((t) => !listed.includes(t))).toEqual([]);
      expect(new Set(listed).size).toBe(listed.length);
    } finally {
      await storage.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describeEachStorage('personal data stores keep the port\'s promises', (target) => {
  let storage: StorageBundle;
  beforeAll(async () => {
    storage = await target.open();
  });
  afterAll(() => storage.close());

  it('erasing one person leaves another alone; erasing twice changes nothing; consents stay anonymised', async () => {
    const at = new Date('2026-01-10T10:00:00Z');
    for (const userKey of ['reg-a', 'reg-b']) {
      await storage.profiles.upsert({ userKey, language: 'fr' });
      await storage.consents.append({ id: `c-${userKey}`, userKey, decision: 'granted', noticeVersion: '1', language: 'fr', guardianConfirmed: null, decidedAt: at });
      await storage.trainingInterests.record({ id: `t-${userKey}`, userKey, trainingId: 'tr-1', language: 'fr', source: 'search', createdAt: at });
    }
    const erased: Record<string, number> = {};
    for (const store of storage.personalData) erased[store.storeName] = await store.eraseUser('reg-a');
    expect(Object.values(erased).reduce((a, b) => a + b, 0)).toBe(3);
    expect(await storage.profiles.get('reg-a')).toBeNull();
    expect(await storage.consents.history('reg-a')).toEqual([]);
    expect(await storage.profiles.get('reg-b')).not.toBeNull();
    expect((await storage.trainingInterests.listByUser('reg-b')).length).toBe(1);
    for (const store of storage.personalData) expect(await store.eraseUser('reg-a')).toBe(0);
    // The decision stays for the audit, under a key tied to nobody.
    await expect(storage.consents.append({ id: 'c-reg-a', userKey: 'x', decision: 'granted', noticeVersion: '1', language: 'fr', guardianConfirmed: null, decidedAt: at })).rejects.toThrow();
  });

  it('deleteExpired keeps what changed at or after the cutoff and deletes what changed before', async () => {
    const old = new Date('2025-01-01T00:00:00Z');
    const recent = new Date('2026-06-01T00:00:00Z');
    await storage.eligibilityChecks.save({ id: 'e-old', userKey: 'reg-c', answers: { age: 20 }, result: { evaluatedOn: '2025-01-01', programmes: [] } as never, rulesVersion: '1', language: 'fr', createdAt: old });
    await storage.eligibilityChecks.save({ id: 'e-new', userKey: 'reg-c', answers: { age: 20 }, result: { evaluatedOn: '2026-06-01', programmes: [] } as never, rulesVersion: '1', language: 'fr', createdAt: recent });
    await storage.consents.append({ id: 'c-old', userKey: 'reg-c', decision: 'granted', noticeVersion: '1', language: 'fr', guardianConfirmed: null, decidedAt: old });
    const cutoff = new Date('2026-01-01T00:00:00Z');
    for (const store of storage.personalData) await store.deleteExpired(cutoff, cutoff);
    expect((await storage.eligibilityChecks.listByUser('reg-c')).map((c) => c.id)).toEqual(['e-new']);
    expect(await storage.consents.history('reg-c')).toEqual([]);
  });
});
