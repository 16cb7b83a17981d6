import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { warmUp } from '../../../src/understanding';
import { seriousAxeViolations } from '../../support/axe';
import { ARTIFACTS, describeInBrowser, launchChromium } from '../../support/browser';
import { startApp, type RunningApp } from '../../support/testApp';

/**
 * The web chat page on a phone (390 × 844, touch), as people mostly arrive: in French, Arabic,
 * Farsi and Tigrinya, the language chosen *in the chat*, the page following it (direction, its
 * own texts, the picker, Web Chat's texts), then the first skills-test question, whose answers
 * must be readable whole and big enough to tap. Screenshots in test-artifacts/webchat-phone-*.png.
 */
const LOCALES_DIR = path.resolve(__dirname, '..', '..', '..', 'locales');
const PHONE = { width: 390, height: 844 };
/** The page's `document`, typed for the functions evaluated in it (the tests have no DOM library). */
interface Document {
  documentElement: { lang: string };
}

/** The smallest tap target a finger can hit reliably (WCAG 2.5.5, Apple and Google guidelines). */
const MIN_TARGET = 44;
/** Languages whose timestamps must contain no Latin letter (no "PM", no "December"). */
const NON_LATIN = ['ar', 'fa', 'ti'];

function readJson(lang: string, ns: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, `${ns}.json`), 'utf8')) as Record<string, unknown>;
}

/** A text of `locales/<lang>/<ns>.json` by dotted key (a missing one says so, and fails the comparison). */
function text(lang: string, ns: string, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], readJson(lang, ns));
  return typeof value === 'string' ? value : `(no text ${key} in locales/${lang}/${ns}.json)`;
}

const LANGUAGE_NAMES = (JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, 'languages.json'), 'utf8')) as { languages: Record<string, { name: string }> }).languages;

/** What the page measures of each suggested action. */
interface ButtonMeasure {
  label: string;
  height: number;
  /** The label's box is no wider or taller than what it shows (no ellipsis, no clipped line). */
  labelFits: boolean;
  /** The label's box lies inside the button, and the button inside the screen. */
  labelInside: boolean;
  onScreen: boolean;
}

const MEASURE_BUTTONS = `Array.from(document.querySelectorAll('#webchat .webchat__suggested-actions .webchat__suggested-action')).map((button) => {
  const label = button.querySelector('.webchat__suggested-action__text');
  const b = button.getBoundingClientRect();
  const l = label.getBoundingClientRect();
  return {
    label: label.textContent,
    height: b.height,
    labelFits: label.scrollWidth <= label.clientWidth && label.scrollHeight <= label.clientHeight,
    labelInside: l.left >= b.left - 0.5 && l.right <= b.right + 0.5 && l.top >= b.top - 0.5 && l.bottom <= b.bottom + 0.5,
    onScreen: b.left >= 0 && b.right <= window.innerWidth
  };
})`;

/** The other things a finger taps: the language picker, the send box and its button. */
const MEASURE_TARGETS = `({
  picker: document.getElementById('language').getBoundingClientRect().height,
  sendBox: document.querySelector('#webchat .webchat__send-box-text-box').getBoundingClientRect().height,
  sendButton: document.querySelector('#webchat .webchat__send-button').getBoundingClientRect().height
})`;

/** What the page shows of its language. */
const PAGE_LANGUAGE = `({
  lang: document.documentElement.lang,
  dir: document.documentElement.dir,
  title: document.title,
  picker: document.getElementById('language').value,
  label: document.querySelector('label[for="language"]').textContent,
  placeholder: document.querySelector('#webchat .webchat__send-box textarea, #webchat .webchat__send-box input[type="text"]').placeholder,
  send: document.querySelector('#webchat .webchat__send-button').getAttribute('title') || document.querySelector('#webchat .webchat__send-button').getAttribute('aria-label'),
  transcript: document.querySelector('#webchat .webchat__basic-transcript').getAttribute('aria-label'),
  webChatRtl: !!document.querySelector('#webchat [dir="rtl"]'),
  statuses: Array.from(document.querySelectorAll('#webchat .webchat__activity-status')).map((s) => s.textContent)
})`;

