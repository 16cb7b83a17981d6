import type { Database, Statement, Transaction } from 'better-sqlite3';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import { SqliteRetention } from './sqliteRetention';
import type { TrainingInterest, TrainingInterestRepository, UserKey } from '../ports';
import { checkTrainingInterest, decodeSource } from '../trainingInterestCodec';
import { fromIso, isUniqueViolation, toIso } from './rowCodec';

interface InterestRow {
  id: string;
  user_key: string;
  training_id: string;
  language: string;
  source: string;
  created_at: string;
}

const COLUMNS = 'id, user_key, training_id, language, source, created_at';

/**
 * Training interests in the `training_interests` table; `seq` keeps insertion order for equal
 * dates. `record` runs in one immediate transaction (the write lock is taken before the
 * lookups), so no other connection, in this process or another, can slip an interest in
 * between the check and the insert; the UNIQUE constraints back this up.
 */
export class SqliteTrainingInterestRepository implements TrainingInterestRepository {
  private readonly insert: Statement<[InterestRow]>;
  private readonly selectById: Statement<[string], InterestRow>;
  private readonly selectByPair: Statement<[string, string], InterestRow>;
  private readonly selectByUser: Statement<[string], InterestRow>;
  private readonly countForTraining: Statement<[string], number>;
  private readonly deleteForUser: Statement<[string]>;
  private readonly recordOnce: Transaction<(row: InterestRow) => InterestRow>;

  readonly storeName = 'training_interests';
  private readonly retention: SqliteRetention;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.retention = new SqliteRetention(db, { table: 'training_interests', user: 'user_key', changed: 'created_at' });
    this.insert = db.prepare<[InterestRow]>(
      `INSERT INTO training_interests (${COLUMNS})
       VALUES (@id, @user_key, @training_id, @language, @source, @created_at)`
    );
    this.selectById = db.prepare<[string], InterestRow>(`SELECT ${COLUMNS} FROM training_interests WHERE id = ?`);
    this.selectByPair = db.prepare<[string, string], InterestRow>(
      `SELECT ${COLUMNS} FROM training_interests WHERE user_key = ? AND training_id = ?`
    );
    this.selectByUser = db.prepare<[string], InterestRow>(
      `SELECT ${COLUMNS} FROM training_interests WHERE user_key = ? ORDER BY created_at DESC, seq DESC`
    );
    this.countForTraining = db
      .prepare<[string], number>('SELECT count(*) FROM training_interests WHERE training_id = ?')
      .pluck();
    this.deleteForUser = db.prepare<[string]>('DELETE FROM training_interests WHERE user_key = ?');
    this.recordOnce = db.transaction((row: InterestRow): InterestRow => {
      const sameId = this.selectById.get(row.id);
      if (sameId && (sameId.user_key !== row.user_key || sameId.training_id !== row.training_id)) {
        throw new DuplicateKeyError('trainingInterests', row.id);
      }
      const existing = sameId ?? this.selectByPair.get(row.user_key, row.training_id);
      if (existing) return existing;
      try {
        this.insert.run(row);
      } catch (err) {
        // Unreachable while the lookups above hold; kept so a unique violation is never raw.
        throw isUniqueViolation(err) ? new DuplicateKeyError('trainingInterests', row.id) : err;
      }
      return row;
    });
  }

  async record(interest: TrainingInterest): Promise<TrainingInterest> {
    this.guard.assertOpen();
    checkTrainingInterest(interest);
    const stored = this.recordOnce.immediate({
      id: interest.id,
      user_key: interest.userKey,
      training_id: interest.trainingId,
      language: interest.language,
      source: interest.source,
      created_at: toIso(interest.createdAt)
    });
    return toInterest(stored);
  }

  async listByUser(userKey: UserKey): Promise<TrainingInterest[]> {
    this.guard.assertOpen();
    return this.selectByUser.all(userKey).map(toInterest);
  }

  async countByTraining(trainingId: string): Promise<number> {
    this.guard.assertOpen();
    return this.countForTraining.get(trainingId) ?? 0;
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

function toInterest(row: InterestRow): TrainingInterest {
  return {
    id: row.id,
    userKey: row.user_key,
    trainingId: row.training_id,
    language: row.language,
    source: decodeSource(row.id, row.source),
    createdAt: fromIso(row.id, row.created_at)
  };
}
