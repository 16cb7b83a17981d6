import type { UserKey } from '../person';

export type ConsentDecision = 'granted' | 'refused' | 'withdrawn';

/** One consent decision, kept as an append-only history. */
export interface ConsentRecord {
  id: string;
  userKey: UserKey;
  decision: ConsentDecision;
  /** Version of the privacy notice that was shown. */
  noticeVersion: string;
  /** Language the notice was shown in. */
  language: string;
  /** Set when a guardian had to agree (digital-consent age), true when they did. */
  guardianConfirmed: boolean | null;
  decidedAt: Date;
}

/** Where a person stands with the current privacy notice. */
export interface ConsentStatus {
  /** They answered the current notice (agreed, refused or withdrew): it is not asked again. */
  readonly decided: boolean;
  /** Their personal data may be kept (see `consentStatus`). */
  readonly mayKeep: boolean;
  /** Their latest decision under the current notice, or null. */
  readonly decision: ConsentDecision | null;
  /** A guardian agreed (true), refused (false), or was not asked (null). */
  readonly guardianConfirmed: boolean | null;
}