describeInBrowser('web chat on a phone, the language chosen in the chat', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    [running, browser] = await Promise.all([startApp(), launchChromium(), warmUp(['fr', 'ar']).then(() => undefined)]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  /** Taps the suggested action `label` once it is shown. */
  async function tap(page: Page, label: string): Promise<void> {
    const button = page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: label, exact: true });
    await button.waitFor();
    await button.click();
  }

  it.each([
    ['fr', 'en-US', 'ltr'],
    ['ar', 'fr-FR', 'rtl'],
    ['fa', 'fr-FR', 'rtl'],
    ['ti', 'fr-FR', 'ltr']
  ] as const)('%s chosen in the chat (page opened in %s): the page follows, answers are whole and tappable', async (lang, browserLocale, dir) => {
    const context = await browser.newContext({ locale: browserLocale, viewport: PHONE, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
    });
    try {
      await page.goto(`${running.url}/`);
      await tap(page, LANGUAGE_NAMES[lang]!.name);

      // The page follows the language chosen in the chat: direction, its texts, the picker, Web Chat's texts.
      // A function, not a string: the page's CSP (no 'unsafe-eval') refuses predicates given as strings.
      const switched = await page
        .waitForFunction((expected) => (globalThis as unknown as { document: Document }).document.documentElement.lang === expected, lang, { timeout: 10_000 })
        .then(
          () => true,
          () => false
        );
      const shown = (await page.evaluate(PAGE_LANGUAGE)) as Record<string, unknown>;
      const webChat = (key: string) => text(lang, 'webchat', `webChat.${key}`);
      const statuses = shown.statuses as string[];
      const justNow = webChat('ACTIVITY_STATUS_TIMESTAMP_JUST_NOW');
      const sentAt = webChat('ACTIVITY_STATUS_SEND_STATUS_ALT_SENT_AT').split('$1')[0]!.trim();
      expect({
        switched,
        ...shown,
        // "Just now" and "Sent at 14 December at 21:05" (for screen readers), nothing left in English.
        statuses: statuses.some((s) => s.includes(justNow)) && statuses.some((s) => s.includes(sentAt)),
        latinLetters: NON_LATIN.includes(lang) ? statuses.filter((s) => /[A-Za-z]/.test(s)) : []
      }).toEqual({
        switched: true,
        lang,
        dir,
        title: text(lang, 'webchat', 'title'),
        picker: lang,
        label: text(lang, 'webchat', 'language'),
        placeholder: webChat('TEXT_INPUT_PLACEHOLDER'),
        send: webChat('TEXT_INPUT_SEND_BUTTON_ALT'),
        transcript: webChat('TRANSCRIPT_ARIA_LABEL_ALT'),
        webChatRtl: dir === 'rtl',
        statuses: true,
        latinLetters: []
      });

      // On to the first skills-test question, in that language.
      await tap(page, text(lang, 'common', 'yes'));
      await tap(page, text(lang, 'menu', 'item.assessment'));
      await tap(page, text(lang, 'assessment', 'questionnaire.digiter'));
      const first = running.app.content.questionnaires.questionnaires.digiter.items[0]!.id;
      const answers = [1, 2, 3, 4].map((level) => text(lang, 'assessment', `item.${first}.level.${level}`));
      await page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: answers[3]!, exact: true }).waitFor();
      await page.waitForTimeout(300); // let the transcript finish scrolling before the screenshot
      await page.screenshot({ path: path.join(ARTIFACTS, `webchat-phone-${lang}.png`) });

      // Every answer shown whole (wrapped, never cut), inside the screen, and at least 44 px high.
      const buttons = (await page.evaluate(MEASURE_BUTTONS)) as ButtonMeasure[];
      expect(buttons.map((b) => b.label)).toEqual(expect.arrayContaining(answers));
      const bad = buttons
        .filter((b) => b.height < MIN_TARGET || !b.labelFits || !b.labelInside || !b.onScreen)
        .map((b) => `${b.label}: ${Math.round(b.height)} px high${b.labelFits ? '' : ', cut'}${b.labelInside ? '' : ', outside its button'}${b.onScreen ? '' : ', off screen'}`);
      expect(bad).toEqual([]);
      const targets = (await page.evaluate(MEASURE_TARGETS)) as Record<string, number>;
      expect(Object.entries(targets).filter(([, height]) => height < MIN_TARGET)).toEqual([]);
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);

      // Nothing serious for assistive technologies (axe-core, WCAG 2.2 AA).
      expect(await seriousAxeViolations(page)).toEqual([]);

      // The language is remembered: the next visit opens in it.
      await page.reload();
      expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual([lang, dir]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('keeps a language picked in the header while the bot goes on in the one chosen in the chat; Arabic answers in a French page are whole and right to left', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: PHONE, deviceScaleFactor: 1, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const waitForLang = (expected: string) =>
      page.waitForFunction((code) => (globalThis as unknown as { document: Document }).document.documentElement.lang === code, expected, { timeout: 10_000 });
    try {
      await page.goto(`${running.url}/`);
      await tap(page, LANGUAGE_NAMES.ar!.name);
      await waitForLang('ar');
      // The person then picks French in the header; the bot keeps the Arabic chosen in the chat.
      await page.selectOption('#language', 'fr');
      await waitForLang('fr');
      await tap(page, text('ar', 'common', 'yes'));
      await tap(page, text('ar', 'menu', 'item.assessment'));
      await tap(page, text('ar', 'assessment', 'questionnaire.digiter'));
      const first = running.app.content.questionnaires.questionnaires.digiter.items[0]!.id;
      const answers = [1, 2, 3, 4].map((level) => text('ar', 'assessment', `item.${first}.level.${level}`));
      await page.locator('#webchat .webchat__suggested-actions').getByRole('button', { name: answers[3]!, exact: true }).waitFor();
      expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['fr', 'ltr']);
      await page.screenshot({ path: path.join(ARTIFACTS, 'webchat-phone-ar-answers-in-fr-page.png') });

      const buttons = (await page.evaluate(MEASURE_BUTTONS)) as ButtonMeasure[];
      expect(buttons.filter((b) => answers.includes(b.label)).filter((b) => !b.labelFits || !b.labelInside || !b.onScreen || b.height < MIN_TARGET)).toEqual([]);
      // Each Arabic answer reads right to left: its final full stop ends the line on the left, not on the right.
      const fullStops = (await page.evaluate(`Array.from(document.querySelectorAll('#webchat .webchat__suggested-action__text')).filter((label) => /[\\u0600-\\u06FF]\\.$/.test(label.textContent)).map((label) => {
        const node = label.firstChild;
        const at = (i) => { const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1); return range.getBoundingClientRect(); };
        const length = node.textContent.length;
        return { label: label.textContent, leftOfLastLetter: at(length - 1).right <= at(length - 2).left + 1 };
      })`)) as { label: string; leftOfLastLetter: boolean }[];
      expect(fullStops.map((f) => f.label).sort()).toEqual(answers.filter((a) => a.endsWith('.')).sort());
      expect(fullStops.filter((f) => !f.leftOfLastLetter)).toEqual([]);
      // The bot's Arabic paragraphs too are laid out right to left in the French page, the French ones left to right.
      const directions = (await page.evaluate(`Array.from(document.querySelectorAll('#webchat .webchat__render-markdown p')).map((p) => [/[\\u0600-\\u06FF]/.test(p.textContent) ? 'ar' : 'other', getComputedStyle(p).direction])`)) as [string, string][];
      expect(new Set(directions.map(([script, direction]) => `${script}: ${direction}`))).toEqual(new Set(['ar: rtl', 'other: ltr']));
    } finally {
      await context.close();
    }
  }, 60_000);
});
