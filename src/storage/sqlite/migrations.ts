import type { Database } from 'better-sqlite3';

/** One schema change. Versions only grow; an applied migration is never edited. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The schema, in order. No foreign key ties consents or checks to a profile: each port stands
 * alone (as in MongoDB), and erasing a person goes through every repository.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE bot_state (
        key TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        etag TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE user_profiles (
        user_key TEXT PRIMARY KEY,
        language TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE consents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        user_key TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('granted', 'refused', 'withdrawn')),
        notice_version TEXT NOT NULL,
        language TEXT NOT NULL,
        guardian_confirmed INTEGER CHECK (guardian_confirmed IN (0, 1)),
        decided_at TEXT NOT NULL
      );
      CREATE INDEX consents_by_user ON consents (user_key, decided_at, seq);
      CREATE TABLE eligibility_checks (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        user_key TEXT NOT NULL,
        answers TEXT NOT NULL,
        result TEXT NOT NULL,
        rules_version TEXT NOT NULL,
        language TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX eligibility_checks_by_user ON eligibility_checks (user_key, created_at, seq);
    `
  }
];

/**
 * Applies the migrations not yet recorded in `schema_migrations`, all in one immediate
 * transaction (so two processes starting together cannot both migrate). Returns the versions
 * applied; reopening an up-to-date database applies nothing.
 */
export function applyMigrations(db: Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = db.prepare('SELECT version FROM schema_migrations').pluck();
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const migrate = db.transaction((): number[] => {
    const done = new Set(applied.all() as number[]);
    const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !done.has(m.version));
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    return pending.map((m) => m.version);
  });
  return migrate.immediate();
}
