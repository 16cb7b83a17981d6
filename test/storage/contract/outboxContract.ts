import { randomUUID } from 'node:crypto';
import type { NewOutboxMessage, Referral } from '../../../src/domain';
import { CapacityReachedError, ConcurrentUpdateError, DuplicateKeyError, StorageUnavailableError, type StorageBundle } from '../../../src/storage';

const T0 = new Date('2026-03-01T10:00:00.000Z');
const plus = (ms: number, from = T0): Date => new Date(from.getTime() + ms);

export function referral(overrides: Partial<Referral> = {}): Referral {
  return {
    id: randomUUID(),
    reference: `R${randomUUID().slice(0, 8).toUpperCase()}`,
    userKey: 'u1',
    programme: 'digiter',
    status: 'submitted',
    partnerId: null,
    country: 'FR',
    language: 'ar',
    // Details are JSON of any shape to storage, keys with "." and "$" included.
    details: {
      source: 'eligibility',
      shared: { age: 22, country: 'FR', region: 'Île-de-France — 93', language: 'ar' },
      consent: { partnerId: 'fr-coordinator', fields: ['age', 'country', 'region', 'language'], noticeVersion: '2026-11-29.1', grantedAt: '2026-03-01T10:00:00.000Z' },
      history: [{ at: '2026-03-01T10:00:00.000Z', actor: { kind: 'person' }, action: 'submit', from: null, to: 'submitted' }],
      infoRequests: [],
      notes: [],
      routingReasons: [{ key: 'reason.language', params: { language: 'ar' } }],
      'field.with.dots': true,
      $odd: ['x', { y: null }]
    } as unknown as Referral['details'],
    createdAt: T0,
    updatedAt: T0,
    waitingSince: T0,
    version: 0,
    ...overrides
  };
}

export function message(aggregateId: string, overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return { id: randomUUID(), kind: 'partner.webhook', aggregateId, payload: { event: 'referral.submitted', n: 1 }, createdAt: T0, ...overrides };
}

/**
 * Referrals saved with their outbox messages in one atomic step, and the outbox's delivery side:
 * leases, outcomes, dead letters. `get()` gives the bundle of the running test.
 */
