import { routeReferral, type RoutingRequest } from '../../../src/domain';
import { aPartner } from './fixtures';

const partners = [
  aPartner({ id: 'fr-north', countries: ['FR'], regions: ['Hauts-de-France'], languages: ['fr', 'ar'], capacity: 5 }),
  aPartner({ id: 'fr-paris', countries: ['FR'], regions: ['Île-de-France'], languages: ['fr', 'en'], capacity: 5 }),
  aPartner({ id: 'be', countries: ['BE'], languages: ['fr', 'nl'] }),
  aPartner({ id: 'camplus-team', kind: 'camplusTeam', countries: ['FR', 'BE', 'RO', 'DE', 'PT', 'OTHER'], programmes: ['camplus'], languages: ['en', 'ar', 'fa'] })
];
const none = new Map<string, number>();
const route = (request: Partial<RoutingRequest>, open = none) => routeReferral({ programme: 'digiter', language: 'fr', ...request }, partners, open);

describe('routing a referral', () => {
  it('only proposes partners of the programme in the person\'s country', () => {
    expect(route({ country: 'FR' }).candidates.map((c) => c.partnerId).sort()).toEqual(['fr-north', 'fr-paris']);
    expect(route({ country: 'BE' }).candidates.map((c) => c.partnerId)).toEqual(['be']);
    expect(route({ programme: 'camplus', country: 'OTHER' }).candidates.map((c) => c.partnerId)).toEqual(['camplus-team']);
  });

  it('says what to do instead when no partner fits', () => {
    expect(route({ country: 'RO' })).toEqual({ candidates: [], noPartnerKey: 'noPartner.country' });
    expect(route({ country: 'OTHER' })).toEqual({ candidates: [], noPartnerKey: 'noPartner.country' });
    expect(routeReferral({ programme: 'camplus', language: 'fr' }, [partners[0]!], none)).toEqual({ candidates: [], noPartnerKey: 'noPartner.programme' });
  });

  it('puts first the partner of the chosen training, then the region, then the language, with the reasons', () => {
    const byRegion = route({ country: 'FR', region: 'ile de france', language: 'ar' });
    expect(byRegion.candidates.map((c) => c.partnerId)).toEqual(['fr-paris', 'fr-north']);
    expect(byRegion.candidates[0]!.reasons.map((r) => r.key)).toEqual(['reason.region', 'reason.places', 'reason.programme']);
    expect(byRegion.candidates[1]!.reasons.map((r) => r.key)).toEqual(['reason.country', 'reason.language', 'reason.places', 'reason.programme']);
    const byTraining = route({ country: 'FR', region: 'Île-de-France', trainingPartnerId: 'fr-north' });
    expect(byTraining.candidates[0]).toMatchObject({ partnerId: 'fr-north', reasons: expect.arrayContaining([{ key: 'reason.training', params: {} }]) });
  });

  it('prefers partners with places, says when one is full, and balances equal ones by their open referrals', () => {
    const full = route({ country: 'FR', language: 'ar' }, new Map([['fr-north', 5]]));
    expect(full.candidates.map((c) => [c.partnerId, c.placesLeft])).toEqual([['fr-paris', 5], ['fr-north', 0]]);
    expect(full.candidates[1]!.reasons.map((r) => r.key)).toContain('reason.full');
    const balanced = route({ country: 'FR', language: 'de' }, new Map([['fr-north', 1], ['fr-paris', 3]]));
    expect(balanced.candidates.map((c) => c.partnerId)).toEqual(['fr-north', 'fr-paris']);
  });
});
