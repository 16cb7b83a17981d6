import pino from 'pino';
import type { OutboxMessage } from '../../src/domain';
import { OutboxWorker, type Deliverer, type DeliveryOutcome } from '../../src/outbox';
import { openSqliteStorage, type StorageBundle } from '../../src/storage';

const T0 = new Date('2026-12-04T10:00:00.000Z');
let now = T0;
let storage: StorageBundle;

beforeEach(async () => {
  now = T0;
  storage = await openSqliteStorage({ file: ':memory:' });
});
afterEach(() => storage.close());

function worker(deliverers: Record<string, Deliverer>, maxAttempts = 3): OutboxWorker {
  return new OutboxWorker({
    outbox: storage.outbox,
    deliverers,
    logger: pino({ level: 'silent' }),
    clock: () => now,
    random: () => 1,
    options: { pollMs: 10, maxAttempts, retryBaseMs: 1000, retryMaxMs: 5000, leaseMs: 60_000, batchSize: 10 }
  });
}

/** A deliverer that answers from a script, and records what it was given. */
function scripted(...outcomes: DeliveryOutcome[]): Deliverer & { seen: OutboxMessage[] } {
  const seen: OutboxMessage[] = [];
  return {
    seen,
    async deliver(message) {
      seen.push(message);
      return outcomes.shift() ?? { kind: 'delivered' };
    }
  };
}

const enqueue = (id: string, kind = 'test.kind') => storage.outbox.enqueue([{ id, kind, aggregateId: 'a', payload: { n: 1 }, createdAt: T0 }]);

describe('the outbox worker', () => {
  it('delivers due messages and marks them delivered', async () => {
    const deliverer = scripted();
    await enqueue('m1');
    expect(await worker({ 'test.kind': deliverer }).runOnce()).toBe(1);
    expect(deliverer.seen.map((m) => m.id)).toEqual(['m1']);
    expect(await storage.outbox.get('m1')).toMatchObject({ status: 'delivered', deliveredAt: T0 });
  });

  it('retries with exponential back-off, then puts the message aside after the last attempt', async () => {
    const deliverer = scripted({ kind: 'retry', error: 'HTTP 503' }, { kind: 'retry', error: 'HTTP 503' }, { kind: 'retry', error: 'timeout' });
    const w = worker({ 'test.kind': deliverer });
    await enqueue('m1');
    await w.runOnce();
    expect(await storage.outbox.get('m1')).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: new Date(T0.getTime() + 1000), lastError: 'HTTP 503' });
    expect(await w.runOnce()).toBe(0); // not due yet
    now = new Date(T0.getTime() + 1000);
    await w.runOnce();
    expect((await storage.outbox.get('m1'))?.nextAttemptAt).toEqual(new Date(now.getTime() + 2000));
    now = new Date(now.getTime() + 2000);
    await w.runOnce();
    expect(await storage.outbox.get('m1')).toMatchObject({ status: 'dead', attempts: 3, lastError: 'timeout' });
    expect(await storage.outbox.stats(now)).toEqual({ pending: 0, due: 0, dead: 1 });
  });

  it('puts aside at once what the receiver refuses for good, and a kind nobody delivers', async () => {
    await enqueue('refused');
    await enqueue('unknown', 'nobody.delivers');
    await worker({ 'test.kind': scripted({ kind: 'failed', error: 'HTTP 410' }) }).runOnce();
    expect(await storage.outbox.get('refused')).toMatchObject({ status: 'dead', attempts: 1, lastError: 'HTTP 410' });
    expect(await storage.outbox.get('unknown')).toMatchObject({ status: 'dead', lastError: 'no deliverer for kind "nobody.delivers"' });
  });

  it('treats a deliverer that throws as a failure to retry, and keeps running', async () => {
    await enqueue('m1');
    const broken: Deliverer = { deliver: () => Promise.reject(new TypeError('boom')) };
    await worker({ 'test.kind': broken }).runOnce();
    expect(await storage.outbox.get('m1')).toMatchObject({ status: 'pending', lastError: 'TypeError: boom' });
  });

  it('two workers never deliver the same message at the same time', async () => {
    for (let i = 0; i < 30; i++) await enqueue(`m${i}`);
    const slow = (): Deliverer & { seen: OutboxMessage[] } => {
      const seen: OutboxMessage[] = [];
      return { seen, deliver: async (m) => (seen.push(m), await new Promise((r) => setTimeout(r, 5)), { kind: 'delivered' }) };
    };
    const a = slow();
    const b = slow();
    const wa = worker({ 'test.kind': a });
    const wb = worker({ 'test.kind': b });
    while ((await storage.outbox.stats(now)).pending > 0) await Promise.all([wa.runOnce(), wb.runOnce()]);
    const ids = [...a.seen, ...b.seen].map((m) => m.id);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('runs in the background once started, and stops', async () => {
    const deliverer = scripted();
    const w = worker({ 'test.kind': deliverer });
    w.start();
    await enqueue('m1');
    const deadline = Date.now() + 2000;
    while (deliverer.seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await w.stop();
    expect(deliverer.seen.map((m) => m.id)).toEqual(['m1']);
  });
});
