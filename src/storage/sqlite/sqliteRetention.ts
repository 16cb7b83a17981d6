import type { Database, Statement } from 'better-sqlite3';
import type { UserKey } from '../ports';
import { toIso } from './rowCodec';

/** Which columns of a table say whose a row is and when it last changed (or expires). */
export interface RetentionColumns {
  /** The table. */
  table: string;
  /** The column holding the person's key. */
  user: string;
  /** The ISO date of the row's last change: rows changed before the cutoff are deleted. */
  changed: string;
  /** An ISO date at which the row expires by itself (deleted once it is at or before `now`). */
  expires?: string;
}

/**
 * The two deletions every SQLite store of personal data makes (`PersonalDataStore`): one
 * person's rows, and rows past their retention. Dates are ISO text, which sorts as dates do.
 */
export class SqliteRetention {
  private readonly eraseRows: Statement<[string]>;
  private readonly expireRows: Statement<[string, string]>;

  constructor(db: Database, readonly columns: RetentionColumns) {
    const { table, user, changed, expires } = columns;
    this.eraseRows = db.prepare<[string]>(`DELETE FROM ${table} WHERE ${user} = ?`);
    this.expireRows = db.prepare<[string, string]>(
      `DELETE FROM ${table} WHERE ${changed} < ?${expires ? ` OR ${expires} <= ?` : ' AND ? IS NOT NULL'}`
    );
  }

  erase(userKey: UserKey): number {
    return this.eraseRows.run(userKey).changes;
  }

  expire(before: Date, now: Date): number {
    return this.expireRows.run(toIso(before), toIso(now)).changes;
  }
}
