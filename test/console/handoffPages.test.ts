import { ChatDriver } from '../support/chatDriver';
import { ConsoleClient } from '../support/consoleClient';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { startApp, type RunningApp } from '../support/testApp';

const PASSWORD = 'correct horse battery staple';
const HOSTILE = '<script>alert(1)</script> "><img src=x onerror=alert(2)> مرحبا أريد المساعدة';

let running: RunningApp;
let connector: FakeConnector;
let handoffId: string;

beforeAll(async () => {
  connector = await FakeConnector.start();
  running = await startApp({ HANDOFF_HOURS: 'always', OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '50', OUTBOX_RETRY_MAX_MS: '200' });
  for (const [email, role, partnerId] of [
    ['awa@example.org', 'caseworker', undefined],
    ['ben@example.org', 'caseworker', undefined],
    ['admin@example.org', 'admin', undefined],
    ['partner@example.org', 'partner', 'fr-coordinator']
  ] as const) {
    const made = await running.app.accounts.create({ email, role, password: PASSWORD, ...(partnerId ? { partnerId } : {}) });
    if (!made.ok) throw new Error(`account ${email}: ${made.problem}`);
  }
  const chat = new ChatDriver(running.url, connector, 'conv-console-handoff', { locale: 'ar', userId: 'user-console-handoff' });
  await chat.start();
  await chat.say('العربية');
  await chat.say('نعم');
  await chat.say('أريد التحدث مع شخص');
  await chat.say(HOSTILE);
  const [waiting] = await running.app.handoffs.list(['requested']);
  handoffId = waiting!.id;
});
afterAll(async () => {
  await running.close();
  await connector.close();
});

async function signedIn(email: string | undefined, language = 'en'): Promise<ConsoleClient> {
  const client = new ConsoleClient(running.url, language);
  if (email) await client.signIn(email, PASSWORD, '/console/account');
  return client;
}

describe('console: talk to a person', () => {
  it('role matrix: caseworkers and administrators only; signed out sees nothing; a partner is refused', async () => {
    const paths = ['/console/handoffs', `/console/handoffs/${handoffId}`];
    const seen: Record<string, number[]> = {};
    for (const who of [undefined, 'partner@example.org', 'ben@example.org', 'admin@example.org']) {
      const client = await signedIn(who);
      const gets = await Promise.all(paths.map((p) => client.get(p)));
      // A POST that would change something: refused before anything happens except for the allowed roles (checked below).
      const post = await client.post(`/console/handoffs/${handoffId}/reply`, { text: 'x' });
      seen[who ?? 'signed out'] = [...gets.map((g) => g.res.status), post.res.status];
      if (!who || who.startsWith('partner')) for (const g of gets) expect(g.html).not.toContain('مرحبا');
    }
    expect(seen).toEqual({
      'signed out': [303, 303, 401],
      'partner@example.org': [403, 403, 403],
      // Allowed, but the conversation is not taken yet: the reply is refused, nothing is sent.
      'ben@example.org': [200, 200, 409],
      'admin@example.org': [200, 200, 409]
    });
    expect((await running.app.handoffs.get(handoffId))!.exchange.filter((e) => e.from === 'caseworker')).toEqual([]);
  });

  it('the queue lists the waiting conversation; its page shows what the person typed as inert text; views are audited', async () => {
    const client = await signedIn('awa@example.org', 'fr-FR');
    const queue = await client.get('/console/handoffs');
    expect(queue.html).toContain('En attente : 1 conversation');
    expect(queue.html).toContain('العربية');
    const page = await client.get(`/console/handoffs/${handoffId}`);
    expect(page.res.status).toBe(200);
    expect(page.html).not.toMatch(/<script>alert|<img src=x/);
    expect(page.html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(page.html).toMatch(/<bdi dir="auto" class="typed">[^<]*&lt;script/);
    const log = await running.app.storage.auditLog.list({ limit: 20 });
    const handoff = await running.app.handoffs.get(handoffId);
    expect(log.find((e) => e.action === 'handoff.view' && e.actorEmail === 'awa@example.org')).toMatchObject({ userKey: handoff!.userKey });
    expect(log.some((e) => e.action === 'handoff.queue')).toBe(true);
  });

  it('take, reply, end: only with the CSRF token; another caseworker cannot reply; the person receives the reply and the end', async () => {
    const awa = await signedIn('awa@example.org');
    await awa.get(`/console/handoffs/${handoffId}`);
    const forged = await awa.post(`/console/handoffs/${handoffId}/take`, {}, { withCsrf: false });
    expect(forged.res.status).toBe(403);
    expect((await running.app.handoffs.get(handoffId))!.status).toBe('requested');
    const taken = await awa.post(`/console/handoffs/${handoffId}/take`, {});
    expect(taken.res.status).toBe(303);
    expect((await running.app.handoffs.get(handoffId))!.status).toBe('taken');

    const ben = await signedIn('ben@example.org');
    expect((await ben.post(`/console/handoffs/${handoffId}/reply`, { text: 'Hello from Ben' })).res.status).toBe(409);
    expect((await awa.post(`/console/handoffs/${handoffId}/reply`, { text: '   ' })).res.status).toBe(400);
    expect((await awa.post(`/console/handoffs/${handoffId}/reply`, { text: 'x'.repeat(2001) })).res.status).toBe(400);

    const before = connector.messagesFor('conv-console-handoff').length;
    expect((await awa.post(`/console/handoffs/${handoffId}/reply`, { text: 'مرحبا، أنا عوا. كيف أستطيع المساعدة؟' })).res.status).toBe(303);
    await connector.waitFor(() => connector.messagesFor('conv-console-handoff').slice(before).some((a) => /عوا/.test(visibleText(a))));
    expect(connector.messagesFor('conv-console-handoff').slice(before).map(visibleText).join('\n')).toMatch(/رسالة من فريقنا:\nمرحبا، أنا عوا/);

    const beforeEnd = connector.messagesFor('conv-console-handoff').length;
    expect((await awa.post(`/console/handoffs/${handoffId}/end`, {})).res.status).toBe(303);
    await connector.waitFor(() => connector.messagesFor('conv-console-handoff').slice(beforeEnd).some((a) => /أنهى فريقنا المحادثة/.test(visibleText(a))));
    expect((await running.app.handoffs.get(handoffId))).toMatchObject({ status: 'ended', endedBy: { kind: 'caseworker' } });
    const actions = (await running.app.storage.auditLog.list({ limit: 50 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['handoff.take', 'handoff.reply', 'handoff.end']));
    const page = await awa.get(`/console/handoffs/${handoffId}`);
    expect(page.html).not.toContain('name="text"'); // no reply form once ended
  });

  it('an unknown or malformed id is a 404, never an error', async () => {
    const awa = await signedIn('awa@example.org');
    expect((await awa.get('/console/handoffs/00000000-0000-4000-8000-000000000000')).res.status).toBe(404);
    expect((await awa.get('/console/handoffs/%3Cscript%3E')).res.status).toBe(404);
    expect((await awa.post('/console/handoffs/nope/take', {})).res.status).toBe(404);
  });
});
