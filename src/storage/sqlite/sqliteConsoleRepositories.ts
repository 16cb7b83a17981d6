import { ERASED_PREFIX, erasedKey } from '../erasedKey';
import type { Database, Statement } from 'better-sqlite3';
import { CONSOLE_ROLES, type ConsoleRole } from '../../domain';
import { CorruptStateError, DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { Account, AccountRepository, AuditEntry, AuditLogRepository, AuditQuery, ConsoleSession, ConsoleSessionRepository, PartnerCapacityRepository } from '../ports';
import { fromIso, isUniqueViolation, toIso } from './rowCodec';

interface AccountRow {
  id: string;
  email: string;
  role: string;
  partner_id: string | null;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

function decodeRole(key: string, role: string | null): ConsoleRole {
  if (!(CONSOLE_ROLES as readonly (string | null)[]).includes(role)) throw new CorruptStateError(key);
  return role as ConsoleRole;
}

/** Console accounts in `console_accounts`. */
export class SqliteAccountRepository implements AccountRepository {
  private readonly insert: Statement<[AccountRow]>;
  private readonly byId: Statement<[string], AccountRow>;
  private readonly byEmail: Statement<[string], AccountRow>;
  private readonly all: Statement<[], AccountRow>;
  private readonly setHash: Statement<[string, string]>;
  private readonly disableStatement: Statement<[string, string]>;

  constructor(db: Database, private readonly guard: OpenGuard) {
    const columns = 'id, email, role, partner_id, password_hash, created_at, disabled_at';
    this.insert = db.prepare(`INSERT INTO console_accounts (${columns}) VALUES (@id, @email, @role, @partner_id, @password_hash, @created_at, @disabled_at)`);
    this.byId = db.prepare(`SELECT ${columns} FROM console_accounts WHERE id = ?`);
    this.byEmail = db.prepare(`SELECT ${columns} FROM console_accounts WHERE email = ?`);
    this.all = db.prepare(`SELECT ${columns} FROM console_accounts ORDER BY email`);
    this.setHash = db.prepare('UPDATE console_accounts SET password_hash = ? WHERE id = ?');
    this.disableStatement = db.prepare('UPDATE console_accounts SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL');
  }

  async create(account: Account): Promise<void> {
    this.guard.assertOpen();
    try {
      this.insert.run({
        id: account.id,
        email: account.email,
        role: account.role,
        partner_id: account.partnerId,
        password_hash: account.passwordHash,
        created_at: toIso(account.createdAt),
        disabled_at: account.disabledAt ? toIso(account.disabledAt) : null
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new DuplicateKeyError('accounts', /email/.test((err as Error).message) ? account.email : account.id);
    }
  }

  async get(id: string): Promise<Account | null> {
    this.guard.assertOpen();
    const row = this.byId.get(id);
    return row ? toAccount(row) : null;
  }

  async findByEmail(email: string): Promise<Account | null> {
    this.guard.assertOpen();
    const row = this.byEmail.get(email);
    return row ? toAccount(row) : null;
  }

  async list(): Promise<Account[]> {
    this.guard.assertOpen();
    return this.all.all().map(toAccount);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<boolean> {
    this.guard.assertOpen();
    return this.setHash.run(passwordHash, id).changes === 1;
  }

  async disable(id: string, at: Date): Promise<boolean> {
    this.guard.assertOpen();
    return this.disableStatement.run(toIso(at), id).changes === 1;
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    role: decodeRole(row.id, row.role),
    partnerId: row.partner_id,
    passwordHash: row.password_hash,
    createdAt: fromIso(row.id, row.created_at),
    disabledAt: row.disabled_at === null ? null : fromIso(row.id, row.disabled_at)
  };
}

interface SessionRow {
  id: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** Console sessions in `console_sessions`. */
export class SqliteConsoleSessionRepository implements ConsoleSessionRepository {
  private readonly insert: Statement<[SessionRow]>;
  private readonly byId: Statement<[string], SessionRow>;
  private readonly touchStatement: Statement<[string, string]>;
  private readonly deleteStatement: Statement<[string]>;
  private readonly deleteByAccount: Statement<[string]>;
  private readonly deleteOld: Statement<[string, string]>;

  constructor(db: Database, private readonly guard: OpenGuard) {
    const columns = 'id, account_id, csrf_token, created_at, last_seen_at, expires_at';
    this.insert = db.prepare(`INSERT INTO console_sessions (${columns}) VALUES (@id, @account_id, @csrf_token, @created_at, @last_seen_at, @expires_at)`);
    this.byId = db.prepare(`SELECT ${columns} FROM console_sessions WHERE id = ?`);
    this.touchStatement = db.prepare('UPDATE console_sessions SET last_seen_at = ? WHERE id = ?');
    this.deleteStatement = db.prepare('DELETE FROM console_sessions WHERE id = ?');
    this.deleteByAccount = db.prepare('DELETE FROM console_sessions WHERE account_id = ?');
    this.deleteOld = db.prepare('DELETE FROM console_sessions WHERE expires_at <= ? OR last_seen_at <= ?');
  }

  async create(session: ConsoleSession): Promise<void> {
    this.guard.assertOpen();
    try {
      this.insert.run({
        id: session.id,
        account_id: session.accountId,
        csrf_token: session.csrfToken,
        created_at: toIso(session.createdAt),
        last_seen_at: toIso(session.lastSeenAt),
        expires_at: toIso(session.expiresAt)
      });
    } catch (err) {
      throw isUniqueViolation(err) ? new DuplicateKeyError('consoleSessions', session.id) : err;
    }
  }

  async get(id: string): Promise<ConsoleSession | null> {
    this.guard.assertOpen();
    const row = this.byId.get(id);
    if (!row) return null;
    return {
      id: row.id,
      accountId: row.account_id,
      csrfToken: row.csrf_token,
      createdAt: fromIso(row.id, row.created_at),
      lastSeenAt: fromIso(row.id, row.last_seen_at),
      expiresAt: fromIso(row.id, row.expires_at)
    };
  }

  async touch(id: string, at: Date): Promise<boolean> {
    this.guard.assertOpen();
    return this.touchStatement.run(toIso(at), id).changes === 1;
  }

  async delete(id: string): Promise<boolean> {
    this.guard.assertOpen();
    return this.deleteStatement.run(id).changes === 1;
  }

  async deleteForAccount(accountId: string): Promise<number> {
    this.guard.assertOpen();
    return this.deleteByAccount.run(accountId).changes;
  }

  async deleteExpired(now: Date, idleMs: number): Promise<number> {
    this.guard.assertOpen();
    return this.deleteOld.run(toIso(now), toIso(new Date(now.getTime() - idleMs))).changes;
  }
}

interface AuditRow {
  id: string;
  at: string;
  account_id: string | null;
  actor_email: string;
  actor_role: string | null;
  action: string;
  referral_id: string | null;
  user_key: string | null;
  detail: string | null;
}

/** The audit log in `audit_log`. */
export class SqliteAuditLogRepository implements AuditLogRepository {
  readonly storeName = 'audit_log';
  private readonly insert: Statement<[AuditRow]>;
  private readonly anonymiseUser: Statement<[string, string]>;
  private readonly anonymiseBefore: (before: string) => number;

  constructor(private readonly db: Database, private readonly guard: OpenGuard) {
    this.insert = db.prepare(
      'INSERT INTO audit_log (id, at, account_id, actor_email, actor_role, action, referral_id, user_key, detail) VALUES (@id, @at, @account_id, @actor_email, @actor_role, @action, @referral_id, @user_key, @detail)'
    );
    this.anonymiseUser = db.prepare('UPDATE audit_log SET user_key = ? WHERE user_key = ?');
    const named = db.prepare<[string, string], string>(`SELECT DISTINCT user_key FROM audit_log WHERE at < ? AND user_key IS NOT NULL AND user_key NOT LIKE ?`).pluck();
    // One random key per person, so that the lines of one erased person still read as one.
    this.anonymiseBefore = db.transaction((before: string): number => {
      let changed = 0;
      for (const key of named.all(before, `${ERASED_PREFIX}%`)) changed += this.anonymiseUser.run(erasedKey(), key).changes;
      return changed;
    });
  }

  async eraseUser(userKey: string): Promise<number> {
    this.guard.assertOpen();
    return this.anonymiseUser.run(erasedKey(), userKey).changes;
  }

  /** Lines older than the retention period keep who acted and what, not whom it was about. */
  async deleteExpired(before: Date): Promise<number> {
    this.guard.assertOpen();
    return this.anonymiseBefore(toIso(before));
  }

  async append(entry: AuditEntry): Promise<void> {
    this.guard.assertOpen();
    try {
      this.insert.run({
        id: entry.id,
        at: toIso(entry.at),
        account_id: entry.accountId,
        actor_email: entry.actorEmail,
        actor_role: entry.actorRole,
        action: entry.action,
        referral_id: entry.referralId,
        user_key: entry.userKey,
        detail: entry.detail
      });
    } catch (err) {
      throw isUniqueViolation(err) ? new DuplicateKeyError('auditLog', entry.id) : err;
    }
  }

  async list(query: AuditQuery): Promise<AuditEntry[]> {
    this.guard.assertOpen();
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.referralId !== undefined) {
      where.push('referral_id = ?');
      params.push(query.referralId);
    }
    if (query.before) {
      where.push('(at < ? OR (at = ? AND id < ?))');
      params.push(toIso(query.before.at), toIso(query.before.at), query.before.id);
    }
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at DESC, id DESC LIMIT ?`;
    return this.db
      .prepare<unknown[], AuditRow>(sql)
      .all(...params, query.limit)
      .map((row) => ({
        id: row.id,
        at: fromIso(row.id, row.at),
        accountId: row.account_id,
        actorEmail: row.actor_email,
        actorRole: row.actor_role === null ? null : decodeRole(row.id, row.actor_role),
        action: row.action,
        referralId: row.referral_id,
        userKey: row.user_key,
        detail: row.detail
      }));
  }
}

/** A capacity must be a whole number of referrals, 0 or more. */
export function checkCapacity(capacity: number): void {
  if (!Number.isInteger(capacity) || capacity < 0) throw new TypeError(`capacity must be a non-negative integer, not ${capacity}`);
}

/** Partners' capacities in `partner_capacities`. */
export class SqlitePartnerCapacityRepository implements PartnerCapacityRepository {
  private readonly select: Statement<[], { partner_id: string; capacity: number }>;
  private readonly upsert: Statement<[string, number, string]>;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.select = db.prepare('SELECT partner_id, capacity FROM partner_capacities');
    this.upsert = db.prepare(
      'INSERT INTO partner_capacities (partner_id, capacity, updated_at) VALUES (?, ?, ?) ON CONFLICT (partner_id) DO UPDATE SET capacity = excluded.capacity, updated_at = excluded.updated_at'
    );
  }

  async all(): Promise<Map<string, number>> {
    this.guard.assertOpen();
    return new Map(this.select.all().map((r) => [r.partner_id, r.capacity]));
  }

  async set(partnerId: string, capacity: number, at: Date): Promise<void> {
    this.guard.assertOpen();
    checkCapacity(capacity);
    this.upsert.run(partnerId, capacity, toIso(at));
  }
}
