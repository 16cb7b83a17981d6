import http from 'node:http';
import zlib from 'node:zlib';
import { jsonDepthExceeds } from '../../src/server/bodyReader';
import { DirectLineClient } from '../support/directLineClient';
import { useAppWithConnector } from '../support/appWithConnector';
import { messageActivity, postJson } from '../support/testApp';

/**
 * Bodies are read within bounds on every route, before authentication and validation (issue 11:
 * a 249 KB gzip body took 7 s of CPU and ~1 GB of memory; MAX_BODY_BYTES counted compressed
 * bytes; deeply nested JSON to a Direct Line activity answered 500 with the internal error).
 */

/** `megabytes` MB of JSON whitespace then `{}`, compressed: valid JSON, tiny on the wire. */
function gzipBomb(megabytes: number, format: 'gzip' | 'deflate' = 'gzip'): Buffer {
  const json = Buffer.alloc(megabytes * 1024 * 1024 + 2, 0x20);
  json.write('{}', json.length - 2);
  return format === 'gzip' ? zlib.gzipSync(json, { level: 9 }) : zlib.deflateSync(json, { level: 9 });
}

/** POSTs raw bytes with the given headers (fetch would refuse some of them). */
function rawPost(url: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-length': String(body.length), ...headers } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString('utf8') }));
    });
    // The server may close the connection before reading the whole body: that is the point.
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' || err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.end(body);
  });
}

function nested(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const both = useAppWithConnector({ MAX_BODY_BYTES: '65536' });

describe('JSON depth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(jsonDepthExceeds(nested(32), 32)).toBe(false);
    expect(jsonDepthExceeds(nested(33), 32)).toBe(true);
    expect(jsonDepthExceeds(`{"a":"${'['.repeat(100)}"}`, 32)).toBe(false);
    expect(jsonDepthExceeds(`{"a":"\\"${'['.repeat(100)}"}`, 32)).toBe(false);
    expect(jsonDepthExceeds('[[[[[[', 5)).toBe(true);
  });
});

