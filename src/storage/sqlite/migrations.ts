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
  },
  {
    version: 2,
    name: 'assessments and profile links',
    // answers and profile are JSON text; version counts saves (optimistic concurrency). The
    // partial index serves the resume query, which names status = 'inProgress' literally.
    sql: `
      CREATE TABLE assessments (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL CHECK (version >= 1),
        user_key TEXT NOT NULL,
        questionnaire_id TEXT NOT NULL,
        questionnaire_version TEXT NOT NULL,
        language TEXT NOT NULL,
        answers TEXT NOT NULL,
        current_item_id TEXT,
        status TEXT NOT NULL CHECK (status IN ('inProgress', 'completed')),
        profile TEXT,
        started_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        completed_at TEXT
      );
      CREATE INDEX assessments_by_user ON assessments (user_key, started_at, seq);
      CREATE INDEX assessments_in_progress ON assessments (user_key, questionnaire_id, updated_at, started_at, seq)
        WHERE status = 'inProgress';
      CREATE TABLE profile_links (
        token_hash TEXT PRIMARY KEY,
        user_key TEXT NOT NULL,
        assessment_id TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX profile_links_by_expiry ON profile_links (expires_at);
      CREATE INDEX profile_links_by_user ON profile_links (user_key);
    `
  },
  {
    version: 3,
    name: 'training interests',
    // At most one interest per user and training: the UNIQUE (user_key, training_id) constraint
    // keeps it so whatever the writers do, and its index serves the lookup by that pair and the
    // deletion of a user's interests.
    sql: `
      CREATE TABLE training_interests (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        user_key TEXT NOT NULL,
        training_id TEXT NOT NULL,
        language TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('search', 'recommendation')),
        created_at TEXT NOT NULL,
        UNIQUE (user_key, training_id)
      );
      CREATE INDEX training_interests_by_user ON training_interests (user_key, created_at, seq);
      CREATE INDEX training_interests_by_training ON training_interests (training_id);
    `
  },
  {
    version: 4,
    name: 'conversation references, referrals and the outbox',
    // A referral and the messages its change sends are written in one transaction. Outbox rows
    // are claimed with a lease (lease_owner, lease_until) by one UPDATE ... RETURNING, so two
    // workers, even in two processes sharing the file, never hold the same message.
    sql: `
      CREATE TABLE conversation_references (
        user_key TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        service_url TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        bot_id TEXT NOT NULL,
        locale TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE referrals (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        reference TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL CHECK (version >= 1),
        user_key TEXT NOT NULL,
        programme TEXT NOT NULL,
        status TEXT NOT NULL,
        partner_id TEXT,
        country TEXT,
        language TEXT NOT NULL,
        details TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        waiting_since TEXT NOT NULL
      );
      CREATE INDEX referrals_by_user ON referrals (user_key, created_at, seq);
      CREATE INDEX referrals_queue ON referrals (status, waiting_since, seq);
      CREATE INDEX referrals_by_partner ON referrals (partner_id, status, waiting_since);
      CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        aggregate_id TEXT NOT NULL,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT NOT NULL,
        last_error TEXT,
        delivered_at TEXT,
        lease_owner TEXT,
        lease_until TEXT
      );
      CREATE INDEX outbox_due ON outbox (status, next_attempt_at, seq);
      CREATE INDEX outbox_by_aggregate ON outbox (aggregate_id);
    `
  },
  {
    version: 5,
    name: 'limited places and partner API keys',
    // A programme's places are numbered rows: the PRIMARY KEY makes two referrals never hold the
    // same place, UNIQUE (referral_id) one referral never hold two; the count is checked in the
    // save's transaction.
    sql: `
      CREATE TABLE referral_places (
        programme TEXT NOT NULL,
        place INTEGER NOT NULL CHECK (place >= 1),
        referral_id TEXT NOT NULL UNIQUE,
        taken_at TEXT NOT NULL,
        PRIMARY KEY (programme, place)
      );
      CREATE TABLE partner_api_keys (
        id TEXT PRIMARY KEY,
        partner_id TEXT NOT NULL,
        label TEXT NOT NULL,
        secret_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      );
      CREATE INDEX partner_api_keys_by_partner ON partner_api_keys (partner_id, created_at);
    `
  },
  {
    version: 6,
    name: 'leases',
    // One row per lease held (a conversation's turn, the local Direct Line); expires_at in epoch ms.
    sql: `
      CREATE TABLE leases (
        key TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `
  },
  {
    version: 7,
    name: 'console: accounts, sessions, audit log, queue indexes',
    // Sessions are kept by the SHA-256 of the cookie's secret. The queue's indexes end with
    // (waiting_since, id): each filter's first page is read in order from one index (keyset).
    sql: `
      CREATE TABLE console_accounts (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('admin', 'caseworker', 'partner')),
        partner_id TEXT,
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        disabled_at TEXT
      );
      CREATE TABLE console_sessions (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX console_sessions_by_account ON console_sessions (account_id);
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        account_id TEXT,
        actor_email TEXT NOT NULL,
        actor_role TEXT,
        action TEXT NOT NULL,
        referral_id TEXT,
        user_key TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_by_time ON audit_log (at, id);
      CREATE INDEX audit_log_by_referral ON audit_log (referral_id, at, id);
      CREATE INDEX referrals_waiting ON referrals (waiting_since, id);
      CREATE INDEX referrals_status_waiting ON referrals (status, waiting_since, id);
      CREATE INDEX referrals_partner_waiting ON referrals (partner_id, waiting_since, id);
      CREATE INDEX referrals_programme_waiting ON referrals (programme, waiting_since, id);
      CREATE INDEX referrals_country_waiting ON referrals (country, waiting_since, id);
      CREATE INDEX referrals_language_waiting ON referrals (language, waiting_since, id);
    `
  },
  {
    version: 8,
    name: 'console: partner capacities',
    sql: `
      CREATE TABLE partner_capacities (
        partner_id TEXT PRIMARY KEY,
        capacity INTEGER NOT NULL CHECK (capacity >= 0),
        updated_at TEXT NOT NULL
      );
    `
  },
  {
    version: 9,
    name: 'reporting',
    // Conversation starts hold no person (id derived one way from the first activity, the day,
    // the language). The partial indexes serve reporting's reads of granted consents and
    // completed assessments.
    sql: `
      CREATE TABLE conversation_starts (
        id TEXT PRIMARY KEY,
        day TEXT NOT NULL,
        language TEXT NOT NULL
      );
      CREATE INDEX conversation_starts_by_day ON conversation_starts (day, language);
      CREATE INDEX consents_granted ON consents (decided_at) WHERE decision = 'granted';
      CREATE INDEX assessments_completed ON assessments (completed_at) WHERE status = 'completed';
    `
  },
  {
    version: 11,
    name: 'console: referral counts per status',
    // How many referrals have each combination of the queue's filters, kept in the same
    // transaction as every save and erasure: the counts per status read a few hundred rows
    // instead of every referral. '' stands for no country or no partner.
    sql: `
      CREATE TABLE referral_counts (
        status TEXT NOT NULL,
        programme TEXT NOT NULL,
        country TEXT NOT NULL,
        partner_id TEXT NOT NULL,
        language TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 0),
        PRIMARY KEY (status, programme, country, partner_id, language)
      );
      INSERT INTO referral_counts (status, programme, country, partner_id, language, n)
        SELECT status, programme, COALESCE(country, ''), COALESCE(partner_id, ''), language, COUNT(*)
        FROM referrals GROUP BY status, programme, COALESCE(country, ''), COALESCE(partner_id, ''), language;
    `
  },
  {
    version: 12,
    name: 'console: queue indexes that also count by status',
    // The status at the end of each queue index: a count per status with a waiting-time filter
    // reads the index alone, not every matching row.
    sql: `
      DROP INDEX referrals_waiting;
      DROP INDEX referrals_partner_waiting;
      DROP INDEX referrals_programme_waiting;
      DROP INDEX referrals_country_waiting;
      DROP INDEX referrals_language_waiting;
      CREATE INDEX referrals_waiting ON referrals (waiting_since, id, status);
      CREATE INDEX referrals_partner_waiting ON referrals (partner_id, waiting_since, id, status);
      CREATE INDEX referrals_programme_waiting ON referrals (programme, waiting_since, id, status);
      CREATE INDEX referrals_country_waiting ON referrals (country, waiting_since, id, status);
      CREATE INDEX referrals_language_waiting ON referrals (language, waiting_since, id, status);
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
