import { pseudonymize } from '../../../src/bot/pseudonym';
import { DirectLineTokenIssuer } from '../../../src/channels/directline';
import { DirectLineClient, type DlActivity } from '../../support/directLineClient';
import { FakeConnector } from '../../support/fakeConnector';
import { postJson, startApp, tempDataDir, type RunningApp } from '../../support/testApp';

const NOW = new Date('2026-11-29T10:00:00Z');
const clock = () => NOW;

function texts(activities: DlActivity[]): string {
  return activities.map((a) => a.text ?? '').join('\n');
}

function buttons(activities: DlActivity[]): string[] {
  const last = [...activities].reverse().find((a) => (a.suggestedActions?.actions.length ?? 0) > 0);
  return last?.suggestedActions?.actions.map((a) => String(a.title ?? a.value)) ?? [];
}

function userId(tag: string): string {
  return `test-user-${tag}-0123456789abcdef`;
}

let running: RunningApp;
beforeAll(async () => {
  running = await startApp({}, clock);
});
afterAll(() => running.close());

describe('starting a conversation', () => {
  it('issues a token bound to a new conversation, starts it and the bot greets', async () => {
    const generated = await postJson(`${running.url}/v3/directline/tokens/generate`, { user: { id: userId('start') } });
    expect(generated.status).toBe(200);
    expect(generated.headers.get('cache-control')).toBe('no-store');
    const body = (await generated.json()) as { conversationId: string; token: string; expires_in: number; userId: string };
    expect(body).toMatchObject({ conversationId: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), expires_in: 3600, userId: userId('start') });
    expect(body.token.split('.')).toHaveLength(3);
    // Web Chat's Direct Line client reads the bound user from the token, as with Azure's.
    const claims = JSON.parse(Buffer.from(body.token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(claims).toMatchObject({ user: userId('start'), conv: body.conversationId });

    const started = await postJson(`${running.url}/v3/directline/conversations`, { locale: 'en-US' }, { authorization: `Bearer ${body.token}` });
    expect(started.status).toBe(201);
    const conversation = (await started.json()) as { conversationId: string; token: string; expires_in: number; streamUrl: string };
    expect(conversation.conversationId).toBe(body.conversationId);
    expect(conversation.expires_in).toBe(3600);
    expect(conversation.streamUrl).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${body.conversationId}/stream\\?t=`));

    const res = await fetch(`${running.url}/v3/directline/conversations/${body.conversationId}/activities`, { headers: { authorization: `Bearer ${conversation.token}` } });
    expect(res.status).toBe(200);
    const set = (await res.json()) as { activities: DlActivity[]; watermark: string };
    expect(texts(set.activities)).toMatch(/Hello! I am Passerelle/);
    expect(texts(set.activities)).toMatch(/Which language do you want to use\?/);
    expect(buttons(set.activities)[0]).toBe('English');
    expect(set.activities.every((a) => a.from.role === 'bot' && a.conversation.id === body.conversationId && a.channelId === 'directline')).toBe(true);
    expect(set.activities.map((a) => a.id)).toEqual([`${body.conversationId}|0000001`, `${body.conversationId}|0000002`]);
    expect(set.watermark).toBe('2');
    expect(set.activities.some((a) => 'serviceUrl' in a)).toBe(false);

    // Starting again with the same token is harmless: same conversation, no second greeting.
    const again = await postJson(`${running.url}/v3/directline/conversations`, {}, { authorization: `Bearer ${body.token}` });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { conversationId: string }).conversationId).toBe(body.conversationId);
    const after = (await (await fetch(`${running.url}/v3/directline/conversations/${body.conversationId}/activities?watermark=2`, { headers: { authorization: `Bearer ${body.token}` } })).json()) as { activities: unknown[] };
    expect(after.activities).toEqual([]);
  });

  it('makes up a user id when none is given', async () => {
    const generated = await postJson(`${running.url}/v3/directline/tokens/generate`, {});
    const body = (await generated.json()) as { userId: string };
    expect(body.userId).toMatch(/^dl_[0-9a-f]{32}$/);
  });

  it('refreshes a token, and reconnects with a new streamUrl carrying the watermark', async () => {
    const client = await DirectLineClient.start(running.url, { userId: userId('refresh') });
    const refreshed = await fetch(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: client.authorization });
    expect(refreshed.status).toBe(200);
    const body = (await refreshed.json()) as { token: string; conversationId: string; expires_in: number };
    expect(body.conversationId).toBe(client.conversationId);
    client.token = body.token;
    expect((await client.activities()).activities.length).toBeGreaterThan(0);

    const reconnect = await fetch(`${running.url}/v3/directline/conversations/${client.conversationId}?watermark=1`, { headers: client.authorization });
    expect(reconnect.status).toBe(200);
    const info = (await reconnect.json()) as { streamUrl: string; token: string };
    expect(info.streamUrl).toMatch(/[?&]watermark=1(&|$)/);
  });
});

describe('posting activities', () => {
  it('answers { id }, echoes the activity with the user id of the token, and the bot replies in the transcript', async () => {
    const client = await DirectLineClient.start(running.url, { userId: userId('post'), locale: 'en-US' });
    const greeting = await client.poll();
    expect(client.watermark).toBe('2');
    expect(greeting).toHaveLength(2);

    const res = await client.post({
      type: 'message',
      text: 'English',
      locale: 'en-US',
      from: { id: 'someone-else-entirely', name: 'Mallory' },
      channelData: { clientActivityID: 'client-1' },
      serviceUrl: 'http://evil.example/',
      conversation: { id: 'another-conversation' },
      recipient: { id: 'not-the-bot' }
    });
    expect(res.status).toBe(200);
    const { id } = (await res.json()) as { id: string };
    expect(id).toBe(`${client.conversationId}|0000003`);

    const after = await client.poll();
    const echo = after.find((a) => a.id === id)!;
    expect(echo).toMatchObject({
      type: 'message',
      text: 'English',
      channelId: 'directline',
      from: { id: userId('post'), name: 'Mallory', role: 'user' },
      conversation: { id: client.conversationId },
      recipient: { id: 'passerelle', role: 'bot' },
      channelData: { clientActivityID: 'client-1' }
    });
    expect(echo).not.toHaveProperty('serviceUrl');
    expect(typeof echo.timestamp).toBe('string');
    const replies = after.filter((a) => a.from.role === 'bot');
    expect(texts(replies)).toMatch(/OK, I will talk to you in English\./);
    expect(texts(replies)).toMatch(/Do you agree that I keep your answers\?/);
    expect(replies.every((a) => a.replyToId === id)).toBe(true);
    expect(client.watermark).toBe(String(3 + replies.length));

    // The bot saw the token's user, not the body's: its records carry that user's key.
    await client.say('yes');
    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'directline', userId('post'));
    expect(await running.app.storage.consents.latest(userKey)).toMatchObject({ decision: 'granted', language: 'en' });
    const forgedKey = pseudonymize(running.config.pseudonymSecret, 'user', 'directline', 'someone-else-entirely');
    expect(await running.app.storage.consents.latest(forgedKey)).toBeNull();
  });

  it('gives only what follows a watermark', async () => {
    const client = await DirectLineClient.start(running.url, { userId: userId('watermark'), locale: 'en-US' });
    await client.say('English');
    const all = await client.activities();
    const from3 = await client.activities('3');
    expect(from3.activities.map((a) => a.id)).toEqual(all.activities.slice(3).map((a) => a.id));
    expect(from3.watermark).toBe(all.watermark);
    expect((await client.activities(all.watermark)).activities).toEqual([]);
    expect((await client.activities('')).activities).toHaveLength(all.activities.length);
    expect((await client.activities('999')).activities).toEqual([]);
    const bad = await fetch(`${running.url}/v3/directline/conversations/${client.conversationId}/activities?watermark=abc`, { headers: client.authorization });
    expect(bad.status).toBe(400);
  });

  it('passes event activities to the bot', async () => {
    const client = await DirectLineClient.start(running.url, { userId: userId('event') });
    const res = await client.post({ type: 'event', name: 'webchat/join', value: { language: 'en' } });
    expect(res.status).toBe(200);
    const set = await client.activities();
    expect(set.activities.find((a) => a.type === 'event')).toMatchObject({ name: 'webchat/join', value: { language: 'en' } });
  });
});

describe('refusals', () => {
  let client: DirectLineClient;
  let other: DirectLineClient;
  beforeAll(async () => {
    client = await DirectLineClient.start(running.url, { userId: userId('refusals-a') });
    other = await DirectLineClient.start(running.url, { userId: userId('refusals-b') });
  });

  const activitiesUrl = () => `${running.url}/v3/directline/conversations/${client.conversationId}/activities`;
  const message = { type: 'message', text: 'hello' };

  it.each([
    ['no Authorization header', undefined, 401],
    ['a token that is not a JWT', 'Bearer nonsense', 401],
    ['a Basic header', 'Basic dXNlcjpwYXNz', 401]
  ])('%s → %s', async (_name, authorization, status) => {
    const headers: Record<string, string> = authorization ? { authorization } : {};
    expect((await fetch(activitiesUrl(), { headers })).status).toBe(status);
    expect((await postJson(activitiesUrl(), message, headers)).status).toBe(status);
    expect((await postJson(`${running.url}/v3/directline/conversations`, {}, headers)).status).toBe(status);
    expect((await fetch(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST', headers })).status).toBe(status);
  });

  it('refuses a token signed with another secret (401)', async () => {
    const forged = new DirectLineTokenIssuer('x'.repeat(40)).issue({ conversationId: client.conversationId, userId: client.userId, ttlSeconds: 600 }).token;
    const res = await fetch(activitiesUrl(), { headers: { authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('refuses an expired token (403, as Direct Line does, so clients fetch a new one)', async () => {
    const past = new DirectLineTokenIssuer(running.config.directLine.secret, () => new Date(Date.now() - 2 * 3600 * 1000));
    const expired = past.issue({ conversationId: client.conversationId, userId: client.userId, ttlSeconds: 3600 }).token;
    expect((await fetch(activitiesUrl(), { headers: { authorization: `Bearer ${expired}` } })).status).toBe(403);
    expect((await fetch(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${expired}` } })).status).toBe(403);
  });

  it("refuses another conversation's token (403)", async () => {
    expect((await fetch(activitiesUrl(), { headers: other.authorization })).status).toBe(403);
    expect((await postJson(activitiesUrl(), message, other.authorization)).status).toBe(403);
    expect((await fetch(`${running.url}/v3/directline/conversations/${client.conversationId}`, { headers: other.authorization })).status).toBe(403);
  });

  it('refuses a stream token used as a conversation token (403)', async () => {
    const streamToken = new URL(client.streamUrl!).searchParams.get('t')!;
    expect((await fetch(activitiesUrl(), { headers: { authorization: `Bearer ${streamToken}` } })).status).toBe(403);
  });

  it('gives a token for an existing conversation only to its user', async () => {
    const mine = await postJson(`${running.url}/v3/directline/tokens/generate`, { user: { id: client.userId }, conversationId: client.conversationId });
    expect(mine.status).toBe(200);
    const theirs = await postJson(`${running.url}/v3/directline/tokens/generate`, { user: { id: other.userId }, conversationId: client.conversationId });
    expect(theirs.status).toBe(403);
    const anonymous = await postJson(`${running.url}/v3/directline/tokens/generate`, { conversationId: client.conversationId });
    expect(anonymous.status).toBe(403);
    const unknown = await postJson(`${running.url}/v3/directline/tokens/generate`, { user: { id: client.userId }, conversationId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.status).toBe(404);
  });

  it('answers 404 for a conversation that was never started', async () => {
    const generated = (await (await postJson(`${running.url}/v3/directline/tokens/generate`, { user: { id: userId('never') } })).json()) as { token: string; conversationId: string };
    const headers = { authorization: `Bearer ${generated.token}` };
    const url = `${running.url}/v3/directline/conversations/${generated.conversationId}/activities`;
    expect((await fetch(url, { headers })).status).toBe(404);
    expect((await postJson(url, message, headers)).status).toBe(404);
  });

  it.each([
    ['malformed JSON', '{"type": "message", ', 400],
    ['a JSON array', '[1,2]', 400],
    ['no type', { text: 'hi' }, 400],
    ['an unknown type', { type: 'conversationUpdate' }, 400],
    ['type is a number', { type: 42 }, 400],
    ['text is an object', { type: 'message', text: { evil: true } }, 400],
    ['a locale that is not a language tag', { type: 'message', text: 'hi', locale: '<script>' }, 400],
    ['attachments', { type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'http://x/y.png' }] }, 400],
    ['text over 10 000 characters', { type: 'message', text: 'x'.repeat(10_001) }, 400]
  ])('refuses %s with %s and keeps nothing', async (_name, body, status) => {
    const before = (await client.activities()).watermark;
    const res = await postJson(activitiesUrl(), body, client.authorization);
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(text).not.toMatch(/at .*\.js:\d+/);
    expect((await client.activities()).watermark).toBe(before);
  });

  it('names the wrong fields', async () => {
    const res = await postJson(activitiesUrl(), { type: 'message', text: 42 }, client.authorization);
    const body = (await res.json()) as { error: { code: string }; reasons: string[] };
    expect(body.error.code).toBe('BadArgument');
    expect(body.reasons.join('\n')).toMatch(/text/);
  });

  it('refuses a body over the size limit (413) and a non-JSON body (415)', async () => {
    expect((await postJson(activitiesUrl(), { type: 'message', text: 'x'.repeat(300 * 1024) }, client.authorization)).status).toBe(413);
    const plain = await fetch(activitiesUrl(), { method: 'POST', headers: { ...client.authorization, 'content-type': 'text/plain' }, body: 'hello' });
    expect(plain.status).toBe(415);
  });

  it.each([
    ['a short user id', { user: { id: 'bob' } }],
    ['a user id with odd characters', { user: { id: 'user/../../0123456789abcdef' } }],
    ['a malformed conversation id', { user: { id: userId('x') }, conversationId: '../etc' }]
  ])('refuses a token request with %s (400)', async (_name, body) => {
    expect((await postJson(`${running.url}/v3/directline/tokens/generate`, body)).status).toBe(400);
  });
});

