import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { scoreAssessment, type AnswerValue, type QuestionnaireId } from '../../src/domain';
import { hashProfileLinkToken } from '../../src/storage';
import { ARTIFACTS, describeInBrowser, launchChromium } from '../support/browser';
import { startApp, type RunningApp } from '../support/testApp';

/**
 * The printable skills profile in a real browser (Debian's Chromium via playwright-core):
 * rendered in French and in Arabic (right to left), kept as PNG screenshots and printed to PDF.
 */
const NOW = new Date('2026-11-29T10:00:00Z');

/** Stores a completed assessment and a link to it, as the assessment dialog does; returns the link's token. */
async function completedAssessment(running: RunningApp, questionnaireId: QuestionnaireId, language: string, answerOf: (i: number) => AnswerValue): Promise<string> {
  const { storage, content } = running.app;
  const questionnaire = content.questionnaires.questionnaires[questionnaireId];
  const answers = Object.fromEntries(questionnaire.items.map((item, i) => [item.id, answerOf(i)]));
  const profile = scoreAssessment(answers, questionnaire, content.questionnaires.rules);
  const id = `assessment-${language}`;
  await storage.assessments.save({
    id,
    userKey: `user-${language}`,
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
  await storage.profileLinks.create({ tokenHash: hashProfileLinkToken(token), userKey: `user-${language}`, assessmentId: id, createdAt: NOW, expiresAt: new Date(NOW.getTime() + 86_400_000) });
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
});
