import { randomUUID } from 'node:crypto';
import type { Account, AuditAction, AuditEntry } from '../domain';
import type { AuditLogRepository } from '../storage';
import type { Clock } from './clock';

let sequence = 0;

/** What one audit line says beyond who and when. */
export interface AuditFacts {
  referralId?: string | undefined;
  userKey?: string | undefined;
  detail?: string | undefined;
}

/**
 * The console's audit log: every view of a person's data and every decision, by whom and when.
 * Written before the page or the change is answered, so what was seen is always recorded.
 */
export class AuditService {
  constructor(
    private readonly deps: {
      log: AuditLogRepository;
      clock: Clock;
    }
  ) {}

  async record(actor: Pick<Account, 'id' | 'email' | 'role'> | { email: string; id?: undefined; role?: undefined }, action: AuditAction, facts: AuditFacts = {}): Promise<AuditEntry> {
    const entry: AuditEntry = {
      // Sortable: the time, then this process's count (lines of one instant keep their order).
      id: `${this.deps.clock().getTime().toString(36).padStart(9, '0')}-${(++sequence).toString(36).padStart(8, '0')}-${randomUUID()}`,
      at: this.deps.clock(),
      accountId: actor.id ?? null,
      actorEmail: actor.email.slice(0, 254),
      actorRole: actor.role ?? null,
      action,
      referralId: facts.referralId ?? null,
      userKey: facts.userKey ?? null,
      detail: facts.detail?.slice(0, 200) ?? null
    };
    await this.deps.log.append(entry);
    return entry;
  }

  /** A page of the log, newest first. */
  list(query: { limit: number; referralId?: string | undefined; before?: { at: Date; id: string } | undefined }): Promise<AuditEntry[]> {
    return this.deps.log.list({ limit: query.limit, ...(query.referralId ? { referralId: query.referralId } : {}), ...(query.before ? { before: query.before } : {}) });
  }
}
