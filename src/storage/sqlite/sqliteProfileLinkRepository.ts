import type { Database, Statement } from 'better-sqlite3';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import { SqliteRetention } from './sqliteRetention';
import type { ProfileLink, ProfileLinkRepository, UserKey } from '../ports';
import { checkDate, checkTokenHash } from '../profileLinkToken';
import { fromIso, isUniqueViolation, toIso } from './rowCodec';

interface LinkRow {
  token_hash: string;
  user_key: string;
  assessment_id: string;
  created_at: string;
  expires_at: string;
}

const COLUMNS = 'token_hash, user_key, assessment_id, created_at, expires_at';

/**
 * Profile links in the `profile_links` table (`token_hash` = key). Expiry is compared on the
 * ISO text, which sorts as the dates do; `profile_links_by_expiry` serves `deleteExpired`.
 */
export class SqliteProfileLinkRepository implements ProfileLinkRepository {
  private readonly insert: Statement<[LinkRow]>;
  private readonly selectValid: Statement<[string, string], LinkRow>;
  private readonly deleteExpiredRows: Statement<[string]>;
  private readonly deleteForUser: Statement<[string]>;

  readonly storeName = 'profile_links';
  private readonly retention: SqliteRetention;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.retention = new SqliteRetention(db, { table: 'profile_links', user: 'user_key', changed: 'expires_at' });
    this.insert = db.prepare<[LinkRow]>(
      `INSERT INTO profile_links (${COLUMNS}) VALUES (@token_hash, @user_key, @assessment_id, @created_at, @expires_at)`
    );
    this.selectValid = db.prepare<[string, string], LinkRow>(
      `SELECT ${COLUMNS} FROM profile_links WHERE token_hash = ? AND expires_at > ?`
    );
    this.deleteExpiredRows = db.prepare<[string]>('DELETE FROM profile_links WHERE expires_at <= ?');
    this.deleteForUser = db.prepare<[string]>('DELETE FROM profile_links WHERE user_key = ?');
  }

  async create(link: ProfileLink): Promise<void> {
    this.guard.assertOpen();
    checkTokenHash(link.tokenHash);
    checkDate('createdAt', link.createdAt);
    checkDate('expiresAt', link.expiresAt);
    try {
      this.insert.run({
        token_hash: link.tokenHash,
        user_key: link.userKey,
        assessment_id: link.assessmentId,
        created_at: toIso(link.createdAt),
        expires_at: toIso(link.expiresAt)
      });
    } catch (err) {
      throw isUniqueViolation(err) ? new DuplicateKeyError('profileLinks', link.tokenHash) : err;
    }
  }

  async find(tokenHash: string, now: Date): Promise<ProfileLink | null> {
    this.guard.assertOpen();
    checkDate('now', now);
    const row = this.selectValid.get(tokenHash, toIso(now));
    return row ? toLink(row) : null;
  }

  /** Links live shorter than the retention period: only their own expiry counts (`now`, else `before`). */
  async deleteExpired(before: Date, now: Date = before): Promise<number> {
    this.guard.assertOpen();
    checkDate('now', now);
    return this.deleteExpiredRows.run(toIso(now)).changes;
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.deleteForUser.run(userKey).changes;
  }

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.retention.erase(userKey);
  }
}

function toLink(row: LinkRow): ProfileLink {
  return {
    tokenHash: row.token_hash,
    userKey: row.user_key,
    assessmentId: row.assessment_id,
    createdAt: fromIso(row.token_hash, row.created_at),
    expiresAt: fromIso(row.token_hash, row.expires_at)
  };
}
