import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { StorageUnavailableError } from '../errors';
import { OpenGuard } from '../openGuard';
import type { StorageBundle } from '../ports';
import { applyMigrations } from './migrations';
import { FieldCipher } from '../fieldCipher';
import { SqliteAssessmentRepository } from './sqliteAssessmentRepository';
import { SqliteBotStateStorage } from './sqliteBotStateStorage';
import { SqliteConsentRepository } from './sqliteConsentRepository';
import { SqliteAccountRepository, SqliteAuditLogRepository, SqliteConsoleSessionRepository, SqlitePartnerCapacityRepository } from './sqliteConsoleRepositories';
import { SqliteConversationReferenceRepository } from './sqliteConversationReferenceRepository';
import { SqliteEligibilityCheckRepository } from './sqliteEligibilityCheckRepository';
import { SqliteLeaseRepository } from './sqliteLeaseRepository';
import { SqliteConversationStartRepository } from './sqliteConversationStartRepository';
import { SqliteReportingRepository } from './sqliteReportingRepository';
import { SqliteOutboxRepository } from './sqliteOutboxRepository';
import { SqlitePartnerApiKeyRepository } from './sqlitePartnerApiKeyRepository';
import { SqliteProfileLinkRepository } from './sqliteProfileLinkRepository';
import { SqliteReferralRepository } from './sqliteReferralRepository';
import { SqliteHandoffRepository } from './sqliteHandoffRepository';
import { SqliteTrainingInterestRepository } from './sqliteTrainingInterestRepository';
import { SqliteUserProfileRepository } from './sqliteUserProfileRepository';

/** Where the embedded database lives. */
export interface SqliteStorageOptions {
  /** Path of the database file (its directory is created if missing), or `:memory:`. */
  file: string;
  /** How long a write waits for another connection's lock, in ms (default 5000). */
  busyTimeoutMs?: number;
  /** Encryption at rest of the values that say most about a person (default: the development key). */
  cipher?: FieldCipher;
}

/**
 * Opens (or creates) the SQLite database and returns a ready `StorageBundle`: WAL journal,
 * foreign keys on, `synchronous=NORMAL`, a busy timeout, and every pending migration applied.
 * A file that cannot be opened is a `StorageUnavailableError` that says what to check.
 */
export async function openSqliteStorage(options: SqliteStorageOptions): Promise<StorageBundle> {
  const { file, busyTimeoutMs = 5000 } = options;
  const inMemory = file === ':memory:';
  let db: Database.Database | undefined;
  try {
    if (!inMemory) mkdirSync(dirname(resolve(file)), { recursive: true });
    db = new Database(file, { timeout: busyTimeoutMs });
    configureConnection(db, busyTimeoutMs);
    applyMigrations(db);
  } catch (err) {
    if (db?.open) db.close();
    const reason = err instanceof Error ? err.message : String(err);
    throw new StorageUnavailableError(
      `Cannot open the SQLite database "${file}": ${reason}. Check that the path is right, that its ` +
        'directory is writable and the file is a Passerelle database, or set MONGODB_URI to use MongoDB.',
      err
    );
  }
  return createBundle(db, options.cipher ?? FieldCipher.development());
}

/**
 * Per-connection settings: WAL (readers never block the writer), foreign keys enforced,
 * `synchronous=NORMAL` (durable with WAL except on power loss, much faster than FULL) and how
 * long to wait for a lock held by another connection.
 */
export function configureConnection(db: Database.Database, busyTimeoutMs = 5000): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
}

function createBundle(db: Database.Database, cipher: FieldCipher): StorageBundle {
  const guard = new OpenGuard();
  const selectOne = db.prepare('SELECT 1').pluck();
  const stores = {
    botState: new SqliteBotStateStorage(db, guard, cipher),
    profiles: new SqliteUserProfileRepository(db, guard),
    consents: new SqliteConsentRepository(db, guard),
    eligibilityChecks: new SqliteEligibilityCheckRepository(db, guard, cipher),
    assessments: new SqliteAssessmentRepository(db, guard),
    profileLinks: new SqliteProfileLinkRepository(db, guard),
    trainingInterests: new SqliteTrainingInterestRepository(db, guard),
    conversationReferences: new SqliteConversationReferenceRepository(db, guard, cipher),
    referrals: new SqliteReferralRepository(db, guard, cipher),
    handoffs: new SqliteHandoffRepository(db, guard, cipher),
    outbox: new SqliteOutboxRepository(db, guard, cipher),
    // Lines that name a person are anonymised when they are erased.
    auditLog: new SqliteAuditLogRepository(db, guard),
  };
  return {
    kind: 'sqlite',
    ...stores,
    personalData: Object.values(stores),
    partnerApiKeys: new SqlitePartnerApiKeyRepository(db, guard),
    leases: new SqliteLeaseRepository(db, guard),
    accounts: new SqliteAccountRepository(db, guard),
    consoleSessions: new SqliteConsoleSessionRepository(db, guard),
    partnerCapacities: new SqlitePartnerCapacityRepository(db, guard),
    conversationStarts: new SqliteConversationStartRepository(db, guard),
    reporting: new SqliteReportingRepository(db, guard, cipher),
    // The retention sweep deletes expired records; transactions exist but nothing relies on them.
    capabilities: { expiresRecords: false, partialIndexes: true, transactions: true },
    async ping() {
      guard.assertOpen();
      selectOne.get();
    },
    async close() {
      if (guard.close()) db.close();
    }
  };
}
