import path from 'node:path';
import { loadContent } from '../../src/content';
import { REFERRAL_MESSAGE_KINDS, ReferralService, type SubmitReferral } from '../../src/services/referralService';
import type { StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';

const content = loadContent(path.resolve(__dirname, '..', '..', 'content'));

const request = (id: string | undefined): SubmitReferral => ({
  userKey: 'person-replayed',
  programme: 'digiter',
  partnerId: 'fr-coordinator',
  language: 'fr',
  source: 'eligibility',
  sources: { language: 'fr', today: '2026-12-04', answers: { age: 22, country: 'FR' } },
  fields: ['age', 'country', 'language'],
  noticeVersion: content.privacyNotice.version,
  reasons: [],
  ...(id === undefined ? {} : { id })
});

describeEachStorage('a referral submitted again by the same turn', (target) => {
  let storage: StorageBundle;
  let referrals: ReferralService;
  beforeEach(async () => {
    storage = await target.open();
    referrals = new ReferralService({ referrals: storage.referrals, partners: content.partners, clock: () => new Date('2026-12-04T10:00:00Z'), emailEnabled: true });
  });
  afterEach(async () => storage.close());

  /** The partner messages waiting in the outbox (claimed once, to count them). */
  const pendingMessages = async () => storage.outbox.claim('counter', new Date('2026-12-04T11:00:00Z'), 60_000, 100);

  it('with the same record id, after the first or at the same time: one referral, one e-mail to the partner', async () => {
    const first = await referrals.submit(request('turn-record-id-1'));
    const again = await referrals.submit(request('turn-record-id-1'));
    expect(again.id).toBe(first.id);
    expect(again.reference).toBe(first.reference);
    const together = await Promise.all([referrals.submit(request('turn-record-id-2')), referrals.submit(request('turn-record-id-2'))]);
    expect(together[1].reference).toBe(together[0].reference);
    expect((await referrals.listForPerson('person-replayed')).map((r) => r.id).sort()).toEqual(['turn-record-id-1', 'turn-record-id-2']);
    const emails = (await pendingMessages()).filter((m) => m.kind === REFERRAL_MESSAGE_KINDS.partnerEmail);
    expect(emails).toHaveLength(2);
  });

  it('without an id, each submission is a referral of its own', async () => {
    const [a, b] = [await referrals.submit(request(undefined)), await referrals.submit(request(undefined))];
    expect(a.id).not.toBe(b.id);
    expect(a.reference).not.toBe(b.reference);
  });
});

describeEachStorage('a referral whose eligibility needs an adviser', (target) => {
  let storage: StorageBundle;
  let referrals: ReferralService;
  beforeEach(async () => {
    storage = await target.open();
    referrals = new ReferralService({ referrals: storage.referrals, partners: content.partners, clock: () => new Date('2026-12-04T10:00:00Z'), emailEnabled: true });
  });
  afterEach(async () => storage.close());

  const withOutcome = (outcome: 'eligible' | 'needs_adviser'): SubmitReferral => ({
    ...request(undefined),
    sources: {
      ...request(undefined).sources,
      result: { rulesVersion: 'r', asOf: '2026-12-04', programmes: [{ programme: 'digiter', outcome, criteria: [], nextStepKey: 'x' }, { programme: 'camplus', outcome: 'eligible', criteria: [], nextStepKey: 'x' }] }
    }
  });

  it('waits, submitted and with no partner, for a caseworker; nothing goes to the partner until routed', async () => {
    const held = await referrals.submit(withOutcome('needs_adviser'));
    expect(held).toMatchObject({ status: 'submitted', partnerId: null });
    expect(held.details.consent.partnerId).toBe('fr-coordinator');
    expect(await storage.outbox.claim('counter', new Date('2026-12-04T11:00:00Z'), 60_000, 100)).toEqual([]);
    const reviewed = await referrals.act(held.id, 'review', { actor: { kind: 'caseworker', id: 'cw' } });
    expect(reviewed.ok).toBe(true);
    const routed = await referrals.act(held.id, 'route', { actor: { kind: 'caseworker', id: 'cw' }, partnerId: 'fr-coordinator' });
    expect(routed.ok && routed.referral).toMatchObject({ status: 'routed', partnerId: 'fr-coordinator' });
    const kinds = (await storage.outbox.claim('counter', new Date('2026-12-04T11:00:00Z'), 60_000, 100)).map((m) => m.kind).sort();
    expect(kinds).toEqual([REFERRAL_MESSAGE_KINDS.partnerEmail, REFERRAL_MESSAGE_KINDS.personMessage]);
  });

  it('an eligible person’s referral is routed at once, as before', async () => {
    expect(await referrals.submit(withOutcome('eligible'))).toMatchObject({ status: 'routed', partnerId: 'fr-coordinator' });
  });
});
