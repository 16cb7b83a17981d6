import type { Database, Statement } from 'better-sqlite3';
import { CorruptStateError, DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { ConsentDecision, ConsentRecord, ConsentRepository, UserKey } from '../ports';
import { fromIso, isUniqueViolation, toIso } from './rowCodec';
import { ERASED_PREFIX, erasedKey } from '../erasedKey';

interface ConsentRow {
  id: string;
  user_key: string;
  decision: string;
  notice_version: string;
  language: string;
  guardian_confirmed: number | null;
  decided_at: string;
}

const COLUMNS = 'id, user_key, decision, notice_version, language, guardian_confirmed, decided_at';
const DECISIONS: readonly string[] = ['granted', 'refused', 'withdrawn'] satisfies ConsentDecision[];

/** Consent history in the `consents` table; `seq` keeps insertion order for equal dates. */
export class SqliteConsentRepository implements ConsentRepository {
  private readonly insert: Statement<[ConsentRow]>;
  private readonly selectLatest: Statement<[string], ConsentRow>;
  private readonly selectHistory: Statement<[string], ConsentRow>;
  private readonly deleteForUser: Statement<[string]>;
  private readonly anonymiseUser: Statement<[string, string]>;
  private readonly anonymiseBefore: Statement<[string]>;
  readonly storeName = 'consents';

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.insert = db.prepare<[ConsentRow]>(
      `INSERT INTO consents (${COLUMNS})
       VALUES (@id, @user_key, @decision, @notice_version, @language, @guardian_confirmed, @decided_at)`
    );
    this.selectLatest = db.prepare<[string], ConsentRow>(
      `SELECT ${COLUMNS} FROM consents WHERE user_key = ? ORDER BY decided_at DESC, seq DESC LIMIT 1`
    );
    this.selectHistory = db.prepare<[string], ConsentRow>(
      `SELECT ${COLUMNS} FROM consents WHERE user_key = ? ORDER BY decided_at, seq`
    );
    this.deleteForUser = db.prepare<[string]>('DELETE FROM consents WHERE user_key = ?');
    this.anonymiseUser = db.prepare<[string, string]>('UPDATE consents SET user_key = ? WHERE user_key = ?');
    // One random key per row: decisions past their retention are no longer tied to each other.
    this.anonymiseBefore = db.prepare<[string]>(
      `UPDATE consents SET user_key = '${ERASED_PREFIX}' || lower(hex(randomblob(16)))
       WHERE decided_at < ? AND user_key NOT LIKE '${ERASED_PREFIX}%'`
    );
  }

  async append(record: ConsentRecord): Promise<void> {
    this.guard.assertOpen();
    try {
      this.insert.run({
        id: record.id,
        user_key: record.userKey,
        decision: record.decision,
        notice_version: record.noticeVersion,
        language: record.language,
        guardian_confirmed: record.guardianConfirmed === null ? null : Number(record.guardianConfirmed),
        decided_at: toIso(record.decidedAt)
      });
    } catch (err) {
      throw isUniqueViolation(err) ? new DuplicateKeyError('consents', record.id) : err;
    }
  }

  async latest(userKey: UserKey): Promise<ConsentRecord | null> {
    this.guard.assertOpen();
    const row = this.selectLatest.get(userKey);
    return row ? toRecord(row) : null;
  }

  async history(userKey: UserKey): Promise<ConsentRecord[]> {
    this.guard.assertOpen();
    return this.selectHistory.all(userKey).map(toRecord);
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.deleteForUser.run(userKey).changes;
  }

  /** The audit keeps the decisions (what was agreed, when, to which notice), under a random key. */
  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    if (userKey.startsWith(ERASED_PREFIX)) return 0;
    return this.anonymiseUser.run(erasedKey(), userKey).changes;
  }

  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    return this.anonymiseBefore.run(toIso(before)).changes;
  }
}

function toRecord(row: ConsentRow): ConsentRecord {
  if (!DECISIONS.includes(row.decision)) throw new CorruptStateError(row.id);
  return {
    id: row.id,
    userKey: row.user_key,
    decision: row.decision as ConsentDecision,
    noticeVersion: row.notice_version,
    language: row.language,
    guardianConfirmed: row.guardian_confirmed === null ? null : row.guardian_confirmed === 1,
    decidedAt: fromIso(row.id, row.decided_at)
  };
}
