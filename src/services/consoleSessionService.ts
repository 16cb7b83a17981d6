import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Account, ConsoleSession } from '../domain';
import type { AccountRepository, ConsoleSessionRepository } from '../storage';
import type { Clock } from './clock';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/** A session as a request sees it: the account and the CSRF token its forms carry. */
export interface SignedIn {
  account: Account;
  session: ConsoleSession;
}

/**
 * Console sessions kept on the server: the browser holds a random secret (the cookie), the
 * database its SHA-256. A session ends after `idleMs` without a request, `absoluteMs` after
 * sign-in, at sign-out, or when its account is closed.
 */
export class ConsoleSessionService {
  constructor(
    private readonly deps: {
      sessions: ConsoleSessionRepository;
      accounts: AccountRepository;
      clock: Clock;
      idleMs: number;
      absoluteMs: number;
    }
  ) {}

  /** Opens a session; returns the secret to put in the cookie (shown nowhere else) and the session. */
  async open(account: Account): Promise<{ secret: string; session: ConsoleSession }> {
    const secret = randomBytes(32).toString('base64url');
    const now = this.deps.clock();
    const session: ConsoleSession = {
      id: sha256(secret),
      accountId: account.id,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.deps.absoluteMs)
    };
    await this.deps.sessions.create(session);
    return { secret, session };
  }

  /** The signed-in account behind a cookie's secret, its activity recorded; undefined when none, expired or closed. */
  async resume(secret: string | undefined): Promise<SignedIn | undefined> {
    if (!secret || secret.length > 100) return undefined;
    const session = await this.deps.sessions.get(sha256(secret));
    if (!session) return undefined;
    const now = this.deps.clock();
    if (now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= this.deps.idleMs) {
      await this.deps.sessions.delete(session.id);
      return undefined;
    }
    const account = await this.deps.accounts.get(session.accountId);
    if (!account || account.disabledAt !== null) {
      await this.deps.sessions.delete(session.id);
      return undefined;
    }
    await this.deps.sessions.touch(session.id, now);
    return { account, session: { ...session, lastSeenAt: now } };
  }

  /** Ends the session of this cookie's secret (sign-out). */
  async close(secret: string | undefined): Promise<void> {
    if (secret) await this.deps.sessions.delete(sha256(secret));
  }

  /** Removes expired sessions (run now and then). */
  sweep(): Promise<number> {
    return this.deps.sessions.deleteExpired(this.deps.clock(), this.deps.idleMs);
  }
}

/** Whether a submitted CSRF token is the session's (constant-time). */
export function csrfMatches(session: ConsoleSession, submitted: string | undefined): boolean {
  if (!submitted) return false;
  const given = Buffer.from(submitted);
  const kept = Buffer.from(session.csrfToken);
  return given.length === kept.length && timingSafeEqual(given, kept);
}
