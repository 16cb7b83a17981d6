import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { ConversationLeases } from '../../../src/channels/botframework/conversationLeases';
import { TurnQueue } from '../../../src/channels/botframework/turnQueue';
import { openSqliteStorage, type StorageBundle } from '../../../src/storage';

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));
const logger = pino({ level: 'silent' });

let dir: string;
let first: StorageBundle;
let second: StorageBundle;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-leases-'));
  // Two connections to one file, as two processes sharing DATA_DIR have.
  first = await openSqliteStorage({ file: path.join(dir, 'passerelle.sqlite') });
  second = await openSqliteStorage({ file: path.join(dir, 'passerelle.sqlite') });
});
afterAll(async () => {
  await first.close();
  await second.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('ConversationLeases', () => {
  it('runs the turns of one conversation one at a time across two instances, and others side by side', async () => {
    const a = new TurnQueue(new ConversationLeases({ leases: first.leases, holder: () => 'host:1', logger }));
    const b = new TurnQueue(new ConversationLeases({ leases: second.leases, holder: () => 'host:2', logger }));
    let running = 0;
    let most = 0;
    const log: string[] = [];
    const turn = (name: string) => async () => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await delay(20);
      log.push(`end ${name}`);
      running -= 1;
    };
    await Promise.all([0, 1, 2, 3, 4, 5].map((i) => (i % 2 ? a : b).run('conv-1', turn(`t${i}`))));
    expect(most).toBe(1);
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]!.replace('end', 'start')).toBe(log[i]);
    // Different conversations do not wait for each other.
    running = 0;
    most = 0;
    await Promise.all([a.run('conv-2', turn('x')), b.run('conv-3', turn('y'))]);
    expect(most).toBe(2);
    expect(await first.leases.current('turn/conv-1')).toBeNull();
  });

  it('takes over the lease of an instance that died once it expires, and at once when it is its own', async () => {
    await first.leases.acquire('turn/conv-dead', 'gone:1', 150);
    const b = new ConversationLeases({ leases: second.leases, holder: () => 'host:2', logger, ttlMs: 150 });
    const started = Date.now();
    expect(await b.run('conv-dead', async () => 'ran')).toBe('ran');
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    // A process restarted with the same name (host and port) finds its own lease and goes on.
    await first.leases.acquire('turn/conv-mine', 'host:1', 60_000);
    const lines: string[] = [];
    const watched = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const restarted = new ConversationLeases({ leases: second.leases, holder: () => 'host:1', logger: watched, ttlMs: 60_000, maxWaitMs: 0 });
    expect(await restarted.run('conv-mine', async () => (await second.leases.current('turn/conv-mine'))?.holder)).toBe('host:1');
    expect(lines).toEqual([]);
    expect(await first.leases.current('turn/conv-mine')).toBeNull();
  });

  it('keeps a long turn’s lease by renewing it', async () => {
    const a = new ConversationLeases({ leases: first.leases, holder: () => 'host:1', logger, ttlMs: 150 });
    let otherGotIn = false;
    const long = a.run('conv-long', async () => {
      await delay(60);
      otherGotIn = await second.leases.acquire('turn/conv-long', 'host:2', 150);
      await delay(300);
      otherGotIn ||= await second.leases.acquire('turn/conv-long', 'host:2', 150);
    });
    await long;
    expect(otherGotIn).toBe(false);
  });

  it('runs without the lease after waiting its longest, saying so', async () => {
    await first.leases.acquire('turn/conv-stuck', 'busy:1', 60_000);
    const lines: string[] = [];
    const spy = pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) });
    const b = new ConversationLeases({ leases: second.leases, holder: () => 'host:2', logger: spy, ttlMs: 60_000, maxWaitMs: 50 });
    expect(await b.run('conv-stuck', async () => 'ran')).toBe('ran');
    expect(lines.join('')).toMatch(/running without its lease/);
    expect(await first.leases.current('turn/conv-stuck')).toMatchObject({ holder: 'busy:1' });
  });
});
