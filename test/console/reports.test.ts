import { randomUUID } from 'node:crypto';
import type { StorageBundle } from '../../src/storage';
import { referral } from '../storage/contract/outboxContract';
import { ConsoleClient } from '../support/consoleClient';
import { startApp, type RunningApp } from '../support/testApp';

const PASSWORD = 'correct horse battery staple';
let running: RunningApp;
const accounts = {
  admin: 'admin@example.org',
  caseworker: 'case@example.org',
  partner: 'partner@example.org'
} as const;

async function client(who: keyof typeof accounts | 'signedOut', language = 'en'): Promise<ConsoleClient> {
  const c = new ConsoleClient(running.url, language);
  if (who !== 'signedOut') await c.signIn(accounts[who], PASSWORD);
  return c;
}

/** Six people referred to a partner whose id is a spreadsheet formula, and a dead letter carrying a person's data. */
async function seed(storage: StorageBundle): Promise<string> {
  for (let i = 0; i < 6; i += 1) {
    const r = referral({ userKey: `p${i}`, partnerId: '=HYPERLINK("http://evil.example")', language: 'fr', createdAt: new Date('2026-11-15T12:00:00Z') });
    await storage.referrals.save(r, []);
  }
  const id = randomUUID();
  await storage.outbox.enqueue([
    { id, kind: 'person.message', aggregateId: 'referral-42', payload: { event: 'accepted', partnerId: 'fr-coordinator', userKey: 'secret-user-key', question: 'Quelle est votre adresse ?' }, createdAt: new Date() }
  ]);
  const [claimed] = await storage.outbox.claim('test', new Date(Date.now() + 1000), 60_000, 1);
  expect(claimed?.id).toBe(id);
  await storage.outbox.fail(id, 'test', { error: 'HTTP 410 Gone', at: new Date(), retryAt: null });
  return id;
}

let deadId: string;
beforeAll(async () => {
  running = await startApp({ OUTBOX_POLL_MS: '60000' });
  await running.app.accounts.create({ email: accounts.admin, role: 'admin', password: PASSWORD });
  await running.app.accounts.create({ email: accounts.caseworker, role: 'caseworker', password: PASSWORD });
  await running.app.accounts.create({ email: accounts.partner, role: 'partner', partnerId: 'fr-coordinator', password: PASSWORD });
  deadId = await seed(running.app.storage);
});
afterAll(() => running.close());

