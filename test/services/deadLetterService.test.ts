import { randomUUID } from 'node:crypto';
import { DeadLetterService } from '../../src/services/deadLetterService';
import type { StorageBundle } from '../../src/storage';
import { describeEachStorage } from '../support/storageTargets';

const T0 = new Date('2026-03-01T10:00:00.000Z');

describeEachStorage('dead letters for administrators', (target) => {
  let storage: StorageBundle;
  let now: Date;
  beforeEach(async () => {
    storage = await target.open();
    now = T0;
  });
  afterEach(() => storage.close());

  /** Enqueues a message and lets it fail for good (a permanent refusal). */
  async function kill(payload: Record<string, unknown>, error = 'HTTP 410 Gone'): Promise<string> {
    const id = randomUUID();
    await storage.outbox.enqueue([{ id, kind: 'person.message', aggregateId: 'referral-1', payload, createdAt: T0 }]);
    const [claimed] = await storage.outbox.claim('w', now, 60_000, 1);
    expect(claimed?.id).toBe(id);
    expect(await storage.outbox.fail(id, 'w', { error, at: now, retryAt: null })).toBe(true);
    return id;
  }

  it('lists dead letters without their payload or the person’s key', async () => {
    const id = await kill({ event: 'accepted', partnerId: 'fr-coordinator', userKey: 'secret-user-key', question: 'Votre adresse ?' }, `HTTP 500 ${'x'.repeat(500)}`);
    await storage.outbox.enqueue([{ id: randomUUID(), kind: 'partner.webhook', aggregateId: 'r2', payload: { event: 'submitted' }, createdAt: T0 }]);
    const service = new DeadLetterService(storage.outbox, () => now);
    const { total, messages } = await service.list();
    expect(total).toBe(1);
    expect(messages).toEqual([
      { id, kind: 'person.message', aggregateId: 'referral-1', event: 'accepted', partnerId: 'fr-coordinator', attempts: 1, lastError: `HTTP 500 ${'x'.repeat(291)}`, createdAt: T0 }
    ]);
    expect(JSON.stringify(messages)).not.toMatch(/secret-user-key|adresse/);
  });

  it('puts one back in the queue, due now; a second retry or an unknown id changes nothing', async () => {
    const id = await kill({ event: 'declined' });
    const other = await kill({ event: 'accepted' });
    now = new Date(T0.getTime() + 3_600_000);
    const service = new DeadLetterService(storage.outbox, () => now);
    expect(await service.retry(id)).toBe(true);
    expect(await service.retry(id)).toBe(false);
    expect(await service.retry('no-such-id')).toBe(false);
    expect(await service.get(id)).toBeNull();
    expect((await service.get(other))?.id).toBe(other);
    const again = await storage.outbox.claim('w2', now, 60_000, 10);
    expect(again.map((m) => ({ id: m.id, attempts: m.attempts }))).toEqual([{ id, attempts: 1 }]);
    expect((await service.list()).total).toBe(1);
  });
});
