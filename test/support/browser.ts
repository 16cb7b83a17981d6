import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/**
 * The Chromium the browser tests drive through playwright-core (which downloads no browser of its
 * own): Debian's, unless `CHROMIUM_PATH` names another.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const INSTALL = 'apt-get update && apt-get install -y chromium';

/** Screenshots and PDFs the browser tests keep (gitignored). */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

/** Flags for a root, offline, headless machine (no sandbox, no background network). */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

const IN_CI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

/**
 * `describe(name, tests)` when Chromium is installed. Without it, the tests show as skipped with
 * the reason in the suite's name; in CI (`CI=true`), where the browser tests must run, one
 * failing test says how to install it instead.
 */
export function describeInBrowser(name: string, tests: () => void): void {
  if (fs.existsSync(CHROMIUM)) {
    describe(name, tests);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      it(`needs Chromium at ${CHROMIUM} in CI`, () => {
        throw new Error(`${CHROMIUM} is absent, and CI=true requires the browser tests to run. Install it with: ${INSTALL}`);
      });
    });
    return;
  }
  describe.skip(`${name} — skipped: no Chromium at ${CHROMIUM} (${INSTALL})`, tests);
}
