import { randomUUID } from 'node:crypto';
import { requestHandoff, type Handoff, type NewOutboxMessage } from '../../src/domain';
import { ConcurrentUpdateError, DuplicateKeyError, type StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';

const T0 = new Date('2026-12-07T09:30:00.000Z');
const plus = (min: number): Date => new Date(T0.getTime() + min * 60_000);

function handoff(overrides: Partial<Handoff> = {}): Handoff {
  return {
    ...requestHandoff({
      id: randomUUID(),
      userKey: 'u1',
      conversationKey: `conv-${randomUUID()}`,
      reach: { userKey: 'u1', channelId: 'emulator', serviceUrl: 'http://localhost:9/', conversationId: 'c1', userId: 'p1', botId: 'bot', locale: 'ar-SY', updatedAt: T0 },
      language: 'ar',
      mayKeep: true,
      // Texts of any shape: keys with "." or "$", right-to-left, markup.
      recent: [{ id: 'r1', from: 'person', text: 'مرحبا <script>x</script> $x.y', at: T0 }],
      at: T0
    }),
    ...overrides
  };
}

const message = (aggregateId: string): NewOutboxMessage => ({ id: randomUUID(), kind: 'handoff.message', aggregateId, payload: { handoffId: aggregateId, event: 'reply' }, createdAt: T0 });

describeEachStorage('handoff repository', (target) => {
  let storage: StorageBundle;
  beforeEach(async () => {
    storage = await target.open();
  });
  afterEach(() => storage.close());

  it('inserts and reads back exactly what was saved, messages in the outbox', async () => {
    const h = handoff({ exchange: [{ id: 'e1', from: 'caseworker', text: 'Bonjour', at: plus(1), by: 'cw1' }], status: 'taken', takenAt: plus(1), takenBy: 'cw1' });
    const m = message(h.id);
    const saved = await storage.handoffs.save(h, [m]);
    expect(saved).toStrictEqual({ ...h, version: 1 });
    expect(await storage.handoffs.get(h.id)).toStrictEqual(saved);
    const claimed = await storage.outbox.claim('w', plus(2), 60_000, 10);
    expect(claimed.map((c) => ({ id: c.id, kind: c.kind, aggregateId: c.aggregateId, payload: c.payload, createdAt: c.createdAt }))).toStrictEqual([m]);
  });

  it('replaces only the revision read; a stale save writes neither the handoff nor its messages', async () => {
    const first = await storage.handoffs.save(handoff(), []);
    const second = await storage.handoffs.save({ ...first, status: 'taken', takenBy: 'cw1', takenAt: plus(1) }, []);
    expect(second.version).toBe(2);
    await expect(storage.handoffs.save({ ...first, status: 'ended', endedAt: plus(2), endedBy: { kind: 'person' } }, [message(first.id)])).rejects.toBeInstanceOf(ConcurrentUpdateError);
    await expect(storage.handoffs.save(handoff({ id: first.id }), [])).rejects.toBeInstanceOf(DuplicateKeyError);
    expect(await storage.handoffs.get(first.id)).toStrictEqual(second);
    expect(await storage.outbox.claim('w', plus(3), 60_000, 10)).toEqual([]);
  });

  it('finds the open handoff of a conversation, lists the queue longest waiting first and counts per status', async () => {
    const conversationKey = 'conv-shared';
    const old = await storage.handoffs.save(handoff({ conversationKey, requestedAt: plus(-60), status: 'ended', endedAt: plus(-30), endedBy: { kind: 'person' } }), []);
    const open = await storage.handoffs.save(handoff({ conversationKey, requestedAt: plus(5) }), []);
    const early = await storage.handoffs.save(handoff({ requestedAt: plus(1) }), []);
    const taken = await storage.handoffs.save(handoff({ requestedAt: plus(0), status: 'taken', takenBy: 'cw1', takenAt: plus(2) }), []);
    expect((await storage.handoffs.findOpen(conversationKey))?.id).toBe(open.id);
    expect(await storage.handoffs.findOpen('conv-none')).toBeNull();
    expect((await storage.handoffs.list(['requested'], 10)).map((h) => h.id)).toEqual([early.id, open.id]);
    expect((await storage.handoffs.list(['requested', 'taken'], 2)).map((h) => h.id)).toEqual([taken.id, early.id]);
    expect(await storage.handoffs.countByStatus()).toEqual({ requested: 2, taken: 1, ended: 1 });
    expect(old.status).toBe('ended');
  });

  it('refuses a malformed handoff before writing, and deletes a person\'s handoffs', async () => {
    const bad = [
      handoff({ status: 'lost' as never }),
      handoff({ requestedAt: new Date('x') }),
      handoff({ version: -1 }),
      handoff({ exchange: [{ id: '', from: 'person', text: 'x', at: T0 }] })
    ];
    const results = await Promise.all(bad.map((h) => storage.handoffs.save(h, []).then(() => 'saved', (err: Error) => err.name)));
    expect(results).toEqual(['TypeError', 'TypeError', 'TypeError', 'TypeError']);
    await storage.handoffs.save(handoff({ userKey: 'gone' }), []);
    await storage.handoffs.save(handoff({ userKey: 'gone' }), []);
    expect(await storage.handoffs.deleteAllForUser('gone')).toBe(2);
    expect(await storage.handoffs.countByStatus()).toEqual({ requested: 0, taken: 0, ended: 0 });
  });

  it("lists a person's handoffs, the latest first, with their texts (their data export), and no one else's", async () => {
    const first = handoff({ userKey: 'asker', requestedAt: plus(0) });
    const second = handoff({ userKey: 'asker', requestedAt: plus(30) });
    await storage.handoffs.save(first, []);
    await storage.handoffs.save(second, []);
    await storage.handoffs.save(handoff({ userKey: 'someone else' }), []);
    const listed = await storage.handoffs.listByUser('asker');
    expect(listed.map((h) => h.id)).toEqual([second.id, first.id]);
    expect(listed[0]!.recent[0]!.text).toBe('مرحبا <script>x</script> $x.y');
    expect(await storage.handoffs.listByUser('nobody')).toEqual([]);
  });

  it('retention: deletes handoffs asked for before the date, erasure deletes a person\'s', async () => {
    await storage.handoffs.save(handoff({ userKey: 'old', requestedAt: plus(-60 * 24 * 400) }), []);
    await storage.handoffs.save(handoff({ userKey: 'new', requestedAt: plus(0) }), []);
    expect(await storage.handoffs.deleteExpired(plus(-60 * 24 * 365), plus(0))).toBe(1);
    expect((await storage.handoffs.listByUser('old')).length).toBe(0);
    expect(await storage.handoffs.eraseUser('new')).toBe(1);
    expect(await storage.handoffs.eraseUser('new')).toBe(0);
  });
});
