import type { CountryCode, ProgrammeId } from '../eligibility/types';
import type { Partner } from './partners';

/** What the routing knows of the person and what they asked for. */
export interface RoutingRequest {
  programme: ProgrammeId;
  country?: CountryCode;
  /** The region or city they gave, as typed. */
  region?: string;
  /** The language they use with Passerelle. */
  language: string;
  /** The partner that runs the training they chose, if they chose one. */
  trainingPartnerId?: string;
}

/** Why a partner fits (a message key of the `referral` namespace and its values). */
export interface RoutingReason {
  key: 'reason.training' | 'reason.region' | 'reason.country' | 'reason.language' | 'reason.places' | 'reason.full' | 'reason.programme';
  params: Record<string, string | number>;
}

export interface RoutingCandidate {
  partnerId: string;
  score: number;
  reasons: RoutingReason[];
  /** Open places left (capacity minus open referrals); 0 or less when full. */
  placesLeft: number;
}

/** The ranked partners, best first; when none fits, what to tell the person instead. */
export interface RoutingResult {
  candidates: RoutingCandidate[];
  /** Set when `candidates` is empty: a message key of the `referral` namespace. */
  noPartnerKey?: 'noPartner.country' | 'noPartner.programme';
}

/** A partner near the person weighs more than one speaking their language; the chosen training's partner, most. */
const WEIGHTS = { training: 100, region: 30, language: 15, country: 10, places: 5, full: -40 } as const;

/** Case, accents and punctuation do not matter when comparing regions ("Île-de-France" = "ile de france"). */
function foldRegion(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function servesRegion(partner: Partner, region: string | undefined): boolean {
  if (!region || partner.regions.length === 0) return false;
  const wanted = foldRegion(region);
  return partner.regions.some((r) => {
    const served = foldRegion(r);
    return served === wanted || wanted.includes(served) || served.includes(wanted);
  });
}

/**
 * Ranks the partners that run the programme in the person's country: the one that runs the
 * training they chose first, then those serving their region, speaking their language, and
 * with places left; fewer open referrals break ties. `openReferrals` counts each partner's
 * referrals still in progress. Pure.
 */
export function routeReferral(request: RoutingRequest, partners: readonly Partner[], openReferrals: ReadonlyMap<string, number>): RoutingResult {
  const forProgramme = partners.filter((p) => p.programmes.includes(request.programme));
  if (forProgramme.length === 0) return { candidates: [], noPartnerKey: 'noPartner.programme' };
  const country = request.country ?? 'OTHER';
  const fitting = forProgramme.filter((p) => p.countries.includes(country));
  if (fitting.length === 0) return { candidates: [], noPartnerKey: 'noPartner.country' };

  const candidates = fitting.map((partner): RoutingCandidate => {
    const reasons: RoutingReason[] = [];
    let score = 0;
    if (request.trainingPartnerId === partner.id) {
      score += WEIGHTS.training;
      reasons.push({ key: 'reason.training', params: {} });
    }
    if (servesRegion(partner, request.region)) {
      score += WEIGHTS.region;
      reasons.push({ key: 'reason.region', params: { region: request.region! } });
    } else if (country !== 'OTHER') {
      score += WEIGHTS.country;
      reasons.push({ key: 'reason.country', params: { country } });
    }
    if (partner.languages.includes(request.language)) {
      score += WEIGHTS.language;
      reasons.push({ key: 'reason.language', params: { language: request.language } });
    }
    const placesLeft = partner.capacity - (openReferrals.get(partner.id) ?? 0);
    if (placesLeft > 0) {
      score += WEIGHTS.places;
      reasons.push({ key: 'reason.places', params: { count: placesLeft } });
    } else {
      score += WEIGHTS.full;
      reasons.push({ key: 'reason.full', params: {} });
    }
    reasons.push({ key: 'reason.programme', params: { programme: request.programme } });
    return { partnerId: partner.id, score, reasons, placesLeft };
  });
  candidates.sort(
    (a, b) => b.score - a.score || (openReferrals.get(a.partnerId) ?? 0) - (openReferrals.get(b.partnerId) ?? 0) || a.partnerId.localeCompare(b.partnerId)
  );
  return { candidates };
}
