import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readConfig } from '../../src/config';
import { useAppWithConnector } from '../support/appWithConnector';
import { DirectLineClient } from '../support/directLineClient';
import { FakeConnector } from '../support/fakeConnector';
import { messageActivity, postJson, startApp, type RunningApp } from '../support/testApp';

/**
 * Rate limits, the addresses the bot may reply to in local mode, and the time a reply may take
 * (issue 11: ~5,800 tokens/s and ~100 conversations/s from one client; replies POSTed to any
 * serviceUrl, decimal/hex/short loopback included; a Connector that never answers blocked the
 * conversation for minutes).
 */

const TIGHT = {
  RATE_LIMIT_MESSAGES_PER_IP: '1000',
  RATE_LIMIT_MESSAGES_PER_CONVERSATION: '3',
  RATE_LIMIT_TOKENS_PER_IP: '5',
  RATE_LIMIT_TOKENS_PER_CONVERSATION: '3',
  RATE_LIMIT_CONVERSATIONS_PER_IP: '1000',
  RATE_LIMIT_CONVERSATIONS_PER_IP_PER_DAY: '2',
  RATE_LIMIT_ELIGIBILITY_PER_IP: '2'
};

const ELIGIBILITY = { lang: 'en', answers: { age: 22, situation: 'none', qualification: 'none', country: 'FR', livesInCamp: false } };

