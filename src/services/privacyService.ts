import { isFinal, type ConsentRecord, type UserKey } from '../domain';
import type { StorageBundle } from '../storage';
import type { Clock } from './clock';
import type { ConsentService } from './consentService';
import type { ExportTokens } from './exportTokens';
import type { ReferralService } from './referralService';

/** What is kept about a person, counted, to tell them in plain words. */
export interface PersonalDataSummary {
  /** The language they chose, or null. */
  language: string | null;
  /** Their latest decision about the privacy notice, or null. */
  consent: Pick<ConsentRecord, 'decision' | 'decidedAt' | 'noticeVersion'> | null;
  eligibilityChecks: number;
  assessments: number;
  trainingInterests: number;
  /** Referrals to partners, and how many are still open. */
  referrals: number;
  openReferrals: number;
  /** Whether the bot keeps where to reach them (for referral updates). */
  reachable: boolean;
  /** How many days data is kept after its last change. */
  retentionDays: number;
}

/** What erasing a person did, per store (for the log: counts only). */
export interface ErasureReport {
  /** Open referrals withdrawn (their partners are told through the outbox). */
  withdrawnReferrals: number;
  /** Records deleted or anonymised, per store. */
  stores: Record<string, number>;
}

export interface PrivacyServiceDeps {
  storage: Pick<
    StorageBundle,
    'profiles' | 'consents' | 'eligibilityChecks' | 'assessments' | 'trainingInterests' | 'referrals' | 'conversationReferences' | 'outbox' | 'handoffs' | 'personalData'
  >;
  consent: ConsentService;
  referrals: ReferralService;
  clock: Clock;
  /** How long personal data is kept after its last change (the notice says it). */
  retentionDays: number;
  /** How long what is kept of people whose data may not be kept lives (their conversation). */
  transientHours: number;
  exportTokens: ExportTokens;
  /** How long an export link works, in days. */
  exportLinkDays: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A person's rights over their data (see, export, withdraw consent, erase) and the retention
 * sweep. Both erasure and the sweep go through `storage.personalData`, the list of every store
 * holding personal data: a new store is covered once it is listed (docs/privacy.md).
 */
export class PrivacyService {
  constructor(private readonly deps: PrivacyServiceDeps) {}

  get retentionDays(): number {
    return this.deps.retentionDays;
  }

  /** How long the conversation of a person whose data may not be kept lives after their last message. */
  get transientHours(): number {
    return this.deps.transientHours;
  }

  /** How long an export link works, in days. */
  get exportLinkDays(): number {
    return this.deps.exportLinkDays;
  }

  /** Until when the conversation state of a person whose data may not be kept is kept. */
  transientUntil(): Date {
    return new Date(this.deps.clock().getTime() + this.deps.transientHours * 60 * 60 * 1000);
  }

  async summary(userKey: UserKey): Promise<PersonalDataSummary> {
    const s = this.deps.storage;
    const [profile, consent, checks, assessments, interests, referrals, reference] = await Promise.all([
      s.profiles.get(userKey),
      s.consents.latest(userKey),
      s.eligibilityChecks.listByUser(userKey),
      s.assessments.listByUser(userKey),
      s.trainingInterests.listByUser(userKey),
      s.referrals.listByUser(userKey),
      s.conversationReferences.latest(userKey)
    ]);
    return {
      language: profile?.language ?? null,
      consent: consent ? { decision: consent.decision, decidedAt: consent.decidedAt, noticeVersion: consent.noticeVersion } : null,
      eligibilityChecks: checks.length,
      assessments: assessments.length,
      trainingInterests: interests.length,
      referrals: referrals.length,
      openReferrals: referrals.filter((r) => !isFinal(r.status)).length,
      reachable: reference !== null,
      retentionDays: this.deps.retentionDays
    };
  }

