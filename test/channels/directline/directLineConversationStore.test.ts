import { MemoryStorage, type StoreItems } from 'botbuilder';
import { DirectLineConversationNotFoundError, DirectLineConversationStore, type ActivitySet } from '../../../src/channels/directline';
import { openSqliteStorage, type StorageBundle } from '../../../src/storage';

describe('DirectLineConversationStore', () => {
  let storage: StorageBundle;
  beforeEach(async () => {
    storage = await openSqliteStorage({ file: ':memory:' });
  });
  afterEach(() => storage.close());

  it('numbers activities, answers after a watermark and persists under directline/<id>', async () => {
    const store = new DirectLineConversationStore(storage.botState);
    expect((await store.create({ conversationId: 'c1', userId: 'u1', locale: 'fr-FR' })).created).toBe(true);
    expect((await store.create({ conversationId: 'c1', userId: 'u1' })).created).toBe(false);
    const a = await store.append('c1', { type: 'message', text: 'one' });
    const b = await store.append('c1', { type: 'message', text: 'two' });
    expect([a.id, b.id]).toEqual(['c1|0000001', 'c1|0000002']);
    expect(await store.since('c1', 1)).toEqual({ activities: [b], watermark: '2' });
    const stored = await storage.botState.read(['directline/c1']);
    expect(stored['directline/c1']).toMatchObject({ conversationId: 'c1', userId: 'u1', locale: 'fr-FR', lastSeq: 2 });

    // A new store (a restarted server) reads the same transcript.
    const fresh = new DirectLineConversationStore(storage.botState);
    expect((await fresh.since('c1', undefined)).activities.map((x) => x.text)).toEqual(['one', 'two']);
  });

  it('keeps the last 200 activities (and the watermark goes on)', async () => {
    const store = new DirectLineConversationStore(storage.botState);
    await store.create({ conversationId: 'c2', userId: 'u1' });
    for (let i = 1; i <= 205; i += 1) await store.append('c2', { type: 'message', text: `m${i}` });
    const all = await store.since('c2', undefined);
    expect(all.activities).toHaveLength(200);
    expect(all.activities[0]!.text).toBe('m6');
    expect(all.watermark).toBe('205');
  });

  it('keeps at most maxBytes of activities', async () => {
    const store = new DirectLineConversationStore(storage.botState, { maxBytes: 2000 });
    await store.create({ conversationId: 'c3', userId: 'u1' });
    for (let i = 0; i < 10; i += 1) await store.append('c3', { type: 'message', text: 'x'.repeat(500) });
    const kept = (await store.since('c3', undefined)).activities;
    expect(kept.length).toBeLessThan(5);
    expect(kept.at(-1)!.id).toBe('c3|0000010');
  });

  it('tells listeners about each new activity', async () => {
    const store = new DirectLineConversationStore(new MemoryStorage());
    await store.create({ conversationId: 'c4', userId: 'u1' });
    const seen: ActivitySet[] = [];
    const stop = store.subscribe('c4', (set) => seen.push(set));
    store.subscribe('c4', () => {
      throw new Error('a broken listener');
    });
    await store.append('c4', { type: 'message', text: 'hi' });
    stop();
    await store.append('c4', { type: 'message', text: 'unseen' });
    expect(seen.map((s) => [s.activities[0]!.text, s.watermark])).toEqual([['hi', '1']]);
  });

  it('keeps appends of concurrent writers (serialised per conversation) and retries on an eTag conflict', async () => {
    const store = new DirectLineConversationStore(storage.botState);
    await store.create({ conversationId: 'c5', userId: 'u1' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.append('c5', { type: 'message', text: `p${i}` })));
    expect((await store.since('c5', undefined)).activities).toHaveLength(20);

    // Another writer (another process) changes the record between our read and our write, once.
    let interfered = false;
    const racing = {
      read: (keys: string[]) => storage.botState.read(keys),
      delete: (keys: string[]) => storage.botState.delete(keys),
      write: async (changes: StoreItems) => {
        if (!interfered) {
          interfered = true;
          const current = await storage.botState.read(['directline/c5']);
          await storage.botState.write({ 'directline/c5': { ...current['directline/c5'], touched: true } });
        }
        return storage.botState.write(changes);
      }
    };
    const other = new DirectLineConversationStore(racing);
    const appended = await other.append('c5', { type: 'message', text: 'after conflict' });
    expect(appended.id).toBe('c5|0000021');
    expect(interfered).toBe(true);
    // The retry re-read the other writer's version instead of overwriting it.
    expect((await storage.botState.read(['directline/c5']))['directline/c5']).toMatchObject({ touched: true, lastSeq: 21 });
  });

  it('refuses to append to a conversation that does not exist', async () => {
    const store = new DirectLineConversationStore(storage.botState);
    await expect(store.append('nope', { type: 'message' })).rejects.toBeInstanceOf(DirectLineConversationNotFoundError);
    await expect(store.since('nope', undefined)).rejects.toBeInstanceOf(DirectLineConversationNotFoundError);
  });
});