describe('reporting, walk-in and delivery problems in the console', () => {
  it('each page answers only the roles it is for; signed out, a GET goes to sign-in and a POST is refused', async () => {
    const pages = ['/console/reports', '/console/reports.csv', '/console/walk-in', '/console/dead-letters'];
    const expected: Record<string, Record<string, number>> = {
      signedOut: { '/console/reports': 303, '/console/reports.csv': 303, '/console/walk-in': 303, '/console/dead-letters': 303 },
      partner: { '/console/reports': 403, '/console/reports.csv': 403, '/console/walk-in': 403, '/console/dead-letters': 403 },
      caseworker: { '/console/reports': 200, '/console/reports.csv': 200, '/console/walk-in': 200, '/console/dead-letters': 403 },
      admin: { '/console/reports': 200, '/console/reports.csv': 200, '/console/walk-in': 200, '/console/dead-letters': 200 }
    };
    const wrong: string[] = [];
    for (const who of ['signedOut', 'partner', 'caseworker', 'admin'] as const) {
      const c = await client(who);
      for (const page of pages) {
        const { res, html } = await c.get(page);
        if (res.status !== expected[who]![page]) wrong.push(`${who} GET ${page}: ${res.status}`);
        if (who === 'signedOut' && (html.includes('HYPERLINK') || html.includes('fr-coordinator'))) wrong.push(`${who} GET ${page} shows data`);
      }
      const posts = [`/console/dead-letters/${deadId}/retry`, '/console/walk-in'];
      for (const post of posts) {
        const { res } = await c.post(post, { age: '22' });
        const allowed = who === 'admin' || (who === 'caseworker' && post === '/console/walk-in');
        const want = who === 'signedOut' ? 401 : allowed ? (post === '/console/walk-in' ? 200 : 303) : 403;
        if (res.status !== want) wrong.push(`${who} POST ${post}: ${res.status}, expected ${want}`);
        if (allowed && post.endsWith('/retry')) {
          // Put it aside again for the next tests.
          await running.app.storage.outbox.claim('test', new Date(Date.now() + 1000), 60_000, 10);
          await running.app.storage.outbox.fail(deadId, 'test', { error: 'HTTP 410 Gone', at: new Date(), retryAt: null });
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the reporting page shows the funnel with "<5"; an unknown breakdown is a 400 page', async () => {
    const c = await client('caseworker', 'fr');
    const { res, html } = await c.get('/console/reports?by=partner');
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="fr"');
    expect(html).toMatch(/<td class="num">6<\/td>/);
    expect(html).toContain('&lt;5');
    expect(html).toMatch(/<script src="\/console\/assets\/chart\.[0-9a-f]+\.js" defer/);
    expect((await c.get('/console/reports?by=age')).res.status).toBe(400);
    expect((await c.get('/console/reports?by=month&programme=other')).res.status).toBe(400);
  });

  it('the CSV is the same table, in the console language, formulas made inert', async () => {
    const c = await client('admin', 'de');
    const { res, html: csv } = await c.get('/console/reports.csv?by=partner&programme=digiter');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="passerelle-funnel-partner-digiter.csv"');
    const lines = csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');
    // Only the steps that know a partner.
    expect(lines[0]).toBe('"Partnerorganisation","An einen Partner vermittelt","Vom Partner angenommen","Eingeschrieben"');
    expect(lines).toContain(`"'=HYPERLINK(""http://evil.example"")","6","<5","<5"`);
    expect(lines[lines.length - 1]).toBe('"Gesamt","6","<5","<5"');
    expect(csv).not.toMatch(/(^|,)"[=+\-@]/m);
  });

  it('the walk-in form names each wrong answer, and answers with the result and the rules version; checks are audited', async () => {
    const c = await client('caseworker');
    await c.get('/console/walk-in');
    const bad = await c.post('/console/walk-in', { age: 'twenty', country: 'XX', region: '<script>alert(1)</script>' });
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('2 answers need correcting.');
    expect(bad.html).toContain('Write a whole number from 0 to 120.');
    expect(bad.html).toContain('Choose a country from the list.');
    expect(bad.html).toContain('value="&lt;script>alert(1)&lt;/script>"');
    const noToken = await c.post('/console/walk-in', { age: '22' }, { withCsrf: false });
    expect(noToken.res.status).toBe(403);
    const good = await c.post('/console/walk-in', { age: '22', situation: 'none', qualification: 'none', country: 'FR', livesInCamp: 'no' });
    expect(good.res.status).toBe(200);
    expect(good.html).toContain(`Rules version ${running.app.content.eligibilityRules.version}`);
    expect(good.html).toMatch(/DIGI@TER[\s\S]*outcome-eligible/);
    const log = await running.app.storage.auditLog.list({ limit: 50 });
    expect(log.filter((e) => e.action === 'walkIn.check' && e.actorEmail === accounts.caseworker).length).toBeGreaterThanOrEqual(2);
  });

  it('delivery problems list dead letters without their content; "try again" puts one back, audited', async () => {
    const c = await client('admin');
    const { html } = await c.get('/console/dead-letters');
    expect(html).toContain('name="_csrf"');
    expect(html).toContain('1 message is put aside.');
    expect(html).toContain('HTTP 410 Gone');
    expect(html).toContain('href="/console/referrals/referral-42"');
    expect(html).not.toContain('secret-user-key');
    expect(html).not.toContain('adresse');
    const noToken = await c.post(`/console/dead-letters/${deadId}/retry`, {}, { withCsrf: false });
    expect(noToken.res.status).toBe(403);
    expect((await running.app.storage.outbox.get(deadId))?.status).toBe('dead');
    const retried = await c.post(`/console/dead-letters/${deadId}/retry`, {});
    expect(retried.res.status).toBe(303);
    expect(retried.res.headers.get('location')).toBe('/console/dead-letters?done=retried');
    expect((await running.app.storage.outbox.get(deadId))?.status).toBe('pending');
    const again = await c.post(`/console/dead-letters/${deadId}/retry`, {});
    expect(again.res.headers.get('location')).toBe('/console/dead-letters?done=notDead');
    expect((await c.get('/console/dead-letters?done=retried')).html).toContain('There is no delivery problem.');
    const log = await running.app.storage.auditLog.list({ limit: 50 });
    const retries = log.filter((e) => e.action === 'outbox.retry' && e.actorEmail === accounts.admin);
    expect(retries.length).toBeGreaterThanOrEqual(2);
    expect(retries[0]).toMatchObject({ referralId: 'referral-42', detail: `person.message ${deadId}` });
    const audit = await c.get('/console/audit');
    expect(audit.html).toContain('Tried a delivery again');
    expect(audit.html).toContain('Checked eligibility for a walk-in');
  });
});
