import path from 'node:path';
import { loadContent } from '../../src/content';
import { ReferralService } from '../../src/services/referralService';
import type { StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';

const content = loadContent(path.resolve(__dirname, '..', '..', 'content'));
const today = '2026-12-04';

describeEachStorage('CAMPLUS has 180 places in all', (target) => {
  let storage: StorageBundle;
  beforeEach(async () => {
    storage = await target.open();
  });
  afterEach(async () => storage.close());

  it('the 180th acceptance succeeds and the 181st is refused with a clear reason; a withdrawal frees a place', async () => {
    const referrals = new ReferralService({ referrals: storage.referrals, partners: content.partners, clock: () => new Date('2026-12-04T10:00:00Z'), emailEnabled: false });
    expect(content.partners.programmeCapacity.camplus).toBe(180);
    const submitted = [];
    for (let i = 0; i < 181; i++) {
      submitted.push(
        await referrals.submit({
          userKey: `person-${i}`,
          programme: 'camplus',
          partnerId: 'camplus-team',
          language: 'ar',
          source: 'eligibility',
          sources: { language: 'ar', today, answers: { age: 25, livesInCamp: true, project: 'leading', country: 'OTHER' } },
          fields: ['age', 'camp', 'language'],
          noticeVersion: content.privacyNotice.version,
          reasons: []
        })
      );
    }
    const team = { kind: 'partner' as const, id: 'camplus-team' };
    // Accept 179 one by one, then the last two places' worth at the same time.
    for (const referral of submitted.slice(0, 179)) expect((await referrals.act(referral.id, 'accept', { actor: team })).ok).toBe(true);
    const [last, oneTooMany] = await Promise.all(submitted.slice(179).map((r) => referrals.act(r.id, 'accept', { actor: team })));
    const outcomes = [last!, oneTooMany!];
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toEqual({ ok: false, reason: 'full', programme: 'camplus', capacity: 180 });
    expect(await referrals.places('camplus')).toEqual({ held: 180, capacity: 180 });

    const refused = submitted.slice(179).find((_r, i) => !outcomes[i]!.ok)!;
    expect((await referrals.get(refused.id))?.status).toBe('routed');
    const anAccepted = submitted[0]!;
    expect((await referrals.act(anAccepted.id, 'withdraw', { actor: { kind: 'person' } })).ok).toBe(true);
    expect(await referrals.places('camplus')).toEqual({ held: 179, capacity: 180 });
    expect((await referrals.act(refused.id, 'accept', { actor: team })).ok).toBe(true);
    expect(await referrals.places('camplus')).toEqual({ held: 180, capacity: 180 });
  }, 60_000);
});