  /** Everything kept about the person, as plain JSON (what the export link gives). */
  async exportData(userKey: UserKey): Promise<Record<string, unknown>> {
    const s = this.deps.storage;
    const [profile, consents, checks, assessments, interests, referrals, reference, handoffs] = await Promise.all([
      s.profiles.get(userKey),
      s.consents.history(userKey),
      s.eligibilityChecks.listByUser(userKey),
      s.assessments.listByUser(userKey),
      s.trainingInterests.listByUser(userKey),
      s.referrals.listByUser(userKey),
      s.conversationReferences.latest(userKey),
      s.handoffs.listByUser(userKey)
    ]);
    const strip = <T extends { userKey?: unknown }>(record: T): Omit<T, 'userKey'> => {
      const { userKey: _omitted, ...rest } = record;
      return rest;
    };
    return {
      exportedAt: this.deps.clock().toISOString(),
      retentionDays: this.deps.retentionDays,
      profile: profile ? strip(profile) : null,
      consents: consents.map((c) => strip(c)),
      eligibilityChecks: checks.map((c) => strip(c)),
      assessments: assessments.map(({ version: _v, ...a }) => strip(a)),
      trainingInterests: interests.map((i) => strip(i)),
      referrals: referrals.map(({ version: _v, ...r }) => strip(r)),
      whereToReachYou: reference ? { channel: reference.channelId, since: reference.updatedAt } : null,
      // Talks with a person: when, and what was said (not where replies went, nor who answered).
      talksWithAPerson: handoffs.map((h) => ({
        requestedAt: h.requestedAt,
        endedAt: h.endedAt,
        language: h.language,
        recentTurns: h.recent.map((e) => ({ at: e.at, from: e.from, text: e.text })),
        exchange: h.exchange.map((e) => ({ at: e.at, from: e.from, text: e.text }))
      }))
    };
  }

  /** A link token to the person's export, and until when it works. */
  exportLink(userKey: UserKey): { token: string; expiresAt: Date } {
    const expiresAt = new Date(this.deps.clock().getTime() + this.deps.exportLinkDays * DAY_MS);
    return { token: this.deps.exportTokens.seal(userKey, expiresAt), expiresAt };
  }

  /** The export a link opens; undefined when the token is forged or expired. */
  async openExport(token: string): Promise<Record<string, unknown> | undefined> {
    const userKey = this.deps.exportTokens.open(token, this.deps.clock());
    return userKey === undefined ? undefined : this.exportData(userKey);
  }

  /**
   * Withdraws the person's consent: the decision is recorded (`ConsentService`, the one source
   * of truth), then everything else kept about them is erased as `erase` does, except the
   * consent history itself (which says they withdrew, so they are not asked again).
   */
  async withdrawConsent(input: { id?: string; userKey: UserKey; language: string }): Promise<ErasureReport> {
    await this.deps.consent.withdraw(input);
    return this.eraseStores(input.userKey, (store) => store !== this.deps.storage.consents);
  }

  /**
   * Erases the person: open referrals are withdrawn (partners told through the outbox, with no
   * personal data), then every store erases what it keeps about them; consent decisions stay
   * for the audit under a random key, tied to nobody.
   */
  async erase(userKey: UserKey): Promise<ErasureReport> {
    return this.eraseStores(userKey, () => true);
  }

  private async eraseStores(userKey: UserKey, include: (store: object) => boolean): Promise<ErasureReport> {
    const { storage, referrals, clock } = this.deps;
    const since = clock();
    const theirs = await storage.referrals.listByUser(userKey);
    let withdrawnReferrals = 0;
    for (const referral of theirs.filter((r) => !isFinal(r.status))) {
      const result = await referrals.act(referral.id, 'withdraw', { actor: { kind: 'person' } });
      if (result.ok) withdrawnReferrals += 1;
    }
    // What was sent about them goes; the withdrawals just queued (no personal data) still leave.
    for (const referral of theirs) await storage.outbox.deleteForAggregate(referral.id, since);
    const stores: Record<string, number> = {};
    for (const store of storage.personalData) {
      if (include(store)) stores[store.storeName] = await store.eraseUser(userKey);
    }
    return { withdrawnReferrals, stores };
  }

  /**
   * The retention sweep: every store deletes (or anonymises) what is older than the retention
   * period, and what expires by itself (links, state of people whose data may not be kept).
   */
  async sweep(): Promise<Record<string, number>> {
    const now = this.deps.clock();
    const before = new Date(now.getTime() - this.deps.retentionDays * DAY_MS);
    const report: Record<string, number> = {};
    for (const store of this.deps.storage.personalData) report[store.storeName] = await store.deleteExpired(before, now);
    return report;
  }
}
