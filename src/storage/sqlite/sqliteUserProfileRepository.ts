import type { Database, Statement } from 'better-sqlite3';
import type { OpenGuard } from '../openGuard';
import { SqliteRetention } from './sqliteRetention';
import type { UserKey, UserProfile, UserProfileRepository } from '../ports';
import { fromIso, toIso } from './rowCodec';

interface ProfileRow {
  user_key: string;
  language: string | null;
  created_at: string;
  updated_at: string;
}

interface UpsertParams {
  userKey: string;
  language: string | null;
  now: string;
}

/** User profiles in the `user_profiles` table. */
export class SqliteUserProfileRepository implements UserProfileRepository {
  private readonly select: Statement<[string], ProfileRow>;
  private readonly upsertRow: Statement<[UpsertParams], ProfileRow>;
  private readonly deleteRow: Statement<[string]>;

  readonly storeName = 'user_profiles';
  private readonly retention: SqliteRetention;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.retention = new SqliteRetention(db, { table: 'user_profiles', user: 'user_key', changed: 'updated_at' });
    this.select = db.prepare<[string], ProfileRow>('SELECT * FROM user_profiles WHERE user_key = ?');
    this.upsertRow = db.prepare<[UpsertParams], ProfileRow>(
      `INSERT INTO user_profiles (user_key, language, created_at, updated_at) VALUES (@userKey, @language, @now, @now)
       ON CONFLICT (user_key) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at
       RETURNING *`
    );
    this.deleteRow = db.prepare<[string]>('DELETE FROM user_profiles WHERE user_key = ?');
  }

  async get(userKey: UserKey): Promise<UserProfile | null> {
    this.guard.assertOpen();
    const row = this.select.get(userKey);
    return row ? toProfile(row) : null;
  }

  async upsert(profile: Omit<UserProfile, 'createdAt' | 'updatedAt'>): Promise<UserProfile> {
    this.guard.assertOpen();
    const now = toIso(new Date());
    return toProfile(this.upsertRow.get({ userKey: profile.userKey, language: profile.language, now })!);
  }

  async delete(userKey: UserKey): Promise<boolean> {
    this.guard.assertOpen();
    return this.deleteRow.run(userKey).changes > 0;
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

function toProfile(row: ProfileRow): UserProfile {
  return {
    userKey: row.user_key,
    language: row.language,
    createdAt: fromIso(row.user_key, row.created_at),
    updatedAt: fromIso(row.user_key, row.updated_at)
  };
}
