import http from 'node:http';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { useAppWithConnector } from '../support/appWithConnector';
import { DirectLineClient } from '../support/directLineClient';
import { messageActivity, postJson } from '../support/testApp';

/**
 * Part 9 of issue 11: property-based attacks (fast-check) on every door a stranger can knock
 * at: malformed, oversized, compressed, deeply nested and unicode-hostile activities, Direct
 * Line calls and API bodies. Whatever is sent: no 5xx except the documented ones, memory
 * bounded, and the next valid request is served. Runs are counted so that the file takes well
 * under a minute on two cores; the seed is printed by fast-check when a property fails.
 */

const both = useAppWithConnector({ MAX_BODY_BYTES: '65536' });

/** 5xx answers a route documents (README): a Direct Line turn that failed (502), an invoke the bot does not handle (501). */
const DOCUMENTED_5XX: Record<string, number[]> = { directLineActivity: [502], messages: [501] };

/** Strings that break naive code: controls, lone surrogates, bidi overrides, long scripts. */
const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom('\u0000', '\ud800', '\udfff', '\u202e\u2066evil', '\ufeff', '﷽'.repeat(300), '𒐫'.repeat(500), 'a\u0301'.repeat(400), '../../etc/passwd', '%00', '{{constructor}}', '__proto__', '${7*7}', '<script>x</script>'),
  fc.string({ maxLength: 20 })
);

/** JSON values nested up to `depth`, with hostile keys and strings. */
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'text', 'from')), tie('value'), { maxKeys: 4 })
  )
})).value;

/** An activity with each field either right, missing, or hostile. */
function activityArbitrary(serviceUrl: string) {
  const maybe = <T>(right: T) => fc.oneof(fc.constant(right), fc.constant(undefined), hostileJson);
  return fc.record(
    {
      type: fc.oneof(fc.constantFrom('message', 'conversationUpdate', 'event', 'typing', 'invoke', 'endOfConversation'), hostileJson),
      id: maybe('act-1'),
      channelId: fc.oneof(fc.constantFrom('webchat', 'emulator', 'directline', 'msteams', 'sms'), hostileJson),
      serviceUrl: fc.oneof(fc.constant(serviceUrl), hostileJson),
      conversation: fc.oneof(fc.record({ id: fc.oneof(fc.constant('fuzz-conversation'), hostileString) }), hostileJson),
      from: fc.oneof(fc.record({ id: fc.oneof(fc.constant('fuzz-user'), hostileString), name: hostileString }), hostileJson),
      recipient: maybe({ id: 'bot' }),
      text: fc.oneof(hostileString, fc.string({ maxLength: 10_500 }), hostileJson),
      locale: maybe('fr-FR'),
      value: hostileJson,
      membersAdded: maybe([{ id: 'fuzz-user' }]),
      attachments: maybe([]),
      entities: maybe([]),
      channelData: hostileJson
    },
    { requiredKeys: [] }
  );
}

