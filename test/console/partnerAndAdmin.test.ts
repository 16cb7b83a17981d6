import { ConsoleClient } from '../support/consoleClient';
import { ACCOUNTS, CONSOLE_PASSWORD, createConsoleAccounts } from '../support/consoleSeed';
import { startApp, type RunningApp } from '../support/testApp';

let running: RunningApp;
beforeAll(async () => {
  running = await startApp();
  await createConsoleAccounts(running.app);
});
afterAll(() => running.close());

const signedIn = async (who: keyof typeof ACCOUNTS, lang = 'en'): Promise<ConsoleClient> => {
  const client = new ConsoleClient(running.url, lang);
  await client.signIn(ACCOUNTS[who].email, CONSOLE_PASSWORD, '/console/account');
  return client;
};

describe('a partner’s own page', () => {
  it('sets the capacity the bot routes with; refuses a capacity that is not a whole number', async () => {
    const partner = await signedIn('partnerA');
    expect((await partner.post('/console/partner/capacity', { capacity: '3' })).res.status).toBe(200);
    expect((await running.app.referrals.currentPartners()).find((p) => p.id === 'fr-coordinator')?.capacity).toBe(3);
    expect((await running.app.referrals.currentPartners()).find((p) => p.id === 'be-training')?.capacity).toBe(running.app.content.partners.partners.find((p) => p.id === 'be-training')!.capacity);
    for (const bad of ['-1', '2.5', 'lots', '']) expect((await partner.post('/console/partner/capacity', { capacity: bad })).res.status).toBe(400);
    expect((await running.app.referrals.currentPartners()).find((p) => p.id === 'fr-coordinator')?.capacity).toBe(3);
  });

  it('creates an API key shown once, which opens the partner API until revoked; another partner’s key cannot be revoked', async () => {
    const partner = await signedIn('partnerA');
    const { html } = await partner.post('/console/partner/keys', { label: 'CRM' });
    const key = /<code id="new-key">(pk_[^<]+)<\/code>/.exec(html)?.[1];
    expect(key).toBeDefined();
    expect((await partner.get('/console/partner')).html).not.toContain(key!);
    const api = () => fetch(`${running.url}/api/partner/v1/referrals`, { headers: { authorization: `Bearer ${key}` } });
    expect((await api()).status).toBe(200);
    const other = await running.app.partnerKeys.create('be-training', 'theirs');
    expect((await partner.post(`/console/partner/keys/${other.record.id}/revoke`, {})).res.status).toBe(404);
    expect((await running.app.partnerKeys.list('be-training')).every((k) => k.revokedAt === null)).toBe(true);
    const id = key!.split('_')[1]!;
    expect((await partner.post(`/console/partner/keys/${id}/revoke`, {})).res.status).toBe(303);
    expect((await api()).status).toBe(401);
  });
});

describe('administrators', () => {
  it('create accounts that can sign in; a taken e-mail or a short password is said, in the console’s language', async () => {
    const admin = await signedIn('admin', 'fr');
    const created = await admin.post('/console/accounts', { email: 'New.Person@example.org', role: 'partner', partner: 'ro-university', password: 'a fresh long password' });
    expect(created.res.status).toBe(200);
    expect(created.html).toContain('Compte créé.');
    await new ConsoleClient(running.url).signIn('new.person@example.org', 'a fresh long password', '/console/account');
    const taken = await admin.post('/console/accounts', { email: 'new.person@example.org', role: 'caseworker', password: 'a fresh long password' });
    expect(taken.res.status).toBe(400);
    expect(taken.html).toContain('Un compte avec cette adresse e-mail existe déjà.');
    const short = await admin.post('/console/accounts', { email: 'other@example.org', role: 'caseworker', password: 'short' });
    expect(short.html).toContain('au moins 12 caractères');
    expect((await running.app.accounts.list()).map((a) => a.email)).not.toContain('other@example.org');
  });

  it('read the audit log newest first, page by page, by referral', async () => {
    const admin = await signedIn('admin');
    for (let i = 0; i < 55; i++) await admin.get('/console/referrals');
    const first = await admin.get('/console/audit');
    expect(first.res.status).toBe(200);
    const older = /href="(\/console\/audit\?before=[^"]+)"/.exec(first.html)?.[1]?.replace(/&amp;/g, '&');
    expect(older).toBeDefined();
    const second = await admin.get(older!);
    expect(second.res.status).toBe(200);
    expect(second.html).toContain('Looked at the queue');
    expect((await admin.get('/console/audit?before=nonsense')).res.status).toBe(400);
  });
});

describe('hostile text in the console (in Node; the browser test checks it in Chromium too)', () => {
  it('a person’s words, a note and a key label are escaped text: no element, no attribute', async () => {
    const { seedReferral } = await import('../support/consoleSeed');
    const hostile = '"><img src=x onerror="alert(1)"><script>alert(2)</script>';
    const referral = await seedReferral(running.app, 'A', `${hostile} حلب`);
    const caseworker = await signedIn('caseworker');
    expect((await caseworker.post(`/console/referrals/${referral.id}/note`, { text: hostile })).res.status).toBe(303);
    const { html } = await caseworker.get(`/console/referrals/${referral.id}`);
    expect(html).not.toMatch(/<img|<script>alert|onerror="alert/);
    expect(html).toContain('&lt;script>alert(2)&lt;/script>');
    expect(html).toMatch(/<bdi dir="auto">[^<]*&lt;img src=x onerror=&quot;alert\(1\)&quot;>[^<]*حلب<\/bdi>/);
    const partner = await signedIn('partnerA');
    const { html: keys } = await partner.post('/console/partner/keys', { label: hostile.slice(0, 90) });
    expect(keys).not.toMatch(/<img|<script>alert/);
  });
});
