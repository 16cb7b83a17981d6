import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pseudonymize } from '../../src/bot/pseudonym';
import { conversationKeyOf } from '../../src/bot/pseudonymousState';
import { ChatDriver } from '../support/chatDriver';
import { FakeConnector } from '../support/fakeConnector';
import { contentWithWebhooks, FakePartnerEndpoint } from '../support/fakePartner';
import { describeEachStorage } from '../support/storageTargets';
import { everythingStored, findings } from '../support/storageScan';
import { startApp, type RunningApp } from '../support/testApp';

const ROOT = path.resolve(__dirname, '..', '..');
const SECRET = 'partner-webhook-secret-for-tests-0123456789';
const SECRETS = Object.fromEntries(
  ['FR_COORDINATOR', 'BE_TRAINING', 'RO_UNIVERSITY', 'DE_CRAFTS_CHAMBER', 'PT_EMPLOYMENT_ASSOCIATION', 'CAMPLUS_TEAM'].map((name) => [`PARTNER_${name}_SECRET`, SECRET])
);
const joined = (chat: ChatDriver): string => chat.lastTexts().join('\n');
const SHIPPED = ['fr', 'en', 'de', 'nl', 'pt', 'ro', 'ar', 'fa', 'ps', 'ckb', 'so', 'ti', 'tr', 'uk'];

let connector: FakeConnector;
beforeAll(async () => {
  connector = await FakeConnector.start();
});
afterAll(() => connector.close());

/** The link in the chat, pointed at the test server (which listens on a random port). */
function exportUrl(text: string, running: RunningApp): string | undefined {
  const token = /\/my-data\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
  return token ? `${running.url}/my-data/${token}` : undefined;
}

describe('My information through /api/messages, in every shipped language', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(() => running.close());

  it('sees what is kept, opens the export, withdraws consent and erases everything, by words of the language', async () => {
    const { localizer } = running.app;
    expect([...localizer.languages].sort()).toEqual([...SHIPPED].sort());
    const problems: string[] = [];
    for (const lang of localizer.languages) {
      const t = (key: string) => localizer.t(lang, key);
      const word = (command: string) => localizer.list(lang, `common:commands.${command}`)[0]!;
      const userId = `user-privacy-${lang}`;
      const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', userId);
      const chat = new ChatDriver(running.url, connector, `conv-privacy-${lang}`, { locale: lang, userId });
      const fail = (what: string) => problems.push(`${lang}: ${what}`);
      await chat.say('hello');
      await chat.tap(1); // the language of the channel's locale, proposed first
      await chat.tap(1); // consent: yes
      if ((await running.app.storage.consents.latest(userKey))?.decision !== 'granted') {
        fail('consent was not recorded');
        continue;
      }

      await chat.say(word('myData'));
      const seen = joined(chat);
      if (!seen.includes(t('privacy:intro'))) fail(`"${word('myData')}" does not show what is kept: ${seen.slice(0, 120)}`);
      const url = exportUrl(seen, running);
      if (!url) fail('no export link');
      else {
        const response = await fetch(url);
        const body = (await response.json()) as { consents?: { decision: string }[]; profile?: { language: string } };
        if (response.status !== 200 || response.headers.get('cache-control') !== 'no-store') fail(`export: HTTP ${response.status}`);
        else if (body.consents?.[0]?.decision !== 'granted' || body.profile?.language !== lang) fail(`export holds ${JSON.stringify(body).slice(0, 120)}`);
      }
      await chat.tap(chat.lastButtons().length); // "Nothing, thanks"

      await chat.say(word('withdrawConsent'));
      if (!joined(chat).includes(t('privacy:confirm.withdraw'))) fail(`"${word('withdrawConsent')}" does not ask to confirm the withdrawal`);
      await chat.tap(1); // yes
      if (!joined(chat).includes(t('privacy:withdrawn'))) fail('the withdrawal is not confirmed');
      if ((await running.app.storage.consents.latest(userKey))?.decision !== 'withdrawn') fail('the withdrawal is not recorded by the consent history');
      if ((await running.app.storage.profiles.get(userKey)) !== null) fail('the profile stays after the withdrawal');

      await chat.say(word('eraseData'));
      if (!joined(chat).includes(t('privacy:confirm.erase'))) fail(`"${word('eraseData')}" does not ask to confirm the erasure`);
      await chat.tap(1); // yes
      if (!joined(chat).includes(t('privacy:erased'))) fail('the erasure is not confirmed');
      if ((await running.app.storage.consents.history(userKey)).length !== 0) fail('consent decisions still carry the person\'s key');
      await chat.say(word('myData'));
      if (!joined(chat).includes(t('privacy:nothingKept'))) fail(`after erasure, "${word('myData')}" does not say nothing is kept`);
    }
    expect(problems).toEqual([]);
  });

  it('says "no" to the confirmation: nothing is deleted', async () => {
    const userId = 'user-privacy-keep';
    const userKey = pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', userId);
    const chat = new ChatDriver(running.url, connector, 'conv-privacy-keep', { locale: 'en-US', userId });
    await chat.say('hello');
    await chat.tap(1);
    await chat.tap(1);
    await chat.say('delete my data');
    await chat.say('no');
    expect(joined(chat)).toMatch(/Nothing was deleted/);
    expect((await running.app.storage.consents.latest(userKey))?.decision).toBe('granted');
  });

  it('an export link that is altered or made up opens nothing', async () => {
    const chat = new ChatDriver(running.url, connector, 'conv-privacy-link', { locale: 'en-US', userId: 'user-privacy-link' });
    await chat.say('hello');
    await chat.tap(1);
    await chat.tap(1);
    await chat.say('my data');
    const url = exportUrl(joined(chat), running)!;
    expect((await fetch(url)).status).toBe(200);
    // One character changed inside the token (the last one may carry only padding bits).
    const at = url.length - 5;
    const altered = url.slice(0, at) + (url[at] === 'A' ? 'B' : 'A') + url.slice(at + 1);
    expect((await fetch(altered)).status).toBe(404);
    expect((await fetch(`${running.url}/my-data/${'A'.repeat(86)}`)).status).toBe(404);
  });
});



