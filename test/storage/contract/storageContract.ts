import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import type { EligibilityAnswers, EligibilityResult } from '../../../src/domain/eligibility/types';
import {
  DuplicateKeyError,
  EtagConflictError,
  StorageUnavailableError,
  type ConsentRecord,
  type EligibilityCheckRecord,
  type StorageBundle
} from '../../../src/storage';

/**
 * The behaviour every storage adapter must have. Each test gets a fresh, empty bundle from
 * `open` and closes it afterwards.
 */
export function describeStorageContract(name: string, open: () => Promise<StorageBundle>): void {
  describe(`${name} storage contract`, () => {
    let storage: StorageBundle;

    beforeEach(async () => {
      storage = await open();
    });

    afterEach(async () => {
      await storage.close();
    });

    describe('botState', () => {
      it('reads nothing for missing keys, and only the keys that exist', async () => {
        expect(await storage.botState.read([])).toEqual({});
        expect(await storage.botState.read(['missing', 'also/missing'])).toEqual({});
        await storage.botState.write({ present: { n: 1 } });
        const items = await storage.botState.read(['missing', 'present']);
        expect(Object.keys(items)).toEqual(['present']);
      });

      it('round-trips an item, which comes back with an eTag', async () => {
        const state = { count: 3, name: 'Amélie 👋', tags: ['a', 'b'], nested: { deep: [1, { x: null }] }, ok: true };
        await storage.botState.write({ 'channel/conv/user': { ...state } });
        const items = await storage.botState.read(['channel/conv/user']);
        expect(items['channel/conv/user']).toEqual({ ...state, eTag: expect.any(String) });
        expect(items['channel/conv/user'].eTag).not.toBe('');
      });

      it('uses JSON semantics: dates become strings, undefined fields disappear', async () => {
        const at = new Date('2025-03-04T05:06:07.089Z');
        await storage.botState.write({ k: { at, gone: undefined, kept: null } });
        const item = (await storage.botState.read(['k'])).k;
        expect(item).toEqual({ at: '2025-03-04T05:06:07.089Z', kept: null, eTag: expect.any(String) });
        expect('gone' in item).toBe(false);
      });

      it('stores a fresh eTag on every write', async () => {
        await storage.botState.write({ k: { v: 1 } });
        const first = (await storage.botState.read(['k'])).k.eTag;
        await storage.botState.write({ k: { v: 2, eTag: first } });
        const second = (await storage.botState.read(['k'])).k;
        expect(second.v).toBe(2);
        expect(second.eTag).not.toBe(first);
      });

      it('rejects a stale eTag with EtagConflictError and keeps the stored item', async () => {
        await storage.botState.write({ k: { v: 1 } });
        const stale = (await storage.botState.read(['k'])).k;
        await storage.botState.write({ k: { ...stale, v: 2 } });
        const current = (await storage.botState.read(['k'])).k;

        const write = storage.botState.write({ k: { ...stale, v: 3 } });
        await expect(write).rejects.toBeInstanceOf(EtagConflictError);
        await expect(write).rejects.toMatchObject({ key: 'k' });
        expect((await storage.botState.read(['k'])).k).toEqual(current);
      });

      it("overwrites with eTag '*' or without an eTag", async () => {
        await storage.botState.write({ k: { v: 1 } });
        await storage.botState.write({ k: { v: 2 } });
        await storage.botState.write({ k: { v: 3, eTag: '*' } });
        expect((await storage.botState.read(['k'])).k.v).toBe(3);
        await storage.botState.write({ k: { v: 4, eTag: '' } });
        expect((await storage.botState.read(['k'])).k.v).toBe(4);
      });

      it('writes an item that carries an eTag when the key does not exist (as MemoryStorage does)', async () => {
        await storage.botState.write({ k: { v: 1, eTag: 'from-elsewhere' } });
        const item = (await storage.botState.read(['k'])).k;
        expect(item.v).toBe(1);
        expect(item.eTag).not.toBe('from-elsewhere');
      });

      it('writes the other keys of a batch when one key conflicts, then rejects (as MemoryStorage does)', async () => {
        await storage.botState.write({ b: { v: 1 } });
        const staleB = (await storage.botState.read(['b'])).b;
        await storage.botState.write({ b: { v: 2 } });

        const write = storage.botState.write({ a: { v: 'a' }, b: { ...staleB, v: 3 }, c: { v: 'c' } });
        await expect(write).rejects.toMatchObject({ name: 'EtagConflictError', key: 'b' });
        const items = await storage.botState.read(['a', 'b', 'c']);
        expect(items.a.v).toBe('a');
        expect(items.b.v).toBe(2);
        expect(items.c.v).toBe('c');
      });

      it('lets exactly one of two concurrent writes with the same eTag win', async () => {
        await storage.botState.write({ k: { v: 0 } });
        const base = (await storage.botState.read(['k'])).k;

        const results = await Promise.allSettled([
          storage.botState.write({ k: { ...base, v: 'first' } }),
          storage.botState.write({ k: { ...base, v: 'second' } })
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(EtagConflictError);
        const winner = results[0]!.status === 'fulfilled' ? 'first' : 'second';
        expect((await storage.botState.read(['k'])).k.v).toBe(winner);
      });

      it('deletes, ignoring missing keys', async () => {
        await storage.botState.write({ a: { v: 1 }, b: { v: 2 } });
        await storage.botState.delete(['a', 'never-written']);
        await storage.botState.delete([]);
        expect(Object.keys(await storage.botState.read(['a', 'b']))).toEqual(['b']);
      });

      it('treats a deleted key as missing for a later write with its old eTag', async () => {
        await storage.botState.write({ k: { v: 1 } });
        const old = (await storage.botState.read(['k'])).k;
        await storage.botState.delete(['k']);
        await storage.botState.write({ k: { ...old, v: 2 } });
        expect((await storage.botState.read(['k'])).k.v).toBe(2);
      });

      it("accepts keys and field names with '.', '$', a leading '$', slashes and unicode", async () => {
        const keys = ['a.b.c', '$leading', 'with$dollar', 'webchat/conv.1/users/Zoë', '', 'x'.repeat(500)];
        const items: StoreItems = {};
        for (const [i, key] of keys.entries()) {
          items[key] = { i, '$type': 'weird', 'dotted.name': { '$nested.too': [i] }, 'ключ': 'значение' };
        }
        await storage.botState.write(items);
        const read = await storage.botState.read(keys);
        expect(Object.keys(read).sort()).toEqual([...keys].sort());
        for (const [i, key] of keys.entries()) {
          expect(read[key]).toEqual({ ...items[key], i, eTag: expect.any(String) });
        }
        await storage.botState.delete(keys);
        expect(await storage.botState.read(keys)).toEqual({});
      });

      it('refuses an item that is not an object, writing nothing of the batch', async () => {
        const changes: StoreItems = { a: { v: 1 }, b: null, c: { v: 3 } };
        await expect(storage.botState.write(changes)).rejects.toBeInstanceOf(TypeError);
        expect(await storage.botState.read(['a', 'b', 'c'])).toEqual({});
      });

      it('does not change the items it is given', async () => {
        const item = { v: 1, eTag: '*' };
        await storage.botState.write({ k: item });
        expect(item).toEqual({ v: 1, eTag: '*' });
      });
    });

    describe('profiles', () => {
      it('returns null for an unknown user', async () => {
        expect(await storage.profiles.get('nobody')).toBeNull();
      });

      it('creates a profile, then updates it keeping createdAt', async () => {
        const created = await storage.profiles.upsert({ userKey: 'u1', language: null });
        expect(created).toEqual({ userKey: 'u1', language: null, createdAt: expect.any(Date), updatedAt: expect.any(Date) });
        expect(created.updatedAt.getTime()).toBe(created.createdAt.getTime());
        expect(await storage.profiles.get('u1')).toEqual(created);

        await pause(5);
        const updated = await storage.profiles.upsert({ userKey: 'u1', language: 'fr' });
        expect(updated.language).toBe('fr');
        expect(updated.createdAt.getTime()).toBe(created.createdAt.getTime());
        expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
        expect(await storage.profiles.get('u1')).toEqual(updated);
      });

      it('deletes a profile and says whether one existed', async () => {
        await storage.profiles.upsert({ userKey: 'u1', language: 'ro' });
        await storage.profiles.upsert({ userKey: 'u2', language: 'de' });
        expect(await storage.profiles.delete('u1')).toBe(true);
        expect(await storage.profiles.delete('u1')).toBe(false);
        expect(await storage.profiles.get('u1')).toBeNull();
        expect((await storage.profiles.get('u2'))?.language).toBe('de');
      });
    });

    describe('consents', () => {
      it('has no history for an unknown user', async () => {
        expect(await storage.consents.latest('nobody')).toBeNull();
        expect(await storage.consents.history('nobody')).toEqual([]);
      });

      it('keeps history oldest first and gives the newest as latest, whatever the append order', async () => {
        const granted = consent({ id: 'c1', decision: 'granted', decidedAt: at('2025-01-02T10:00:00.000Z') });
        const withdrawn = consent({ id: 'c2', decision: 'withdrawn', decidedAt: at('2025-01-03T10:00:00.000Z') });
        const refused = consent({ id: 'c3', decision: 'refused', decidedAt: at('2025-01-01T10:00:00.000Z') });
        for (const record of [granted, withdrawn, refused]) await storage.consents.append(record);

        expect(await storage.consents.history('u1')).toEqual([refused, granted, withdrawn]);
        expect(await storage.consents.latest('u1')).toEqual(withdrawn);
      });

      it('orders decisions with the same date by insertion', async () => {
        const when = at('2025-06-01T12:00:00.000Z');
        const ids = ['z', 'a', 'm', 'b'];
        const records = ids.map((id, i) =>
          consent({ id, decision: i % 2 === 0 ? 'granted' : 'withdrawn', decidedAt: new Date(when) })
        );
        for (const record of records) await storage.consents.append(record);
        expect((await storage.consents.history('u1')).map((r) => r.id)).toEqual(ids);
        expect((await storage.consents.latest('u1'))?.id).toBe('b');
      });

      it('rejects a duplicate id with DuplicateKeyError and keeps the history unchanged', async () => {
        const record = consent({ id: 'same' });
        await storage.consents.append(record);
        await expect(storage.consents.append({ ...record, decision: 'withdrawn' })).rejects.toBeInstanceOf(
          DuplicateKeyError
        );
        await expect(storage.consents.append({ ...record, userKey: 'u2' })).rejects.toMatchObject({
          name: 'DuplicateKeyError',
          id: 'same'
        });
        expect(await storage.consents.history('u1')).toEqual([record]);
        expect(await storage.consents.history('u2')).toEqual([]);
      });

      it('round-trips guardianConfirmed true, false and null', async () => {
        const records = [true, false, null].map((guardianConfirmed, i) =>
          consent({ id: `g${i}`, guardianConfirmed, decidedAt: at(`2025-02-0${i + 1}T00:00:00.000Z`) })
        );
        for (const record of records) await storage.consents.append(record);
        expect(await storage.consents.history('u1')).toEqual(records);
      });

      it('deletes all decisions of one user only', async () => {
        await storage.consents.append(consent({ id: 'a1' }));
        await storage.consents.append(consent({ id: 'a2' }));
        await storage.consents.append(consent({ id: 'b1', userKey: 'u2' }));
        expect(await storage.consents.deleteAllForUser('u1')).toBe(2);
        expect(await storage.consents.deleteAllForUser('u1')).toBe(0);
        expect(await storage.consents.latest('u1')).toBeNull();
        expect((await storage.consents.history('u2')).map((r) => r.id)).toEqual(['b1']);
      });
    });

    describe('eligibilityChecks', () => {
      it('saves and gets a check unchanged; unknown ids give null', async () => {
        const record = check({ id: 'e1' });
        await storage.eligibilityChecks.save(record);
        const got = await storage.eligibilityChecks.get('e1');
        expect(got).toStrictEqual(record);
        expect(await storage.eligibilityChecks.get('nope')).toBeNull();
      });

      it('keeps absent optional answers absent', async () => {
        await storage.eligibilityChecks.save(check({ id: 'partial', answers: { age: 17 } }));
        expect((await storage.eligibilityChecks.get('partial'))?.answers).toStrictEqual({ age: 17 });
      });

      it('lists the checks of a user newest first, same dates by latest insertion first', async () => {
        const old = check({ id: 'old', createdAt: at('2024-12-31T23:59:59.999Z') });
        const newest = check({ id: 'newest', createdAt: at('2025-05-05T00:00:00.000Z') });
        const tieFirst = check({ id: 'tie-first', createdAt: at('2025-01-01T00:00:00.000Z') });
        const tieSecond = check({ id: 'tie-second', createdAt: at('2025-01-01T00:00:00.000Z') });
        for (const record of [old, newest, tieFirst, tieSecond, check({ id: 'other', userKey: 'u2' })]) {
          await storage.eligibilityChecks.save(record);
        }
        const listed = await storage.eligibilityChecks.listByUser('u1');
        expect(listed.map((r) => r.id)).toEqual(['newest', 'tie-second', 'tie-first', 'old']);
        expect(listed[0]).toStrictEqual(newest);
        expect(await storage.eligibilityChecks.listByUser('nobody')).toEqual([]);
      });

      it('rejects a duplicate id with DuplicateKeyError', async () => {
        await storage.eligibilityChecks.save(check({ id: 'dup' }));
        await expect(storage.eligibilityChecks.save(check({ id: 'dup', userKey: 'u2' }))).rejects.toBeInstanceOf(
          DuplicateKeyError
        );
        expect(await storage.eligibilityChecks.listByUser('u2')).toEqual([]);
      });

      it('deletes all checks of one user only', async () => {
        await storage.eligibilityChecks.save(check({ id: 'a1' }));
        await storage.eligibilityChecks.save(check({ id: 'a2' }));
        await storage.eligibilityChecks.save(check({ id: 'b1', userKey: 'u2' }));
        expect(await storage.eligibilityChecks.deleteAllForUser('u1')).toBe(2);
        expect(await storage.eligibilityChecks.deleteAllForUser('u1')).toBe(0);
        expect(await storage.eligibilityChecks.get('a1')).toBeNull();
        expect(await storage.eligibilityChecks.get('b1')).not.toBeNull();
      });
    });

    it('round-trips dates exactly, to the millisecond', async () => {
      const dates = ['1970-01-01T00:00:00.001Z', '2024-02-29T23:59:59.999Z', '2099-12-31T12:34:56.789Z'].map(at);
      for (const [i, date] of dates.entries()) {
        await storage.consents.append(consent({ id: `d${i}`, decidedAt: date }));
        await storage.eligibilityChecks.save(check({ id: `d${i}`, createdAt: date }));
      }
      const consents = await storage.consents.history('u1');
      const checks = await storage.eligibilityChecks.listByUser('u1');
      expect(consents.map((r) => r.decidedAt.toISOString())).toEqual(dates.map((d) => d.toISOString()));
      expect(checks.map((r) => r.createdAt.toISOString())).toEqual([...dates].reverse().map((d) => d.toISOString()));
      for (const record of [...consents, ...checks]) {
        const date = 'decidedAt' in record ? record.decidedAt : record.createdAt;
        expect(date).toBeInstanceOf(Date);
      }
    });

    describe('lifecycle', () => {
      it('names its kind and answers ping', async () => {
        expect(['sqlite', 'mongodb']).toContain(storage.kind);
        await expect(storage.ping()).resolves.toBeUndefined();
      });

      it('closes idempotently; afterwards every port fails with StorageUnavailableError', async () => {
        await storage.close();
        await expect(storage.close()).resolves.toBeUndefined();
        await expect(storage.ping()).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.botState.read(['k'])).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.botState.write({ k: {} })).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.profiles.get('u1')).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.consents.history('u1')).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.eligibilityChecks.get('e1')).rejects.toBeInstanceOf(StorageUnavailableError);
      });
    });
  });
}

