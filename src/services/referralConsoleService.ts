import { randomUUID } from 'node:crypto';
import {
  allowedActions,
  REFERRAL_STATUSES,
  type Account,
  type Referral,
  type ReferralAction,
  type ReferralActor,
  type ReferralNote,
  type ReferralQueueQuery,
  type ReferralStatus
} from '../domain';
import { ConcurrentUpdateError, type ReferralRepository, type StatusCounts } from '../storage';
import type { Clock } from './clock';
import type { ReferralActResult, ReferralService } from './referralService';

/** The queue's filters as a console account asks for them (a partner's are narrowed to its own). */
export interface QueueFilters {
  status?: ReferralStatus | undefined;
  programme?: string | undefined;
  country?: string | undefined;
  /** A partner id, or `none` for the referrals not routed yet. */
  partner?: string | undefined;
  language?: string | undefined;
  /** Waiting at least this many days. */
  minWaitingDays?: number | undefined;
  sort: 'oldest' | 'newest';
  after?: { waitingSince: Date; id: string } | undefined;
}

export interface QueuePage {
  referrals: Referral[];
  counts: StatusCounts;
  /** The cursor of the next page, when there is one. */
  next: { waitingSince: Date; id: string } | undefined;
}

/** The actions a console account may take on a referral (the domain's, for its role). */
export const CONSOLE_ACTIONS: readonly ReferralAction[] = ['review', 'route', 'accept', 'decline', 'requestInfo', 'enrol', 'complete'];

/** How the state machine sees a console account: a caseworker (admins act as caseworkers), or its partner. */
export function actorOf(account: Account): ReferralActor {
  return account.role === 'partner' ? { kind: 'partner', id: account.partnerId ?? '' } : { kind: 'caseworker', id: account.id };
}

/**
 * The referrals as the console shows them: the queue (a partner only ever sees the referrals
 * routed to it), one referral (undefined when this account may not see it), the actions its role
 * and the referral's state allow, decisions through `ReferralService.act` (the same path as the
 * partner API: the person is told in the chat, the partner by webhook), and notes.
 */
export class ReferralConsoleService {
  constructor(
    private readonly deps: {
      referrals: ReferralService;
      store: ReferralRepository;
      clock: Clock;
      pageSize?: number;
    }
  ) {}

  get pageSize(): number {
    return this.deps.pageSize ?? 50;
  }

  async queue(account: Account, filters: QueueFilters): Promise<QueuePage> {
    const scope = this.scope(account, filters);
    const query: ReferralQueueQuery = {
      ...scope,
      ...(filters.status ? { statuses: [filters.status] } : {}),
      sort: filters.sort,
      limit: this.pageSize + 1,
      ...(filters.after ? { after: filters.after } : {})
    };
    const [rows, counts] = await Promise.all([this.deps.store.queue(query), this.deps.store.countByStatus(scope)]);
    const referrals = rows.slice(0, this.pageSize);
    const last = referrals[referrals.length - 1];
    return { referrals, counts, next: rows.length > this.pageSize && last ? { waitingSince: last.waitingSince, id: last.id } : undefined };
  }

  /** The filters every query of this account gets: a partner sees its own referrals only. */
  private scope(account: Account, filters: QueueFilters): Omit<ReferralQueueQuery, 'statuses' | 'sort' | 'limit' | 'after'> {
    const scope: Omit<ReferralQueueQuery, 'statuses' | 'sort' | 'limit' | 'after'> = {};
    if (filters.programme) scope.programme = filters.programme;
    if (filters.country) scope.country = filters.country;
    if (filters.language) scope.language = filters.language;
    if (filters.minWaitingDays && filters.minWaitingDays > 0) scope.waitingSinceAtOrBefore = new Date(this.deps.clock().getTime() - filters.minWaitingDays * 86_400_000);
    if (account.role === 'partner') scope.partnerId = account.partnerId ?? '\u0000none';
    else if (filters.partner === 'none') scope.unrouted = true;
    else if (filters.partner) scope.partnerId = filters.partner;
    return scope;
  }

  /** The referral, if this account may see it (a partner: only those routed to it). */
  async get(account: Account, id: string): Promise<Referral | undefined> {
    const referral = await this.deps.referrals.get(id);
    if (!referral) return undefined;
    if (account.role === 'partner' && (account.partnerId === null || referral.partnerId !== account.partnerId)) return undefined;
    return referral;
  }

  /** What this account may do on the referral now (state machine × role). */
  allowed(account: Account, referral: Referral): ReferralAction[] {
    return allowedActions(referral, actorOf(account)).filter((a) => CONSOLE_ACTIONS.includes(a));
  }

  /** Applies a decision, if this account may see the referral; undefined when it may not. */
  async act(account: Account, id: string, action: ReferralAction, input: { partnerId?: string; reason?: string; question?: string }): Promise<ReferralActResult | undefined> {
    const referral = await this.get(account, id);
    if (!referral) return undefined;
    if (!CONSOLE_ACTIONS.includes(action)) return { ok: false, reason: 'refused', refusal: { code: 'notYourRole', actor: actorOf(account).kind, action } };
    return this.deps.referrals.act(id, action, { actor: actorOf(account), ...input });
  }

  /** Adds a note (never shown to the person); undefined when this account may not see the referral. */
  async addNote(account: Account, id: string, text: string): Promise<Referral | undefined> {
    for (let attempt = 1; ; attempt++) {
      const referral = await this.get(account, id);
      if (!referral) return undefined;
      const note: ReferralNote = { id: randomUUID(), at: this.deps.clock().toISOString(), author: actorOf(account), text: text.trim() };
      try {
        return await this.deps.store.save({ ...referral, details: { ...referral.details, notes: [...referral.details.notes, note] } }, []);
      } catch (err) {
        if (!(err instanceof ConcurrentUpdateError) || attempt >= 5) throw err;
      }
    }
  }

  /** The statuses, in the state machine's order (for filters and counts). */
  get statuses(): readonly ReferralStatus[] {
    return REFERRAL_STATUSES;
  }
}