describe('the Connector route the bot replies to', () => {
  it('refuses any caller but this process', async () => {
    const client = await DirectLineClient.start(running.url, { userId: userId('connector') });
    const url = `${running.url}/directline-connector/v3/conversations/${client.conversationId}/activities`;
    const fake = { type: 'message', text: 'I am the bot, trust me', from: { id: 'passerelle' } };
    expect((await postJson(url, fake)).status).toBe(401);
    expect((await postJson(url, fake, client.authorization)).status).toBe(401);
    expect((await postJson(url, fake, { authorization: 'Bearer ' + 'A'.repeat(43) })).status).toBe(401);
    expect((await postJson(`${url}/${client.conversationId}%7C0000001`, fake)).status).toBe(401);
    const put = await fetch(`${url}/${client.conversationId}%7C0000001`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fake) });
    expect(put.status).toBe(401);
    expect(texts((await client.activities()).activities)).not.toMatch(/trust me/);
  });
});

describe('the WebSocket stream', () => {
  it('sends the backlog, then each new activity as it is kept', async () => {
    const client = await DirectLineClient.start(running.url, { userId: userId('ws'), locale: 'en-US' });
    const stream = await client.openStream();
    try {
      await stream.waitFor((a) => a.length >= 2);
      expect(texts(stream.activities)).toMatch(/Hello! I am Passerelle/);
      expect(stream.watermarks[0]).toBe('2');
      await client.say('English');
      await stream.waitFor((a) => /Do you agree/.test(texts(a)));
      const ids = stream.activities.map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length); // no duplicates
      expect(ids).toEqual((await client.activities()).activities.map((a) => a.id)); // same order as the transcript
    } finally {
      await stream.close();
    }
  });

  it('starts after the watermark of its URL', async () => {
    const client = await DirectLineClient.start(running.url, { userId: userId('ws-watermark'), locale: 'en-US' });
    await client.say('English');
    const info = (await (await fetch(`${running.url}/v3/directline/conversations/${client.conversationId}?watermark=3`, { headers: client.authorization })).json()) as { streamUrl: string };
    const stream = await client.openStream(info.streamUrl);
    try {
      const all = (await client.activities()).activities;
      await stream.waitFor((a) => a.length >= all.length - 3);
      expect(stream.activities.map((a) => a.id)).toEqual(all.slice(3).map((a) => a.id));
    } finally {
      await stream.close();
    }
  });

  it.each([
    ['no token', (url: URL) => url.searchParams.delete('t'), /401/],
    ['a forged token', (url: URL) => url.searchParams.set('t', 'a.b.c'), /401/],
    ['another conversation', (url: URL) => (url.pathname = url.pathname.replace(/conversations\/[^/]+/, 'conversations/AAAAAAAAAAAAAAAAAAAAAA')), /403/]
  ])('refuses %s', async (_name, change, status) => {
    const client = await DirectLineClient.start(running.url, { userId: userId('ws-refused') });
    const url = new URL(client.streamUrl!);
    change(url);
    await expect(client.openStream(url.toString())).rejects.toThrow(status);
  });
});

