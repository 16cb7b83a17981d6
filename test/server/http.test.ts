import type { Request } from 'restify';
import { z } from 'zod';
import { cookie, describeIssues, fieldIssues, queryParam } from '../../src/server/http';
import { postJson, startApp, type RunningApp } from '../support/testApp';

/** Just enough of a restify request for the helpers that read the URL and headers. */
function request(url: string, headers: Record<string, string> = {}): Request {
  return { url, header: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
}

describe('request helpers', () => {
  it('reads query parameters', () => {
    expect(queryParam(request('/?lang=fr&x=1'), 'lang')).toBe('fr');
    expect(queryParam(request('/?lang=a%20b'), 'lang')).toBe('a b');
    expect(queryParam(request('/'), 'lang')).toBeUndefined();
  });

  it('reads cookies, and takes a malformed one as absent', () => {
    expect(cookie(request('/', { cookie: 'a=1; passerelle_lang=ar' }), 'passerelle_lang')).toBe('ar');
    expect(cookie(request('/', { cookie: 'passerelle_lang=%E0' }), 'passerelle_lang')).toBeUndefined();
    expect(cookie(request('/'), 'passerelle_lang')).toBeUndefined();
  });

  it('names the fields of a rejected body', () => {
    const schema = z.object({ answers: z.object({ age: z.number() }) });
    const error = schema.safeParse({ answers: { age: 'x' } }).error!;
    expect(describeIssues(error)).toEqual(['answers.age: Invalid input: expected number, received string']);
    expect(fieldIssues(error)).toEqual([{ path: 'answers.age', message: 'Invalid input: expected number, received string' }]);
    expect(describeIssues(z.object({}).safeParse(null).error!)).toEqual(['(body): Invalid input: expected object, received null']);
  });
});

describe('each API keeps its own error body', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  const plain = (url: string): Promise<Response> => fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });

  it('the walk-in API: { error, message } and { error, fields, reasons }', async () => {
    const unsupported = await plain(`${running.url}/api/eligibility`);
    expect(unsupported.status).toBe(415);
    expect(await unsupported.json()).toEqual({ error: 'unsupported_media_type', message: 'send the answers as application/json' });
    const invalid = await postJson(`${running.url}/api/eligibility`, { answers: { age: 'x' } });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toEqual({
      error: 'invalid_request',
      fields: [{ path: 'answers.age', message: expect.any(String) }],
      reasons: [expect.stringMatching(/^answers\.age: /)]
    });
  });

  it('/api/messages: { error, message } and { error, reasons }', async () => {
    const unsupported = await plain(`${running.url}/api/messages`);
    expect(await unsupported.json()).toEqual({ error: 'unsupported_media_type', message: 'send the activity as application/json' });
    const invalid = await postJson(`${running.url}/api/messages`, { type: 5 });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['error', 'reasons']);
    expect(body.error).toBe('invalid_activity');
  });

  it('Direct Line and its Connector route: { error: { code, message } } (+ reasons), never cached', async () => {
    const unsupported = await plain(`${running.url}/v3/directline/tokens/generate`);
    expect(unsupported.status).toBe(415);
    expect(unsupported.headers.get('cache-control')).toBe('no-store');
    expect(await unsupported.json()).toEqual({ error: { code: 'UnsupportedMediaType', message: 'send application/json' } });
    const invalid = await postJson(`${running.url}/v3/directline/tokens/generate`, { user: { id: 'short' } });
    expect(await invalid.json()).toEqual({ error: { code: 'BadArgument', message: 'invalid request body' }, reasons: [expect.stringMatching(/^user\.id: /)] });
    const anonymous = await fetch(`${running.url}/v3/directline/tokens/refresh`, { method: 'POST' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('Unauthorized');
    const connector = await postJson(`${running.url}/directline-connector/v3/conversations/c/activities`, { type: 'message' });
    expect(connector.status).toBe(401);
    expect(await connector.json()).toEqual({ error: { code: 'Unauthorized', message: 'only this server may call its Connector route' } });
  });

  it('the web chat page ignores a malformed language cookie', async () => {
    const res = await fetch(`${running.url}/`, { headers: { cookie: 'passerelle_lang=%E0', 'accept-language': 'de' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<html lang="de" dir="ltr">');
  });
});
