import type { CompletedAssessmentRow, ConsentGrantRow, EligibilityCheckRow, ReferralReportRow } from '../../domain';

/**
 * What reporting reads of the other stores, as few fields as the funnel needs (a pseudonymous
 * key, the dimensions, the instants; never an answer, a note or a shared field). Reads every
 * record: a report is computed on demand, not on each turn. Each list is in no particular order.
 */
export interface ReportingRepository {
  /** Every `granted` consent decision (people who withdrew later included: they consented). */
  consentGrants(): Promise<ConsentGrantRow[]>;
  /** Every stored eligibility check: its country answer (null when none), language, instant and outcome per programme. */
  eligibilityChecks(): Promise<EligibilityCheckRow[]>;
  /** Every completed skills test (`completedAt` set). */
  completedAssessments(): Promise<CompletedAssessmentRow[]>;
  /**
   * Every referral, with the first instant its history reached `accepted` and `enrolled` (null
   * when it never did).
   */
  referrals(): Promise<ReferralReportRow[]>;
}
