import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CorruptStateError, StorageUnavailableError, openSqliteStorage, openStorage } from '../../src/storage';
import { MIGRATIONS, applyMigrations, configureConnection } from '../../src/storage/sqlite';
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

  it('upgrades a database made by the first migration, keeping its data', async () => {
    const file = newFileIn();
    const db = new Database(file);
    configureConnection(db);
    expect(applyMigrations(db, MIGRATIONS.slice(0, 1))).toEqual([1]);
    db.prepare(
      `INSERT INTO consents (id, user_key, decision, notice_version, language, guardian_confirmed, decided_at)
       VALUES ('c1', 'u1', 'granted', '1', 'fr', NULL, '2025-01-01T00:00:00.000Z')`
    ).run();
    db.close();

    const storage = await openSqliteStorage({ file });
    try {
      expect((await storage.consents.latest('u1'))?.id).toBe('c1');
      const saved = await storage.assessments.save({
        id: 'a1',
        userKey: 'u1',
        questionnaireId: 'digital',
        questionnaireVersion: '1',
        language: 'fr',
        answers: {},
        currentItemId: 'q1',
        status: 'inProgress',
        profile: null,
        startedAt: new Date('2025-03-01T00:00:00.000Z'),
        updatedAt: new Date('2025-03-01T00:00:00.000Z'),
        completedAt: null,
        version: 0
      });
      expect(await storage.assessments.latestInProgress('u1', 'digital')).toStrictEqual(saved);
    } finally {
      await storage.close();
    }
  });

  it('answers the assessment and profile-link queries from their indexes', async () => {
    const file = newFile();
    await (await openSqliteStorage({ file })).close();
    const db = new Database(file, { readonly: true });
    const plan = (sql: string): string =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join(' | ');
    try {
      const resume = plan(
        `SELECT * FROM assessments WHERE user_key = 'u' AND questionnaire_id = 'q' AND status = 'inProgress'
         ORDER BY updated_at DESC, started_at DESC, seq DESC LIMIT 1`
      );
      expect(resume).toMatch(/USING INDEX assessments_in_progress/);
      expect(resume).not.toMatch(/TEMP B-TREE/);
      const list = plan(`SELECT * FROM assessments WHERE user_key = 'u' ORDER BY started_at DESC, seq DESC`);
      expect(list).toMatch(/USING INDEX assessments_by_user/);
      expect(list).not.toMatch(/TEMP B-TREE/);
      expect(plan(`DELETE FROM profile_links WHERE expires_at <= '2025'`)).toMatch(/profile_links_by_expiry/);
      expect(plan(`DELETE FROM profile_links WHERE user_key = 'u'`)).toMatch(/profile_links_by_user/);
    } finally {
      db.close();
    }
  });

  it('reports damaged assessment and profile-link rows as CorruptStateError', async () => {
    const file = newFile();
    const storage = await openSqliteStorage({ file });
    await storage.close();

    const db = new Database(file);
    const insert = db.prepare(
      `INSERT INTO assessments (id, version, user_key, questionnaire_id, questionnaire_version, language, answers,
         current_item_id, status, profile, started_at, updated_at, completed_at)
       VALUES (@id, 1, 'u1', 'digital', '1', 'fr', @answers, NULL, 'completed', @profile,
         '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z', NULL)`
    );
    insert.run({ id: 'bad-json', answers: '{"q1": 1', profile: null });
    insert.run({ id: 'bad-answer', answers: '{"q1": "yes"}', profile: null });
    insert.run({ id: 'bad-profile', answers: '{}', profile: '{oops' });
    db.prepare(
      `INSERT INTO profile_links (token_hash, user_key, assessment_id, created_at, expires_at)
       VALUES ('${'a'.repeat(64)}', 'u1', 'a1', 'yesterday', '2099-01-01T00:00:00.000Z')`
    ).run();
    db.close();

    const reopened = await openSqliteStorage({ file });
    try {
      for (const id of ['bad-json', 'bad-answer', 'bad-profile']) {
        await expect(reopened.assessments.get(id)).rejects.toMatchObject({ name: 'CorruptStateError', key: id });
      }
      await expect(reopened.assessments.listByUser('u1')).rejects.toBeInstanceOf(CorruptStateError);
      await expect(reopened.profileLinks.find('a'.repeat(64), new Date('2098-01-01T00:00:00.000Z'))).rejects.toBeInstanceOf(
        CorruptStateError
      );
    } finally {
      await reopened.close();
    }
  });

  it('upgrades a database made by the first two migrations, keeping its data', async () => {
    const file = newFileIn();
    const db = new Database(file);
    configureConnection(db);
    expect(applyMigrations(db, MIGRATIONS.slice(0, 2))).toEqual([1, 2]);
    db.prepare(
      `INSERT INTO profile_links (token_hash, user_key, assessment_id, created_at, expires_at)
       VALUES ('${'b'.repeat(64)}', 'u1', 'a1', '2098-01-01T00:00:00.000Z', '2099-01-01T00:00:00.000Z')`
    ).run();
    db.close();

    const storage = await openSqliteStorage({ file });
    try {
      expect((await storage.profileLinks.find('b'.repeat(64), new Date('2098-06-01T00:00:00.000Z')))?.assessmentId).toBe('a1');
      const interest = {
        id: 'i1',
        userKey: 'u1',
        trainingId: 't1',
        language: 'fr',
        source: 'search' as const,
        createdAt: new Date('2025-03-01T00:00:00.000Z')
      };
      expect(await storage.trainingInterests.record(interest)).toStrictEqual(interest);
      expect(await storage.trainingInterests.listByUser('u1')).toStrictEqual([interest]);
    } finally {
      await storage.close();
    }
    const reopened = new Database(file, { readonly: true });
    try {
      expect(reopened.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
        MIGRATIONS.map((m) => m.version)
      );
    } finally {
      reopened.close();
    }
  });

  it('answers the training-interest queries from their indexes', async () => {
    const file = newFile();
    await (await openSqliteStorage({ file })).close();
    const db = new Database(file, { readonly: true });
    const plan = (sql: string): string =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join(' | ');
    try {
      const list = plan(`SELECT * FROM training_interests WHERE user_key = 'u' ORDER BY created_at DESC, seq DESC`);
      expect(list).toMatch(/USING INDEX training_interests_by_user/);
      expect(list).not.toMatch(/TEMP B-TREE/);
      expect(plan(`SELECT count(*) FROM training_interests WHERE training_id = 't'`)).toMatch(
        /USING COVERING INDEX training_interests_by_training/
      );
      expect(plan(`SELECT * FROM training_interests WHERE user_key = 'u' AND training_id = 't'`)).toMatch(
        /USING INDEX sqlite_autoindex_training_interests/
      );
      expect(plan(`SELECT * FROM training_interests WHERE id = 'i'`)).toMatch(/USING INDEX sqlite_autoindex_training_interests/);
      expect(plan(`DELETE FROM training_interests WHERE user_key = 'u'`)).toMatch(/USING (COVERING )?INDEX/);
    } finally {
      db.close();
    }
  });

  it('keeps one interest per user and training across two connections to the same file', async () => {
    const file = newFile();
    const first = await openSqliteStorage({ file });
    const second = await openSqliteStorage({ file });
    try {
      const make = (id: string) => ({
        id,
        userKey: 'u1',
        trainingId: 't1',
        language: 'fr',
        source: 'recommendation' as const,
        createdAt: new Date('2025-03-01T00:00:00.000Z')
      });
      const [a, b] = await Promise.all([first.trainingInterests.record(make('x')), second.trainingInterests.record(make('y'))]);
      expect(b).toStrictEqual(a);
      expect(await first.trainingInterests.countByTraining('t1')).toBe(1);
      expect(await second.trainingInterests.listByUser('u1')).toStrictEqual([a]);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('reports damaged training-interest rows as CorruptStateError', async () => {
    const file = newFile();
    await (await openSqliteStorage({ file })).close();

    const db = new Database(file);
    // The CHECK on source is bypassed here, as an older tool or a manual edit might.
    db.pragma('ignore_check_constraints = ON');
    const insert = db.prepare(
      `INSERT INTO training_interests (id, user_key, training_id, language, source, created_at)
       VALUES (@id, @user_key, @training_id, 'fr', @source, @created_at)`
    );
    insert.run({ id: 'bad-date', user_key: 'u1', training_id: 't1', source: 'search', created_at: 'yesterday' });
    insert.run({ id: 'bad-source', user_key: 'u2', training_id: 't1', source: 'chat', created_at: '2025-01-01T00:00:00.000Z' });
    db.close();

    const reopened = await openSqliteStorage({ file });
    try {
      await expect(reopened.trainingInterests.listByUser('u1')).rejects.toMatchObject({ name: 'CorruptStateError', key: 'bad-date' });
      await expect(reopened.trainingInterests.listByUser('u2')).rejects.toMatchObject({ name: 'CorruptStateError', key: 'bad-source' });
      // Recording it again reads the damaged row back, and says so.
      await expect(
        reopened.trainingInterests.record({
          id: 'new',
          userKey: 'u1',
          trainingId: 't1',
          language: 'fr',
          source: 'search',
          createdAt: new Date()
        })
      ).rejects.toBeInstanceOf(CorruptStateError);
      expect(await reopened.trainingInterests.countByTraining('t1')).toBe(2);
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
