import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';
import type { EligibilityAnswers, EligibilityResult } from '../../../src/domain/eligibility/types';
import {
  ConcurrentUpdateError,
  DuplicateKeyError,
  EtagConflictError,
  StorageUnavailableError,
  hashProfileLinkToken,
  type AssessmentRecord,
  type ConsentRecord,
  type EligibilityCheckRecord,
  type ProfileLink,
  type StorageBundle,
  type TrainingInterest
} from '../../../src/storage';
import { describeLeases } from './leaseContract';
import { describeReferralsAndOutbox } from './outboxContract';

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

      it('creates a missing key once: of two writes carrying an eTag for it at once, exactly one wins', async () => {
        // How a turn creates a conversation's state without overwriting one created meanwhile.
        for (let round = 0; round < 5; round++) {
          const key = `new-${round}`;
          const results = await Promise.allSettled([
            storage.botState.write({ [key]: { v: 'first', eTag: 'absent' } }),
            storage.botState.write({ [key]: { v: 'second', eTag: 'absent' } })
          ]);
          expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
          const lost = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
          expect(lost?.reason).toBeInstanceOf(EtagConflictError);
          const winner = results[0]!.status === 'fulfilled' ? 'first' : 'second';
          expect((await storage.botState.read([key]))[key].v).toBe(winner);
        }
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

    describe('assessments', () => {
      it('inserts a new assessment (version 0) and gets it back unchanged at version 1; unknown ids give null', async () => {
        const record = assessment({ id: 'a1' });
        const saved = await storage.assessments.save(record);
        expect(saved).toStrictEqual({ ...record, version: 1 });
        expect(await storage.assessments.get('a1')).toStrictEqual(saved);
        expect(await storage.assessments.get('nope')).toBeNull();
        expect(record.version).toBe(0);
      });

      it('round-trips a completed assessment: any item ids, skipped answers, the profile JSON, dates', async () => {
        const answers = { 'digital.1': 4, '$weird': 'skipped', 'ключ': 0, '': -2.5, '10': 1 } as const;
        const profile = { scores: { digital: 0.75, langues: [1, 2, { x: null }] }, level: 'B1 ✓', tags: [] };
        const record = assessment({
          id: 'done',
          answers: { ...answers },
          status: 'completed',
          currentItemId: null,
          profile,
          startedAt: at('1970-01-01T00:00:00.001Z'),
          updatedAt: at('2024-02-29T23:59:59.999Z'),
          completedAt: at('2099-12-31T12:34:56.789Z')
        });
        const saved = await storage.assessments.save(record);
        const got = await storage.assessments.get('done');
        expect(got).toStrictEqual({ ...record, version: 1 });
        expect(got).toStrictEqual(saved);
        expect(got!.completedAt).toBeInstanceOf(Date);
        expect(got!.startedAt.toISOString()).toBe('1970-01-01T00:00:00.001Z');
        expect(got!.completedAt!.toISOString()).toBe('2099-12-31T12:34:56.789Z');
      });

      it('keeps the profile with JSON semantics (dates become strings, undefined disappears), as save returns it', async () => {
        const record = assessment({ id: 'json', profile: { at: at('2025-03-04T05:06:07.089Z'), gone: undefined, kept: null } });
        const saved = await storage.assessments.save(record);
        expect(saved.profile).toStrictEqual({ at: '2025-03-04T05:06:07.089Z', kept: null });
        expect(await storage.assessments.get('json')).toStrictEqual(saved);
      });

      it('is not changed by later changes to the objects it was given', async () => {
        const record = assessment({ id: 'own', answers: { q1: 1 } });
        const saved = await storage.assessments.save(record);
        record.answers.q1 = 5;
        record.startedAt.setUTCFullYear(2000);
        expect(saved.answers).toStrictEqual({ q1: 1 });
        expect((await storage.assessments.get('own'))?.answers).toStrictEqual({ q1: 1 });
        expect((await storage.assessments.get('own'))?.startedAt.getUTCFullYear()).toBe(2025);
      });

      it('replaces a saved assessment when it carries the current version, which then grows by one', async () => {
        const first = await storage.assessments.save(assessment({ id: 'a1', answers: { q1: 1 } }));
        const second = await storage.assessments.save({
          ...first,
          answers: { ...first.answers, q2: 'skipped' },
          currentItemId: 'q3',
          updatedAt: at('2025-03-01T09:00:00.000Z')
        });
        expect(second.version).toBe(2);
        const third = await storage.assessments.save({
          ...second,
          status: 'completed',
          currentItemId: null,
          profile: { score: 3 },
          completedAt: at('2025-03-01T09:05:00.000Z')
        });
        expect(third.version).toBe(3);
        expect(await storage.assessments.get('a1')).toStrictEqual(third);
        expect(third.answers).toStrictEqual({ q1: 1, q2: 'skipped' });
      });

      it('refuses a save from a stale version with ConcurrentUpdateError and keeps what the other writer saved', async () => {
        const read = await storage.assessments.save(assessment({ id: 'shared', answers: {} }));
        const byA = { ...read, answers: { q1: 1 } };
        const byB = { ...read, answers: { q1: 4 } };
        const savedA = await storage.assessments.save(byA);

        const stale = storage.assessments.save(byB);
        await expect(stale).rejects.toBeInstanceOf(ConcurrentUpdateError);
        await expect(stale).rejects.toMatchObject({ id: 'shared', expectedVersion: 1 });
        expect(await storage.assessments.get('shared')).toStrictEqual(savedA);
        // A version ahead of the stored one is refused the same way.
        await expect(storage.assessments.save({ ...savedA, version: 7 })).rejects.toBeInstanceOf(ConcurrentUpdateError);
        // Re-reading gives the current version, which saves.
        const current = (await storage.assessments.get('shared'))!;
        expect((await storage.assessments.save({ ...current, answers: { q1: 4 } })).version).toBe(3);
      });

      it('lets exactly one of two concurrent saves of the same version win', async () => {
        const base = await storage.assessments.save(assessment({ id: 'race' }));
        const results = await Promise.allSettled([
          storage.assessments.save({ ...base, currentItemId: 'first' }),
          storage.assessments.save({ ...base, currentItemId: 'second' })
        ]);
        const won = results.filter((r): r is PromiseFulfilledResult<AssessmentRecord> => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.reason).toBeInstanceOf(ConcurrentUpdateError);
        expect(await storage.assessments.get('race')).toStrictEqual(won[0]!.value);
        expect(won[0]!.value.version).toBe(2);
      });

      it('does not bring back a deleted assessment: saving it again is a ConcurrentUpdateError', async () => {
        const saved = await storage.assessments.save(assessment({ id: 'erased' }));
        await storage.assessments.deleteAllForUser('u1');
        await expect(storage.assessments.save({ ...saved, answers: { q9: 2 } })).rejects.toBeInstanceOf(
          ConcurrentUpdateError
        );
        expect(await storage.assessments.get('erased')).toBeNull();
      });

      it('rejects a second insert of the same id with DuplicateKeyError and keeps the stored one', async () => {
        const saved = await storage.assessments.save(assessment({ id: 'dup' }));
        const again = storage.assessments.save(assessment({ id: 'dup', userKey: 'u2', answers: { q1: 3 } }));
        await expect(again).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(again).rejects.toMatchObject({ id: 'dup' });
        expect(await storage.assessments.get('dup')).toStrictEqual(saved);
        expect(await storage.assessments.listByUser('u2')).toEqual([]);
      });

      it('refuses a malformed record with TypeError, writing nothing', async () => {
        const bad: AssessmentRecord[] = [
          assessment({ version: -1 }),
          assessment({ version: 1.5 }),
          assessment({ version: Number.NaN }),
          assessment({ status: 'done' as AssessmentRecord['status'] }),
          assessment({ answers: { q1: Number.NaN } }),
          assessment({ answers: { q1: Number.POSITIVE_INFINITY } }),
          assessment({ answers: { q1: 'maybe' as 'skipped' } }),
          assessment({ startedAt: new Date(Number.NaN) }),
          assessment({ completedAt: new Date('not a date') })
        ];
        for (const record of bad) {
          await expect(storage.assessments.save(record)).rejects.toBeInstanceOf(TypeError);
        }
        expect(await storage.assessments.listByUser('u1')).toEqual([]);
      });

      it('resumes the in-progress assessment of that questionnaire worked on last', async () => {
        const save = (o: Partial<AssessmentRecord>) => storage.assessments.save(assessment(o));
        await save({ id: 'older-work', startedAt: at('2025-03-02T00:00:00.000Z'), updatedAt: at('2025-03-02T10:00:00.000Z') });
        const resumed = await save({
          id: 'last-worked-on',
          startedAt: at('2025-03-01T00:00:00.000Z'),
          updatedAt: at('2025-03-03T12:00:00.000Z'),
          questionnaireVersion: '2'
        });
        await save({ id: 'completed', status: 'completed', profile: {}, completedAt: at('2025-03-04T00:00:00.000Z'), updatedAt: at('2025-03-04T00:00:00.000Z') });
        await save({ id: 'other-questionnaire', questionnaireId: 'languages', updatedAt: at('2025-03-05T00:00:00.000Z') });
        await save({ id: 'other-user', userKey: 'u2', updatedAt: at('2025-03-06T00:00:00.000Z') });

        expect(await storage.assessments.latestInProgress('u1', 'digital')).toStrictEqual(resumed);
        expect((await storage.assessments.latestInProgress('u1', 'languages'))?.id).toBe('other-questionnaire');
        expect((await storage.assessments.latestInProgress('u2', 'digital'))?.id).toBe('other-user');
        expect(await storage.assessments.latestInProgress('u1', 'unknown')).toBeNull();
        expect(await storage.assessments.latestInProgress('nobody', 'digital')).toBeNull();

        // Once completed, it is no longer resumed; the other one is.
        await storage.assessments.save({ ...resumed, status: 'completed', completedAt: at('2025-03-07T00:00:00.000Z') });
        expect((await storage.assessments.latestInProgress('u1', 'digital'))?.id).toBe('older-work');
      });

      it('breaks resume ties by startedAt, then by latest insertion', async () => {
        const updatedAt = at('2025-03-03T12:00:00.000Z');
        const save = (id: string, startedAt: string) => storage.assessments.save(assessment({ id, updatedAt, startedAt: at(startedAt) }));
        await save('started-later', '2025-03-02T00:00:00.000Z');
        await save('started-earlier', '2025-03-01T00:00:00.000Z');
        expect((await storage.assessments.latestInProgress('u1', 'digital'))?.id).toBe('started-later');
        await save('same-start-inserted-last', '2025-03-02T00:00:00.000Z');
        expect((await storage.assessments.latestInProgress('u1', 'digital'))?.id).toBe('same-start-inserted-last');
      });

      it('lists the assessments of a user newest first (startedAt, then latest insertion); saving does not reorder', async () => {
        const save = (id: string, startedAt: string, o: Partial<AssessmentRecord> = {}) =>
          storage.assessments.save(assessment({ id, startedAt: at(startedAt), ...o }));
        const old = await save('old', '2024-12-31T23:59:59.999Z');
        await save('newest', '2025-05-05T00:00:00.000Z', { status: 'completed', profile: { p: 1 }, completedAt: at('2025-05-05T01:00:00.000Z') });
        await save('tie-first', '2025-01-01T00:00:00.000Z');
        await save('tie-second', '2025-01-01T00:00:00.000Z');
        await save('other', '2025-06-01T00:00:00.000Z', { userKey: 'u2' });
        // Working on an old assessment again does not move it up.
        await storage.assessments.save({ ...old, updatedAt: at('2025-07-01T00:00:00.000Z') });
        const tieFirst = (await storage.assessments.get('tie-first'))!;
        await storage.assessments.save({ ...tieFirst, currentItemId: 'q2' });

        const listed = await storage.assessments.listByUser('u1');
        expect(listed.map((r) => r.id)).toEqual(['newest', 'tie-second', 'tie-first', 'old']);
        expect(listed[3]).toStrictEqual(await storage.assessments.get('old'));
        expect(await storage.assessments.listByUser('nobody')).toEqual([]);
      });

      it('deletes all assessments of one user only', async () => {
        await storage.assessments.save(assessment({ id: 'a1' }));
        await storage.assessments.save(assessment({ id: 'a2', status: 'completed', profile: {}, completedAt: at('2025-03-02T00:00:00.000Z') }));
        await storage.assessments.save(assessment({ id: 'b1', userKey: 'u2' }));
        expect(await storage.assessments.deleteAllForUser('u1')).toBe(2);
        expect(await storage.assessments.deleteAllForUser('u1')).toBe(0);
        expect(await storage.assessments.listByUser('u1')).toEqual([]);
        expect(await storage.assessments.latestInProgress('u1', 'digital')).toBeNull();
        expect((await storage.assessments.listByUser('u2')).map((r) => r.id)).toEqual(['b1']);
      });
    });

    // Link expiry dates are in the far future: `find` and `deleteExpired` take `now` from the
    // caller, and MongoDB's TTL monitor must not remove a link in the middle of a test.
    describe('profileLinks', () => {
      it('creates a link and finds it by token hash while valid; unknown hashes give null', async () => {
        const created = link({ createdAt: at('1970-01-01T00:00:00.001Z'), expiresAt: at('2099-12-31T12:34:56.789Z') });
        await storage.profileLinks.create(created);
        const found = await storage.profileLinks.find(created.tokenHash, at('2099-01-01T00:00:00.000Z'));
        expect(found).toStrictEqual(created);
        expect(found!.expiresAt).toBeInstanceOf(Date);
        expect(found!.createdAt.toISOString()).toBe('1970-01-01T00:00:00.001Z');
        expect(await storage.profileLinks.find(hashProfileLinkToken('unknown'), NOW)).toBeNull();
      });

      it('treats a link as expired from the instant expiresAt equals now', async () => {
        const created = link({ expiresAt: EXPIRY });
        await storage.profileLinks.create(created);
        expect(await storage.profileLinks.find(created.tokenHash, new Date(EXPIRY.getTime() - 1))).toStrictEqual(created);
        expect(await storage.profileLinks.find(created.tokenHash, new Date(EXPIRY.getTime()))).toBeNull();
        expect(await storage.profileLinks.find(created.tokenHash, new Date(EXPIRY.getTime() + 1))).toBeNull();
      });

      it('deletes the links expired at now (expiresAt <= now) and counts them', async () => {
        const before = link({ expiresAt: new Date(EXPIRY.getTime() - 1) });
        const exactly = link({ expiresAt: new Date(EXPIRY.getTime()) });
        const after = link({ expiresAt: new Date(EXPIRY.getTime() + 1), userKey: 'u2' });
        for (const l of [before, exactly, after]) await storage.profileLinks.create(l);

        expect(await storage.profileLinks.deleteExpired(EXPIRY)).toBe(2);
        expect(await storage.profileLinks.deleteExpired(EXPIRY)).toBe(0);
        const earlier = new Date(EXPIRY.getTime() - 60_000);
        expect(await storage.profileLinks.find(before.tokenHash, earlier)).toBeNull();
        expect(await storage.profileLinks.find(exactly.tokenHash, earlier)).toBeNull();
        expect(await storage.profileLinks.find(after.tokenHash, earlier)).toStrictEqual(after);
      });

      it('deletes all links of one user only', async () => {
        const mine = [link(), link()];
        const theirs = link({ userKey: 'u2' });
        for (const l of [...mine, theirs]) await storage.profileLinks.create(l);
        expect(await storage.profileLinks.deleteAllForUser('u1')).toBe(2);
        expect(await storage.profileLinks.deleteAllForUser('u1')).toBe(0);
        expect(await storage.profileLinks.find(mine[0]!.tokenHash, NOW)).toBeNull();
        expect(await storage.profileLinks.find(theirs.tokenHash, NOW)).toStrictEqual(theirs);
      });

      it('rejects a token hash already stored with DuplicateKeyError and keeps the first link', async () => {
        const first = link();
        await storage.profileLinks.create(first);
        const again = storage.profileLinks.create({ ...first, userKey: 'u2', assessmentId: 'other' });
        await expect(again).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(again).rejects.toMatchObject({ id: first.tokenHash });
        expect(await storage.profileLinks.find(first.tokenHash, NOW)).toStrictEqual(first);
        expect(await storage.profileLinks.deleteAllForUser('u2')).toBe(0);
      });

      it('refuses to store anything but a SHA-256 hex digest (a raw token, say) with TypeError', async () => {
        const token = 'k3Jx9vQ2-raw-token-never-stored';
        const hex = hashProfileLinkToken(token);
        for (const tokenHash of [token, hex.toUpperCase(), hex.slice(1), `${hex}0`, '']) {
          await expect(storage.profileLinks.create(link({ tokenHash }))).rejects.toBeInstanceOf(TypeError);
        }
        expect(await storage.profileLinks.deleteAllForUser('u1')).toBe(0);
      });
    });

    describe('trainingInterests', () => {
      it('records an interest and gives it back unchanged; unknown users and trainings have none', async () => {
        const given = interest({ id: 'i1' });
        const recorded = await storage.trainingInterests.record(given);
        expect(recorded).toStrictEqual(given);
        expect(await storage.trainingInterests.listByUser('u1')).toStrictEqual([given]);
        expect(await storage.trainingInterests.countByTraining('t1')).toBe(1);
        expect(await storage.trainingInterests.listByUser('nobody')).toEqual([]);
        expect(await storage.trainingInterests.countByTraining('unknown')).toBe(0);
      });

      it('round-trips dates exactly, to the millisecond, as Dates', async () => {
        const dates = ['1970-01-01T00:00:00.001Z', '2024-02-29T23:59:59.999Z', '2099-12-31T12:34:56.789Z'].map(at);
        for (const [i, createdAt] of dates.entries()) {
          const recorded = await storage.trainingInterests.record(interest({ trainingId: `t${i}`, createdAt }));
          expect(recorded.createdAt.toISOString()).toBe(createdAt.toISOString());
        }
        const listed = await storage.trainingInterests.listByUser('u1');
        expect(listed.map((r) => r.createdAt.toISOString())).toEqual([...dates].reverse().map((d) => d.toISOString()));
        for (const record of listed) expect(record.createdAt).toBeInstanceOf(Date);
      });

      it('round-trips both sources and any language', async () => {
        const fromSearch = interest({ trainingId: 't1', source: 'search', language: 'ar' });
        const recommended = interest({ trainingId: 't2', source: 'recommendation', language: 'zh-Hant' });
        await storage.trainingInterests.record(fromSearch);
        await storage.trainingInterests.record(recommended);
        const listed = await storage.trainingInterests.listByUser('u1');
        expect(listed).toHaveLength(2);
        expect(listed).toEqual(expect.arrayContaining([fromSearch, recommended]));
      });

      it('lists the interests of a user newest first, same dates by latest recorded first', async () => {
        const record = (id: string, trainingId: string, createdAt: string, userKey = 'u1') =>
          storage.trainingInterests.record(interest({ id, trainingId, userKey, createdAt: at(createdAt) }));
        await record('old', 't1', '2024-12-31T23:59:59.999Z');
        const newest = await record('newest', 't2', '2025-05-05T00:00:00.000Z');
        await record('tie-first', 't3', '2025-01-01T00:00:00.000Z');
        await record('tie-second', 't4', '2025-01-01T00:00:00.000Z');
        await record('other', 't5', '2025-06-01T00:00:00.000Z', 'u2');
        const listed = await storage.trainingInterests.listByUser('u1');
        expect(listed.map((r) => r.id)).toEqual(['newest', 'tie-second', 'tie-first', 'old']);
        expect(listed[0]).toStrictEqual(newest);
      });

      it('keeps the first interest of a user in a training: recording it again returns the stored one, writing nothing', async () => {
        const first = interest({ id: 'first', source: 'search', language: 'fr', createdAt: at('2025-03-01T08:00:00.000Z') });
        await storage.trainingInterests.record(first);

        const again = interest({ id: 'again', source: 'recommendation', language: 'en', createdAt: at('2025-03-02T08:00:00.000Z') });
        expect(await storage.trainingInterests.record(again)).toStrictEqual(first);
        // The same id again is no error either.
        expect(await storage.trainingInterests.record({ ...first, language: 'ro' })).toStrictEqual(first);

        expect(await storage.trainingInterests.listByUser('u1')).toStrictEqual([first]);
        expect(await storage.trainingInterests.countByTraining('t1')).toBe(1);
        // The id of the refused record stays free for another interest.
        const other = interest({ id: 'again', trainingId: 't2' });
        expect(await storage.trainingInterests.record(other)).toStrictEqual(other);
      });

      it('records exactly one interest when the same user and training are recorded concurrently', async () => {
        const attempts = ['c1', 'c2', 'c3', 'c4'].map((id, i) =>
          interest({ id, source: i % 2 === 0 ? 'search' : 'recommendation', createdAt: at(`2025-04-0${i + 1}T00:00:00.000Z`) })
        );
        const results = await Promise.all(attempts.map((a) => storage.trainingInterests.record(a)));
        const listed = await storage.trainingInterests.listByUser('u1');
        expect(listed).toHaveLength(1);
        expect(attempts).toContainEqual(listed[0]);
        for (const result of results) expect(result).toStrictEqual(listed[0]);
        expect(await storage.trainingInterests.countByTraining('t1')).toBe(1);
      });

      it('records exactly one interest when the very same record is recorded concurrently', async () => {
        const same = interest({ id: 'same' });
        const results = await Promise.all([storage.trainingInterests.record(same), storage.trainingInterests.record({ ...same })]);
        expect(results).toStrictEqual([same, same]);
        expect(await storage.trainingInterests.listByUser('u1')).toStrictEqual([same]);
      });

      it('counts the people interested in a training', async () => {
        await storage.trainingInterests.record(interest({ userKey: 'u1', trainingId: 't1' }));
        await storage.trainingInterests.record(interest({ userKey: 'u1', trainingId: 't1' }));
        await storage.trainingInterests.record(interest({ userKey: 'u2', trainingId: 't1' }));
        await storage.trainingInterests.record(interest({ userKey: 'u3', trainingId: 't1', source: 'recommendation' }));
        await storage.trainingInterests.record(interest({ userKey: 'u1', trainingId: 't2' }));
        expect(await storage.trainingInterests.countByTraining('t1')).toBe(3);
        expect(await storage.trainingInterests.countByTraining('t2')).toBe(1);
        expect(await storage.trainingInterests.countByTraining('T1')).toBe(0);
      });

      it('rejects an id used by another user or training with DuplicateKeyError, writing nothing', async () => {
        const stored = await storage.trainingInterests.record(interest({ id: 'dup', userKey: 'u1', trainingId: 't1' }));
        const otherTraining = storage.trainingInterests.record(interest({ id: 'dup', userKey: 'u1', trainingId: 't2' }));
        await expect(otherTraining).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(otherTraining).rejects.toMatchObject({ id: 'dup' });
        await expect(
          storage.trainingInterests.record(interest({ id: 'dup', userKey: 'u2', trainingId: 't1' }))
        ).rejects.toBeInstanceOf(DuplicateKeyError);
        expect(await storage.trainingInterests.listByUser('u1')).toStrictEqual([stored]);
        expect(await storage.trainingInterests.listByUser('u2')).toEqual([]);
        expect(await storage.trainingInterests.countByTraining('t2')).toBe(0);
      });

      it('rejects a reused id even when that user and training have an interest too', async () => {
        const mine = await storage.trainingInterests.record(interest({ id: 'mine', trainingId: 't1' }));
        const theirs = await storage.trainingInterests.record(interest({ id: 'theirs', trainingId: 't2' }));
        const clash = storage.trainingInterests.record(interest({ id: 'theirs', trainingId: 't1' }));
        await expect(clash).rejects.toBeInstanceOf(DuplicateKeyError);
        await expect(clash).rejects.toMatchObject({ id: 'theirs' });
        expect(await storage.trainingInterests.listByUser('u1')).toEqual(expect.arrayContaining([mine, theirs]));
        expect(await storage.trainingInterests.listByUser('u1')).toHaveLength(2);
      });

      it('refuses a malformed record with TypeError, writing nothing', async () => {
        const bad: TrainingInterest[] = [
          interest({ source: 'chat' as TrainingInterest['source'] }),
          interest({ source: undefined as unknown as TrainingInterest['source'] }),
          interest({ createdAt: new Date(Number.NaN) }),
          interest({ createdAt: '2025-03-01T00:00:00.000Z' as unknown as Date }),
          interest({ id: 42 as unknown as string }),
          interest({ userKey: null as unknown as string }),
          interest({ trainingId: undefined as unknown as string }),
          interest({ language: ['fr'] as unknown as string })
        ];
        for (const record of bad) {
          await expect(storage.trainingInterests.record(record)).rejects.toBeInstanceOf(TypeError);
        }
        expect(await storage.trainingInterests.listByUser('u1')).toEqual([]);
        expect(await storage.trainingInterests.countByTraining('t1')).toBe(0);
      });

      it('is not changed by later changes to the objects it was given', async () => {
        const given = interest({ id: 'own', createdAt: at('2025-03-01T08:30:00.250Z') });
        const recorded = await storage.trainingInterests.record(given);
        given.createdAt.setUTCFullYear(2000);
        given.language = 'xx';
        expect(recorded.createdAt.toISOString()).toBe('2025-03-01T08:30:00.250Z');
        expect(recorded.language).toBe('fr');
        expect((await storage.trainingInterests.listByUser('u1'))[0]!.createdAt.toISOString()).toBe('2025-03-01T08:30:00.250Z');
      });

      it('deletes all interests of one user only, after which that user may be interested again', async () => {
        await storage.trainingInterests.record(interest({ id: 'a1', trainingId: 't1' }));
        await storage.trainingInterests.record(interest({ id: 'a2', trainingId: 't2' }));
        await storage.trainingInterests.record(interest({ id: 'b1', userKey: 'u2', trainingId: 't1' }));
        expect(await storage.trainingInterests.deleteAllForUser('u1')).toBe(2);
        expect(await storage.trainingInterests.deleteAllForUser('u1')).toBe(0);
        expect(await storage.trainingInterests.listByUser('u1')).toEqual([]);
        expect(await storage.trainingInterests.countByTraining('t1')).toBe(1);
        expect(await storage.trainingInterests.countByTraining('t2')).toBe(0);
        expect((await storage.trainingInterests.listByUser('u2')).map((r) => r.id)).toEqual(['b1']);

        const renewed = interest({ id: 'a3', trainingId: 't1' });
        expect(await storage.trainingInterests.record(renewed)).toStrictEqual(renewed);
        expect(await storage.trainingInterests.countByTraining('t1')).toBe(2);
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

    describeReferralsAndOutbox(() => storage);
    describeLeases(() => storage);

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
        await expect(storage.assessments.get('a1')).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.assessments.save(assessment())).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.assessments.latestInProgress('u1', 'digital')).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.profileLinks.create(link())).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.profileLinks.find(link().tokenHash, NOW)).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.profileLinks.deleteExpired(NOW)).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.trainingInterests.record(interest())).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.trainingInterests.listByUser('u1')).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.trainingInterests.countByTraining('t1')).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.trainingInterests.deleteAllForUser('u1')).rejects.toBeInstanceOf(StorageUnavailableError);
        await expect(storage.leases.acquire('k', 'me', 1000)).rejects.toBeInstanceOf(StorageUnavailableError);
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

