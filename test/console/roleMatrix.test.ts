import type { Referral } from '../../src/domain';
import { ConsoleClient } from '../support/consoleClient';
import { ACCOUNTS, CONSOLE_PASSWORD, createConsoleAccounts, seedHandoff, seedReferral, type AccountName } from '../support/consoleSeed';
import { startApp, type RunningApp } from '../support/testApp';

/**
 * Every console route and every partner API route × admin / caseworker / partner A / partner B /
 * signed out: the status each must get, checked in one table that lists every wrong cell; then
 * what each may read (a partner never another's candidates, signed out no personal data), and
 * that a POST without the CSRF token changes nothing.
 */

type Who = AccountName | 'signedOut';
const WHO: Who[] = ['admin', 'caseworker', 'partnerA', 'partnerB', 'signedOut'];
type Seeded = 'A' | 'B' | 'H';

interface Cell {
  method: 'GET' | 'POST';
  /** `:A`, `:B`, `:H` stand for a referral of that kind, `:talk` for a conversation waiting for a person (a fresh one for each POST cell). */
  path: string;
  form?: Record<string, string>;
  /** Expected status per column: admin, caseworker, partner A, partner B, signed out. */
  expect: [number, number, number, number, number];
  api?: boolean;
}

const ROUTES: Cell[] = [
  { method: 'GET', path: '/console/referrals', expect: [200, 200, 200, 200, 303] },
  { method: 'GET', path: '/console/referrals?status=routed&country=FR&wait=1&sort=newest', expect: [200, 200, 200, 200, 303] },
  { method: 'GET', path: '/console/referrals?status=nonsense', expect: [400, 400, 400, 400, 303] },
  { method: 'GET', path: '/console/referrals/:A', expect: [200, 200, 200, 404, 303] },
  { method: 'GET', path: '/console/referrals/:B', expect: [200, 200, 404, 200, 303] },
  { method: 'GET', path: '/console/referrals/:H', expect: [200, 200, 404, 404, 303] },
  { method: 'GET', path: '/console/referrals/no-such-id', expect: [404, 404, 404, 404, 303] },
  { method: 'GET', path: '/console/account', expect: [200, 200, 200, 200, 303] },
  { method: 'GET', path: '/console/partner', expect: [403, 403, 200, 200, 303] },
  { method: 'GET', path: '/console/accounts', expect: [200, 403, 403, 403, 303] },
  { method: 'GET', path: '/console/audit', expect: [200, 403, 403, 403, 303] },
  { method: 'GET', path: '/console', expect: [303, 303, 303, 303, 303] },
  { method: 'GET', path: '/console/sign-in', expect: [303, 303, 303, 303, 200] },
  { method: 'POST', path: '/console/referrals/:A/note', form: { text: 'A note' }, expect: [303, 303, 303, 404, 401] },
  { method: 'POST', path: '/console/referrals/:A/accept', expect: [303, 303, 303, 404, 401] },
  { method: 'POST', path: '/console/referrals/:B/accept', expect: [303, 303, 404, 303, 401] },
  { method: 'POST', path: '/console/referrals/:A/decline', form: { reason: 'No place left' }, expect: [303, 303, 303, 404, 401] },
  { method: 'POST', path: '/console/referrals/:A/request-info', form: { question: 'Do you have a CV?' }, expect: [303, 303, 303, 404, 401] },
  { method: 'POST', path: '/console/referrals/:A/enrol', expect: [409, 409, 409, 404, 401] },
  { method: 'POST', path: '/console/referrals/:H/review', expect: [303, 303, 404, 404, 401] },
  { method: 'POST', path: '/console/referrals/:H/route', form: { partner: 'fr-coordinator' }, expect: [303, 303, 404, 404, 401] },
  { method: 'POST', path: '/console/referrals/:H/accept', expect: [409, 409, 404, 404, 401] },
  // Consent first: only the organisation the person agreed to share with may receive it.
  { method: 'POST', path: '/console/referrals/:H/route', form: { partner: 'be-training' }, expect: [400, 400, 404, 404, 401] },
  { method: 'POST', path: '/console/referrals/:A/route', form: { partner: 'nope' }, expect: [400, 400, 400, 404, 401] },
  { method: 'POST', path: '/console/partner/capacity', form: { capacity: '12' }, expect: [403, 403, 200, 200, 401] },
  { method: 'POST', path: '/console/partner/keys', form: { label: 'CRM' }, expect: [403, 403, 200, 200, 401] },
  // Talk to a person: caseworkers and administrators only.
  { method: 'GET', path: '/console/handoffs', expect: [200, 200, 403, 403, 303] },
  { method: 'GET', path: '/console/handoffs/:talk', expect: [200, 200, 403, 403, 303] },
  { method: 'GET', path: '/console/handoffs/no-such-conversation-id', expect: [404, 404, 403, 403, 303] },
  { method: 'POST', path: '/console/handoffs/:talk/take', expect: [303, 303, 403, 403, 401] },
  { method: 'POST', path: '/console/handoffs/:talk/reply', form: { text: 'Hello' }, expect: [409, 409, 403, 403, 401] },
  { method: 'POST', path: '/console/handoffs/:talk/end', expect: [303, 303, 403, 403, 401] },
  { method: 'POST', path: '/console/accounts', form: { email: 'fresh-@example.org', role: 'caseworker', password: 'another long password' }, expect: [200, 403, 403, 403, 401] },
  // The partner API: console sessions open nothing there; partners use their API key.
  { method: 'GET', path: '/api/partner/v1/referrals', expect: [401, 401, 200, 200, 401], api: true },
  { method: 'GET', path: '/api/partner/v1/referrals/:A', expect: [401, 401, 200, 404, 401], api: true },
  { method: 'GET', path: '/api/partner/v1/referrals/:B', expect: [401, 401, 404, 200, 401], api: true },
  { method: 'GET', path: '/api/partner/v1/referrals/:H', expect: [401, 401, 404, 404, 401], api: true },
  { method: 'POST', path: '/api/partner/v1/referrals/:A/accept', expect: [401, 401, 200, 404, 401], api: true },
  { method: 'POST', path: '/api/partner/v1/referrals/:B/decline', form: { reason: 'Full' }, expect: [401, 401, 404, 200, 401], api: true },
  // Reports, walk-in check, delivery problems.
  { method: 'GET', path: '/console/reports', expect: [200, 200, 403, 403, 303] },
  { method: 'GET', path: '/console/reports?by=country&programme=camplus', expect: [200, 200, 403, 403, 303] },
  { method: 'GET', path: '/console/reports?by=nonsense', expect: [400, 400, 403, 403, 303] },
  { method: 'GET', path: '/console/reports.csv?by=partner', expect: [200, 200, 403, 403, 303] },
  { method: 'GET', path: '/console/walk-in', expect: [200, 200, 403, 403, 303] },
  { method: 'POST', path: '/console/walk-in', form: { age: '22', country: 'FR' }, expect: [200, 200, 403, 403, 401] },
  { method: 'POST', path: '/console/walk-in', form: { age: 'old' }, expect: [400, 400, 403, 403, 401] },
  { method: 'GET', path: '/console/dead-letters', expect: [200, 403, 403, 403, 303] },
  { method: 'POST', path: '/console/dead-letters/no-such-message/retry', expect: [303, 403, 403, 403, 401] },
  // Last: it ends the sessions.
  { method: 'POST', path: '/console/sign-out', expect: [303, 303, 303, 303, 401] }
];

