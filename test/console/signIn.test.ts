import { runUserAddCommand } from '../../src/cli/userAdd';
import { ConsoleClient } from '../support/consoleClient';
import { startApp, tempDataDir, type RunningApp } from '../support/testApp';

const PASSWORD = 'correct horse battery staple';
let now = new Date('2026-12-05T08:00:00Z');
const clock = () => new Date(now);
let running: RunningApp;

beforeAll(async () => {
  running = await startApp({ CONSOLE_IDLE_MINUTES: '30', CONSOLE_SESSION_HOURS: '2', CONSOLE_SIGNIN_ATTEMPTS: '3' }, clock);
  const made = await running.app.accounts.create({ email: 'Case.Worker@example.org', role: 'caseworker', password: PASSWORD });
  expect(made.ok).toBe(true);
});
afterAll(() => running.close());

describe('console sign-in', () => {
  it('shows the sign-in page in the browser’s language, sends the console’s strict headers', async () => {
    const { res, html } = await new ConsoleClient(running.url, 'de-DE,de;q=0.9').get('/console/sign-in');
    expect(res.status).toBe(200);
    expect(html).toMatch(/<html lang="de" dir="ltr">/);
    expect(html).toContain('Passwort');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('signs in with the right password only; the cookie is HttpOnly and SameSite=Strict; the audit log says so', async () => {
    const client = new ConsoleClient(running.url);
    const wrong = await client.post('/console/sign-in', { email: 'case.worker@example.org', password: 'wrong password!!' }, { withCsrf: false });
    expect(wrong.res.status).toBe(401);
    expect(client.signedIn).toBe(false);
    const right = await client.post('/console/sign-in', { email: ' CASE.worker@example.org ', password: PASSWORD, next: '//evil.example/' }, { withCsrf: false });
    expect(right.res.status).toBe(303);
    expect(right.res.headers.get('location')).toBe('/console/referrals');
    const cookie = ConsoleClient.setCookies(right.res).find((c) => c.startsWith('passerelle-console='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const log = await running.app.storage.auditLog.list({ limit: 5 });
    expect(log.map((e) => e.action).slice(0, 2)).toEqual(['signIn', 'signInRefused']);
  });

  it('refuses a sign-in form posted from another site', async () => {
    const client = new ConsoleClient(running.url);
    const { res } = await client.post('/console/sign-in', { email: 'case.worker@example.org', password: PASSWORD }, { withCsrf: false, origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(client.signedIn).toBe(false);
  });

  it('signs out only with the CSRF token; the session is then gone on the server', async () => {
    const client = new ConsoleClient(running.url);
    await client.signIn('case.worker@example.org', PASSWORD, '/console/account');
    expect(client.csrf).toBeDefined();
    const forged = await client.post('/console/sign-out', {}, { withCsrf: false });
    expect(forged.res.status).toBe(403);
    const stolenCookie = client;
    const out = await client.post('/console/sign-out', {});
    expect(out.res.status).toBe(303);
    expect((await stolenCookie.post('/console/sign-out', {})).res.status).toBe(401);
  });

  it('ends a session after the idle time and after the absolute time', async () => {
    const idle = new ConsoleClient(running.url);
    await idle.signIn('case.worker@example.org', PASSWORD, '/console/account');
    now = new Date(now.getTime() + 31 * 60_000);
    expect((await idle.post('/console/sign-out', {})).res.status).toBe(401);

    const busy = new ConsoleClient(running.url);
    await busy.signIn('case.worker@example.org', PASSWORD, '/console/account');
    for (let i = 0; i < 4; i++) {
      now = new Date(now.getTime() + 25 * 60_000); // active every 25 minutes…
      expect((await busy.get('/console/sign-in')).res.status).toBe(303);
    }
    now = new Date(now.getTime() + 25 * 60_000); // …but more than 2 hours have passed since signing in
    expect((await busy.get('/console/sign-in')).res.status).toBe(200);
  });

  it('limits failed sign-ins per e-mail: the right password waits too, with Retry-After', async () => {
    await running.app.accounts.create({ email: 'target@example.org', role: 'admin', password: PASSWORD });
    const client = new ConsoleClient(running.url);
    for (let i = 0; i < 3; i++) expect((await client.post('/console/sign-in', { email: 'target@example.org', password: `guess number ${i}` }, { withCsrf: false })).res.status).toBe(401);
    const limited = await client.post('/console/sign-in', { email: 'target@example.org', password: PASSWORD }, { withCsrf: false });
    expect(limited.res.status).toBe(429);
    expect(Number(limited.res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(client.signedIn).toBe(false);
  });
});

describe('npm run user:add', () => {
  it('creates an account with a generated password printed once, or one read from stdin; refuses bad input', async () => {
    const dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
    const out: string[] = [];
    const err: string[] = [];
    const run = (argv: string[], stdin?: string) => runUserAddCommand(argv, env, stdin, (l) => out.push(l), (l) => err.push(l));
    expect(await run(['--role', 'caseworker', '--email', 'new@example.org'])).toBe(0);
    const generated = /shown only now:\n\n(\S+)/.exec(out.join('\n'))?.[1];
    expect(generated).toHaveLength(20);
    expect(await run(['--role', 'partner', '--email', 'p@example.org', '--partner', 'be-training'], 'a piped long password\n')).toBe(0);
    expect(out.join('\n')).not.toContain('a piped long password');
    expect(await run(['--role', 'partner', '--email', 'q@example.org'])).toBe(64);
    expect(await run(['--role', 'partner', '--email', 'q@example.org', '--partner', 'nope'])).toBe(64);
    expect(await run(['--role', 'caseworker', '--email', 'new@example.org'])).toBe(1);
    expect(await run(['--role', 'caseworker', '--email', 'short@example.org'], 'short')).toBe(64);
    expect(await run(['--role', 'boss', '--email', 'x@example.org'])).toBe(64);
    expect(err.join('\n')).toMatch(/--partner is required[\s\S]*not a partner of content\/partners.json[\s\S]*already exists[\s\S]*at least 12 characters[\s\S]*--role/);

    const app = await startApp({ DATA_DIR: dataDir });
    try {
      expect(await app.app.accounts.verify('new@example.org', generated!)).toMatchObject({ role: 'caseworker' });
      expect(await app.app.accounts.verify('p@example.org', 'a piped long password')).toMatchObject({ role: 'partner', partnerId: 'be-training' });
    } finally {
      await app.close();
    }
  });
});

describe('console sign-in behind a trusted proxy', () => {
  let proxied: RunningApp;
  beforeAll(async () => {
    proxied = await startApp({ TRUST_PROXY_HOPS: '1', CONSOLE_SIGNIN_ATTEMPTS: '1', RATE_LIMIT_MESSAGES_PER_IP: '0' });
  });
  afterAll(() => proxied.close());

  const signInFrom = (address: string, email: string) =>
    fetch(`${proxied.url}/console/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address },
      body: new URLSearchParams({ email, password: 'a wrong password' }).toString(),
      redirect: 'manual'
    }).then((res) => res.status);

  it('limits failed sign-ins per client address as the proxy saw it, not per proxy: one client does not lock out the others', async () => {
    // CONSOLE_SIGNIN_ATTEMPTS=1: four failures per address in 15 minutes, each for another e-mail.
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await signInFrom('203.0.113.7', `guess${i}@example.org`));
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect(await signInFrom('203.0.113.8', 'someone@example.org')).toBe(401);
  });
});
