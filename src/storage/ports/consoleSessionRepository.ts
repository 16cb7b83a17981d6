import type { ConsoleSession } from '../../domain';

/** Signed-in console browsers, by the hash of their cookie's secret. */
export interface ConsoleSessionRepository {
  /** Stores a new session; an id already used is a `DuplicateKeyError`. */
  create(session: ConsoleSession): Promise<void>;
  get(id: string): Promise<ConsoleSession | null>;
  /** Records activity (idle expiry counts from it); false when the session is gone. */
  touch(id: string, at: Date): Promise<boolean>;
  /** Ends one session (sign-out); false when it did not exist. */
  delete(id: string): Promise<boolean>;
  /** Ends every session of an account (closed account, new password); returns how many. */
  deleteForAccount(accountId: string): Promise<number>;
  /** Removes sessions whose absolute end or last activity is older than allowed; returns how many. */
  deleteExpired(now: Date, idleMs: number): Promise<number>;
}
