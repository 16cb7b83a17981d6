import type { Database, Statement } from 'better-sqlite3';
import {
  checkAssessment,
  decodeAnswers,
  decodeProfile,
  decodeStatus,
  decodeVersion,
  encodeAnswers,
  encodeProfile
} from '../assessmentCodec';
import { ConcurrentUpdateError, DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import { SqliteRetention } from './sqliteRetention';
import type { AssessmentRecord, AssessmentRepository, UserKey } from '../ports';
import { fromIso, isUniqueViolation, toIso } from './rowCodec';

interface AssessmentRow {
  id: string;
  version: number;
  user_key: string;
  questionnaire_id: string;
  questionnaire_version: string;
  language: string;
  answers: string;
  current_item_id: string | null;
  status: string;
  profile: string | null;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
}

/** A row to write, and the revision the stored row must still have (for a replace). */
type SaveParams = AssessmentRow & { expected: number };

const COLUMNS =
  'id, version, user_key, questionnaire_id, questionnaire_version, language, answers, current_item_id, status, ' +
  'profile, started_at, updated_at, completed_at';

/**
 * Assessments in the `assessments` table. A save is one INSERT (version 0) or one conditional
 * UPDATE (`WHERE version = expected`), so SQLite itself decides which of two writers wins; an
 * UPDATE keeps `seq`, the insertion order used to break ties.
 */
export class SqliteAssessmentRepository implements AssessmentRepository {
  private readonly insert: Statement<[AssessmentRow]>;
  private readonly update: Statement<[SaveParams]>;
  private readonly selectById: Statement<[string], AssessmentRow>;
  private readonly selectInProgress: Statement<[string, string], AssessmentRow>;
  private readonly selectByUser: Statement<[string], AssessmentRow>;
  private readonly deleteForUser: Statement<[string]>;

  readonly storeName = 'assessments';
  private readonly retention: SqliteRetention;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.retention = new SqliteRetention(db, { table: 'assessments', user: 'user_key', changed: 'updated_at' });
    this.insert = db.prepare<[AssessmentRow]>(
      `INSERT INTO assessments (${COLUMNS})
       VALUES (@id, @version, @user_key, @questionnaire_id, @questionnaire_version, @language, @answers,
               @current_item_id, @status, @profile, @started_at, @updated_at, @completed_at)`
    );
    this.update = db.prepare<[SaveParams]>(
      `UPDATE assessments SET version = @version, user_key = @user_key, questionnaire_id = @questionnaire_id,
         questionnaire_version = @questionnaire_version, language = @language, answers = @answers,
         current_item_id = @current_item_id, status = @status, profile = @profile, started_at = @started_at,
         updated_at = @updated_at, completed_at = @completed_at
       WHERE id = @id AND version = @expected`
    );
    this.selectById = db.prepare<[string], AssessmentRow>(`SELECT ${COLUMNS} FROM assessments WHERE id = ?`);
    this.selectInProgress = db.prepare<[string, string], AssessmentRow>(
      `SELECT ${COLUMNS} FROM assessments
       WHERE user_key = ? AND questionnaire_id = ? AND status = 'inProgress'
       ORDER BY updated_at DESC, started_at DESC, seq DESC LIMIT 1`
    );
    this.selectByUser = db.prepare<[string], AssessmentRow>(
      `SELECT ${COLUMNS} FROM assessments WHERE user_key = ? ORDER BY started_at DESC, seq DESC`
    );
    this.deleteForUser = db.prepare<[string]>('DELETE FROM assessments WHERE user_key = ?');
  }

  async save(record: AssessmentRecord): Promise<AssessmentRecord> {
    this.guard.assertOpen();
    checkAssessment(record);
    const row = toRow(record);
    if (record.version === 0) {
      try {
        this.insert.run(row);
      } catch (err) {
        throw isUniqueViolation(err) ? new DuplicateKeyError('assessments', record.id) : err;
      }
    } else if (this.update.run({ ...row, expected: record.version }).changes === 0) {
      throw new ConcurrentUpdateError('assessments', record.id, record.version);
    }
    return toRecord(row);
  }

  async get(id: string): Promise<AssessmentRecord | null> {
    this.guard.assertOpen();
    const row = this.selectById.get(id);
    return row ? toRecord(row) : null;
  }

  async latestInProgress(userKey: UserKey, questionnaireId: string): Promise<AssessmentRecord | null> {
    this.guard.assertOpen();
    const row = this.selectInProgress.get(userKey, questionnaireId);
    return row ? toRecord(row) : null;
  }

  async listByUser(userKey: UserKey): Promise<AssessmentRecord[]> {
    this.guard.assertOpen();
    return this.selectByUser.all(userKey).map(toRecord);
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

/** The row stored for a record, at its next revision. */
function toRow(record: AssessmentRecord): AssessmentRow {
  return {
    id: record.id,
    version: record.version + 1,
    user_key: record.userKey,
    questionnaire_id: record.questionnaireId,
    questionnaire_version: record.questionnaireVersion,
    language: record.language,
    answers: encodeAnswers(record.answers),
    current_item_id: record.currentItemId,
    status: record.status,
    profile: encodeProfile(record.profile),
    started_at: toIso(record.startedAt),
    updated_at: toIso(record.updatedAt),
    completed_at: record.completedAt === null ? null : toIso(record.completedAt)
  };
}

function toRecord(row: AssessmentRow): AssessmentRecord {
  return {
    id: row.id,
    userKey: row.user_key,
    questionnaireId: row.questionnaire_id,
    questionnaireVersion: row.questionnaire_version,
    language: row.language,
    answers: decodeAnswers(row.id, row.answers),
    currentItemId: row.current_item_id,
    status: decodeStatus(row.id, row.status),
    profile: decodeProfile(row.id, row.profile),
    startedAt: fromIso(row.id, row.started_at),
    updatedAt: fromIso(row.id, row.updated_at),
    completedAt: row.completed_at === null ? null : fromIso(row.id, row.completed_at),
    version: decodeVersion(row.id, row.version)
  };
}