describe('the gzip bomb', () => {
  const bomb = gzipBomb(48); // 48 MB of whitespace in about 48 KB: under the limit on the wire

  it('is refused with 413 on every route, counting decompressed bytes, with memory bounded', async () => {
    expect(bomb.length).toBeLessThan(65536);
    const routes = ['/api/messages', '/api/eligibility', '/v3/directline/tokens/generate', '/v3/directline/conversations', '/api/partner/v1/referrals/x/accept', '/no/such/route'];
    const before = process.memoryUsage().rss;
    const answers = await Promise.all(
      [...routes, ...routes].map((route) => rawPost(`${both.running.url}${route}`, bomb, { 'content-type': 'application/json', 'content-encoding': 'gzip' }))
    );
    const grown = process.memoryUsage().rss - before;
    const bad = answers.map((a, i) => ({ route: [...routes, ...routes][i], status: a.status })).filter((a) => a.route !== '/no/such/route' && a.status !== 413);
    expect(bad).toEqual([]);
    // Twelve bombs at once held ~4 GB before; now each stops at MAX_BODY_BYTES (64 KB).
    expect(grown).toBeLessThan(200 * 1024 * 1024);
    const body = JSON.parse(answers[0]!.text) as { error: string; message: string };
    expect(body).toEqual({ error: 'payload_too_large', message: 'the request body is larger than 65536 bytes (counted after decompression)' });
    expect(JSON.parse(answers[2]!.text)).toEqual({ error: { code: 'PayloadTooLarge', message: 'the request body is larger than 65536 bytes (counted after decompression)' } });
  });

  it('deflate is bounded the same way; other encodings get 415 without being read', async () => {
    const deflated = await rawPost(`${both.running.url}/api/eligibility`, gzipBomb(16, 'deflate'), { 'content-type': 'application/json', 'content-encoding': 'deflate' });
    expect(deflated.status).toBe(413);
    const brotli = await rawPost(`${both.running.url}/api/eligibility`, zlib.brotliCompressSync('{}'), { 'content-type': 'application/json', 'content-encoding': 'br' });
    expect(brotli.status).toBe(415);
    expect(JSON.parse(brotli.text)).toEqual({ error: 'unsupported_encoding', message: 'content encoding not supported: send the body uncompressed, or with gzip or deflate' });
  });

  it('a small gzip body within the limit is read as before', async () => {
    const body = zlib.gzipSync(JSON.stringify({ lang: 'en', answers: { age: 22, situation: 'none', qualification: 'none', country: 'FR', livesInCamp: false } }));
    const answer = await rawPost(`${both.running.url}/api/eligibility`, body, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(answer.status).toBe(200);
  });

  it('a declared length over the limit is refused before reading; so is an uncompressed body over it', async () => {
    const declared = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${both.running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{'); // and nothing more: the answer comes without the rest
    });
    expect(declared).toBe(413);
    const big = await postJson(`${both.running.url}/api/messages`, { text: 'x'.repeat(70_000) });
    expect(big.status).toBe(413);
  });

  it('the next valid request is served', async () => {
    const res = await postJson(`${both.running.url}/api/messages`, messageActivity({ serviceUrl: both.connector.serviceUrl, conversationId: 'after-bomb', text: 'hello' }));
    expect(res.status).toBe(200);
  });
});

describe('deeply nested and malformed JSON', () => {
  it('a deeply nested Direct Line activity gets 400 with a clear message, not 500 with internals', async () => {
    const client = await DirectLineClient.start(both.running.url, { userId: 'nested-json-user-0123456789' });
    const body = `{"type":"message","text":"hi","value":${nested(5000)}}`;
    const res = await postJson(`${both.running.url}/v3/directline/conversations/${client.conversationId}/activities`, body, client.authorization);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'BadArgument', message: 'the JSON body is nested deeper than 32 levels' } });
  });

  it('every JSON route answers 400 for nesting and malformed bodies, never quoting them', async () => {
    const secret = 'ATTACKER-CHOSEN-<script>';
    const routes = ['/api/messages', '/api/eligibility', '/v3/directline/tokens/generate'];
    const seen: string[] = [];
    for (const route of routes) {
      for (const body of [nested(100), `{"x": ${secret}`]) {
        const res = await postJson(`${both.running.url}${route}`, body);
        const text = await res.text();
        if (res.status !== 400 || text.includes(secret) || text.includes('stack')) seen.push(`${route} ${res.status} ${text}`);
      }
    }
    expect(seen).toEqual([]);
  });
});

describe('errors never echo the request or internals', () => {
  it('an unknown path, a wrong method', async () => {
    const unknown = await fetch(`${both.running.url}/ATTACKER-<b>chosen</b>`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toContain('ATTACKER');
    const method = await fetch(`${both.running.url}/api/eligibility`, { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(await method.json()).toEqual({ error: 'method_not_allowed', message: 'method not allowed' });
  });
});

describe('headers', () => {
  it('nosniff everywhere, no-store on personal data, never in a frame', async () => {
    const answers: [string, Response][] = [
      ['/api/eligibility', await postJson(`${both.running.url}/api/eligibility`, { answers: {} })],
      ['/api/messages', await postJson(`${both.running.url}/api/messages`, {})],
      ['/profile/x', await fetch(`${both.running.url}/profile/no-such-token-0123456789`)],
      ['/profile/x/json', await fetch(`${both.running.url}/profile/no-such-token-0123456789/json`)],
      ['/v3/directline/tokens/refresh', await fetch(`${both.running.url}/v3/directline/tokens/refresh`, { method: 'POST' })],
      ['/readyz', await fetch(`${both.running.url}/readyz`)],
      ['/', await fetch(`${both.running.url}/`)],
      ['/nothing', await fetch(`${both.running.url}/nothing`)]
    ];
    const problems: string[] = [];
    for (const [path, res] of answers) {
      if (res.headers.get('x-content-type-options') !== 'nosniff') problems.push(`${path}: nosniff`);
      if (!/frame-ancestors 'none'/.test(res.headers.get('content-security-policy') ?? '')) problems.push(`${path}: frame-ancestors`);
      if (/^\/(api|profile|v3)/.test(path) && res.headers.get('cache-control') !== 'no-store') problems.push(`${path}: cache-control ${res.headers.get('cache-control')}`);
    }
    expect(problems).toEqual([]);
  });
});