function assessment(overrides: Partial<AssessmentRecord> = {}): AssessmentRecord {
  return {
    id: randomUUID(),
    userKey: 'u1',
    questionnaireId: 'digital',
    questionnaireVersion: '1',
    language: 'fr',
    answers: { q1: 3, q2: 'skipped' },
    currentItemId: 'q3',
    status: 'inProgress',
    profile: null,
    startedAt: at('2025-03-01T08:30:00.250Z'),
    updatedAt: at('2025-03-01T08:35:00.500Z'),
    completedAt: null,
    version: 0,
    ...overrides
  };
}

/** A `now` at which the links made by `link()` are valid, and a later instant they expire at. */
const NOW = at('2098-06-01T00:00:00.000Z');
const EXPIRY = at('2099-01-01T00:00:00.000Z');

function link(overrides: Partial<ProfileLink> = {}): ProfileLink {
  return {
    tokenHash: hashProfileLinkToken(randomUUID()),
    userKey: 'u1',
    assessmentId: 'a1',
    createdAt: at('2098-05-31T23:00:00.000Z'),
    expiresAt: EXPIRY,
    ...overrides
  };
}

function interest(overrides: Partial<TrainingInterest> = {}): TrainingInterest {
  return {
    id: randomUUID(),
    userKey: 'u1',
    trainingId: 't1',
    language: 'fr',
    source: 'search',
    createdAt: at('2025-03-01T08:30:00.250Z'),
    ...overrides
  };
}
