import type { CountryCode, ProgrammeId } from '../eligibility/types';
import type { UserKey } from '../person';

/** Where a referral stands (see the referral state machine). */
export const REFERRAL_STATUSES = [
  'submitted',
  'inReview',
  'routed',
  'accepted',
  'infoRequested',
  'declined',
  'enrolled',
  'completed',
  'withdrawn'
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/**
 * A person's request to be put in touch with a partner organisation: the aggregate that the
 * referral journey, the console and the partner API change, always together with the messages
 * the change must send (see the outbox). The fields that lists and queues filter on are at the
 * top; everything else is in `details` (JSON: nested instants are ISO strings).
 */
export interface Referral {
  id: string;
  /** Short reference a person can read aloud (no 0/O, 1/I/L). Unique. */
  reference: string;
  userKey: UserKey;
  programme: ProgrammeId;
  status: ReferralStatus;
  /** The partner it is routed to, or null while nobody is chosen. */
  partnerId: string | null;
  /** The person's country (from their eligibility answers), for the queue's filters. */
  country: CountryCode | null;
  /** The language the person uses. */
  language: string;
  /** Everything else: shared data, consent, history, notes, questions (JSON). */
  details: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
  /** Since when it waits for its next action (the queue shows the longest-waiting first). */
  waitingSince: Date;
  /**
   * Revision for optimistic concurrency, counted by storage: 0 for a referral never saved,
   * otherwise the revision it had when read (see `ReferralRepository.save`).
   */
  version: number;
}
