import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { scoreAssessment, type AnswerValue, type QuestionnaireId } from '../../src/domain';
import { hashProfileLinkToken } from '../../src/storage';
import { seriousAxeViolations } from '../support/axe';
import { ARTIFACTS, describeInBrowser, launchChromium } from '../support/browser';
import { startApp, type RunningApp } from '../support/testApp';

/**
 * The printable skills profile in a real browser (Debian's Chromium via playwright-core):
 * rendered in French and in Arabic (right to left), kept as PNG screenshots and printed to PDF.
 */
const NOW = new Date('2026-11-29T10:00:00Z');

/** Stores a completed assessment and a link to it, as the assessment dialog does; returns the link's token. */
async function completedAssessment(running: RunningApp, questionnaireId: QuestionnaireId, language: string, answerOf: (i: number) => AnswerValue, name = language): Promise<string> {
  const { storage, content } = running.app;
  const questionnaire = content.questionnaires.questionnaires[questionnaireId];
  const answers = Object.fromEntries(questionnaire.items.map((item, i) => [item.id, answerOf(i)]));
  const profile = scoreAssessment(answers, questionnaire, content.questionnaires.rules);
  const id = `assessment-${name}`;
  await storage.assessments.save({
    id,
    userKey: `user-${name}`,
    questionnaireId,
    questionnaireVersion: questionnaire.version,
    language,
    answers,
    currentItemId: null,
    status: 'completed',
    profile,
    startedAt: NOW,
    updatedAt: NOW,
    completedAt: NOW,
    version: 0
  });
  const token = randomBytes(32).toString('base64url');
  await storage.profileLinks.create({ tokenHash: hashProfileLinkToken(token), userKey: `user-${name}`, assessmentId: id, createdAt: NOW, expiresAt: new Date(NOW.getTime() + 86_400_000) });
  return token;
}

describeInBrowser('printable profile page in a real browser', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp({}, () => NOW), launchChromium()]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it.each([
    ['fr', 'digiter', 'ltr', 'Mon profil de compétences'],
    ['ar', 'camplus', 'rtl', undefined]
  ] as const)('%s (%s): renders %s, prints to PDF, and keeps a screenshot', async (lang, questionnaireId, dir, heading) => {
    const token = await completedAssessment(running, questionnaireId, lang, (i) => ((i % 4) + 1) as AnswerValue);
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) errors.push(msg.text());
    });
    const response = await page.goto(`${running.url}/profile/${token}`);
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute('html', 'dir')).toBe(dir);
    expect(await page.getAttribute('html', 'lang')).toBe(lang);
    const h1 = (await page.textContent('h1')) ?? '';
    if (heading) expect(h1).toBe(heading);
    else expect(h1).toMatch(/[\u0600-\u06FF]/);
    // Right to left for real: the computed direction of the text, not only the attribute.
    const box = await page.locator('h1').boundingBox();
    const direction = await page.evaluate("getComputedStyle(document.querySelector('h1')).direction");
    expect(direction).toBe(dir);
    expect(box).not.toBeNull();
    // Every answered item is listed with its level.
    const rows = await page.locator('table').nth(1).locator('tr').count();
    expect(rows).toBe(running.app.content.questionnaires.questionnaires[questionnaireId].items.length);

    await page.screenshot({ path: path.join(ARTIFACTS, `profile-${lang}.png`), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.actions').isVisible()).toBe(false); // buttons are not printed
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(ARTIFACTS, `profile-${lang}.pdf`), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);

    // The print button prints (through the page's script: the page has no inline handler).
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate('window.__printed = 0; window.print = () => { window.__printed += 1; };');
    await page.click('[data-action="print"]');
    expect(await page.evaluate('window.__printed')).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['fr', 'digiter'],
    ['ar', 'camplus']
  ] as const)('%s (%s) on a 390 px phone: fits without scrolling sideways, strict CSP, no serious accessibility problem, an icon', async (lang, questionnaireId) => {
    const token = await completedAssessment(running, questionnaireId, lang, (i) => ((i % 4) + 1) as AnswerValue, `${lang}-phone`);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) errors.push(msg.text());
    });
    const iconRequests: number[] = [];
    page.on('response', (response) => {
      if (/favicon/.test(response.url())) iconRequests.push(response.status());
    });
    try {
      const response = await page.goto(`${running.url}/profile/${token}`);
      expect(response?.status()).toBe(200);
      // Styles by hash, never 'unsafe-inline' (the level bars' widths are classes, not style attributes).
      const csp = response!.headers()['content-security-policy'] ?? '';
      expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).not.toMatch(/unsafe-inline/);
      expect(await page.locator('[style]').count()).toBe(0);

      await page.screenshot({ path: path.join(ARTIFACTS, `profile-phone-${lang}.png`), fullPage: true });
      const fit = (await page.evaluate(`({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        offScreen: Array.from(document.querySelectorAll('main *')).filter((e) => {
          const r = e.getBoundingClientRect();
          return r.width > 0 && (r.left < -0.5 || r.right > window.innerWidth + 0.5);
        }).map((e) => e.tagName + '.' + e.className + ': ' + (e.textContent || '').slice(0, 30))
      })`)) as { scrollWidth: number; innerWidth: number; offScreen: string[] };
      expect(fit).toEqual({ scrollWidth: 390, innerWidth: 390, offScreen: [] });
      // The level column is there (and, above, on the screen).
      expect(await page.locator('td.level').count()).toBeGreaterThan(0);

      expect(await seriousAxeViolations(page)).toEqual([]);

      // The icon the page names is served, and so is /favicon.ico, which browsers ask for anyway.
      const icon = (await page.evaluate(`document.querySelector('link[rel="icon"]')?.getAttribute('href') ?? null`)) as string | null;
      expect(icon).toMatch(/^\/assets\/favicon\.[0-9a-f]{16}\.svg$/);
      expect((await page.request.get(`${running.url}${icon}`)).status()).toBe(200);
      const ico = await page.request.get(`${running.url}/favicon.ico`);
      expect([ico.status(), ico.headers()['content-type']]).toEqual([200, 'image/x-icon']);
      expect(iconRequests.filter((status) => status !== 200)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
