import { randomUUID } from 'node:crypto';
import type { ConsentDecision, ConsentRecord, ConsentRepository, UserKey, UserProfileRepository } from '../storage/ports';
import type { Clock } from './clock';

export interface ConsentDecisionInput {
  userKey: UserKey;
  decision: ConsentDecision;
  noticeVersion: string;
  language: string;
  guardianConfirmed: boolean | null;
}

/** Records consent decisions (append-only, with notice version, language and time). */
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly profiles: UserProfileRepository,
    private readonly clock: Clock
  ) {}

  async record(input: ConsentDecisionInput): Promise<ConsentRecord> {
    const record: ConsentRecord = { id: randomUUID(), decidedAt: this.clock(), ...input };
    await this.consents.append(record);
    if (input.decision === 'granted' && input.guardianConfirmed !== false) {
      await this.profiles.upsert({ userKey: input.userKey, language: input.language });
    }
    return record;
  }

  /** Keeps the stored profile's language in step with the person's choice (consented users only). */
  async rememberLanguage(userKey: UserKey, language: string): Promise<void> {
    await this.profiles.upsert({ userKey, language });
  }

  latest(userKey: UserKey): Promise<ConsentRecord | null> {
    return this.consents.latest(userKey);
  }
}