describe('proactive messages', () => {
  it('reach a local Direct Line conversation (transcript and open stream)', async () => {
    const client = await DirectLineClient.start(running.url, { userId: userId('proactive'), locale: 'en-US' });
    const stream = await client.openStream();
    try {
      await stream.waitFor((a) => a.length >= 2);
      const reference = await running.app.directLine!.referenceFor(client.conversationId);
      expect(reference).toMatchObject({ channelId: 'directline', conversation: { id: client.conversationId }, user: { id: client.userId } });
      const response = await running.app.proactive.send(reference!, 'Your request was accepted by the partner.');
      expect(response?.id).toMatch(new RegExp(`^${client.conversationId}\\|\\d{7}$`));
      await stream.waitFor((a) => a.some((x) => x.text === 'Your request was accepted by the partner.'));
      const last = (await client.activities()).activities.at(-1)!;
      expect(last).toMatchObject({ type: 'message', text: 'Your request was accepted by the partner.', from: { role: 'bot' } });
    } finally {
      await stream.close();
    }
  });

  it('reach other channels through their Connector', async () => {
    const connector = await FakeConnector.start();
    try {
      await running.app.proactive.send(
        { channelId: 'telegram', serviceUrl: connector.serviceUrl, conversation: { id: 'tg-42', isGroup: false, conversationType: 'personal', name: '' }, bot: { id: 'bot', name: 'Passerelle' }, user: { id: 'u-42', name: '' } },
        { text: 'Bonjour !', locale: 'fr' }
      );
      expect(connector.messagesFor('tg-42').map((a) => [a.text, a.locale])).toEqual([['Bonjour !', 'fr']]);
    } finally {
      await connector.close();
    }
  });

  it('refuse an incomplete reference', async () => {
    await expect(running.app.proactive.send({ channelId: 'directline' }, 'hi')).rejects.toThrow(/serviceUrl, conversation\.id/);
  });
});

