import type { CountryCode, Outcome, ProgrammeId } from '../eligibility/types';
import type { UserKey } from '../person';

/** Where a referral stands (see `stateMachine.ts`). */
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

/** Statuses after which nothing changes any more. */
export const FINAL_STATUSES: readonly ReferralStatus[] = ['declined', 'completed', 'withdrawn'];

/** Who acts on a referral: the person, a caseworker (by account id), a partner (by partner id), or Passerelle itself. */
export type ActorKind = 'person' | 'caseworker' | 'partner' | 'system';
export interface ReferralActor {
  kind: ActorKind;
  /** Caseworker account id, or partner id; absent for the person and the system. */
  id?: string;
}

/** Everything a referral can be asked to do. */
export const REFERRAL_ACTIONS = ['review', 'route', 'accept', 'decline', 'requestInfo', 'answerInfo', 'enrol', 'complete', 'withdraw'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

/** One line of a referral's history. Instants are ISO strings (the record is JSON). */
export interface ReferralEvent {
  at: string;
  actor: ReferralActor;
  /** `submit` for the creation, else the action. */
  action: ReferralAction | 'submit';
  from: ReferralStatus | null;
  to: ReferralStatus;
  /** Why (a decline), or what was asked / answered (an information request). */
  reason?: string;
  /** The partner a `route` sent it to. */
  partnerId?: string;
}

/** The pieces of a person's data a referral can share with a partner, each agreed one by one. */
export const SHARED_FIELDS = ['age', 'country', 'region', 'situation', 'qualification', 'camp', 'eligibility', 'skillsProfile', 'training', 'language'] as const;
export type SharedField = (typeof SHARED_FIELDS)[number];

/**
 * What is shared with the partner: only the fields the person agreed to, the minimum for the
 * partner to answer (an age, never a date of birth; levels per area, never the answers).
 */
export interface SharedData {
  /** The age, when the date of birth or the age was given. */
  age?: number;
  /** When only the year of birth is known: the two ages the person may be today. */
  ageRange?: { youngest: number; oldest: number };
  country?: CountryCode;
  region?: string;
  situation?: string;
  qualification?: string;
  camp?: { livesInCamp: boolean; project?: string };
  eligibility?: { rulesVersion: string; programmes: { programme: ProgrammeId; outcome: Outcome }[] };
  skillsProfile?: { questionnaireId: string; areas: { areaId: string; level: number | 'unknown' }[]; recommendedEqf: number };
  training?: { id: string };
  language?: string;
}

/** The person's agreement to this referral: what is shared, with whom, under which notice. */
export interface ReferralConsent {
  partnerId: string;
  fields: SharedField[];
  noticeVersion: string;
  grantedAt: string;
  /** Withdrawn (the referral was cancelled): nothing more is shared. */
  withdrawnAt?: string;
}

/** A question a partner or caseworker asked the person through the chat, and their answer. */
export interface InfoRequest {
  id: string;
  question: string;
  askedAt: string;
  askedBy: ReferralActor;
  answer?: string;
  answeredAt?: string;
}

/** A caseworker's or partner's note (never shown to the person). */
export interface ReferralNote {
  id: string;
  at: string;
  author: ReferralActor;
  text: string;
}

/** Where the person asked to be referred from. */
export type ReferralSource = 'eligibility' | 'training' | 'menu';

/** What a referral carries beyond the fields lists filter on. */
export interface ReferralDetails {
  source: ReferralSource;
  shared: SharedData;
  consent: ReferralConsent;
  history: ReferralEvent[];
  infoRequests: InfoRequest[];
  notes: ReferralNote[];
  /** Why the routing proposed this partner (message keys and values). */
  routingReasons: { key: string; params: Record<string, string | number> }[];
  /** Why it was declined (the partner's or caseworker's words). */
  declineReason?: string;
  /** While information is requested: the status to go back to once the person answers. */
  resumeStatus?: ReferralStatus;
}

/**
 * A person's request to be put in touch with a partner organisation: the aggregate that the
 * referral journey, the console and the partner API change, always together with the messages
 * the change must send (see the outbox). The fields that lists and queues filter on are at the
 * top; everything else is in `details` (JSON: nested instants are ISO strings).
 */
export interface Referral {
  id: string;
  /** Short reference a person can read aloud (no 0/O, 1/I/L), e.g. `K7M4-QX2P`. Unique. */
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
  details: ReferralDetails;
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
