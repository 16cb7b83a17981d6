import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { verifyWebhook } from '../../src/outbox';
import { pseudonymize } from '../../src/bot/pseudonym';
import { ChatDriver } from '../support/chatDriver';
import { contentWithWebhooks, FakePartnerEndpoint, FakeSmtpServer } from '../support/fakePartner';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { postJson, startApp, type RunningApp } from '../support/testApp';

const ROOT = path.resolve(__dirname, '..', '..');
const SECRET = 'partner-webhook-secret-for-tests-0123456789';
const SECRETS = Object.fromEntries(
  ['FR_COORDINATOR', 'BE_TRAINING', 'RO_UNIVERSITY', 'DE_CRAFTS_CHAMBER', 'PT_EMPLOYMENT_ASSOCIATION', 'CAMPLUS_TEAM'].map((name) => [`PARTNER_${name}_SECRET`, SECRET])
);
const joined = (texts: string[]): string => texts.join('\n');

let connector: FakeConnector;
let partnerEndpoint: FakePartnerEndpoint;
let smtp: FakeSmtpServer;
let contentDir: string;
let running: RunningApp;

beforeAll(async () => {
  connector = await FakeConnector.start();
  partnerEndpoint = await FakePartnerEndpoint.start();
  smtp = await FakeSmtpServer.start();
  contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-content-'));
  contentWithWebhooks(path.join(ROOT, 'content'), contentDir, partnerEndpoint.url);
});

beforeEach(async () => {
  running = await startApp({
    CONTENT_DIR: contentDir,
    SMTP_URL: smtp.url,
    SMTP_FROM: 'passerelle@example.org',
    OUTBOX_POLL_MS: '50',
    OUTBOX_RETRY_BASE_MS: '50',
    OUTBOX_RETRY_MAX_MS: '200',
    OUTBOX_MAX_ATTEMPTS: '4',
    ...SECRETS
  });
});

afterEach(async () => {
  await running.close();
});

afterAll(async () => {
  await Promise.all([connector.close(), partnerEndpoint.close(), smtp.close()]);
  fs.rmSync(contentDir, { recursive: true, force: true });
});