describe('rate limits (rate-limiter-flexible)', () => {
  const both = useAppWithConnector(TIGHT);

  it('the token flood: generate and refresh share a per-address limit; 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < 20; i++) {
      const res = await postJson(`${both.running.url}/v3/directline/tokens/generate`, {});
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
      else await res.arrayBuffer();
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused!.headers.get('cache-control')).toBe('no-store');
    expect(await refused!.json()).toEqual({ error: { code: 'Throttled', message: expect.stringMatching(/^too many requests: try again in \d+ seconds$/) } });
  });

  it('conversations per address per day; the walk-in API per address', async () => {
    const other = await startApp({ ...TIGHT, RATE_LIMIT_TOKENS_PER_IP: '100' });
    try {
      const started: number[] = [];
      const tokens: string[] = [];
      for (let i = 0; i < 4; i++) {
        const { token } = (await (await postJson(`${other.url}/v3/directline/tokens/generate`, {})).json()) as { token: string };
        tokens.push(token);
        const res = await postJson(`${other.url}/v3/directline/conversations`, {}, { authorization: `Bearer ${token}` });
        started.push(res.status);
        await res.arrayBuffer();
      }
      expect(started).toEqual([201, 201, 429, 429]);
      // Coming back to one's own conversation (a reload) is not a new one.
      expect((await postJson(`${other.url}/v3/directline/conversations`, {}, { authorization: `Bearer ${tokens[0]!}` })).status).toBe(200);
      const walkIn: number[] = [];
      for (let i = 0; i < 3; i++) walkIn.push((await postJson(`${other.url}/api/eligibility`, ELIGIBILITY)).status);
      expect(walkIn).toEqual([200, 200, 429]);
    } finally {
      await other.close();
    }
  });

  it('messages per conversation on /api/messages: other conversations go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await postJson(`${both.running.url}/api/messages`, messageActivity({ serviceUrl: both.connector.serviceUrl, conversationId: 'flooded', text: 'hello' }));
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const other = await postJson(`${both.running.url}/api/messages`, messageActivity({ serviceUrl: both.connector.serviceUrl, conversationId: 'calm', text: 'hello' }));
    expect(other.status).toBe(200);
  });

  it('activities per conversation on the local Direct Line', async () => {
    const fresh = await startApp({ ...TIGHT, RATE_LIMIT_TOKENS_PER_IP: '100', RATE_LIMIT_CONVERSATIONS_PER_IP_PER_DAY: '100' });
    try {
      const client = await DirectLineClient.start(fresh.url, { userId: 'limits-user-0123456789abcdef' });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await client.post({ type: 'typing' })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    } finally {
      await fresh.close();
    }
  });

  it('tokens and starts per conversation: the start and two refreshes, then 429', async () => {
    const fresh = await startApp({ ...TIGHT, RATE_LIMIT_TOKENS_PER_IP: '100', RATE_LIMIT_CONVERSATIONS_PER_IP_PER_DAY: '100' });
    try {
      const client = await DirectLineClient.start(fresh.url, { userId: 'refresh-flood-0123456789abcdef' });
      let token = client.token;
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${fresh.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
        statuses.push(res.status);
        if (res.status === 200) token = ((await res.json()) as { token: string }).token;
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await fresh.close();
    }
  });

  it('behind a trusted proxy, the client is the address the proxy saw', async () => {
    const proxied = await startApp({ ...TIGHT, TRUST_PROXY_HOPS: '1' });
    try {
      const from = (address: string) => postJson(`${proxied.url}/api/eligibility`, ELIGIBILITY, { 'x-forwarded-for': `203.0.113.9, ${address}` });
      expect([(await from('198.51.100.1')).status, (await from('198.51.100.1')).status, (await from('198.51.100.1')).status]).toEqual([200, 200, 429]);
      // Another client behind the same proxy has its own count; a forged first hop changes nothing.
      expect((await from('198.51.100.2')).status).toBe(200);
    } finally {
      await proxied.close();
    }
  });

  it('the limits are validated at start', () => {
    expect(() => readConfig({ RATE_LIMIT_TOKENS_PER_IP: '-1' })).toThrow(/RATE_LIMIT_TOKENS_PER_IP/);
    expect(() => readConfig({ RATE_LIMIT_MESSAGES_PER_IP: 'many' })).toThrow(/RATE_LIMIT_MESSAGES_PER_IP/);
    expect(() => readConfig({ TRUST_PROXY_HOPS: '9' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(readConfig({ RATE_LIMIT_MESSAGES_PER_IP: '0' }).rateLimits.messagesPerIp).toBe(0);
  });
});

describe('serviceUrl in local mode (SSRF)', () => {
  const both = useAppWithConnector();

  it('refuses other hosts and loopback in decimal, hex, octal or short form; accepts it written plainly', async () => {
    const port = new URL(both.connector.serviceUrl).port;
    const refused = [
      `http://2130706433:${port}/`,
      `http://0x7f000001:${port}/`,
      `http://0177.0.0.1:${port}/`,
      `http://127.1:${port}/`,
      `http://127.0.0.2:${port}/`,
      `http://[::ffff:127.0.0.1]:${port}/`,
      `http://localhost@example.org:${port}/`,
      `http://user:pass@127.0.0.1:${port}/`,
      'http://169.254.169.254/latest/meta-data/',
      'http://example.org/',
      'https://10.0.0.1/'
    ];
    const accepted: string[] = [];
    for (const serviceUrl of refused) {
      const res = await postJson(`${both.running.url}/api/messages`, messageActivity({ serviceUrl, conversationId: 'ssrf', text: 'hello' }));
      if (res.status !== 400) accepted.push(`${serviceUrl}: ${res.status}`);
      else expect(await res.json()).toEqual({ error: 'invalid_activity', message: expect.stringMatching(/^serviceUrl: in local mode/) });
    }
    expect(accepted).toEqual([]);
    expect(both.connector.received).toEqual([]);
    for (const serviceUrl of [both.connector.serviceUrl, `http://localhost:${port}/`]) {
      const res = await postJson(`${both.running.url}/api/messages`, messageActivity({ serviceUrl, conversationId: `plain-${serviceUrl}`, text: 'hello' }));
      expect(res.status).toBe(200);
    }
  });

  it('an activity on /api/messages cannot make the bot write into a web chat conversation', async () => {
    const client = await DirectLineClient.start(both.running.url, { userId: 'ssrf-victim-0123456789abcdef' });
    const before = (await client.activities()).activities.length;
    const res = await postJson(
      `${both.running.url}/api/messages`,
      messageActivity({ serviceUrl: both.running.app.directLine!.serviceUrl!, conversationId: client.conversationId, channelId: 'directline', text: 'hello' })
    );
    expect(res.status).toBe(400);
    expect((await client.activities()).activities.length).toBe(before);
  });

  it('LOCAL_SERVICE_URLS replaces loopback with the listed prefixes', async () => {
    const listed = await startApp({ LOCAL_SERVICE_URLS: `${both.connector.serviceUrl}v3/` });
    try {
      const ok = await postJson(`${listed.url}/api/messages`, messageActivity({ serviceUrl: both.connector.serviceUrl + 'v3/', conversationId: 'listed', text: 'hello' }));
      expect(ok.status).toBe(200);
      const other = await postJson(`${listed.url}/api/messages`, messageActivity({ serviceUrl: both.connector.serviceUrl, conversationId: 'listed-2', text: 'hello' }));
      expect(other.status).toBe(400);
    } finally {
      await listed.close();
    }
    expect(() => readConfig({ LOCAL_SERVICE_URLS: 'ftp://x/' })).toThrow(/LOCAL_SERVICE_URLS/);
  });
});

describe('a Connector that never answers', () => {
  let silent: http.Server;
  let held: http.ServerResponse[] = [];
  let running: RunningApp;
  let connector: FakeConnector;
  beforeAll(async () => {
    silent = http.createServer((_req, res) => held.push(res));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    connector = await FakeConnector.start();
    running = await startApp({ CONNECTOR_TIMEOUT_MS: '500' });
  });
  afterAll(async () => {
    await running.close();
    for (const res of held) res.destroy();
    held = [];
    silent.closeAllConnections();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    await connector.close();
  });

  it('is abandoned after CONNECTOR_TIMEOUT_MS; the conversation answers its next message', async () => {
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
    const first = await postJson(`${running.url}/api/messages`, messageActivity({ serviceUrl: silentUrl, conversationId: 'stuck', text: 'hello' }));
    // The turn was committed; its replies could not be delivered and were given up.
    expect(first.status).toBe(200);
    expect(held.length).toBeGreaterThan(0);
    const next = await postJson(`${running.url}/api/messages`, messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'stuck', text: 'hello' }));
    expect(next.status).toBe(200);
    expect(connector.messagesFor('stuck').length).toBeGreaterThan(0);
  });
});
