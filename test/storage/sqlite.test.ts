import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CorruptStateError, StorageUnavailableError, openSqliteStorage, openStorage } from '../../src/storage';
import { MIGRATIONS, configureConnection } from '../../src/storage/sqlite';
import { describeStorageContract } from './contract/storageContract';

const dir = mkdtempSync(join(tmpdir(), 'passerelle-sqlite-'));
let files = 0;
/** A new database file path in a directory that does not exist yet. */
const newFile = (): string => join(dir, `run-${++files}`, 'nested', 'passerelle.db');
/** A new database file path directly in the temp directory. */
const newFileIn = (): string => join(dir, `plain-${++files}.db`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeStorageContract('SQLite (file)', () => openSqliteStorage({ file: newFile() }));
describeStorageContract('SQLite (:memory:)', () => openSqliteStorage({ file: ':memory:' }));

describe('SQLite adapter', () => {
  it('keeps data across close and reopen of the same file', async () => {
    const file = newFile();
    const first = await openSqliteStorage({ file });
    await first.botState.write({ k: { v: 1 } });
    const eTag = (await first.botState.read(['k'])).k.eTag;
    await first.profiles.upsert({ userKey: 'u1', language: 'pt' });
    await first.close();

    const second = await openSqliteStorage({ file });
    expect((await second.botState.read(['k'])).k).toEqual({ v: 1, eTag });
    expect((await second.profiles.get('u1'))?.language).toBe('pt');
    await second.close();
  });

  it('applies migrations once and records them; reopening applies nothing', async () => {
    const file = newFile();
    await (await openSqliteStorage({ file })).close();
    await (await openSqliteStorage({ file })).close();

    const db = new Database(file, { readonly: true });
    try {
      const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('configures WAL, foreign keys, synchronous=NORMAL and the busy timeout', () => {
    const db = new Database(newFileIn());
    try {
      configureConnection(db, 1234);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // 1 = NORMAL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(1234);
    } finally {
      db.close();
    }
  });

  it('lets a second connection read while the bundle is open (WAL)', async () => {
    const file = newFile();
    const storage = await openSqliteStorage({ file });
    await storage.botState.write({ k: { v: 1 } });
    const reader = new Database(file, { readonly: true });
    try {
      expect(reader.prepare('SELECT count(*) FROM bot_state').pluck().get()).toBe(1);
    } finally {
      reader.close();
      await storage.close();
    }
  });

  it('reports a damaged bot-state row as CorruptStateError', async () => {
    const file = newFile();
    const storage = await openSqliteStorage({ file });
    await storage.botState.write({ good: { v: 1 }, bad: { v: 2 }, array: { v: 3 } });
    await storage.close();

    const db = new Database(file);
    db.prepare("UPDATE bot_state SET json = '{\"v\": 2' WHERE key = 'bad'").run();
    db.prepare("UPDATE bot_state SET json = '[1, 2]' WHERE key = 'array'").run();
    db.close();

    const reopened = await openSqliteStorage({ file });
    try {
      expect((await reopened.botState.read(['good'])).good.v).toBe(1);
      await expect(reopened.botState.read(['good', 'bad'])).rejects.toBeInstanceOf(CorruptStateError);
      await expect(reopened.botState.read(['bad'])).rejects.toMatchObject({ key: 'bad' });
      await expect(reopened.botState.read(['array'])).rejects.toBeInstanceOf(CorruptStateError);
      // A damaged item can still be overwritten.
      await reopened.botState.write({ bad: { v: 'fixed' } });
      expect((await reopened.botState.read(['bad'])).bad.v).toBe('fixed');
    } finally {
      await reopened.close();
    }
  });

  it('reports damaged eligibility and consent rows as CorruptStateError', async () => {
    const file = newFile();
    const storage = await openSqliteStorage({ file });
    await storage.consents.append({
      id: 'c1',
      userKey: 'u1',
      decision: 'granted',
      noticeVersion: '1',
      language: 'fr',
      guardianConfirmed: null,
      decidedAt: new Date()
    });
    await storage.close();

    const db = new Database(file);
    db.prepare("UPDATE consents SET decided_at = 'yesterday' WHERE id = 'c1'").run();
    db.prepare(
      `INSERT INTO eligibility_checks (id, user_key, answers, result, rules_version, language, created_at)
       VALUES ('e1', 'u1', '{oops', '{}', '1', 'fr', '2025-01-01T00:00:00.000Z')`
    ).run();
    db.close();

    const reopened = await openSqliteStorage({ file });
    try {
      await expect(reopened.consents.latest('u1')).rejects.toBeInstanceOf(CorruptStateError);
      await expect(reopened.eligibilityChecks.get('e1')).rejects.toMatchObject({ name: 'CorruptStateError', key: 'e1' });
    } finally {
      await reopened.close();
    }
  });

  it('refuses a file that is not a database with StorageUnavailableError saying what to check', async () => {
    const file = join(dir, 'not-a-database.db');
    writeFileSync(file, 'this is not sqlite, just some text that is long enough to look like a header'.repeat(20));
    const opening = openSqliteStorage({ file });
    await expect(opening).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(opening).rejects.toThrow(/not-a-database\.db.*MONGODB_URI/s);
  });

  it('is what openStorage picks without a MongoDB URI', async () => {
    for (const mongodbUri of [undefined, '', '   ']) {
      const storage = await openStorage({ mongodbUri, mongodbDb: 'unused', sqliteFile: newFile() });
      expect(storage.kind).toBe('sqlite');
      await storage.close();
    }
  });
});
