import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { FUNNEL_STAGES, type FunnelStage, type UserKey } from '../../src/domain';
import { formatMonth } from '../../src/i18n';
import { seriousAxeViolations } from '../support/axe';
import { ARTIFACTS, describeInBrowser, launchChromium } from '../support/browser';
import { compareWithDirect, directCounts, directSource, seedReportingData } from '../support/reportingSeed';
import { startApp, type RunningApp } from '../support/testApp';
import en from '../../locales/en/consoleReports.json';

/**
 * The reporting page in Chromium: signed in as a caseworker through the sign-in form, the
 * seeded funnel by month; every number of its table equals the count computed directly from the
 * stored data ("<5" below 5); the charts are drawn by Chart.js served from this server; axe-core
 * finds no serious or critical violation; it can be used with the keyboard alone; on a phone
 * (390 px) nothing but the tables' own scroll areas is wider than the screen. Screenshots in
 * test-artifacts/console-reports-*.png.
 */
const PASSWORD = 'correct horse battery staple';
const PHONE = { width: 390, height: 844 };

/** The breakdown table as the page shows it: column headings, and each row's heading and cells. */
const READ_TABLE = `(() => {
  const table = document.querySelectorAll('table.report')[1];
  const heads = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim());
  const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) => ({
    head: tr.querySelector('th').textContent.trim(),
    cells: Array.from(tr.querySelectorAll('td')).map((td) => td.textContent.trim())
  }));
  return { heads, rows };
})()`;

describeInBrowser('the reporting page in Chromium', () => {
  let running: RunningApp;
  let browser: Browser;
  let people: UserKey[];

  beforeAll(async () => {
    running = await startApp({ OUTBOX_POLL_MS: '60000' });
    people = await seedReportingData(running.app.storage);
    // A delivery problem, for the administrators' page.
    const { storage } = running.app;
    await storage.outbox.enqueue([{ id: 'dead-1', kind: 'partner.webhook', aggregateId: 'referral-7', payload: { event: 'submitted', partnerId: 'be-training', body: { age: 22 } }, createdAt: new Date() }]);
    await storage.outbox.claim('test', new Date(Date.now() + 1000), 60_000, 1);
    await storage.outbox.fail('dead-1', 'test', { error: 'webhook answered 503 Service Unavailable', at: new Date(), retryAt: null });
    await running.app.accounts.create({ email: 'case@example.org', role: 'caseworker', password: PASSWORD });
    await running.app.accounts.create({ email: 'admin@example.org', role: 'admin', password: PASSWORD });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${running.url}/console/sign-in?lang=en`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.press('input[name=password]', 'Enter')]);
  }

  it('shows the seeded numbers, "<5" below 5, with its charts drawn; axe finds nothing serious', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, 'case@example.org');
    await page.goto(`${running.url}/console/reports?by=month`);
    await page.waitForFunction('window.Chart && Chart.getChart(document.querySelector("canvas[data-chart=chart-breakdown]"))');
    const drawn = await page.evaluate(`['chart-totals', 'chart-breakdown'].map((id) => Chart.getChart(document.querySelector('canvas[data-chart=' + id + ']')).data.datasets.length)`);
    expect(drawn).toEqual([1, 8]);

    const table = (await page.evaluate(READ_TABLE)) as { heads: string[]; rows: { head: string; cells: string[] }[] };
    const stageOf = new Map(FUNNEL_STAGES.map((stage) => [en.reports.stage[stage], stage]));
    const columns = table.heads.slice(1).map((head) => stageOf.get(head));
    const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
    const groupOf = new Map([...months.map((m) => [formatMonth(m, 'en'), m] as const), [en.reports.total, 'total']]);
    expect(table.rows.map((r) => groupOf.get(r.head))).toEqual([...months, 'total']);

    const { steps, starts } = await directSource(running.app.storage, people);
    const shown = (group: string, stage: FunnelStage) => {
      const row = table.rows.find((r) => groupOf.get(r.head) === group)!;
      const j = columns.indexOf(stage);
      if (j < 0) return { kind: 'na' as const };
      const text = row.cells[j]!;
      if (text === en.reports.cell.small) return { kind: 'small' as const };
      if (text === en.reports.cell.hidden) return { kind: 'hidden' as const };
      return { kind: 'count' as const, value: Number(text.replace(/\D/g, '')) };
    };
    const { mismatches, seen } = compareWithDirect({ query: { by: 'month' }, stages: FUNNEL_STAGES, rows: months.map((group) => ({ group })) }, directCounts(steps, { by: 'month' }, starts), shown);
    expect(mismatches).toEqual([]);
    expect(seen.count).toBeGreaterThan(10);
    expect(seen.small).toBeGreaterThan(0);

    await page.screenshot({ path: path.join(ARTIFACTS, 'console-reports-month.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);

  it('works with the keyboard alone: choose a breakdown, show it, reach the download link', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'case@example.org');
    await page.goto(`${running.url}/console/reports`);
    await page.focus('select[name=by]');
    // "Language" is the option just before "Month" (the default).
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe(en.reports.show);
    await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
    expect(new URL(page.url()).searchParams.get('by')).toBe('language');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.className')).toBe('skip');
    const reachable = (await page.evaluate(`(() => {
      const tabbable = Array.from(document.querySelectorAll('a[href], button, select, input, [tabindex="0"]'));
      return tabbable.map((el) => el.getAttribute('href') || el.getAttribute('name') || el.tagName.toLowerCase());
    })()`)) as string[];
    expect(reachable).toContain('/console/reports.csv?by=language');
    await page.close();
  });

  it('is readable on a phone (390 px): only the tables scroll sideways; axe finds nothing serious', async () => {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await signIn(page, 'admin@example.org');
    for (const [name, url] of [
      ['reports', '/console/reports?by=country'],
      ['walk-in', '/console/walk-in'],
      ['dead-letters', '/console/dead-letters']
    ] as const) {
      await page.goto(`${running.url}${url}`);
      if (name === 'dead-letters') expect(await page.textContent('ul.dead-letters')).toContain('503 Service Unavailable');
      if (name === 'reports') await page.waitForFunction('window.Chart && Chart.getChart(document.querySelector("canvas[data-chart=chart-breakdown]"))');
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect({ name, width }).toEqual({ name, width: PHONE.width });
      await page.screenshot({ path: path.join(ARTIFACTS, `console-${name}-phone.png`), fullPage: true });
      expect({ name, violations: await seriousAxeViolations(page) }).toEqual({ name, violations: [] });
    }
    await context.close();
  }, 120_000);

  it('the walk-in form shows its errors and its result; axe finds nothing serious in either', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await signIn(page, 'case@example.org');
    await page.goto(`${running.url}/console/walk-in`);
    await page.fill('input[name=age]', 'vingt');
    await Promise.all([page.waitForNavigation(), page.click('form.walk-in button[type=submit]')]);
    expect(await page.textContent('[role=alert]')).toContain(en.walkIn.error.age);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.fill('input[name=age]', '22');
    await page.selectOption('select[name=country]', 'PT');
    await page.selectOption('select[name=situation]', 'none');
    await page.selectOption('select[name=qualification]', 'none');
    await Promise.all([page.waitForNavigation(), page.click('form.walk-in button[type=submit]')]);
    expect(await page.textContent('.walk-in-result')).toContain('DIGI@TER');
    await page.screenshot({ path: path.join(ARTIFACTS, 'console-walk-in-result.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  }, 60_000);
});
