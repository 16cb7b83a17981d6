import { randomUUID } from 'node:crypto';
import { consentStatus, type ConsentDecision, type ConsentStatus, type UserKey } from '../domain';
import { DuplicateKeyError, type ConsentRepository } from '../storage';
import type { Clock } from './clock';

/** The privacy notice in force: its version and how long personal data is kept. */
export interface PrivacyNoticeTerms {
  version: string;
  retentionDays: number;
}

/** A decision about the privacy notice in force. */
export interface ConsentDecisionInput {
  /**
   * The decision's id; given the same id again (the same turn processed again), the decision
   * is recorded once. Random when absent.
   */
  id?: string;
  userKey: UserKey;
  /** True: they agree that their personal data is kept. */
  granted: boolean;
  /** The language the notice was shown in. */
  language: string;
  /** Set when a guardian had to agree: whether they did. */
  guardianConfirmed?: boolean | null;
}

/**
 * The one place that answers "may we keep this person's data?" (the rule is the domain's
 * `consentStatus`) and records decisions, append-only, with the notice version, language and
 * time. The chat, the console and the partner API all ask it.
 */
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    readonly notice: PrivacyNoticeTerms,
    private readonly clock: Clock
  ) {}

  /** Where the person stands with the notice in force. */
  async status(userKey: UserKey): Promise<ConsentStatus> {
    return consentStatus(await this.consents.latest(userKey), this.notice.version);
  }

  /** Whether the person's personal data may be kept now. */
  async mayKeep(userKey: UserKey): Promise<boolean> {
    return (await this.status(userKey)).mayKeep;
  }

  /**
   * Records a decision about the notice in force (once per id); returns where the person now
   * stands.
   */
  async decide(input: ConsentDecisionInput): Promise<ConsentStatus> {
    return this.record(input, input.granted ? 'granted' : 'refused');
  }

  /** Records that the person withdrew their consent (once per id): their data may no longer be kept. */
  async withdraw(input: Omit<ConsentDecisionInput, 'granted' | 'guardianConfirmed'>): Promise<ConsentStatus> {
    return this.record(input, 'withdrawn');
  }

  private async record(input: Omit<ConsentDecisionInput, 'granted'>, decision: ConsentDecision): Promise<ConsentStatus> {
    const record = {
      id: input.id ?? randomUUID(),
      userKey: input.userKey,
      decision,
      noticeVersion: this.notice.version,
      language: input.language,
      guardianConfirmed: input.guardianConfirmed ?? null,
      decidedAt: this.clock()
    };
    try {
      await this.consents.append(record);
    } catch (err) {
      // Recorded already, by an earlier run of the same turn.
      if (!(err instanceof DuplicateKeyError && input.id !== undefined)) throw err;
    }
    return consentStatus(record, this.notice.version);
  }
}