let running: RunningApp;
const clients = new Map<Who, ConsoleClient>();
const apiKeys = new Map<Who, string>();
const shared: Record<Seeded, Referral> = {} as Record<Seeded, Referral>;
let talk: { id: string; userKey: string; marker: string };

beforeAll(async () => {
  running = await startApp();
  await createConsoleAccounts(running.app);
  for (const kind of ['A', 'B', 'H'] as const) shared[kind] = await seedReferral(running.app, kind);
  talk = await seedHandoff(running.app);
  for (const who of WHO) {
    const client = new ConsoleClient(running.url);
    if (who !== 'signedOut') await client.signIn(ACCOUNTS[who].email, CONSOLE_PASSWORD, '/console/account');
    clients.set(who, client);
  }
  apiKeys.set('partnerA', (await running.app.partnerKeys.create('fr-coordinator', 'test')).key);
  apiKeys.set('partnerB', (await running.app.partnerKeys.create('be-training', 'test')).key);
});
afterAll(() => running.close());

interface Answer {
  who: Who;
  cell: Cell;
  status: number;
  body: string;
  referrals: Referral[];
  /** The conversation waiting for a person the cell acted on, and its revision before. */
  handoff?: { id: string; version: number; marker: string };
}
const answers: Answer[] = [];
let uniq = 0;

