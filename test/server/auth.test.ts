import { generateKeyPairSync, createSign, type KeyObject } from 'node:crypto';
import nock from 'nock';
import { FakeConnector } from '../support/fakeConnector';
import { messageActivity, postJson, startApp, type RunningApp } from '../support/testApp';

/**
 * With an app id configured, every request to /api/messages must carry a Bot Framework JWT.
 * The Bot Framework's token services are faked at the HTTP boundary with nock: the channel's
 * OpenID metadata and signing keys (incoming), and the Microsoft login token endpoint (outgoing).
 */
const APP_ID = '00000000-0000-4000-8000-000000000001';
const CHANNEL_ISSUER = 'https://api.botframework.com';
const KEY_ID = 'passerelle-test-key';

const channelKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
const attackerKey = generateKeyPairSync('rsa', { modulusLength: 2048 });

function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid = KEY_ID): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const payload = b64url(JSON.stringify(claims));
  const signer = createSign('RSA-SHA256');
  signer.update(`${header}.${payload}`);
  return `${header}.${payload}.${b64url(signer.sign(key))}`;
}

function channelClaims(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return { iss: CHANNEL_ISSUER, aud: APP_ID, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600, ...overrides };
}

let running: RunningApp;
let connector: FakeConnector;

beforeAll(async () => {
  // botframework-connector prints every refused token with console.error; the tests assert on
  // the HTTP status instead.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  const jwk = channelKey.publicKey.export({ format: 'jwk' });
  nock('https://login.botframework.com')
    .persist()
    .get('/v1/.well-known/openidconfiguration')
    .reply(200, {
      issuer: CHANNEL_ISSUER,
      jwks_uri: 'https://login.botframework.com/v1/.well-known/keys',
      id_token_signing_alg_values_supported: ['RS256']
    })
    .get('/v1/.well-known/keys')
    .reply(200, { keys: [{ kty: 'RSA', use: 'sig', kid: KEY_ID, n: jwk.n, e: jwk.e, endorsements: ['webchat', 'msteams'] }] });
  connector = await FakeConnector.start();
  running = await startApp({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret' });
});

afterAll(async () => {
  await running.close();
  await connector.close();
  nock.cleanAll();
  nock.enableNetConnect();
  jest.restoreAllMocks();
});

function activity(): Record<string, unknown> {
  return messageActivity({ serviceUrl: connector.serviceUrl, conversationId: 'conv-auth', text: 'hello' });
}

describe('with MicrosoftAppId configured', () => {
  it('rejects a request without a token with 401', async () => {
    const res = await postJson(`${running.url}/api/messages`, activity());
    expect(res.status).toBe(401);
    expect(connector.received).toHaveLength(0);
  });

  it.each([
    ['an unsigned token', () => `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(JSON.stringify(channelClaims(connector.serviceUrl)))}.`],
    ['a token signed by another key under the channel key id', () => signJwt(channelClaims(connector.serviceUrl), attackerKey.privateKey)],
    ['a token signed by an unknown key', () => signJwt(channelClaims(connector.serviceUrl), attackerKey.privateKey, 'unknown-kid')],
    ['a token for another bot', () => signJwt(channelClaims(connector.serviceUrl, { aud: 'another-app' }), channelKey.privateKey)],
    ['a token from another issuer', () => signJwt(channelClaims(connector.serviceUrl, { iss: 'https://evil.example' }), channelKey.privateKey)],
    ['an expired token', () => signJwt(channelClaims(connector.serviceUrl, { exp: Math.floor(Date.now() / 1000) - 3600 }), channelKey.privateKey)],
    ['a token for another serviceUrl', () => signJwt(channelClaims('https://attacker.example/'), channelKey.privateKey)],
    ['garbage', () => 'not-a-jwt']
  ])('rejects %s with 401', async (_name, token) => {
    const res = await postJson(`${running.url}/api/messages`, activity(), { authorization: `Bearer ${token()}` });
    expect(res.status).toBe(401);
    expect(connector.received).toHaveLength(0);
  });

  it('accepts a token signed by the channel and replies with its own bearer token', async () => {
    nock('https://login.microsoftonline.com')
      .persist()
      .post(/\/oauth2\/v2\.0\/token/)
      .reply(200, { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'outbound-token-for-test' })
      .get(/.*/)
      .reply((uri) => [200, msLoginMetadata(uri)]);
    const token = signJwt(channelClaims(connector.serviceUrl), channelKey.privateKey);
    const res = await postJson(`${running.url}/api/messages`, activity(), { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    await connector.waitFor(() => connector.received.length > 0);
    expect(connector.received[0]!.text).toMatch(/Bonjour|Hello/);
    expect(connector.authorizations[0]).toBe('Bearer outbound-token-for-test');
  });
});

/** Minimal Azure AD discovery documents, enough for MSAL to find the token endpoint. */
function msLoginMetadata(uri: string): Record<string, unknown> {
  if (uri.includes('discovery/instance')) {
    return {
      tenant_discovery_endpoint: 'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
      'api-version': '1.1',
      metadata: [{ preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com'] }]
    };
  }
  return {
    token_endpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token',
    authorization_endpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/authorize',
    end_session_endpoint: 'https://login.microsoftonline.com/botframework.com/oauth2/v2.0/logout',
    issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0',
    jwks_uri: 'https://login.microsoftonline.com/botframework.com/discovery/v2.0/keys',
    response_types_supported: ['code'],
    token_endpoint_auth_methods_supported: ['client_secret_post']
  };
}