/** Raw bytes to a path, with any content type and encoding; resolves with the status (0: connection closed early). */
function rawPost(url: string, body: Buffer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', headers: { 'content-length': String(body.length), ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

function allowed(route: string, status: number): boolean {
  return status < 500 || (DOCUMENTED_5XX[route] ?? []).includes(status);
}

async function stillServes(): Promise<void> {
  const { running, connector } = both;
  const res = await postJson(`${running.url}/api/messages`, messageActivity({ serviceUrl: connector.serviceUrl, conversationId: `after-${Math.random()}`, text: 'hello' }));
  expect(res.status).toBe(200);
}

describe('fuzzing every door', () => {
  const before = { heap: 0 };
  beforeAll(() => {
    before.heap = process.memoryUsage().heapUsed;
  });

  it('activities to /api/messages: never an undocumented 5xx', async () => {
    const bad: string[] = [];
    await fc.assert(
      fc.asyncProperty(activityArbitrary(both.connector.serviceUrl), async (activity) => {
        const res = await postJson(`${both.running.url}/api/messages`, activity);
        await res.arrayBuffer();
        if (!allowed('messages', res.status)) bad.push(`${res.status} ${JSON.stringify(activity).slice(0, 300)}`);
        return allowed('messages', res.status);
      }),
      { numRuns: 250 }
    );
    expect(bad).toEqual([]);
    await stillServes();
  });

  it('bodies to the walk-in API, Direct Line tokens and conversations, the partner API: never a 5xx', async () => {
    const routes = ['/api/eligibility', '/v3/directline/tokens/generate', '/v3/directline/tokens/refresh', '/v3/directline/conversations', '/api/partner/v1/referrals/x/accept', '/directline-connector/v3/conversations/x/activities'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), hostileJson, fc.option(hostileString, { nil: undefined }), async (route, body, authorization) => {
        const headers: Record<string, string> = {};
        if (authorization !== undefined && /^[\t\x20-\x7e]*$/.test(authorization)) headers.authorization = `Bearer ${authorization}`;
        const res = await postJson(`${both.running.url}${route}`, JSON.stringify(body) ?? 'null', headers);
        await res.arrayBuffer();
        return res.status < 500;
      }),
      { numRuns: 300 }
    );
    await stillServes();
  });

  it('raw bytes with any content type and encoding, compressed or not, nested or not: never a 5xx, always an answer', async () => {
    const bad: string[] = [];
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
      hostileJson.map((v) => Buffer.from(JSON.stringify(v) ?? 'null')),
      fc.integer({ min: 1, max: 20_000 }).map((depth) => Buffer.from('['.repeat(depth) + ']'.repeat(depth))),
      fc.integer({ min: 1, max: 40 }).map((mb) => zlib.gzipSync(Buffer.alloc(mb * 1024 * 1024, 0x20))),
      fc.uint8Array({ maxLength: 500 }).map((b) => zlib.gzipSync(Buffer.from(b)).subarray(0, Math.max(1, b.length - 3)))
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/messages', '/api/eligibility', '/v3/directline/tokens/generate', '/v3/directline/conversations/x/activities', '/profile/x'),
        body,
        fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain', 'application/x-www-form-urlencoded', 'application/vnd.api+json', ''),
        fc.constantFrom('', 'gzip', 'deflate', 'br', 'gzip, gzip', 'identity'),
        async (route, bytes, type, encoding) => {
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          if (encoding) headers['content-encoding'] = encoding;
          const status = await rawPost(`${both.running.url}${route}`, bytes, headers);
          if (status === 0 || status >= 500) bad.push(`${route} ${type} ${encoding} ${bytes.length} bytes: ${status}`);
          return status !== 0 && status < 500;
        }
      ),
      { numRuns: 200 }
    );
    expect(bad).toEqual([]);
    await stillServes();
  });

  it('Direct Line: hostile activities with a real token, hostile tokens, watermarks and paths', async () => {
    const client = await DirectLineClient.start(both.running.url, { userId: 'fuzz-web-user-0123456789abcdef' });
    const base = `${both.running.url}/v3/directline/conversations/${client.conversationId}`;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          hostileJson.map((body) => ({ kind: 'activity' as const, body })),
          fc.record({ type: fc.constantFrom('message', 'event', 'typing'), text: hostileString, value: hostileJson, channelData: hostileJson, locale: hostileString }).map((body) => ({ kind: 'activity' as const, body })),
          hostileString.map((token) => ({ kind: 'token' as const, token })),
          hostileString.map((watermark) => ({ kind: 'watermark' as const, watermark }))
        ),
        async (attempt) => {
          let res: Response;
          if (attempt.kind === 'activity') res = await postJson(`${base}/activities`, JSON.stringify(attempt.body) ?? 'null', client.authorization);
          else if (attempt.kind === 'token') {
            // Headers carry only visible ASCII: anything else is sent as its UTF-8 bytes in hex.
            const printable = /^[\t\x20-\x7e]*$/.test(attempt.token) ? attempt.token : Buffer.from(attempt.token).toString('hex');
            res = await fetch(`${base}/activities`, { headers: { authorization: `Bearer ${printable}` } });
          } else res = await fetch(`${base}/activities?watermark=${encodeURIComponent(attempt.watermark.replace(/[\ud800-\udfff]/g, '\ufffd'))}`, { headers: client.authorization });
          await res.arrayBuffer();
          return allowed('directLineActivity', res.status);
        }
      ),
      { numRuns: 200 }
    );
    // The conversation still works.
    expect((await client.post({ type: 'message', text: 'hello' })).status).toBe(200);
    await stillServes();
  });

  it('memory stays bounded', () => {
    const grown = process.memoryUsage().heapUsed - before.heap;
    expect(grown).toBeLessThan(300 * 1024 * 1024);
  });
});