describeEachStorage('erasure leaves nothing that identifies the person', (target) => {
  let partner: FakePartnerEndpoint;
  let contentDir: string;
  beforeAll(async () => {
    partner = await FakePartnerEndpoint.start();
    contentDir = fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-content-'));
    contentWithWebhooks(path.join(ROOT, 'content'), contentDir, partner.url);
  });
  afterAll(async () => {
    await partner.close();
    fs.rmSync(contentDir, { recursive: true, force: true });
  });

  it('after eligibility, a referral, a skills test and a training interest, "supprimer mes données" empties every table of that person; another person keeps theirs', async () => {
    const running = await startApp({ ...target.env(), CONTENT_DIR: contentDir, OUTBOX_POLL_MS: '50', ...SECRETS });
    try {
      expect(running.app.storage.kind).toBe(target.kind);
      const people = ['a', 'b'].map((who) => {
        const userId = `user-erase-${who}-${Math.random().toString(36).slice(2, 10)}`;
        const conversationId = `conv-erase-${who}-${Math.random().toString(36).slice(2, 10)}`;
        return {
          userId,
          conversationId,
          userKey: pseudonymize(running.config.pseudonymSecret, 'user', 'webchat', userId),
          conversationKey: conversationKeyOf(running.config.pseudonymSecret, 'webchat', conversationId),
          chat: new ChatDriver(running.url, connector, conversationId, { locale: 'fr-FR', userId })
        };
      });
      for (const person of people) {
        const { chat } = person;
        await chat.start();
        await chat.say('français');
        await chat.say('oui');
        await chat.say('Savoir si je peux participer');
        await chat.say('03/03/2004');
        await chat.say('France');
        await chat.say('rien');
        await chat.say('aucun');
        await chat.say('Wattrelos');
        await chat.say('non');
        await chat.say('oui');
        await chat.say('Oui, celui-ci');
        await chat.say('oui');
        expect(joined(chat)).toMatch(/Votre numéro de référence/);
        await chat.say('menu');
        await chat.say('Tester mes compétences');
        await chat.tap(1);
        for (let i = 1; i <= 19; i++) await chat.say('3');
        expect(joined(chat)).toMatch(/\/profile\//);
        await chat.say('menu');
        await chat.say('Trouver une formation');
        await chat.say('Lisbonne');
        await chat.tap(1);
      }
      const [a, b] = people as [(typeof people)[number], (typeof people)[number]];
      expect((await running.app.storage.referrals.listByUser(a.userKey)).length).toBe(1);
      expect((await running.app.storage.assessments.listByUser(a.userKey)).length).toBe(1);
      const stored = await running.app.storage.eligibilityChecks.listByUser(a.userKey);
      expect(stored[0]?.answers.birthDate).toBe('2004-03-03');
      const needles = (p: (typeof people)[number]) => [p.userKey, p.userId, p.conversationId, p.conversationKey];

      // The scan finds the person before (so that it can fail).
      const before = await everythingStored(running, target);
      expect(findings(before, needles(a)).length).toBeGreaterThan(5);
      // Encryption at rest: the birth date and the region typed are nowhere in clear.
      expect(findings(before, ['2004-03-03', '03/03/2004', 'Wattrelos'])).toEqual([]);

      await a.chat.say('supprimer mes données');
      await a.chat.say('oui');
      expect(joined(a.chat)).toMatch(/tout ce qui vous concerne est supprimé/);
      // The partner is told of the withdrawal, with nothing about the person.
      const deadline = Date.now() + 10_000;
      while (!partner.received.some((w) => w.body.event === 'referral.withdrawn') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const withdrawn = partner.received.find((w) => w.body.event === 'referral.withdrawn');
      expect(withdrawn).toBeDefined();
      expect(JSON.stringify(withdrawn!.body)).not.toMatch(/2004|Wattrelos/);

      const after = await everythingStored(running, target);
      expect(findings(after, needles(a))).toEqual([]);
      // The other person keeps everything (their key is still in the stores that hold their data).
      expect(findings(after, [b.userKey]).length).toBeGreaterThan(5);
      // What stays of person A: consent decisions under a random key, for the audit.
      expect((await running.app.storage.consents.history(a.userKey)).length).toBe(0);
    } finally {
      await running.close();
    }
  });
});
