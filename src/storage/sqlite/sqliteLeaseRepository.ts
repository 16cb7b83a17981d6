import type { Database, Statement } from 'better-sqlite3';
import type { OpenGuard } from '../openGuard';
import type { Lease, LeaseRepository } from '../ports';

interface LeaseRow {
  key: string;
  holder: string;
  expires_at: number;
}

/**
 * Leases in the `leases` table (`expires_at` in epoch milliseconds). Each operation is one
 * statement, atomic across every process that opens the same file.
 */
export class SqliteLeaseRepository implements LeaseRepository {
  /** Inserts, or takes over a lease that is expired or already this holder's. */
  private readonly upsert: Statement<[{ key: string; holder: string; expires_at: number; now: number }]>;
  private readonly extend: Statement<[{ key: string; holder: string; expires_at: number }]>;
  private readonly remove: Statement<[string, string]>;
  private readonly select: Statement<[string, number], LeaseRow>;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.upsert = db.prepare(
      `INSERT INTO leases (key, holder, expires_at) VALUES (@key, @holder, @expires_at)
       ON CONFLICT (key) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= @now`
    );
    this.extend = db.prepare('UPDATE leases SET expires_at = @expires_at WHERE key = @key AND holder = @holder');
    this.remove = db.prepare<[string, string]>('DELETE FROM leases WHERE key = ? AND holder = ?');
    this.select = db.prepare<[string, number], LeaseRow>('SELECT key, holder, expires_at FROM leases WHERE key = ? AND expires_at > ?');
  }

  async acquire(key: string, holder: string, ttlMs: number): Promise<boolean> {
    this.guard.assertOpen();
    const now = Date.now();
    return this.upsert.run({ key, holder, expires_at: now + ttlMs, now }).changes > 0;
  }

  async renew(key: string, holder: string, ttlMs: number): Promise<boolean> {
    this.guard.assertOpen();
    return this.extend.run({ key, holder, expires_at: Date.now() + ttlMs }).changes > 0;
  }

  async release(key: string, holder: string): Promise<void> {
    this.guard.assertOpen();
    this.remove.run(key, holder);
  }

  async current(key: string): Promise<Lease | null> {
    this.guard.assertOpen();
    const row = this.select.get(key, Date.now());
    return row ? { key: row.key, holder: row.holder, expiresAt: new Date(row.expires_at) } : null;
  }
}
