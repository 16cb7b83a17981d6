import { createHmac } from 'node:crypto';
import http from 'node:http';
import WebSocket from 'ws';
import { DirectLineTokenError, DirectLineTokenIssuer } from '../../../src/channels/directline';
import { DirectLineClient } from '../../support/directLineClient';
import { postJson, startApp, type RunningApp } from '../../support/testApp';

/**
 * Limits of the local Direct Line (issue 11: a forged token with a 10-year lifetime was
 * accepted; refresh could be chained forever and the old token stayed valid; WebSocket streams
 * per token were unlimited; the `Host` header was copied into `streamUrl`).
 */

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token signed with `secret` (as anyone knowing the development default could), with any claims. */
function forge(secret: string, claims: Record<string, unknown>): string {
  const signed = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
}

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (err) {
    return err instanceof DirectLineTokenError ? err.reason : String(err);
  }
}

describe('token lifetimes', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const issuer = new DirectLineTokenIssuer('s'.repeat(40), () => now, { conversation: 3600, stream: 300 });
  const iat = Math.floor(now.getTime() / 1000);
  const claims = { iss: 'passerelle-directline', conv: 'conv-1', user: 'user-1', scope: 'conversation', iat, exp: iat + 3600, jti: 'j1' };

  it('refuses a signed token living longer than its scope allows, or issued in the future', () => {
    expect(refusal(() => issuer.verify(forge('s'.repeat(40), claims)))).toBeUndefined();
    expect(refusal(() => issuer.verify(forge('s'.repeat(40), { ...claims, exp: iat + 10 * 365 * 86_400 })))).toBe('lifetime');
    expect(refusal(() => issuer.verify(forge('s'.repeat(40), { ...claims, scope: 'stream', exp: iat + 3600 })))).toBe('lifetime');
    expect(refusal(() => issuer.verify(forge('s'.repeat(40), { ...claims, iat: iat + 86_400, exp: iat + 86_400 + 60 })))).toBe('lifetime');
    expect(refusal(() => issuer.verify(forge('s'.repeat(40), { ...claims, jti: undefined })))).toBe('malformed');
  });

  it('never issues longer than the scope allows', () => {
    const { claims: issued } = issuer.issue({ conversationId: 'c', userId: 'u', scope: 'stream', ttlSeconds: 99_999 });
    expect(issued.exp - issued.iat).toBe(300);
  });

  it('a retired token is refused; the others are not', () => {
    const a = issuer.issue({ conversationId: 'c', userId: 'u', ttlSeconds: 60 });
    const b = issuer.issue({ conversationId: 'c', userId: 'u', ttlSeconds: 60 });
    issuer.retire(a.claims);
    expect(refusal(() => issuer.verify(a.token))).toBe('retired');
    expect(refusal(() => issuer.verify(b.token))).toBeUndefined();
  });
});

describe('the local Direct Line', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('refuses a ten-year token signed with the development default secret', async () => {
    const client = await DirectLineClient.start(running.url, { userId: 'forger-0123456789abcdef' });
    const iat = Math.floor(Date.now() / 1000);
    const forged = forge(running.config.directLine.secret, {
      iss: 'passerelle-directline',
      conv: client.conversationId,
      user: client.userId,
      scope: 'conversation',
      iat,
      exp: iat + 10 * 365 * 86_400,
      jti: 'forged'
    });
    const res = await fetch(`${running.url}/v3/directline/conversations/${client.conversationId}/activities`, { headers: { authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(401);
  });

  it('refresh retires the token refreshed: a chain of refreshes keeps one live token', async () => {
    const client = await DirectLineClient.start(running.url, { userId: 'refresher-0123456789abcdef' });
    const tokens = [client.token];
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${tokens.at(-1)!}` } });
      expect(res.status).toBe(200);
      tokens.push(((await res.json()) as { token: string }).token);
    }
    const statuses = await Promise.all(
      tokens.map(async (token) => (await fetch(`${running.url}/v3/directline/conversations/${client.conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } })).status)
    );
    expect(statuses).toEqual([403, 403, 403, 200]);
    const again = await fetch(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST', headers: { authorization: `Bearer ${tokens[0]!}` } });
    expect(again.status).toBe(403);
    expect(await again.json()).toEqual({ error: { code: 'TokenExpired', message: 'the token was refreshed: use the new one' } });
  });

  it('streamUrl comes from the configuration, never from the Host header', async () => {
    const { token } = (await (await postJson(`${running.url}/v3/directline/tokens/generate`, {})).json()) as { token: string };
    const body = await new Promise<string>((resolve, reject) => {
      const req = http.request(`${running.url}/v3/directline/conversations`, { method: 'POST', headers: { host: 'evil.example:666', authorization: `Bearer ${token}` } }, (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end();
    });
    const { streamUrl } = JSON.parse(body) as { streamUrl: string };
    expect(new URL(streamUrl).origin).toBe(running.url.replace(/^http/, 'ws'));
    expect(streamUrl).not.toContain('evil');

    const configured = await startApp({ PUBLIC_BASE_URL: 'https://chat.example.org' });
    try {
      const client = await DirectLineClient.start(configured.url, { userId: 'configured-0123456789abcdef' });
      expect(client.streamUrl).toMatch(/^wss:\/\/chat\.example\.org\/v3\/directline\/conversations\//);
    } finally {
      await configured.close();
    }
  });

  it('streams per conversation are capped: the fifth at once gets 429; closing one frees a place', async () => {
    const client = await DirectLineClient.start(running.url, { userId: 'streamer-0123456789abcdef' });
    const url = client.streamUrl!;
    const open = (): Promise<WebSocket | number> =>
      new Promise((resolve) => {
        const ws = new WebSocket(url);
        ws.once('open', () => resolve(ws));
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('error', () => resolve(0));
      });
    const results = await Promise.all(Array.from({ length: 8 }, open));
    const sockets = results.filter((r): r is WebSocket => typeof r !== 'number');
    expect(sockets).toHaveLength(4);
    expect(results.filter((r) => r === 429)).toHaveLength(4);
    await new Promise<void>((resolve) => {
      sockets[0]!.once('close', () => resolve());
      sockets[0]!.close();
    });
    // Once the server has seen the close (it counts its own sockets).
    while (running.app.directLine!.openStreams > 3) await new Promise((resolve) => setTimeout(resolve, 10));
    const another = await open();
    expect(typeof another).not.toBe('number');
    for (const ws of [...sockets.slice(1), another as WebSocket]) ws.terminate();
  });
});
