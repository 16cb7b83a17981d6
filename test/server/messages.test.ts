import { FakeConnector } from '../support/fakeConnector';
import { ChatDriver } from '../support/chatDriver';
import { messageActivity, postJson, startApp, type RunningApp } from '../support/testApp';

let running: RunningApp;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await FakeConnector.start();
  running = await startApp();
});
afterAll(async () => {
  await running.close();
  await connector.close();
});

describe('health', () => {
  it('GET /healthz answers 200', async () => {
    const res = await fetch(`${running.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 with SQLite and the rules version', async () => {
    const res = await fetch(`${running.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', storage: 'sqlite', rulesVersion: expect.any(String) });
  });
});

describe('POST /api/messages replies through the Connector in the channel language', () => {
  it.each([
    ['fr-FR', /Bonjour ! Je suis Passerelle/, 'Dans quelle langue voulez-vous parler ?', 'Français'],
    ['en-US', /Hello! I am Passerelle/, 'Which language do you want to use?', 'English'],
    ['ar', /[\u0600-\u06FF]/, undefined, 'العربية']
  ])('locale %s', async (locale, greeting, question, firstButton) => {
    const chat = new ChatDriver(running.url, connector, `conv-lang-${locale}`, { locale });
    const replies = await chat.say('hello');
    expect(replies.length).toBeGreaterThanOrEqual(2);
    expect(replies[0]!.text).toMatch(greeting);
    if (question) expect(replies[1]!.text).toContain(question);
    expect(chat.lastButtons()[0]).toBe(firstButton);
    expect(replies.every((r) => r.conversation?.id === `conv-lang-${locale}`)).toBe(true);
  });
});

describe('bad requests get 4xx and the server keeps serving', () => {
  // Never reached: every one of these requests is refused before a turn runs.
  const valid = () => messageActivity({ serviceUrl: 'http://127.0.0.1:9/', conversationId: 'conv-bad', text: 'hi' });

  it.each([
    ['malformed JSON', '{"type": "message", ', 400],
    ['a JSON array', '[1,2,3]', 400],
    ['JSON null', 'null', 400],
    ['no type', { ...valid(), type: undefined }, 400],
    ['type is a number', { ...valid(), type: 42 }, 400],
    ['text is an object', { ...valid(), text: { evil: true } }, 400],
    ['no conversation', { ...valid(), conversation: undefined }, 400],
    ['serviceUrl not a URL', { ...valid(), serviceUrl: 'not a url' }, 400],
    ['serviceUrl not http', { ...valid(), serviceUrl: 'file:///etc/passwd' }, 400],
    ['locale not a language tag', { ...valid(), locale: '<script>' }, 400]
  ])('%s → %s', async (_name, body, status) => {
    const res = await postJson(`${running.url}/api/messages`, body);
    expect(res.status).toBe(status);
    expect(await res.text()).not.toMatch(/at .*\.js:\d+/); // no stack traces
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('names the wrong fields', async () => {
    const res = await postJson(`${running.url}/api/messages`, { ...valid(), type: 42, from: {} });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { reasons: string[] };
    expect(body.reasons.join('\n')).toMatch(/type/);
    expect(body.reasons.join('\n')).toMatch(/from\.id/);
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = { ...valid(), text: 'x'.repeat(300 * 1024) };
    const res = await postJson(`${running.url}/api/messages`, huge);
    expect(res.status).toBe(413);
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });

  it('refuses a non-JSON body with 415', async () => {
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(415);
  });

  it('answers 404 for an unknown route and 405 for a wrong method', async () => {
    expect((await fetch(`${running.url}/nope`)).status).toBe(404);
    expect((await fetch(`${running.url}/api/messages`)).status).toBe(405);
  });

  it('still converses after all of that', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-after-bad', { locale: 'en-US' });
    const replies = await chat.say('hello');
    expect(replies[0]!.text).toMatch(/Hello! I am Passerelle/);
  });
});
