import type { Database, Statement } from 'better-sqlite3';
import type { EligibilityAnswers, EligibilityResult } from '../../domain/eligibility/types';
import { DuplicateKeyError } from '../errors';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import { SqliteRetention } from './sqliteRetention';
import type { EligibilityCheckRecord, EligibilityCheckRepository, UserKey } from '../ports';
import { fromIso, fromJson, isUniqueViolation, toIso } from './rowCodec';

interface CheckRow {
  id: string;
  user_key: string;
  answers: string;
  result: string;
  rules_version: string;
  language: string;
  created_at: string;
}

const COLUMNS = 'id, user_key, answers, result, rules_version, language, created_at';

/** Eligibility checks in the `eligibility_checks` table; answers and result are JSON columns. */
export class SqliteEligibilityCheckRepository implements EligibilityCheckRepository {
  private readonly insert: Statement<[CheckRow]>;
  private readonly selectById: Statement<[string], CheckRow>;
  private readonly selectByUser: Statement<[string], CheckRow>;
  private readonly deleteForUser: Statement<[string]>;

  readonly storeName = 'eligibility_checks';
  private readonly retention: SqliteRetention;

  constructor(db: Database, private readonly guard: OpenGuard, private readonly cipher: FieldCipher) {
    this.retention = new SqliteRetention(db, { table: 'eligibility_checks', user: 'user_key', changed: 'created_at' });
    this.insert = db.prepare<[CheckRow]>(
      `INSERT INTO eligibility_checks (${COLUMNS})
       VALUES (@id, @user_key, @answers, @result, @rules_version, @language, @created_at)`
    );
    this.selectById = db.prepare<[string], CheckRow>(`SELECT ${COLUMNS} FROM eligibility_checks WHERE id = ?`);
    this.selectByUser = db.prepare<[string], CheckRow>(
      `SELECT ${COLUMNS} FROM eligibility_checks WHERE user_key = ? ORDER BY created_at DESC, seq DESC`
    );
    this.deleteForUser = db.prepare<[string]>('DELETE FROM eligibility_checks WHERE user_key = ?');
  }

  async save(record: EligibilityCheckRecord): Promise<void> {
    this.guard.assertOpen();
    try {
      this.insert.run({
        id: record.id,
        user_key: record.userKey,
        answers: this.cipher.encryptJson(record.answers),
        result: JSON.stringify(record.result),
        rules_version: record.rulesVersion,
        language: record.language,
        created_at: toIso(record.createdAt)
      });
    } catch (err) {
      throw isUniqueViolation(err) ? new DuplicateKeyError('eligibilityChecks', record.id) : err;
    }
  }

  async get(id: string): Promise<EligibilityCheckRecord | null> {
    this.guard.assertOpen();
    const row = this.selectById.get(id);
    return row ? toRecord(row, this.cipher) : null;
  }

  async listByUser(userKey: UserKey): Promise<EligibilityCheckRecord[]> {
    this.guard.assertOpen();
    return this.selectByUser.all(userKey).map((row) => toRecord(row, this.cipher));
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.deleteForUser.run(userKey).changes;
  }

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.retention.erase(userKey);
  }

  async deleteExpired(before: Date, now: Date): Promise<number> {
    this.guard.assertOpen();
    return this.retention.expire(before, now);
  }
}

function toRecord(row: CheckRow, cipher: FieldCipher): EligibilityCheckRecord {
  return {
    id: row.id,
    userKey: row.user_key,
    answers: fromJson<EligibilityAnswers>(row.id, cipher.decrypt(row.answers, row.id)),
    result: fromJson<EligibilityResult>(row.id, row.result),
    rulesVersion: row.rules_version,
    language: row.language,
    createdAt: fromIso(row.id, row.created_at)
  };
}
