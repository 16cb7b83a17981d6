import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { warmUp } from '../../../src/understanding';
import { ARTIFACTS, describeInBrowser, launchChromium } from '../../support/browser';
import { startApp, type RunningApp } from '../../support/testApp';

/**
 * The web chat page in a real browser (Debian's Chromium driven by playwright-core): the page
 * served by `npm start`, Web Chat from the npm package, the local Direct Line, the bot.
 */
const NOW = new Date('2026-11-29T10:00:00Z');
const ARABIC = /[\u0600-\u06FF]/;
/** Evaluated in the page (the test's TypeScript has no DOM types). */
const SAVED_CONVERSATION = "JSON.parse(window.localStorage.getItem('passerelle.conversation') || 'null')";

describeInBrowser('web chat in a real browser', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    // The browser starts while the recognizers compile (as the server does after it listens).
    [running, browser] = await Promise.all([
      startApp({}, () => NOW),
      launchChromium(),
      warmUp(['fr', 'ar']).then(() => undefined)
    ]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** A phone-sized page in `locale`, recording Content-Security-Policy violations and page errors. */
  async function openPhone(locale: string): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, hasTouch: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
    });
    await page.goto(`${running.url}/`);
    return { context, page, problems };
  }

  /** Waits for a bot text, then taps the suggested action `label`. */
  async function tap(page: Page, question: string | RegExp, label: string): Promise<void> {
    await botSaid(page, question);
    await page.locator('.webchat__suggested-actions').getByRole('button', { name: label, exact: true }).click();
  }

  /** Waits until a bot message containing `text` is shown (in the rendered transcript). */
  async function botSaid(page: Page, text: string | RegExp): Promise<void> {
    await page.locator('#webchat .webchat__render-markdown p').filter({ hasText: text }).last().waitFor();
  }

  /** Waits for a bot text, then types `answer` in the send box and sends it with Enter. */
  async function type(page: Page, question: string | RegExp, answer: string): Promise<void> {
    await botSaid(page, question);
    const box = page.locator('#webchat .webchat__send-box').locator('textarea, input[type="text"]').first();
    await box.fill(answer);
    await box.press('Enter');
  }

  it('completes the eligibility check in French by buttons and typing, receives a proactive message, and resumes on reload', async () => {
    const { context, page, problems } = await openPhone('fr-FR');
    try {
      expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['fr', 'ltr']);
      await expect(page.title()).resolves.toBe('Passerelle – discussion');
      await expect(page.getByLabel('Langue', { exact: true }).inputValue()).resolves.toBe('fr');

      await tap(page, 'Dans quelle langue voulez-vous parler ?', 'Français');
      await tap(page, 'Acceptez-vous que je garde vos réponses ?', 'Oui');
      await tap(page, 'Que voulez-vous faire ?', 'Savoir si je peux participer');
      await type(page, /Quel âge avez-vous/, 'vingt-deux ans');
      await tap(page, 'Dans quel pays vivez-vous maintenant ?', 'France');
      await tap(page, 'Que faites-vous en ce moment ?', 'Rien de tout ça');
      await tap(page, 'Quel est votre diplôme le plus élevé ?', 'Aucun diplôme');
      await type(page, /Dans quelle région ou quelle ville/, 'Occitanie');
      await tap(page, /Vivez-vous dans un camp/, 'Non');

      // The result, with its markdown rendered (bold programme names) and nothing unescaped.
      await botSaid(page, 'vous pouvez participer.');
      await expect(page.locator('#webchat strong', { hasText: 'DIGI@TER' }).first().isVisible()).resolves.toBe(true);
      await botSaid(page, 'vous ne pouvez pas participer.');
      await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-fr.png'), fullPage: true });

      // Readable on a 360-px phone: nothing wider than the screen.
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(360);

      // Web Chat listens on the WebSocket stream (not polling).
      expect(running.app.directLine!.openStreams).toBeGreaterThanOrEqual(1);

      // A proactive message (e.g. a referral's new status) appears in the open page.
      const saved = (await page.evaluate(SAVED_CONVERSATION)) as { id: string; watermark: number };
      expect(saved.watermark).toBeGreaterThan(10);
      const reference = await running.app.directLine!.referenceFor(saved.id);
      await running.app.proactive.send(reference!, { text: 'Bonne nouvelle : le partenaire a accepté votre demande.', locale: 'fr' });
      await botSaid(page, 'Bonne nouvelle : le partenaire a accepté votre demande.');
      await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-fr-proactive.png') });

      // Coming back: the same person, the same conversation, its recent history shown again.
      await page.reload();
      await botSaid(page, 'Bonne nouvelle : le partenaire a accepté votre demande.');
      const after = (await page.evaluate(SAVED_CONVERSATION)) as { id: string };
      expect(after.id).toBe(saved.id);
      await type(page, /Que voulez-vous faire/, 'aide');
      await botSaid(page, /menu/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 45_000);

  it('completes the eligibility check in Arabic, right to left', async () => {
    const { context, page, problems } = await openPhone('ar');
    try {
      expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['ar', 'rtl']);
      // Web Chat itself is laid out right to left.
      await page.locator('#webchat [dir="rtl"]').first().waitFor({ state: 'attached' });

      await tap(page, 'بأي لغة تريد أن نتكلم؟', 'العربية');
      const greeting = await page.locator('#webchat').innerText();
      expect(greeting).toMatch(ARABIC);
      await tap(page, 'هل توافق على أن أحفظ إجاباتك؟', 'نعم');
      await tap(page, 'ماذا تريد أن تفعل؟', 'هل يمكنني الانضمام؟');
      await type(page, /كم عمرك؟/, '٢٢');
      await tap(page, 'في أي بلد تعيش الآن؟', 'فرنسا');
      await tap(page, 'ماذا تفعل الآن؟', 'لا شيء من هذا');
      await tap(page, 'ما هي أعلى شهادة عندك؟', 'بدون شهادة');
      await type(page, /في أي منطقة أو مدينة تعيش؟/, 'باريس');
      await tap(page, /هل تعيش في مخيم/, 'لا');

      await botSaid(page, 'يمكنك الانضمام.');
      const transcript = await page.locator('#webchat').innerText();
      expect(transcript).toMatch(/DIGI@TER/);
      expect(transcript).toMatch(/لا يمكنك الانضمام\./);
      await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-ar.png'), fullPage: true });
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 45_000);

  it('switches the page language from the picker, keyboard only', async () => {
    const { context, page, problems } = await openPhone('en-US');
    try {
      await botSaid(page, 'Which language do you want to use?');
      // The picker is the first stop of the keyboard; arrows change the language (en, fr, … fa).
      await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('language');
      const order = (await page.evaluate("Array.from(document.querySelectorAll('#language option')).map(o => o.value)")) as string[];
      expect(order[0]).toBe('en');
      for (let i = 0; i < order.indexOf('fa'); i += 1) await page.keyboard.press('ArrowDown');
      // The language's texts are fetched first. A function, not a string: the page's CSP (no 'unsafe-eval') refuses string predicates.
      await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { dir: string } } }).document.documentElement.dir === 'rtl');
      expect(await page.evaluate('[document.documentElement.lang, document.title]')).toEqual(['fa', 'Passerelle – گفتگو']);
      await expect(page.getByLabel('زبان', { exact: true }).inputValue()).resolves.toBe('fa');
      // Chosen languages are remembered for the next visit.
      const html = await (await fetch(`${running.url}/`, { headers: { cookie: (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).text();
      expect(html).toContain('<html lang="fa" dir="rtl">');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('"forget me on this device": after erasing in the chat, the page drops its id and conversation and starts afresh', async () => {
    const { context, page, problems } = await openPhone('en-US');
    try {
      await tap(page, 'Which language do you want to use?', 'English');
      await tap(page, 'Do you agree that I keep your answers?', 'Yes');
      await type(page, 'What would you like to do?', 'delete my data');
      await tap(page, /Delete everything I keep about you/, 'Yes');
      await botSaid(page, /everything about you is deleted/);
      const before = (await page.evaluate("[window.localStorage.getItem('passerelle.userId'), " + SAVED_CONVERSATION + "]")) as [string, { id: string } | null];
      expect(before[0]).toMatch(/^pu_/);
      page.once('dialog', (dialog) => {
        expect(dialog.message()).toMatch(/Forget you on this device\?/);
        void dialog.accept();
      });
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Forget me on this device' }).click()]);
      await botSaid(page, 'Which language do you want to use?');
      const after = (await page.evaluate("[window.localStorage.getItem('passerelle.userId'), " + SAVED_CONVERSATION + "]")) as [string, { id: string } | null];
      expect(after[0]).toMatch(/^pu_/);
      expect(after[0]).not.toBe(before[0]);
      expect(after[1]?.id).not.toBe(before[1]?.id);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);
});