describe('after a server restart (same data directory)', () => {
  it('the returning person gets a token for their conversation, sees its history and goes on where they were', async () => {
    const dataDir = tempDataDir();
    let app = await startApp({ DATA_DIR: dataDir }, clock);
    const first = await DirectLineClient.start(app.url, { userId: userId('restart'), locale: 'en-US' });
    await first.say('English');
    await first.say('yes');
    const before = await first.activities();
    expect(texts(before.activities)).toMatch(/What would you like to do\?/);
    await app.close();

    app = await startApp({ DATA_DIR: dataDir }, clock);
    try {
      const again = await DirectLineClient.start(app.url, { userId: userId('restart'), conversationId: first.conversationId });
      expect(again.conversationId).toBe(first.conversationId);
      const history = await again.activities();
      expect(history.activities.map((a) => a.id)).toEqual(before.activities.map((a) => a.id));
      expect(history.watermark).toBe(before.watermark);
      again.watermark = history.watermark;
      const replies = await again.say('Check if I can join');
      expect(texts(replies)).toMatch(/How old are you\?/);
      expect(replies[0]!.id).toBe(`${first.conversationId}|${String(Number(before.watermark) + 2).padStart(7, '0')}`);
    } finally {
      await app.close();
    }
  });
});

describe('LOCAL_DIRECTLINE=off', () => {
  it('serves neither the page nor the Direct Line endpoint', async () => {
    const off = await startApp({ LOCAL_DIRECTLINE: 'off' });
    try {
      expect(off.app.directLine).toBeUndefined();
      expect((await fetch(`${off.url}/`)).status).toBe(404);
      expect((await postJson(`${off.url}/v3/directline/tokens/generate`, {})).status).toBe(404);
      expect((await fetch(`${off.url}/healthz`)).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});
