import type { CountryCode, ProgrammeId } from '../eligibility/types';

/** What a partner organisation offers. */
export const PARTNER_SERVICES = ['training', 'jobPlacement', 'coaching', 'projectSupport'] as const;
export type PartnerService = (typeof PARTNER_SERVICES)[number];

/** The kind of organisation, said in the person's language (`referral:partnerKind.<kind>`). */
export const PARTNER_KINDS = ['vetBody', 'university', 'craftsChamber', 'employmentAssociation', 'camplusTeam'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** How a partner receives its referrals. */
export interface PartnerDelivery {
  /** Where signed webhooks are POSTed (https in production), or null. */
  webhookUrl: string | null;
  /** Name of the environment variable that holds the webhook's signing secret. */
  signingSecretEnv: string | null;
  /** Where notification e-mails go, or null. */
  email: string | null;
}

/** A partner organisation, from `content/partners.json`. */
export interface Partner {
  /** Stable id, also used by the training catalogue (`partnerId`). */
  id: string;
  /** The organisation's own name, shown as it is in every language. */
  name: string;
  kind: PartnerKind;
  /** Countries it serves (`OTHER`: camps outside the partner countries). */
  countries: CountryCode[];
  /** Regions it serves within those countries; empty: all of them. */
  regions: string[];
  programmes: ProgrammeId[];
  services: PartnerService[];
  /** Languages its staff speak (language codes). */
  languages: string[];
  /** How many open referrals it can take at a time (partners change it in the console). */
  capacity: number;
  /** The language of the e-mails it receives. */
  notificationLanguage: string;
  delivery: PartnerDelivery;
  /** What the person is told once the partner accepts: where and how to reach it. */
  contact: { address?: string; phone?: string; website?: string };
}

/** The partners and the programmes' limits. */
export interface PartnerDirectory {
  /** True while the shipped sample is in use. */
  sample: boolean;
  version: string;
  partners: Partner[];
  /** Programmes whose places are counted in total (CAMPLUS: 180 project leaders). */
  programmeCapacity: Partial<Record<ProgrammeId, number>>;
}
