import type { CountryCode, Outcome, ProgrammeId } from '../eligibility/types';
import type { UserKey } from '../person';

/**
 * Reporting: the programme funnel. Counts only, never a person: every count below 5 is shown as
 * "<5" (see `protectSmallCounts`). Pure: the service reads the stores and hands the rows here.
 */

/** The funnel's stages, in order. */
export const FUNNEL_STAGES = ['started', 'consented', 'eligibilityChecked', 'eligible', 'skillsTested', 'referred', 'accepted', 'enrolled'] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** What a funnel can be broken down by. */
export const FUNNEL_DIMENSIONS = ['programme', 'country', 'partner', 'language', 'month'] as const;
export type FunnelDimension = (typeof FUNNEL_DIMENSIONS)[number];

/**
 * Which dimensions each stage knows. A conversation start and a consent are not tied to a
 * programme, a country or a partner; a skills test is tied to a programme but not to a country.
 * Broken down or filtered by a dimension a stage does not know, the stage shows "not applicable".
 */
export const STAGE_DIMENSIONS: Readonly<Record<FunnelStage, readonly FunnelDimension[]>> = {
  started: ['language', 'month'],
  consented: ['language', 'month'],
  eligibilityChecked: ['programme', 'country', 'language', 'month'],
  eligible: ['programme', 'country', 'language', 'month'],
  skillsTested: ['programme', 'language', 'month'],
  referred: ['programme', 'country', 'partner', 'language', 'month'],
  accepted: ['programme', 'country', 'partner', 'language', 'month'],
  enrolled: ['programme', 'country', 'partner', 'language', 'month']
};

/**
 * A conversation that started: no person, no key that leads to one; only the day (in the
 * programmes' time zone) and the language the bot first answered in. Kept for everybody, with
 * or without consent, since it holds nothing personal. `id` comes from the first activity of
 * the conversation (one-way), so that a turn processed twice records one start.
 */
export interface ConversationStart {
  id: string;
  /** `YYYY-MM-DD`. */
  day: string;
  language: string;
}

/** How many conversations started in one month in one language. */
export interface StartCount {
  /** `YYYY-MM`. */
  month: string;
  language: string;
  count: number;
}

/** The first consent a person gave (the earliest `granted` decision), as reporting reads it. */
export interface ConsentGrantRow {
  userKey: UserKey;
  language: string;
  decidedAt: Date;
}

/** A stored eligibility check, as reporting reads it: no answers but the country. */
export interface EligibilityCheckRow {
  userKey: UserKey;
  country: CountryCode | null;
  language: string;
  createdAt: Date;
  outcomes: { programme: ProgrammeId; outcome: Outcome }[];
}

/** A completed skills test, as reporting reads it. */
export interface CompletedAssessmentRow {
  userKey: UserKey;
  /** The questionnaire (`digiter`, `camplus`: one per programme). */
  questionnaireId: string;
  language: string;
  completedAt: Date;
}

/** A referral, as reporting reads it: when it was made, and when it was first accepted and enrolled. */
export interface ReferralReportRow {
  userKey: UserKey;
  programme: ProgrammeId;
  partnerId: string | null;
  country: CountryCode | null;
  language: string;
  createdAt: Date;
  acceptedAt: Date | null;
  enrolledAt: Date | null;
}

/** Everything a funnel is computed from. */
export interface FunnelSource {
  starts: readonly StartCount[];
  grants: readonly ConsentGrantRow[];
  checks: readonly EligibilityCheckRow[];
  assessments: readonly CompletedAssessmentRow[];
  referrals: readonly ReferralReportRow[];
}

/** Which funnel: broken down by one dimension, optionally for one programme. */
export interface FunnelQuery {
  by: FunnelDimension;
  programme?: ProgrammeId;
}

/** A row of raw counts: one per stage, null where the stage does not apply. */
export interface FunnelCounts {
  group: string;
  counts: (number | null)[];
}

/** The funnel before the small-count rule: never leaves the service. */
export interface RawFunnel {
  query: FunnelQuery;
  stages: readonly FunnelStage[];
  rows: FunnelCounts[];
  total: (number | null)[];
}

/**
 * A cell as it may be shown: a count of 5 or more; `small`, a count below 5 (0 included), shown
 * "<5"; `hidden`, a count of 5 or more hidden so that a small count of the same stage cannot be
 * worked out by subtraction from the total; `na`, the stage does not know this dimension.
 */
export type FunnelCell = { kind: 'count'; value: number } | { kind: 'small' } | { kind: 'hidden' } | { kind: 'na' };

/** The funnel as it may be shown or exported. */
export interface FunnelReport {
  query: FunnelQuery;
  stages: readonly FunnelStage[];
  rows: { group: string; cells: FunnelCell[] }[];
  total: FunnelCell[];
}

/** The group of facts whose dimension value is unknown (a referral not routed yet, a check without a country). */
export const UNKNOWN_GROUP = 'unknown';