async function call(who: Who, cell: Cell, options: { withCsrf?: boolean } = {}): Promise<Answer> {
  const referrals: Referral[] = [];
  let path = cell.path;
  for (const kind of ['A', 'B', 'H'] as const) {
    if (!path.includes(`:${kind}`)) continue;
    const referral = cell.method === 'POST' ? await seedReferral(running.app, kind) : shared[kind];
    referrals.push(referral);
    path = path.replace(`:${kind}`, referral.id);
  }
  let handoff: Answer['handoff'];
  if (path.includes(':talk')) {
    const seeded = cell.method === 'POST' ? await seedHandoff(running.app) : talk;
    handoff = { id: seeded.id, version: (await running.app.handoffs.get(seeded.id))!.version, marker: seeded.marker };
    path = path.replace(':talk', seeded.id);
  }
  const form = Object.fromEntries(Object.entries(cell.form ?? {}).map(([k, v]) => [k, v.replace('fresh-', `fresh-${++uniq}`)]));
  if (cell.api) {
    const key = apiKeys.get(who);
    const res = await fetch(`${running.url}${path}`, {
      method: cell.method,
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(cell.method === 'POST' ? { 'content-type': 'application/json' } : {}), cookie: '' },
      ...(cell.method === 'POST' ? { body: JSON.stringify(form) } : {})
    });
    // A console session cookie must not open the API either.
    return { who, cell, status: res.status, body: await res.text(), referrals, handoff };
  }
  const client = clients.get(who)!;
  const { res, html } = cell.method === 'GET' ? await client.get(path) : await client.post(path, form, options);
  return { who, cell, status: res.status, body: html, referrals, handoff };
}

