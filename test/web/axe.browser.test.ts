import type { Browser } from 'playwright-core';
import { seriousAxeViolations } from '../support/axe';
import { describeInBrowser, launchChromium } from '../support/browser';

/**
 * The accessibility checks of the browser tests can fail: axe-core, run as they run it, reports
 * serious and critical problems (and only those), and an exclusion removes exactly its rule and
 * element.
 */
describeInBrowser('axe-core as the browser tests run it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  const PAGE = `<!doctype html><html lang="en"><head><title>t</title></head><body><main>
    <h1>Title</h1>
    <button id="nameless"></button>
    <img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
    <p style="color:#777;background:#888">Hard to read</p>
  </main></body></html>`;

  it('reports serious and critical problems, one line per element, and honours exclusions', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(PAGE);
      const found = await seriousAxeViolations(page);
      expect(found).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^button-name \(critical\) #nameless: /),
          expect.stringMatching(/^image-alt \(critical\) #no-alt: /),
          expect.stringMatching(/^color-contrast \(serious\) p: /)
        ])
      );
      const excluded = await seriousAxeViolations(page, [{ rule: 'button-name', target: /^#nameless$/, reason: 'test' }]);
      expect(excluded.filter((line) => line.startsWith('button-name'))).toEqual([]);
      expect(excluded.length).toBe(found.length - 1);
    } finally {
      await page.close();
    }
  });
});
