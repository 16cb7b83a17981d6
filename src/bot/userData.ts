import type { ConsentDecision } from '../storage/ports';

/** What the bot keeps per user in user state (a cache of the durable records). */
export interface UserData {
  /** The language the person chose; absent until they chose one. */
  language?: string;
  consent?: {
    decision: ConsentDecision;
    noticeVersion: string;
    /** Set when a guardian had to agree; true when they did. */
    guardianConfirmed: boolean | null;
  };
}

/** Whether personal answers may be kept for this user under the current notice. */
export function hasValidConsent(user: UserData, noticeVersion: string): boolean {
  return (
    user.consent?.decision === 'granted' &&
    user.consent.noticeVersion === noticeVersion &&
    user.consent.guardianConfirmed !== false
  );
}