export function describeReferralsAndOutbox(get: () => StorageBundle): void {
  describe('referrals', () => {
    it('inserts a referral with its messages; both come back as written', async () => {
      const storage = get();
      const r = referral();
      const m = message(r.id);
      const saved = await storage.referrals.save(r, [m]);
      expect(saved).toStrictEqual({ ...r, version: 1 });
      expect(await storage.referrals.get(r.id)).toStrictEqual(saved);
      expect(await storage.referrals.findByReference(r.reference)).toStrictEqual(saved);
      const claimed = await storage.outbox.claim('w1', plus(1), 60_000, 10);
      expect(claimed.map((x) => ({ id: x.id, kind: x.kind, aggregateId: x.aggregateId, payload: x.payload, createdAt: x.createdAt }))).toStrictEqual([m]);
    });

    it('replaces only the revision read, with its messages; a stale save writes neither referral nor messages', async () => {
      const storage = get();
      const first = await storage.referrals.save(referral(), []);
      const second = await storage.referrals.save({ ...first, status: 'inReview', updatedAt: plus(1000) }, [message(first.id, { id: 'm-ok' })]);
      expect(second.version).toBe(2);
      const stale = storage.referrals.save({ ...first, status: 'declined' }, [message(first.id, { id: 'm-stale' })]);
      await expect(stale).rejects.toBeInstanceOf(ConcurrentUpdateError);
      expect(await storage.referrals.get(first.id)).toStrictEqual(second);
      expect(await storage.outbox.get('m-stale')).toBeNull();
      expect((await storage.outbox.get('m-ok'))?.status).toBe('pending');
    });

    it('lets exactly one of two concurrent saves of the same revision win, with only its messages', async () => {
      const storage = get();
      const base = await storage.referrals.save(referral(), []);
      const results = await Promise.allSettled([
        storage.referrals.save({ ...base, status: 'accepted' }, [message(base.id, { id: 'm-a' })]),
        storage.referrals.save({ ...base, status: 'declined' }, [message(base.id, { id: 'm-b' })])
      ]);
      const won = results.filter((r): r is PromiseFulfilledResult<Referral> => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ConcurrentUpdateError);
      const winner = won[0]!.value.status === 'accepted' ? 'm-a' : 'm-b';
      const loser = winner === 'm-a' ? 'm-b' : 'm-a';
      expect(await storage.referrals.get(base.id)).toStrictEqual(won[0]!.value);
      expect(await storage.outbox.get(winner)).not.toBeNull();
      expect(await storage.outbox.get(loser)).toBeNull();
    });

    it('refuses a second referral with the same id or reference (DuplicateKeyError) and writes none of its messages', async () => {
      const storage = get();
      const r = await storage.referrals.save(referral({ reference: 'K7M-4QX' }), []);
      await expect(storage.referrals.save(referral({ id: r.id }), [message(r.id, { id: 'dup-id' })])).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(storage.referrals.save(referral({ reference: 'K7M-4QX' }), [message('x', { id: 'dup-ref' })])).rejects.toMatchObject({
        name: 'DuplicateKeyError',
        id: 'K7M-4QX'
      });
      expect(await storage.outbox.get('dup-id')).toBeNull();
      expect(await storage.outbox.get('dup-ref')).toBeNull();
    });

    it('refuses malformed referrals and messages with TypeError before writing anything', async () => {
      const storage = get();
      const r = referral();
      const bad: Array<[Referral, ReturnType<typeof message>[]]> = [
        [{ ...r, status: 'lost' as Referral['status'] }, []],
        [{ ...r, createdAt: new Date(Number.NaN) }, []],
        [{ ...r, version: -1 }, []],
        [{ ...r, details: [] as unknown as Referral['details'] }, []],
        [r, [message(r.id, { id: '' })]],
        [r, [message(r.id, { id: 'same' }), message(r.id, { id: 'same' })]],
        [r, [message(r.id, { payload: 'text' as unknown as Record<string, unknown> })]]
      ];
      for (const [referralToSave, messages] of bad) {
        await expect(storage.referrals.save(referralToSave, messages)).rejects.toBeInstanceOf(TypeError);
      }
      expect(await storage.referrals.get(r.id)).toBeNull();
      expect(await storage.outbox.stats(plus(1))).toEqual({ pending: 0, due: 0, dead: 0 });
    });

    it('takes a limited place with the save, exactly up to the capacity, even all at once; gives it back', async () => {
      const storage = get();
      const capacity = 12;
      const routed = await Promise.all(Array.from({ length: capacity + 3 }, () => storage.referrals.save(referral({ programme: 'camplus', status: 'routed' }), [])));
      const results = await Promise.allSettled(
        routed.map((r) => storage.referrals.save({ ...r, status: 'accepted' }, [message(r.id)], { take: { capacity } }))
      );
      const accepted = results.filter((r): r is PromiseFulfilledResult<Referral> => r.status === 'fulfilled').map((r) => r.value);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(accepted).toHaveLength(capacity);
      expect(refused.map((r) => r.reason)).toEqual(Array.from({ length: 3 }, () => expect.any(CapacityReachedError)));
      expect(await storage.referrals.countPlaces('camplus')).toBe(capacity);
      // A refused save wrote nothing: neither the referral's new status nor its message.
      for (const r of routed.filter((x) => !accepted.some((a) => a.id === x.id))) expect((await storage.referrals.get(r.id))?.status).toBe('routed');
      expect((await storage.outbox.stats(plus(60_000))).pending).toBe(capacity);
      // Taking again a place already held changes nothing; giving one back frees it for another.
      const again = await storage.referrals.save({ ...accepted[0]!, updatedAt: plus(1) }, [], { take: { capacity } });
      expect(await storage.referrals.countPlaces('camplus')).toBe(capacity);
      await storage.referrals.save({ ...again, status: 'withdrawn' }, [], { release: true });
      expect(await storage.referrals.countPlaces('camplus')).toBe(capacity - 1);
      const late = routed.find((x) => !accepted.some((a) => a.id === x.id))!;
      await storage.referrals.save({ ...late, status: 'accepted' }, [], { take: { capacity } });
      expect(await storage.referrals.countPlaces('camplus')).toBe(capacity);
      expect(await storage.referrals.countPlaces('digiter')).toBe(0);
    });

    it('gives back a place taken for a save that is refused', async () => {
      const storage = get();
      const r = await storage.referrals.save(referral({ programme: 'camplus', status: 'routed' }), []);
      await storage.referrals.save({ ...r, updatedAt: plus(1) }, []);
      await expect(storage.referrals.save({ ...r, status: 'accepted' }, [], { take: { capacity: 5 } })).rejects.toBeInstanceOf(ConcurrentUpdateError);
      expect(await storage.referrals.countPlaces('camplus')).toBe(0);
    });

    it('counts open referrals per partner and lists a partner\'s referrals, longest waiting first', async () => {
      const storage = get();
      const save = (o: Partial<Referral>) => storage.referrals.save(referral(o), []);
      const oldest = await save({ partnerId: 'pa', status: 'routed', waitingSince: plus(1000) });
      const newest = await save({ partnerId: 'pa', status: 'accepted', waitingSince: plus(5000) });
      await save({ partnerId: 'pa', status: 'declined', waitingSince: plus(2000) });
      await save({ partnerId: 'pb', status: 'infoRequested' });
      await save({ partnerId: null, status: 'submitted' });
      expect(Object.fromEntries(await storage.referrals.countOpenByPartner())).toEqual({ pa: 2, pb: 1 });
      expect((await storage.referrals.listForPartner({ partnerId: 'pa', limit: 10 })).map((r) => r.status)).toEqual(['routed', 'declined', 'accepted']);
      expect((await storage.referrals.listForPartner({ partnerId: 'pa', statuses: ['routed', 'accepted'], limit: 10 })).map((r) => r.id)).toEqual([oldest.id, newest.id]);
      expect(await storage.referrals.listForPartner({ partnerId: 'pa', limit: 1 })).toHaveLength(1);
      expect(await storage.referrals.listForPartner({ partnerId: 'nobody', limit: 10 })).toEqual([]);
    });

    it('lists a person\'s referrals newest first, and deletes them', async () => {
      const storage = get();
      const older = await storage.referrals.save(referral({ createdAt: T0 }), []);
      const newer = await storage.referrals.save(referral({ createdAt: plus(5000) }), []);
      await storage.referrals.save(referral({ userKey: 'u2' }), []);
      expect((await storage.referrals.listByUser('u1')).map((r) => r.id)).toEqual([newer.id, older.id]);
      expect(await storage.referrals.deleteAllForUser('u1')).toBe(2);
      expect(await storage.referrals.listByUser('u1')).toEqual([]);
      expect(await storage.referrals.listByUser('u2')).toHaveLength(1);
    });
  });

  describe('outbox', () => {
    it('claims due messages oldest first under a lease, counts an attempt, and not those leased to another', async () => {
      const storage = get();
      await storage.outbox.enqueue([message('a', { id: 'late', createdAt: plus(2000) }), message('a', { id: 'early', createdAt: plus(1000) })]);
      expect(await storage.outbox.claim('w1', T0, 60_000, 10)).toEqual([]);
      const claimed = await storage.outbox.claim('w1', plus(5000), 60_000, 10);
      expect(claimed.map((m) => m.id)).toEqual(['early', 'late']);
      expect(claimed[0]).toMatchObject({ status: 'pending', attempts: 1, lease: { owner: 'w1', until: plus(65_000) } });
      expect(await storage.outbox.claim('w2', plus(6000), 60_000, 10)).toEqual([]);
      // Once the lease has run out, another worker may take it (the first one died).
      const again = await storage.outbox.claim('w2', plus(65_000), 60_000, 1);
      expect(again.map((m) => [m.id, m.attempts, m.lease?.owner])).toEqual([['early', 2, 'w2']]);
    });

    it('gives each message to one of several workers claiming at the same time', async () => {
      const storage = get();
      const ids = Array.from({ length: 12 }, (_, i) => `m${i}`);
      await storage.outbox.enqueue(ids.map((id) => message('agg', { id })));
      const batches = await Promise.all(['w1', 'w2', 'w3', 'w4'].map((w) => storage.outbox.claim(w, plus(1), 60_000, 12)));
      const all = batches.flat().map((m) => m.id).sort();
      expect(all).toEqual([...ids].sort());
      expect(new Set(all).size).toBe(ids.length);
    });

    it('only the lease holder completes or fails a message', async () => {
      const storage = get();
      await storage.outbox.enqueue([message('a', { id: 'm1' }), message('a', { id: 'm2' })]);
      await storage.outbox.claim('w1', plus(1), 60_000, 10);
      expect(await storage.outbox.complete('m1', 'intruder', plus(2))).toBe(false);
      expect(await storage.outbox.complete('m1', 'w1', plus(2))).toBe(true);
      expect(await storage.outbox.complete('m1', 'w1', plus(3))).toBe(false);
      expect(await storage.outbox.get('m1')).toMatchObject({ status: 'delivered', deliveredAt: plus(2), lease: null, attempts: 1 });
      expect(await storage.outbox.fail('m2', 'intruder', { error: 'x', at: plus(2), retryAt: plus(10) })).toBe(false);
      expect(await storage.outbox.fail('m2', 'w1', { error: 'HTTP 503', at: plus(2), retryAt: plus(10_000) })).toBe(true);
      expect(await storage.outbox.get('m2')).toMatchObject({ status: 'pending', lastError: 'HTTP 503', nextAttemptAt: plus(10_000), lease: null });
      expect(await storage.outbox.claim('w2', plus(5000), 60_000, 10)).toEqual([]);
      expect((await storage.outbox.claim('w2', plus(10_000), 60_000, 10)).map((m) => [m.id, m.attempts])).toEqual([['m2', 2]]);
    });

    it('puts a message aside as dead, counts it, lists it, and retries it on request', async () => {
      const storage = get();
      await storage.outbox.enqueue([message('a', { id: 'doomed' }), message('a', { id: 'waiting', createdAt: plus(60_000) })]);
      await storage.outbox.claim('w1', plus(1), 60_000, 1);
      expect(await storage.outbox.fail('doomed', 'w1', { error: 'HTTP 500', at: plus(2), retryAt: null })).toBe(true);
      expect(await storage.outbox.stats(plus(3))).toEqual({ pending: 1, due: 0, dead: 1 });
      expect((await storage.outbox.listDead(10)).map((m) => [m.id, m.lastError])).toEqual([['doomed', 'HTTP 500']]);
      expect(await storage.outbox.claim('w1', plus(3), 60_000, 10)).toEqual([]);
      expect(await storage.outbox.retry('waiting', plus(4))).toBe(false);
      expect(await storage.outbox.retry('doomed', plus(4))).toBe(true);
      expect(await storage.outbox.stats(plus(5))).toEqual({ pending: 2, due: 1, dead: 0 });
      expect((await storage.outbox.claim('w1', plus(5), 60_000, 10)).map((m) => [m.id, m.attempts])).toEqual([['doomed', 1]]);
    });

    it('enqueues idempotently by id, round-trips payloads, and deletes an aggregate\'s messages', async () => {
      const storage = get();
      const m = message('agg-1', { id: 'once', payload: { text: 'مرحبا 👋', nested: { list: [1, 'two', null] } } });
      await storage.outbox.enqueue([m]);
      await storage.outbox.enqueue([{ ...m, payload: { changed: true } }]);
      expect(await storage.outbox.get('once')).toMatchObject({ payload: m.payload, attempts: 0, status: 'pending', lease: null, lastError: null });
      await storage.outbox.enqueue([message('agg-2', { id: 'other' })]);
      expect(await storage.outbox.deleteForAggregate('agg-1')).toBe(1);
      expect(await storage.outbox.get('once')).toBeNull();
      expect(await storage.outbox.get('other')).not.toBeNull();
    });

    it('fails with StorageUnavailableError once closed', async () => {
      const storage = get();
      await storage.close();
      await expect(storage.outbox.claim('w', T0, 1000, 1)).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.referrals.save(referral(), [])).rejects.toBeInstanceOf(StorageUnavailableError);
      await expect(storage.conversationReferences.latest('u1')).rejects.toBeInstanceOf(StorageUnavailableError);
    });
  });

  describe('partnerApiKeys', () => {
    it('stores keys by id (only a hash of the secret), lists a partner\'s, and revokes once', async () => {
      const storage = get();
      const key = { id: 'k1', partnerId: 'pa', label: 'CRM', secretHash: 'a'.repeat(64), createdAt: T0, revokedAt: null };
      await storage.partnerApiKeys.create(key);
      await storage.partnerApiKeys.create({ ...key, id: 'k2', createdAt: plus(1000) });
      await storage.partnerApiKeys.create({ ...key, id: 'k3', partnerId: 'pb' });
      await expect(storage.partnerApiKeys.create(key)).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await storage.partnerApiKeys.get('k1')).toStrictEqual(key);
      expect((await storage.partnerApiKeys.listByPartner('pa')).map((k) => k.id)).toEqual(['k2', 'k1']);
      expect(await storage.partnerApiKeys.revoke('k1', plus(5))).toBe(true);
      expect(await storage.partnerApiKeys.revoke('k1', plus(6))).toBe(false);
      expect(await storage.partnerApiKeys.revoke('nope', plus(6))).toBe(false);
      expect((await storage.partnerApiKeys.get('k1'))?.revokedAt).toEqual(plus(5));
    });
  });

  describe('conversationReferences', () => {
    it('keeps the latest conversation of each person, and deletes it', async () => {
      const storage = get();
      const first = {
        userKey: 'u1',
        channelId: 'telegram',
        serviceUrl: 'https://telegram.botframework.com/',
        conversationId: 'c-1',
        userId: 'tg-42',
        botId: 'bot',
        locale: 'ar-EG',
        updatedAt: T0
      };
      expect(await storage.conversationReferences.latest('u1')).toBeNull();
      await storage.conversationReferences.save(first);
      expect(await storage.conversationReferences.latest('u1')).toStrictEqual(first);
      const second = { ...first, channelId: 'directline', serviceUrl: 'http://127.0.0.1:3978/directline-connector/', conversationId: 'c-2', locale: null, updatedAt: plus(1000) };
      await storage.conversationReferences.save(second);
      await storage.conversationReferences.save({ ...first, userKey: 'u2' });
      expect(await storage.conversationReferences.latest('u1')).toStrictEqual(second);
      expect(await storage.conversationReferences.deleteAllForUser('u1')).toBe(1);
      expect(await storage.conversationReferences.latest('u1')).toBeNull();
      expect(await storage.conversationReferences.latest('u2')).not.toBeNull();
    });
  });

  describe('capabilities', () => {
    it('says what the database can do', () => {
      const { capabilities } = get();
      for (const value of Object.values(capabilities)) expect(typeof value).toBe('boolean');
      expect(Object.keys(capabilities).sort()).toEqual(['expiresRecords', 'partialIndexes', 'transactions']);
    });
  });
}
