import type { EligibilityAnswers, EligibilityResult, ProgrammeId, ReferralSource } from '../../src/domain';

/** How a referral starts: from an eligibility result, a training, or the menu. */
export interface ReferralOptions {
  source: ReferralSource;
  /** The programme, when it is already known (a training is DIGI@TER). */
  programme?: ProgrammeId;
  /** The training the person is interested in. */
  trainingId?: string;
  /** The eligibility check of this conversation (kept only in dialog state when nothing may be stored). */
  eligibility?: { answers: EligibilityAnswers; result: EligibilityResult };
}
