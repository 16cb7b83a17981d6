import type { UserKey } from '../person';
import type { EligibilityAnswers, EligibilityResult } from './types';

/** A stored eligibility check: the answers, the result, and the rules version it used. */
export interface EligibilityCheckRecord {
  id: string;
  userKey: UserKey;
  answers: EligibilityAnswers;
  result: EligibilityResult;
  rulesVersion: string;
  language: string;
  createdAt: Date;
}
