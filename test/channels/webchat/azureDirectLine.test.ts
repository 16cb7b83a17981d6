import nock from 'nock';
import { startApp, postJson, type RunningApp } from '../../support/testApp';

/** The page with Azure Bot Service's Direct Line (production): Azure faked at the HTTP boundary. */
const SECRET = 'azure-directline-secret-for-tests-0123456789';
const AZURE = 'https://directline.botframework.com';
const USER = 'pu_0123456789abcdef0123456789abcdef';

let running: RunningApp;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  running = await startApp({ AZURE_DIRECTLINE_SECRET: SECRET });
});
afterAll(async () => {
  await running.close();
  nock.cleanAll();
  nock.enableNetConnect();
});
afterEach(() => nock.cleanAll());

describe('web chat page with Azure Direct Line', () => {
  it('points the page at Azure, allows it in the CSP, and never puts the secret in the page', async () => {
    const res = await fetch(`${running.url}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('"tokenUrl":"/webchat/token"');
    expect(html).toContain('"directLine":"https://directline.botframework.com/v3/directline"');
    expect(html).not.toContain(SECRET);
    expect(res.headers.get('content-security-policy')).toMatch(/connect-src 'self' https:\/\/directline\.botframework\.com wss:\/\/directline\.botframework\.com/);
  });

  it('exchanges the secret for a token bound to the page user (dl_ prefix)', async () => {
    const scope = nock(AZURE, { reqheaders: { authorization: `Bearer ${SECRET}` } })
      .post('/v3/directline/tokens/generate', { user: { id: `dl_${USER}` } })
      .reply(200, { conversationId: 'azure-conv-1', token: 'azure-token-1', expires_in: 3600 });
    const res = await postJson(`${running.url}/webchat/token`, { user: { id: USER } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ conversationId: 'azure-conv-1', token: 'azure-token-1', expires_in: 3600 });
    expect(scope.isDone()).toBe(true);
  });

  it('answers 502 without details when Azure refuses, and 400 for a bad body', async () => {
    nock(AZURE).post('/v3/directline/tokens/generate').reply(403, { error: { code: 'BadArgument', message: 'secret invalid' } });
    const refused = await postJson(`${running.url}/webchat/token`, { user: { id: USER } });
    expect(refused.status).toBe(502);
    expect(await refused.text()).not.toContain(SECRET);
    const bad = await postJson(`${running.url}/webchat/token`, { user: { id: 'x' } });
    expect(bad.status).toBe(400);
  });
});