/** Walks a French person from the greeting to a referral from their eligibility result. */
async function referInFrench(chat: ChatDriver, consent: 'oui' | 'non'): Promise<string> {
  await chat.start();
  await chat.say('français');
  await chat.say(consent);
  await chat.say('Savoir si je peux participer');
  await chat.say('22');
  await chat.say('France');
  await chat.say('rien');
  await chat.say('aucun');
  await chat.say('Lille');
  await chat.say('non');
  expect(joined(chat.lastTexts())).toMatch(/Voulez-vous que je vous mette en relation avec un organisme/);
  await chat.say('oui');
  const proposal = joined(chat.lastTexts());
  expect(proposal).toMatch(/Je vous propose : \*\*Maison Régionale de la Formation \(exemple\) \(un organisme de formation professionnelle\)\*\*/);
  expect(proposal).toMatch(/Il travaille dans votre région \(Lille\)|Il travaille en France/);
  await chat.say('Oui, celui-ci');
  const preview = joined(chat.lastTexts());
  expect(preview).toMatch(/j'envoie ceci à \*\*Maison Régionale de la Formation \(exemple\)\*\*/);
  expect(preview).toMatch(/votre âge : 22 ans/);
  expect(preview).toMatch(/votre pays : France/);
  await chat.say('oui');
  const sent = joined(chat.lastTexts());
  const reference = /Votre numéro de référence : \*\*([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})\*\*/.exec(sent)?.[1];
  expect(reference).toBeDefined();
  return reference!;
}

describe('referrals to partners, end to end', () => {
  it('French: from the eligibility result to a signed webhook and an e-mail without personal data; the partner accepts through the API and the person is told', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-ref-fr', { locale: 'fr-FR', userId: 'user-ref-fr' });
    const reference = await referInFrench(chat, 'oui');

    await partnerEndpoint.waitFor((r) => r.some((w) => w.body.referral.reference === reference));
    const hook = partnerEndpoint.received.find((w) => w.body.referral.reference === reference)!;
    expect(hook.body.event).toBe('referral.routed');
    expect(hook.headers['idempotency-key']).toBe(hook.body.id);
    expect(verifyWebhook(SECRET, hook.raw, hook.headers['passerelle-signature'] as string, Math.floor(Date.now() / 1000))).toBe(true);
    expect(verifyWebhook('another-secret-of-at-least-32-characters', hook.raw, hook.headers['passerelle-signature'] as string, Math.floor(Date.now() / 1000))).toBe(false);
    expect(hook.body.referral.shared).toMatchObject({ age: 22, country: 'FR', region: 'Lille', situation: 'none', language: 'fr' });
    expect(JSON.stringify(hook.body)).not.toMatch(/birthDate|user-ref-fr|conv-ref-fr/);

    await smtp.waitFor((mails) => mails.some((m) => m.raw.includes(reference)));
    const mail = smtp.mails.find((m) => m.raw.includes(reference))!;
    expect(mail.to).toEqual(['referrals@fr-coordinator.example.org']);
    expect(mail.raw).toMatch(/Subject: Nouvelle orientation/);
    expect(mail.raw).not.toMatch(/Lille|22 ans/); // nothing personal in the e-mail

    const { key } = await running.app.partnerKeys.create('fr-coordinator', 'test');
    const auth = { authorization: `Bearer ${key}` };
    const listed = await fetch(`${running.url}/api/partner/v1/referrals?status=routed`, { headers: auth });
    expect(listed.status).toBe(200);
    const mine = ((await listed.json()) as { referrals: { id: string; reference: string; allowedActions: string[] }[] }).referrals.find((r) => r.reference === reference)!;
    expect(mine.allowedActions.sort()).toEqual(['accept', 'decline', 'request-info']);

    const before = connector.messagesFor('conv-ref-fr').length;
    const accepted = await postJson(`${running.url}/api/partner/v1/referrals/${mine.id}/accept`, {}, auth);
    expect(accepted.status).toBe(200);
    await connector.waitFor(() => connector.messagesFor('conv-ref-fr').length > before);
    const told = connector.messagesFor('conv-ref-fr').slice(before).map(visibleText).join('\n');
    expect(told).toMatch(new RegExp(`Bonne nouvelle : Maison Régionale de la Formation \\(exemple\\) a accepté votre demande ${reference}`));
    expect(told).toMatch(/Pour les joindre : 12 rue de l'Exemple/);
    expect(connector.messagesFor('conv-ref-fr').slice(before)[0]?.locale).toBe('fr');
  });

  it('a question from the partner reaches the person, whose answer reaches the referral and the partner; "ma demande" shows where it is', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-ref-q', { locale: 'fr-FR', userId: 'user-ref-q' });
    const reference = await referInFrench(chat, 'non'); // refused to keep data: the referral asks its own consent
    const { key } = await running.app.partnerKeys.create('fr-coordinator', 'test');
    const auth = { authorization: `Bearer ${key}` };
    const before = connector.messagesFor('conv-ref-q').length;
    const asked = await postJson(`${running.url}/api/partner/v1/referrals/${reference.toLowerCase().replace('-', ' ')}/request-info`, { question: 'Avez-vous un CV ?' }, auth);
    expect(asked.status).toBe(200);
    await connector.waitFor(() => connector.messagesFor('conv-ref-q').length >= before + 2);
    const question = connector.messagesFor('conv-ref-q').slice(before).map(visibleText).join('\n');
    expect(question).toMatch(/a une question sur votre demande/);
    expect(question).toMatch(/« Avez-vous un CV \? »/);
    expect(question).toMatch(/Écrivez votre réponse ici/);

    await chat.say("Oui, j'ai un CV que je peux envoyer.");
    expect(joined(chat.lastTexts())).toMatch(/J'ai envoyé votre réponse à Maison Régionale/);
    const detail = (await (await fetch(`${running.url}/api/partner/v1/referrals/${reference}`, { headers: auth })).json()) as { status: string; infoRequests: { answer: string }[] };
    expect(detail.status).toBe('routed');
    expect(detail.infoRequests[0]!.answer).toBe("Oui, j'ai un CV que je peux envoyer.");
    await partnerEndpoint.waitFor((r) => r.some((w) => w.body.referral.reference === reference && w.body.event === 'referral.infoAnswered'));

    await chat.say('ma demande');
    expect(joined(chat.lastTexts())).toMatch(new RegExp(`\\*\\*${reference}\\*\\* — Maison Régionale de la Formation \\(exemple\\) — envoyée, en attente de leur réponse`));
  });

  it('withdrawal ("annuler ma demande", said while the list is open) reaches the partner, with nothing shared any more; the list does not come back stale', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-ref-w', { locale: 'fr-FR', userId: 'user-ref-w' });
    const reference = await referInFrench(chat, 'oui');
    await chat.say('ma demande');
    expect(chat.lastButtons()).toContain(`Annuler ${reference}`);
    await chat.say('annuler ma demande');
    expect(joined(chat.lastTexts())).toMatch(new RegExp(`Voulez-vous vraiment annuler votre demande ${reference}`));
    await chat.say('oui');
    const done = joined(chat.lastTexts());
    expect(done).toMatch(new RegExp(`Votre demande ${reference} est annulée`));
    expect(chat.lastButtons()).not.toContain(`Annuler ${reference}`); // the list opened before is gone
    await partnerEndpoint.waitFor((r) => r.some((w) => w.body.referral.reference === reference && w.body.event === 'referral.withdrawn'));
    const withdrawn = partnerEndpoint.received.find((w) => w.body.referral.reference === reference && w.body.event === 'referral.withdrawn')!;
    expect(withdrawn.body.referral.shared).toBeUndefined();
    expect(withdrawn.body.referral.status).toBe('withdrawn');
  });

  it('partner B cannot read or change partner A\'s referral; invalid transitions and bad keys are refused clearly', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-ref-ab', { locale: 'fr-FR', userId: 'user-ref-ab' });
    const reference = await referInFrench(chat, 'oui');
    const a = { authorization: `Bearer ${(await running.app.partnerKeys.create('fr-coordinator', 'a')).key}` };
    const b = { authorization: `Bearer ${(await running.app.partnerKeys.create('be-training', 'b')).key}` };
    expect((await fetch(`${running.url}/api/partner/v1/referrals/${reference}`, { headers: b })).status).toBe(404);
    expect((await postJson(`${running.url}/api/partner/v1/referrals/${reference}/accept`, {}, b)).status).toBe(404);
    const listB = (await (await fetch(`${running.url}/api/partner/v1/referrals`, { headers: b })).json()) as { referrals: unknown[] };
    expect(JSON.stringify(listB)).not.toContain(reference);
    expect((await fetch(`${running.url}/api/partner/v1/referrals`)).status).toBe(401);
    expect((await fetch(`${running.url}/api/partner/v1/referrals`, { headers: { authorization: 'Bearer pk_aaaaaaaaaaaaaaaa_not-a-real-secret-not-a-real-secret-xxxxxxx' } })).status).toBe(401);

    const enrolTooEarly = await postJson(`${running.url}/api/partner/v1/referrals/${reference}/enrolled`, {}, a);
    expect(enrolTooEarly.status).toBe(409);
    expect(await enrolTooEarly.json()).toMatchObject({ error: 'transition_refused', status: 'routed', allowedActions: expect.arrayContaining(['accept']) });
    const declineWithoutReason = await postJson(`${running.url}/api/partner/v1/referrals/${reference}/decline`, {}, a);
    expect(declineWithoutReason.status).toBe(400);
    expect(JSON.stringify(await declineWithoutReason.json())).toMatch(/reason/);
    expect((await postJson(`${running.url}/api/partner/v1/referrals/${reference}/explode`, {}, a)).status).toBe(404);
    const declined = await postJson(`${running.url}/api/partner/v1/referrals/${reference}/decline`, { reason: 'Plus de place cette année' }, a);
    expect(declined.status).toBe(200);
    expect((await postJson(`${running.url}/api/partner/v1/referrals/${reference}/accept`, {}, a)).status).toBe(409);
  });

  it('a partner endpoint that fails for a while gets the message once it recovers; after too many failures it is put aside and counted', async () => {
    partnerEndpoint.failWith(503);
    const chat = new ChatDriver(running.url, connector, 'conv-ref-down', { locale: 'fr-FR', userId: 'user-ref-down' });
    const reference = await referInFrench(chat, 'oui');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(partnerEndpoint.refused).toBeGreaterThan(0);
    partnerEndpoint.recover();
    await partnerEndpoint.waitFor((r) => r.some((w) => w.body.referral.reference === reference));

    partnerEndpoint.failWith(500);
    const chat2 = new ChatDriver(running.url, connector, 'conv-ref-dead', { locale: 'fr-FR', userId: 'user-ref-dead' });
    await referInFrench(chat2, 'oui');
    const deadline = Date.now() + 10_000;
    let ready: { outbox: { dead: number } } = { outbox: { dead: 0 } };
    while (ready.outbox.dead === 0 && Date.now() < deadline) {
      ready = (await (await fetch(`${running.url}/readyz`)).json()) as typeof ready;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    partnerEndpoint.recover();
    expect(ready.outbox.dead).toBe(1);
    const [dead] = await running.app.storage.outbox.listDead(10);
    expect(dead).toMatchObject({ kind: 'partner.webhook', attempts: 4, lastError: expect.stringMatching(/HTTP 500/) });
  });
});

