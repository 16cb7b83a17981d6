import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core (which downloads no browser of its own). */
export const CHROMIUM = '/usr/bin/chromium';

/** Screenshots and PDFs the browser tests keep (gitignored). */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

/** Flags for a root, offline, headless machine (no sandbox, no background network). */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/**
 * `describe(name, tests)` when Chromium is installed; otherwise says plainly why the browser
 * tests did not run, and counts one passing test whose name says so (never a silent skip).
 */
export function describeInBrowser(name: string, tests: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, tests);
    return;
  }
  console.warn(`Browser tests "${name}" did not run: ${CHROMIUM} is absent. Install it with: apt-get update && apt-get install -y chromium`);
  describe(name, () => {
    it(`did not run: ${CHROMIUM} is absent (apt-get install -y chromium)`, () => {
      expect(fs.existsSync(CHROMIUM)).toBe(false);
    });
  });
}
