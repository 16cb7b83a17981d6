import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { seriousAxeViolations } from '../support/axe';
import { ARTIFACTS, describeInBrowser, launchChromium } from '../support/browser';
import { startApp, type RunningApp } from '../support/testApp';

const PASSWORD = 'correct horse battery staple';
const HOSTILE = `<img src=x onerror="window.pwned=1"> "><script>window.pwned=2</script> مرحبا، أريد المساعدة ${'طويل '.repeat(40)}`;
/** What the caseworker sees of it: the same characters, as text. */
const HOSTILE_SHOWN = /<img src=x onerror="window\.pwned=1"> "><script>window\.pwned=2<\/script> مرحبا، أريد المساعدة/;

/**
 * "Talk to a person" end to end in a real browser: a person in the web chat page asks for a
 * person, a caseworker signs in to the console, finds the conversation in the queue, takes it,
 * replies; the person reads the reply in the chat; the caseworker ends it and the bot asks its
 * question again. axe-core on the queue and the conversation page.
 */
describeInBrowser('talk to a person: chat → queue → reply → end, in a real browser', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp({ HANDOFF_HOURS: 'always', OUTBOX_POLL_MS: '50' }), launchChromium()]);
    const made = await running.app.accounts.create({ email: 'awa@example.org', role: 'caseworker', password: PASSWORD });
    if (!made.ok) throw new Error(made.problem);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const bot = (page: Page, text: string | RegExp) => page.locator('#webchat .webchat__render-markdown p').filter({ hasText: text });

  async function tap(page: Page, question: string | RegExp, label: string): Promise<void> {
    await bot(page, question).last().waitFor();
    await page.locator('.webchat__suggested-actions').getByRole('button', { name: label, exact: true }).click();
  }

  async function type(page: Page, question: string | RegExp, answer: string): Promise<void> {
    await bot(page, question).last().waitFor();
    const box = page.locator('#webchat .webchat__send-box').locator('textarea, input[type="text"]').first();
    await box.fill(answer);
    await box.press('Enter');
  }

  it('French person, caseworker in the console: the reply reaches the chat, the end gives the question back', async () => {
    const contexts: BrowserContext[] = [];
    try {
      const personContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 360, height: 740 } });
      const workerContext = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1200, height: 900 } });
      contexts.push(personContext, workerContext);
      const person = await personContext.newPage();
      const worker = await workerContext.newPage();
      const problems: string[] = [];
      for (const page of [person, worker]) {
        page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
        page.on('console', (msg) => {
          if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
        });
      }

      await person.goto(`${running.url}/`);
      await tap(person, 'Dans quelle langue voulez-vous parler ?', 'Français');
      await tap(person, 'Acceptez-vous que je garde vos réponses ?', 'Oui');
      await tap(person, 'Que voulez-vous faire ?', 'Savoir si je peux participer');
      await type(person, /Quel âge avez-vous/, "Je voudrais parler à quelqu'un");
      await type(person, /Une personne de notre équipe va vous répondre ici/, "J'ai une question sur les horaires");
      await bot(person, /Votre message est gardé/).waitFor();
      // Hostile and right-to-left text typed in the chat: shown as inert text in the console.
      await type(person, /Votre message est gardé/, HOSTILE);
      await person.locator('#webchat').getByText('مرحبا', { exact: false }).last().waitFor();

      await worker.goto(`${running.url}/console/sign-in`);
      await worker.locator('input[name="email"]').fill('awa@example.org');
      await worker.locator('input[name="password"]').fill(PASSWORD);
      await worker.locator('form button[type="submit"]').last().click();
      await worker.waitForURL(/\/console\//);
      await worker.goto(`${running.url}/console/handoffs`);
      await worker.getByRole('heading', { name: 'En attente : 1 conversation' }).waitFor();
      expect(await seriousAxeViolations(worker)).toEqual([]);
      await worker.screenshot({ path: path.join(ARTIFACTS, 'console-handoff-queue.png'), fullPage: true });

      await worker.getByRole('link', { name: /Ouvrir la conversation/ }).first().click();
      await worker.getByRole('heading', { name: 'Conversation avec une personne' }).waitFor();
      const exchange = await worker.locator('main').innerText();
      expect(exchange).toMatch(/Savoir si je peux participer/); // before the request: consent given
      expect(exchange).toMatch(/J'ai une question sur les horaires/);
      await worker.getByText(HOSTILE_SHOWN).waitFor();
      expect(await worker.locator('main img, main script').count()).toBe(0);
      expect(await worker.evaluate('[document.title, typeof window.pwned]')).toEqual(['Conversation avec une personne · Console Passerelle', 'undefined']);
      await worker.getByRole('button', { name: 'Prendre cette conversation' }).click();
      await worker.getByLabel(/Votre réponse/).fill('Bonjour, je suis Awa. Les cours ont lieu le matin.');
      expect(await seriousAxeViolations(worker)).toEqual([]);
      await worker.screenshot({ path: path.join(ARTIFACTS, 'console-handoff-conversation.png'), fullPage: true });
      await worker.getByRole('button', { name: 'Envoyer la réponse' }).click();
      await worker.getByText('Bonjour, je suis Awa. Les cours ont lieu le matin.').first().waitFor();

      await bot(person, /Bonjour, je suis Awa\. Les cours ont lieu le matin\./).waitFor();
      await person.screenshot({ path: path.join(ARTIFACTS, 'webchat-handoff-reply.png'), fullPage: true });

      const asked = await bot(person, /Quel âge avez-vous/).count();
      await worker.getByRole('button', { name: 'Terminer la conversation' }).click();
      await bot(person, /Notre équipe a terminé la conversation/).waitFor();
      // The question is asked again (one more time than before the end).
      await person.waitForFunction(
        `Array.from(document.querySelectorAll('#webchat .webchat__render-markdown p')).filter((p) => /Quel âge avez-vous/.test(p.textContent || '')).length > ${asked}`
      );
      await type(person, /Notre équipe a terminé la conversation/, '22 ans');
      await bot(person, /Dans quel pays vivez-vous/).waitFor();
      await person.screenshot({ path: path.join(ARTIFACTS, 'webchat-handoff-resumed.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }
  }, 60_000);
});
