import type { AddressInfo } from 'node:net';
import { MemoryStorage } from 'botbuilder';
import nock from 'nock';
import pino from 'pino';
import type { Server } from 'restify';
import { DirectLineConversationStore, LocalConnectorAuth, LocalConnectorCredentialsFactory, type ActivitySet } from '../../../src/channels/directline';
import { addConnectorRoutes } from '../../../src/channels/directline/connectorRoutes';
import { createServer, InFlightRequests } from '../../../src/server/createServer';
import { DirectLineClient } from '../../support/directLineClient';
import { messageActivity, postJson, startApp } from '../../support/testApp';

/** The Connector route on its own server, called as the bot would (with the process secret). */
describe('Connector route', () => {
  let server: Server;
  let store: DirectLineConversationStore;
  let connector: LocalConnectorAuth;
  let base: string;
  const conversationId = 'conv-connector-test-0001';

  beforeAll(async () => {
    server = createServer({ logger: pino({ level: 'silent' }), limits: { maxBodyBytes: 262_144 }, inFlight: new InFlightRequests() });
    store = new DirectLineConversationStore(new MemoryStorage());
    connector = new LocalConnectorAuth();
    addConnectorRoutes(server, { store, connector, bot: { id: 'passerelle', name: 'Passerelle' }, logger: pino({ level: 'silent' }) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    connector.bind(server.address() as AddressInfo);
    base = `${connector.serviceUrl}v3/conversations/${conversationId}/activities`;
    await store.create({ conversationId, userId: 'user-0123456789abcdef' });
    await store.append(conversationId, { type: 'message', text: 'hello', from: { id: 'user-0123456789abcdef', role: 'user' } });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const asBot = () => ({ authorization: connector.authorization });

  it('derives a loopback serviceUrl from the bound address', () => {
    expect(connector.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/directline-connector\/$/);
    const other = new LocalConnectorAuth();
    other.bind({ address: '0.0.0.0', family: 'IPv4', port: 3978 });
    expect(other.serviceUrl).toBe('http://127.0.0.1:3978/directline-connector/');
    other.bind({ address: '::', family: 'IPv6', port: 3978 });
    expect(other.serviceUrl).toBe('http://[::1]:3978/directline-connector/');
  });

  it('keeps a reply, with the server’s channel, conversation and time, and no serviceUrl', async () => {
    const res = await postJson(`${base}/${encodeURIComponent(`${conversationId}|0000001`)}`, {
      type: 'message',
      text: 'Hi!',
      serviceUrl: connector.serviceUrl,
      conversation: { id: 'something-else' },
      from: { id: 'passerelle', name: 'Passerelle', role: 'bot' },
      replyToId: `${conversationId}|0000001`
    }, asBot());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: `${conversationId}|0000002` });
    const set = await store.since(conversationId, 1);
    expect(set.activities[0]).toMatchObject({ type: 'message', text: 'Hi!', channelId: 'directline', conversation: { id: conversationId }, replyToId: `${conversationId}|0000001` });
    expect(set.activities[0]).not.toHaveProperty('serviceUrl');
  });

  it('drops a replyToId the page never saw (the start of the conversation)', async () => {
    const res = await postJson(`${base}/${encodeURIComponent(`${conversationId}|start`)}`, { type: 'message', text: 'Welcome' }, asBot());
    const { id } = (await res.json()) as { id: string };
    const kept = (await store.since(conversationId, 0)).activities.find((a) => a.id === id)!;
    expect(kept).not.toHaveProperty('replyToId');
    expect(kept.from).toEqual({ id: 'passerelle', name: 'Passerelle' });
  });

  it('shows typing live without keeping it', async () => {
    const seen: ActivitySet[] = [];
    const unsubscribe = store.subscribe(conversationId, (set) => seen.push(set));
    const before = (await store.since(conversationId, 0)).watermark;
    const res = await postJson(base, { type: 'typing' }, asBot());
    unsubscribe();
    expect(res.status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.activities[0]).toMatchObject({ type: 'typing' });
    expect((await store.since(conversationId, 0)).watermark).toBe(before);
  });

  it('replaces an updated activity: same id, next watermark', async () => {
    const posted = (await (await postJson(base, { type: 'message', text: 'Draft' }, asBot())).json()) as { id: string };
    const url = `${base}/${encodeURIComponent(posted.id)}`;
    const res = await fetch(url, { method: 'PUT', headers: { ...asBot(), 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'Final', id: posted.id }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: posted.id });
    const all = await store.since(conversationId, 0);
    expect(all.activities.filter((a) => a.id === posted.id).map((a) => a.text)).toEqual(['Final']);
    expect(all.activities.at(-1)!.id).toBe(posted.id);
    const missing = await fetch(`${base}/nope`, { method: 'PUT', headers: { ...asBot(), 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message' }) });
    expect(missing.status).toBe(404);
  });

  it('refuses other callers (401), bad bodies (400) and unknown conversations (404)', async () => {
    expect((await postJson(base, { type: 'message', text: 'x' })).status).toBe(401);
    expect((await postJson(base, { type: 'message', text: 'x' }, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await postJson(base, { text: 'no type' }, asBot())).status).toBe(400);
    expect((await postJson(base, { type: 'message', text: 7 }, asBot())).status).toBe(400);
    expect((await postJson(base.replace(conversationId, 'unknown-conversation'), { type: 'message' }, asBot())).status).toBe(404);
  });
});

describe('LocalConnectorCredentialsFactory', () => {
  const local = new LocalConnectorAuth();
  local.bind({ address: '127.0.0.1', family: 'IPv4', port: 4000 });
  const signedByInner: string[] = [];
  const inner = {
    isValidAppId: async () => true,
    isAuthenticationDisabled: async () => false,
    createCredentials: async () => ({
      signRequest: async (resource: { url: string; headers: { set(name: string, value: string): void } }) => {
        signedByInner.push(resource.url);
        resource.headers.set('authorization', 'Bearer microsoft-token');
        return resource;
      }
    })
  };
  const factory = new LocalConnectorCredentialsFactory(inner as never, local);

  function resource(url: string) {
    const headers = new Map<string, string>();
    return { url, headers: { set: (k: string, v: string) => headers.set(k, v), get: (k: string) => headers.get(k) } };
  }

  it('signs requests to the local Connector route with the process secret, and nothing else', async () => {
    const credentials = await factory.createCredentials('app', undefined, 'https://login', true);
    const localRequest = resource('http://127.0.0.1:4000/directline-connector/v3/conversations/c/activities');
    await credentials.signRequest(localRequest as never);
    expect(localRequest.headers.get('authorization')).toBe(local.authorization);
    expect(signedByInner).toEqual([]);

    const channelRequest = resource('https://smba.trafficmanager.net/v3/conversations/c/activities');
    await credentials.signRequest(channelRequest as never);
    expect(channelRequest.headers.get('authorization')).toBe('Bearer microsoft-token');
    // The secret never goes to another host, even one that looks alike.
    for (const url of ['http://127.0.0.1:4001/directline-connector/v3/x', 'http://evil.example/http://127.0.0.1:4000/directline-connector/']) {
      const other = resource(url);
      await credentials.signRequest(other as never);
      expect(other.headers.get('authorization')).toBe('Bearer microsoft-token');
    }
  });

  it('passes the other questions to the configured factory', async () => {
    await expect(factory.isValidAppId('x')).resolves.toBe(true);
    await expect(factory.isAuthenticationDisabled()).resolves.toBe(false);
  });
});

describe('with a MicrosoftAppId configured', () => {
  it('the local Direct Line still works, and its replies fetch no Microsoft token', async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    const running = await startApp({ MicrosoftAppId: '00000000-0000-4000-8000-000000000002', MicrosoftAppPassword: 'test-secret' });
    try {
      const client = await DirectLineClient.start(running.url, { userId: 'user-with-app-id-0123456789', locale: 'en-US' });
      const greeting = await client.poll();
      expect(greeting.map((a) => a.text).join('\n')).toMatch(/Hello! I am Passerelle/);
      expect(greeting[0]!.from.id).toBe('00000000-0000-4000-8000-000000000002');
      // /api/messages still demands a Bot Framework token.
      const unsigned = messageActivity({ serviceUrl: 'http://127.0.0.1:9/', conversationId: 'conv-unsigned', text: 'hi' });
      expect((await postJson(`${running.url}/api/messages`, unsigned)).status).toBe(401);
      expect(nock.pendingMocks()).toEqual([]);
    } finally {
      await running.close();
      nock.cleanAll();
      nock.enableNetConnect();
    }
  });
});