describe('the role matrix', () => {
  it('every route answers each role as the table says (lists every wrong cell)', async () => {
    const wrong: string[] = [];
    for (const cell of ROUTES) {
      for (const [i, who] of WHO.entries()) {
        const answer = await call(who, cell);
        answers.push(answer);
        if (answer.status !== cell.expect[i]) wrong.push(`${cell.method} ${cell.path} as ${who}: ${answer.status}, expected ${cell.expect[i]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('a partner never sees another partner’s candidates, nor the held ones; signed out sees no personal data', () => {
    expect(answers.length).toBe(ROUTES.length * WHO.length);
    const markersOf = (kinds: Seeded[]) => kinds.flatMap((k) => [shared[k].reference, shared[k].details.shared.region!]);
    const forbidden: Record<Who, string[]> = {
      admin: [],
      caseworker: [],
      partnerA: [...markersOf(['B', 'H']), talk.marker],
      partnerB: [...markersOf(['A', 'H']), talk.marker],
      signedOut: [...markersOf(['A', 'B', 'H']), talk.marker]
    };
    const leaks = answers.flatMap((a) => {
      // The cell's own referral must not show where the answer is a refusal.
      const own = [...a.referrals.flatMap((r) => [r.reference, r.details.shared.region!]), ...(a.handoff ? [a.handoff.marker] : [])];
      const bad = [...forbidden[a.who], ...(a.cell.expect[WHO.indexOf(a.who)] >= 400 || a.who === 'signedOut' ? own : [])];
      return bad.filter((marker) => a.body.includes(marker)).map((marker) => `${a.cell.method} ${a.cell.path} as ${a.who} shows ${marker}`);
    });
    expect(leaks).toEqual([]);
    // And the rows seen are the right ones: the caseworker's queue shows all three, each partner's only its own.
    const queue = (who: Who) => answers.find((a) => a.who === who && a.cell.path === '/console/referrals')!.body;
    expect(['A', 'B', 'H'].every((k) => queue('caseworker').includes(shared[k as Seeded].reference))).toBe(true);
    expect(queue('partnerA')).toContain(shared.A.reference);
    expect(queue('partnerB')).toContain(shared.B.reference);
  });

  it('a POST without the CSRF token is refused (403) and changes nothing', async () => {
    const snapshot = async () => ({
      accounts: (await running.app.accounts.list()).length,
      capacities: [...(await running.app.storage.partnerCapacities.all())],
      keys: (await running.app.partnerKeys.list('fr-coordinator')).length + (await running.app.partnerKeys.list('be-training')).length
    });
    // Fresh sessions (the matrix signed the others out).
    for (const who of ['admin', 'caseworker', 'partnerA', 'partnerB'] as const) {
      const client = new ConsoleClient(running.url);
      await client.signIn(ACCOUNTS[who].email, CONSOLE_PASSWORD, '/console/account');
      clients.set(who, client);
    }
    const wrong: string[] = [];
    for (const cell of ROUTES.filter((c) => c.method === 'POST' && !c.api)) {
      for (const who of ['admin', 'caseworker', 'partnerA', 'partnerB'] as const) {
        const before = await snapshot();
        const answer = await call(who, cell, { withCsrf: false });
        const after = await snapshot();
        const referralsAfter = await Promise.all(answer.referrals.map((r) => running.app.referrals.get(r.id)));
        const handoffAfter = answer.handoff ? await running.app.handoffs.get(answer.handoff.id) : undefined;
        const changed =
          answer.referrals.some((r, i) => referralsAfter[i]?.version !== r.version) ||
          (answer.handoff !== undefined && handoffAfter?.version !== answer.handoff.version) ||
          JSON.stringify(before) !== JSON.stringify(after);
        if (answer.status !== 403 || changed) wrong.push(`${cell.path} as ${who} without CSRF: ${answer.status}${changed ? ', and something changed' : ''}`);
      }
    }
    expect(wrong).toEqual([]);
    // A wrong token is no better than none.
    const client = clients.get('caseworker')!;
    const referral = await seedReferral(running.app, 'A');
    const { res } = await client.post(`/console/referrals/${referral.id}/accept`, { _csrf: 'x'.repeat(43) });
    expect(res.status).toBe(403);
    expect((await running.app.referrals.get(referral.id))!.status).toBe('routed');
  });

  it('every view of a person’s data and every decision is in the audit log, with who and which referral', async () => {
    const log = await running.app.storage.auditLog.list({ limit: 1000 });
    const views = log.filter((e) => e.action === 'referral.view');
    expect(views.some((e) => e.referralId === shared.A.id && e.userKey === shared.A.userKey && e.actorEmail === ACCOUNTS.partnerA.email && e.actorRole === 'partner')).toBe(true);
    expect(views.some((e) => e.referralId === shared.B.id && e.actorEmail === ACCOUNTS.partnerA.email)).toBe(false); // refused: not seen, not logged as seen
    const decisions = ['referral.accept', 'referral.decline', 'referral.requestInfo', 'referral.review', 'referral.route', 'referral.note', 'partner.capacity', 'partner.key.create', 'account.create', 'handoff.take', 'handoff.end'];
    expect(log.some((e) => e.action === 'handoff.view' && e.userKey === talk.userKey && e.actorRole === 'caseworker')).toBe(true);
    expect(decisions.filter((d) => !log.some((e) => e.action === d))).toEqual([]);
    const routed = log.find((e) => e.action === 'referral.route' && e.actorRole === 'caseworker')!;
    expect(routed).toMatchObject({ actorEmail: ACCOUNTS.caseworker.email, detail: 'partner=fr-coordinator' });
  });
});
