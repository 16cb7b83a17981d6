import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { scoreAssessment } from '../../src/domain';
import { seriousAxeViolations } from '../support/axe';
import { ARTIFACTS, describeInBrowser, launchChromium } from '../support/browser';
import { ChatDriver } from '../support/chatDriver';
import { ACCOUNTS, CONSOLE_PASSWORD, createConsoleAccounts, seedReferral } from '../support/consoleSeed';
import { FakeConnector, visibleText } from '../support/fakeConnector';
import { startApp, type RunningApp } from '../support/testApp';

/**
 * The console in Debian's Chromium: a caseworker signs in, filters the queue, opens a referral a
 * French person made in the chat, reviews it, asks them a question (answered in the chat with
 * hostile text, shown inert), routes it; the partner signs in in German and accepts; the person
 * is told in French at the Connector. axe-core on the queue and the detail page. Screenshots in
 * test-artifacts/console-*.png.
 */

const HOSTILE_ANSWER = [
  '"><img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  'محمد عبد الله الأحمد',
  'x'.repeat(600)
].join(' ');

const shot = async (page: Page, name: string): Promise<string> => {
  const file = path.join(ARTIFACTS, `console-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

describeInBrowser('the console in a real browser', () => {
  let running: RunningApp;
  let connector: FakeConnector;
  let browser: Browser;
  const kept: string[] = [];

  beforeAll(async () => {
    connector = await FakeConnector.start();
    [running, browser] = await Promise.all([startApp({ OUTBOX_POLL_MS: '50', OUTBOX_RETRY_BASE_MS: '50' }), launchChromium()]);
    await createConsoleAccounts(running.app);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await connector?.close();
    if (kept.length) process.stdout.write(`console screenshots:\n${kept.map((f) => `  ${f}`).join('\n')}\n`);
  });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${running.url}/console`);
    await page.fill('#email', email);
    await page.fill('#password', CONSOLE_PASSWORD);
    await Promise.all([page.waitForURL(/\/console\/referrals/), page.click('form[action="/console/sign-in"] button[type=submit]')]);
  }

  it('caseworker filters, opens, asks, routes; partner accepts in German; the person is told in French; hostile text stays inert', async () => {
    // A French person asks to be put in touch; their eligibility needs an adviser: the referral waits.
    const chat = new ChatDriver(running.url, connector, 'conv-console', { locale: 'fr-FR', userId: 'user-console' });
    await chat.start();
    for (const say of ['français', 'oui', 'Savoir si je peux participer', '22', 'France', 'rien', 'je ne sais pas', 'Lille', 'non', 'oui', 'Oui, celui-ci', 'oui']) await chat.say(say);
    const sent = chat.lastTexts().join('\n');
    expect(sent).toMatch(/Un conseiller va d'abord regarder votre demande/);
    const reference = /\*\*([2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4})\*\*/.exec(sent)![1]!;
    const other = await seedReferral(running.app, 'B');
    const profile = scoreAssessment(
      Object.fromEntries(running.app.content.questionnaires.questionnaires.digiter.items.map((item, i) => [item.id, ((i % 4) + 1) as 1 | 2 | 3 | 4])),
      running.app.content.questionnaires.questionnaires.digiter,
      running.app.content.questionnaires.rules
    );
    const withChart = await seedReferral(running.app, 'H', 'Roubaix', profile);

    const caseworker = await browser.newContext({ locale: 'en-GB', viewport: { width: 1100, height: 900 } });
    const page = await caseworker.newPage();
    await signIn(page, ACCOUNTS.caseworker.email);
    expect(await page.evaluate(() => document.cookie)).not.toMatch(/passerelle-console=/); // HttpOnly
    await page.selectOption('select[name=status]', 'submitted');
    await page.selectOption('select[name=country]', 'FR');
    await Promise.all([page.waitForURL(/status=submitted/), page.click('form.filters button[type=submit]')]);
    const rows = await page.locator('table tbody tr').allInnerTexts();
    expect(rows.join('\n')).toContain(reference);
    expect(rows.join('\n')).not.toContain(other.reference);
    expect(await page.locator('.counts').innerText()).toMatch(/Submitted: 2/);
    kept.push(await shot(page, 'queue-caseworker'));
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The referral with a skills profile shows its chart, drawn by Chart.js from the npm package.
    await page.goto(`${running.url}/console/referrals/${withChart.id}`);
    await page.waitForFunction(() => {
      const canvas = document.querySelector('canvas[data-chart]');
      return canvas !== null && (window as unknown as { Chart?: { getChart(c: Element): unknown } }).Chart?.getChart(canvas) !== undefined;
    });
    kept.push(await shot(page, 'detail-chart'));
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${running.url}/console/referrals?status=submitted&country=FR`);
    await Promise.all([page.waitForURL(/\/console\/referrals\/[^?]+$/), page.click(`text=${reference}`)]);
    expect(await page.locator('h1').innerText()).toContain(reference);
    expect(await page.locator('section[aria-labelledby=answers]').innerText()).toMatch(/Lille/);
    kept.push(await shot(page, 'detail-caseworker'));
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Review, then ask the person a question: it reaches them in the chat, in French.
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Start reviewing")')]);
    const before = connector.messagesFor('conv-console').length;
    await page.fill('#question', 'Avez-vous un CV ?');
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Ask the person for information")')]);
    await connector.waitFor(() => connector.messagesFor('conv-console').slice(before).some((m) => /Avez-vous un CV/.test(visibleText(m))), 10_000);
    expect(connector.messagesFor('conv-console').slice(before).map(visibleText).join('\n')).toMatch(/question sur votre demande/);
    await chat.say(HOSTILE_ANSWER);

    // The answer shows as text: no element, no script run; the Arabic name isolated (bdi dir=auto).
    await page.goto(page.url());
    const answer = page.locator('section[aria-labelledby=questions] bdi').nth(1);
    expect(await answer.getAttribute('dir')).toBe('auto');
    expect(await answer.innerText()).toContain('<script>window.__pwned=2</script>');
    expect(await answer.innerText()).toContain('محمد عبد الله الأحمد');
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    kept.push(await shot(page, 'detail-hostile-answer'));

    // Route it to the partner the person agreed to: they are told in French.
    const beforeRoute = connector.messagesFor('conv-console').length;
    await page.selectOption('#route-partner', 'fr-coordinator');
    await Promise.all([page.waitForLoadState('load'), page.click('button:has-text("Route to a partner")')]);
    expect(await page.locator('section[aria-labelledby=summary]').innerText()).toMatch(/Routed to a partner/);
    await connector.waitFor(() => connector.messagesFor('conv-console').length > beforeRoute, 10_000);
    expect(connector.messagesFor('conv-console').slice(beforeRoute).map(visibleText).join('\n')).toMatch(new RegExp(`Votre demande ${reference} a été envoyée à Maison Régionale de la Formation`));
    await Promise.all([page.waitForURL(/sign-in/), page.click('header button:has-text("Sign out")')]);
    await caseworker.close();

    // The partner, in German, sees it and accepts it.
    const partner = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
    const partnerPage = await partner.newPage();
    await signIn(partnerPage, ACCOUNTS.partnerA.email);
    expect(await partnerPage.getAttribute('html', 'lang')).toBe('de');
    expect(await partnerPage.locator('h1').innerText()).toBe('Vermittlungen');
    expect(await partnerPage.locator('table').innerText()).toContain(reference);
    expect(await partnerPage.locator('body').innerText()).not.toContain(other.reference);
    kept.push(await shot(partnerPage, 'queue-partner-de'));
    expect(await seriousAxeViolations(partnerPage)).toEqual([]);
    await Promise.all([partnerPage.waitForURL(/\/console\/referrals\/[^?]+$/), partnerPage.click(`text=${reference}`)]);
    const beforeAccept = connector.messagesFor('conv-console').length;
    await Promise.all([partnerPage.waitForLoadState('load'), partnerPage.click('button:has-text("Annehmen")')]);
    expect(await partnerPage.locator('section[aria-labelledby=summary]').innerText()).toMatch(/Angenommen/);
    // On a phone too, the long answer wraps inside the page (no sideways scrolling).
    expect(await partnerPage.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    kept.push(await shot(partnerPage, 'detail-partner-de'));
    expect(await seriousAxeViolations(partnerPage)).toEqual([]);
    await connector.waitFor(() => connector.messagesFor('conv-console').length > beforeAccept, 10_000);
    const told = connector.messagesFor('conv-console').slice(beforeAccept);
    expect(told.map(visibleText).join('\n')).toMatch(new RegExp(`Bonne nouvelle : Maison Régionale de la Formation \\(exemple\\) a accepté votre demande ${reference}`));
    expect(told[0]?.locale).toBe('fr');
    await partner.close();
  }, 120_000);
});
