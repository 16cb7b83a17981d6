import path from 'node:path';
import { openSqliteStorage, type StorageBundle } from '../../src/storage';
import { loadContent } from '../../src/content';
import { referralNotice, type PersonMessagePayload } from '../../src/bot/referralNotices';
import { ReferralService } from '../../src/services/referralService';
import { localizer } from '../support/dialogHarness';

const content = loadContent(path.resolve(__dirname, '..', '..', 'content'));

describe('referral updates put into words for the person', () => {
  let storage: StorageBundle;
  let referrals: ReferralService;
  let payload: Omit<PersonMessagePayload, 'event' | 'partnerId'>;

  beforeAll(async () => {
    storage = await openSqliteStorage({ file: ':memory:' });
    referrals = new ReferralService({ referrals: storage.referrals, partners: content.partners, clock: () => new Date('2026-12-05T10:00:00Z'), emailEnabled: false });
    const referral = await referrals.submit({
      userKey: 'person-1',
      programme: 'digiter',
      partnerId: 'fr-coordinator',
      language: 'fr',
      source: 'eligibility',
      sources: { language: 'fr', today: '2026-12-05', answers: { age: 22, country: 'FR' } },
      fields: ['age', 'country', 'language'],
      noticeVersion: content.privacyNotice.version,
      reasons: []
    });
    payload = { userKey: 'person-1', referralId: referral.id, reference: referral.reference, question: 'Avez-vous un CV ?', reason: 'Plus de places', requestId: 'q1' };
  });
  afterAll(async () => storage.close());

  const say = async (event: PersonMessagePayload['event'], partnerId: string | null, lang: string): Promise<string> => {
    const notice = await referralNotice({ ...payload, event, partnerId }, referrals);
    return notice!.text(localizer.textsIn(lang));
  };

  it('names the partner when one holds the referral', async () => {
    expect(await say('infoRequested', 'fr-coordinator', 'fr')).toMatch(/^Maison Régionale de la Formation \(exemple\) a une question sur votre demande [A-Z0-9]{4}-[A-Z0-9]{4}/);
    expect(await say('declined', 'fr-coordinator', 'en')).toMatch(/^Maison Régionale de la Formation \(exemple\) cannot take your request .*“Plus de places”/);
  });

  it('speaks of an adviser, in a sentence of its own, when no partner holds it (a caseworker acted)', async () => {
    expect(await say('infoRequested', null, 'fr')).toMatch(/^Un conseiller a une question sur votre demande .*« Avez-vous un CV \? »/s);
    expect(await say('infoRequested', null, 'de')).toMatch(/^Eine Beraterin oder ein Berater hat eine Frage/);
    expect(await say('declined', null, 'en')).toMatch(/^Your request .* cannot be taken\. What the adviser said: “Plus de places”/);
  });

  it('says nothing about a referral that is gone', async () => {
    expect(await referralNotice({ ...payload, referralId: 'erased', event: 'accepted', partnerId: 'fr-coordinator' }, referrals)).toBeUndefined();
  });
});
