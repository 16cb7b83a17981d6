import type { Account, AuditEntry, ConsoleSession, Referral } from '../../src/domain';
import { DuplicateKeyError, type StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';

const at = (iso: string) => new Date(iso);

function account(id: string, email: string, overrides: Partial<Account> = {}): Account {
  return { id, email, role: 'caseworker', partnerId: null, passwordHash: `scrypt$hash-of-${id}`, createdAt: at('2026-12-01T10:00:00Z'), disabledAt: null, ...overrides };
}

function referral(id: string, overrides: Partial<Referral> = {}): Referral {
  const created = overrides.waitingSince ?? at('2026-11-01T00:00:00Z');
  return {
    id,
    reference: `REF-${id}`,
    userKey: `user-${id}`,
    programme: 'digiter',
    status: 'routed',
    partnerId: 'fr-coordinator',
    country: 'FR',
    language: 'fr',
    details: {
      source: 'menu',
      shared: {},
      consent: { partnerId: 'fr-coordinator', fields: [], noticeVersion: '1', grantedAt: created.toISOString() },
      history: [],
      infoRequests: [],
      notes: [],
      routingReasons: []
    },
    createdAt: created,
    updatedAt: created,
    waitingSince: created,
    version: 0,
    ...overrides
  };
}

describeEachStorage('console storage', (target) => {
  let storage: StorageBundle;
  beforeEach(async () => {
    storage = await target.open();
  });
  afterEach(async () => {
    await storage.close();
  });

  describe('accounts', () => {
    it('creates, finds by id and e-mail, lists by e-mail, refuses a second id or e-mail', async () => {
      await storage.accounts.create(account('a1', 'zoe@example.org'));
      await storage.accounts.create(account('a2', 'ana@example.org', { role: 'partner', partnerId: 'be-training' }));
      expect(await storage.accounts.get('a2')).toEqual(account('a2', 'ana@example.org', { role: 'partner', partnerId: 'be-training' }));
      expect((await storage.accounts.findByEmail('zoe@example.org'))?.id).toBe('a1');
      expect(await storage.accounts.findByEmail('nobody@example.org')).toBeNull();
      expect((await storage.accounts.list()).map((a) => a.email)).toEqual(['ana@example.org', 'zoe@example.org']);
      await expect(storage.accounts.create(account('a1', 'other@example.org'))).rejects.toBeInstanceOf(DuplicateKeyError);
      await expect(storage.accounts.create(account('a3', 'zoe@example.org'))).rejects.toMatchObject({ name: 'DuplicateKeyError', id: 'zoe@example.org' });
      expect(await storage.accounts.list()).toHaveLength(2);
    });

    it('changes a password hash and closes an account once', async () => {
      await storage.accounts.create(account('a1', 'zoe@example.org'));
      expect(await storage.accounts.setPasswordHash('a1', 'scrypt$new')).toBe(true);
      expect(await storage.accounts.setPasswordHash('missing', 'x')).toBe(false);
      expect(await storage.accounts.disable('a1', at('2026-12-02T00:00:00Z'))).toBe(true);
      expect(await storage.accounts.disable('a1', at('2026-12-03T00:00:00Z'))).toBe(false);
      expect(await storage.accounts.get('a1')).toMatchObject({ passwordHash: 'scrypt$new', disabledAt: at('2026-12-02T00:00:00Z') });
    });
  });

  describe('console sessions', () => {
    const session = (id: string, accountId: string, lastSeen: string, expires: string): ConsoleSession => ({
      id,
      accountId,
      csrfToken: `csrf-${id}`,
      createdAt: at('2026-12-01T08:00:00Z'),
      lastSeenAt: at(lastSeen),
      expiresAt: at(expires)
    });

    it('creates, reads, touches and deletes; refuses a second id', async () => {
      const s = session('s1', 'a1', '2026-12-01T08:00:00Z', '2026-12-01T20:00:00Z');
      await storage.consoleSessions.create(s);
      await expect(storage.consoleSessions.create(s)).rejects.toBeInstanceOf(DuplicateKeyError);
      expect(await storage.consoleSessions.get('s1')).toEqual(s);
      expect(await storage.consoleSessions.touch('s1', at('2026-12-01T09:00:00Z'))).toBe(true);
      expect((await storage.consoleSessions.get('s1'))?.lastSeenAt).toEqual(at('2026-12-01T09:00:00Z'));
      expect(await storage.consoleSessions.touch('gone', at('2026-12-01T09:00:00Z'))).toBe(false);
      expect(await storage.consoleSessions.delete('s1')).toBe(true);
      expect(await storage.consoleSessions.delete('s1')).toBe(false);
      expect(await storage.consoleSessions.get('s1')).toBeNull();
    });

    it('deletes an account’s sessions, and the idle or expired ones', async () => {
      await storage.consoleSessions.create(session('s1', 'a1', '2026-12-01T08:00:00Z', '2026-12-01T20:00:00Z'));
      await storage.consoleSessions.create(session('s2', 'a1', '2026-12-01T08:00:00Z', '2026-12-01T20:00:00Z'));
      await storage.consoleSessions.create(session('s3', 'a2', '2026-12-01T09:50:00Z', '2026-12-01T20:00:00Z'));
      await storage.consoleSessions.create(session('s4', 'a2', '2026-12-01T09:00:00Z', '2026-12-01T20:00:00Z'));
      await storage.consoleSessions.create(session('s5', 'a2', '2026-12-01T09:55:00Z', '2026-12-01T09:59:00Z'));
      expect(await storage.consoleSessions.deleteForAccount('a1')).toBe(2);
      // At 10:00 with 30 minutes idle: s4 (idle since 09:00) and s5 (ended 09:59) go, s3 stays.
      expect(await storage.consoleSessions.deleteExpired(at('2026-12-01T10:00:00Z'), 30 * 60_000)).toBe(2);
      expect(await storage.consoleSessions.get('s3')).not.toBeNull();
      expect(await storage.consoleSessions.get('s4')).toBeNull();
    });
  });

  describe('audit log', () => {
    const entry = (id: string, iso: string, referralId: string | null = null): AuditEntry => ({
      id,
      at: at(iso),
      accountId: 'a1',
      actorEmail: 'zoe@example.org',
      actorRole: 'caseworker',
      action: 'referral.view',
      referralId,
      userKey: referralId ? `user-${referralId}` : null,
      detail: null
    });

    it('appends and lists newest first, by referral, page by page; refuses a second id', async () => {
      await storage.auditLog.append(entry('e1', '2026-12-01T10:00:00Z', 'r1'));
      await storage.auditLog.append(entry('e2', '2026-12-01T11:00:00Z', 'r2'));
      await storage.auditLog.append(entry('e3', '2026-12-01T11:00:00Z', 'r1'));
      await storage.auditLog.append({ ...entry('e4', '2026-12-01T12:00:00Z'), accountId: null, actorRole: null, action: 'signInRefused', detail: 'x' });
      await expect(storage.auditLog.append(entry('e1', '2026-12-01T13:00:00Z'))).rejects.toBeInstanceOf(DuplicateKeyError);
      expect((await storage.auditLog.list({ limit: 10 })).map((e) => e.id)).toEqual(['e4', 'e3', 'e2', 'e1']);
      expect((await storage.auditLog.list({ limit: 10, referralId: 'r1' })).map((e) => e.id)).toEqual(['e3', 'e1']);
      const first = await storage.auditLog.list({ limit: 2 });
      const last = first[first.length - 1]!;
      expect((await storage.auditLog.list({ limit: 2, before: { at: last.at, id: last.id } })).map((e) => e.id)).toEqual(['e2', 'e1']);
      expect(first[0]).toEqual({ ...entry('e4', '2026-12-01T12:00:00Z'), accountId: null, actorRole: null, action: 'signInRefused', detail: 'x' });
    });
  });

  describe('partner capacities', () => {
    it('sets, replaces and lists capacities; refuses a negative or fractional one', async () => {
      expect(await storage.partnerCapacities.all()).toEqual(new Map());
      await storage.partnerCapacities.set('fr-coordinator', 12, at('2026-12-01T10:00:00Z'));
      await storage.partnerCapacities.set('be-training', 0, at('2026-12-01T10:00:00Z'));
      await storage.partnerCapacities.set('fr-coordinator', 7, at('2026-12-01T11:00:00Z'));
      await expect(storage.partnerCapacities.set('fr-coordinator', -1, at('2026-12-01T12:00:00Z'))).rejects.toBeInstanceOf(TypeError);
      await expect(storage.partnerCapacities.set('fr-coordinator', 1.5, at('2026-12-01T12:00:00Z'))).rejects.toBeInstanceOf(TypeError);
      expect(await storage.partnerCapacities.all()).toEqual(new Map([['fr-coordinator', 7], ['be-training', 0]]));
    });
  });

  describe('referral queue', () => {
    beforeEach(async () => {
      const rows: Referral[] = [
        referral('q1', { waitingSince: at('2026-11-01T00:00:00Z') }),
        referral('q2', { waitingSince: at('2026-11-02T00:00:00Z'), status: 'submitted', partnerId: null }),
        referral('q3', { waitingSince: at('2026-11-02T00:00:00Z'), partnerId: 'be-training', country: 'BE', language: 'nl' }),
        referral('q4', { waitingSince: at('2026-11-03T00:00:00Z'), programme: 'camplus', status: 'accepted', language: 'ar' }),
        referral('q5', { waitingSince: at('2026-11-20T00:00:00Z'), status: 'declined' })
      ];
      for (const r of rows) await storage.referrals.save(r, []);
    });
    const ids = (list: Referral[]) => list.map((r) => r.id);

    it('lists the longest waiting first (ties by id), or the newest first, with every filter', async () => {
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 10 }))).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
      expect(ids(await storage.referrals.queue({ sort: 'newest', limit: 10 }))).toEqual(['q5', 'q4', 'q3', 'q2', 'q1']);
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 10, statuses: ['routed', 'accepted'] }))).toEqual(['q1', 'q3', 'q4']);
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 10, programme: 'camplus' }))).toEqual(['q4']);
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 10, country: 'BE' }))).toEqual(['q3']);
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 10, partnerId: 'fr-coordinator' }))).toEqual(['q1', 'q4', 'q5']);
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 10, unrouted: true }))).toEqual(['q2']);
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 10, language: 'ar' }))).toEqual(['q4']);
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 10, waitingSinceAtOrBefore: at('2026-11-02T00:00:00Z') }))).toEqual(['q1', 'q2', 'q3']);
    });

    it('pages with the keyset cursor in both orders', async () => {
      const first = await storage.referrals.queue({ sort: 'oldest', limit: 2 });
      expect(ids(first)).toEqual(['q1', 'q2']);
      const cursor = { waitingSince: first[1]!.waitingSince, id: first[1]!.id };
      expect(ids(await storage.referrals.queue({ sort: 'oldest', limit: 2, after: cursor }))).toEqual(['q3', 'q4']);
      const newest = await storage.referrals.queue({ sort: 'newest', limit: 3 });
      expect(ids(newest)).toEqual(['q5', 'q4', 'q3']);
      expect(ids(await storage.referrals.queue({ sort: 'newest', limit: 3, after: { waitingSince: newest[2]!.waitingSince, id: 'q3' } }))).toEqual(['q2', 'q1']);
    });

    it('counts per status with the same filters', async () => {
      expect(await storage.referrals.countByStatus({})).toEqual({ routed: 2, submitted: 1, accepted: 1, declined: 1 });
      expect(await storage.referrals.countByStatus({ partnerId: 'fr-coordinator' })).toEqual({ routed: 1, accepted: 1, declined: 1 });
      expect(await storage.referrals.countByStatus({ country: 'BE', language: 'nl' })).toEqual({ routed: 1 });
      expect(await storage.referrals.countByStatus({ unrouted: true })).toEqual({ submitted: 1 });
      expect(await storage.referrals.countByStatus({ programme: 'camplus', waitingSinceAtOrBefore: at('2026-11-10T00:00:00Z') })).toEqual({ accepted: 1 });
      expect(await storage.referrals.countByStatus({ waitingSinceAtOrBefore: at('2026-11-02T00:00:00Z') })).toEqual({ routed: 2, submitted: 1 });
    });

    it('keeps the counts right through changes and erasure', async () => {
      const q2 = (await storage.referrals.get('q2'))!;
      await storage.referrals.save({ ...q2, status: 'routed', partnerId: 'be-training', country: 'BE' }, []);
      const q1 = (await storage.referrals.get('q1'))!;
      await storage.referrals.save({ ...q1, status: 'accepted' }, []);
      // A save refused for a stale version changes no count.
      await expect(storage.referrals.save({ ...q1, status: 'declined' }, [])).rejects.toMatchObject({ name: 'ConcurrentUpdateError' });
      expect(await storage.referrals.countByStatus({})).toEqual({ routed: 2, accepted: 2, declined: 1 });
      expect(await storage.referrals.countByStatus({ partnerId: 'be-training' })).toEqual({ routed: 2 });
      expect(await storage.referrals.countByStatus({ unrouted: true })).toEqual({});
      expect(await storage.referrals.deleteAllForUser('user-q4')).toBe(1);
      expect(await storage.referrals.countByStatus({})).toEqual({ routed: 2, accepted: 1, declined: 1 });
      expect(await storage.referrals.countByStatus({ programme: 'camplus' })).toEqual({});
    });
  });
});