function at(iso: string): Date {
  return new Date(iso);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function consent(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    id: randomUUID(),
    userKey: 'u1',
    decision: 'granted',
    noticeVersion: '2025-01',
    language: 'fr',
    guardianConfirmed: null,
    decidedAt: at('2025-01-01T00:00:00.000Z'),
    ...overrides
  };
}

const ANSWERS: EligibilityAnswers = {
  birthDate: '2001-04-05',
  situation: 'none',
  qualification: 'upperSecondary',
  country: 'RO',
  region: 'Nord-Est',
  livesInCamp: false,
  project: 'planning'
};

const RESULT: EligibilityResult = {
  rulesVersion: '2025.1',
  asOf: '2025-03-01',
  programmes: [
    {
      programme: 'digiter',
      outcome: 'eligible',
      criteria: [{ criterion: 'age', status: 'met', reasonKey: 'age.inRange', params: { min: 18, max: 29, age: 23 } }],
      nextStepKey: 'next.apply'
    },
    { programme: 'camplus', outcome: 'needs_adviser', criteria: [], nextStepKey: 'next.adviser' }
  ]
};

function check(overrides: Partial<EligibilityCheckRecord> = {}): EligibilityCheckRecord {
  return {
    id: randomUUID(),
    userKey: 'u1',
    answers: ANSWERS,
    result: RESULT,
    rulesVersion: '2025.1',
    language: 'ro',
    createdAt: at('2025-03-01T08:30:00.250Z'),
    ...overrides
  };
}