describe('referrals from the CAMPLUS result and from a training', () => {
  it('Arabic: a camp resident leading a project is referred to the CAMPLUS team', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-ref-ar', { locale: 'ar-SY', userId: 'user-ref-ar' });
    await chat.start();
    for (const text of ['العربية', 'نعم', '1', '٢٥', '6', '4', '1', 'نعم', '1']) await chat.say(text);
    expect(joined(chat.lastTexts())).toMatch(/CAMPLUS/);
    await chat.say('نعم'); // the offer
    const proposal = joined(chat.lastTexts());
    expect(proposal).toMatch(/CAMPLUS coaching team \(sample\)/);
    await chat.tap(1);
    await chat.say('نعم');
    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', 'user-ref-ar');
    const [referral] = await running.app.referrals.listForPerson(userKey);
    expect(referral).toMatchObject({ programme: 'camplus', partnerId: 'camplus-team', status: 'routed', language: 'ar' });
    expect(joined(chat.lastTexts())).toContain(referral!.reference);
    await partnerEndpoint.waitFor((r) => r.some((w) => w.body.referral.reference === referral!.reference));
  });

  it('English: "I\'m interested" in a training proposes its partner first, saying it runs that training', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-ref-tr', { locale: 'en-US', userId: 'user-ref-tr' });
    await chat.start();
    for (const text of ['English', 'yes', 'Find a training', 'online in Portugal', '1', "I'm interested"]) await chat.say(text);
    expect(joined(chat.lastTexts())).toMatch(/Do you want me to send your request to .*Associação Regional para o Emprego Duradouro/);
    await chat.say('yes');
    expect(joined(chat.lastTexts())).toMatch(/For which programme|How old are you|few answers/); // no eligibility yet: it asks
    for (const text of ['22', 'Portugal', 'nothing', 'none', 'Porto', 'no']) await chat.say(text);
    const proposal = joined(chat.lastTexts());
    expect(proposal).toMatch(/I suggest: \*\*Associação Regional para o Emprego Duradouro/);
    expect(proposal).toMatch(/It runs the training you chose\./);
  });
});
