import type { ConsentRecord, ConsentStatus } from './types';

/** Nobody has decided anything yet. */
export const UNDECIDED: ConsentStatus = { decided: false, mayKeep: false, decision: null, guardianConfirmed: null };

/**
 * The rule: a person's personal data may be kept only when their latest decision agrees to
 * the privacy notice in force (`noticeVersion`) and no guardian who had to agree refused. A
 * decision under an older notice counts as no decision: the new notice is shown and asked again.
 */
export function consentStatus(latest: ConsentRecord | null, noticeVersion: string): ConsentStatus {
  if (!latest || latest.noticeVersion !== noticeVersion) return UNDECIDED;
  return {
    decided: true,
    mayKeep: latest.decision === 'granted' && latest.guardianConfirmed !== false,
    decision: latest.decision,
    guardianConfirmed: latest.guardianConfirmed
  };
}
