import fs from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core's browser build (a devDependency), read once. */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** A rule a page may break for a reason outside our markup: the rule, the element, and why. */
export interface AxeExclusion {
  rule: string;
  /** A CSS selector matched against each failing element's own selector as axe reports it. */
  target: RegExp;
  reason: string;
}

interface AxeNode {
  target: string[];
  failureSummary?: string;
}

interface AxeResult {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA, best practices) on the page and returns its serious and
 * critical violations, one line per failing element (`rule (impact) target: help`), minus the
 * `exclusions`. The script is evaluated through the DevTools protocol, which the pages' strict
 * CSP (`script-src 'self'`, no inline script) does not govern, so the page is tested with its
 * real policy.
 */
export async function seriousAxeViolations(page: Page, exclusions: readonly AxeExclusion[] = []): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] }).then((r) => r.violations)`
  )) as AxeResult[];
  const lines: string[] = [];
  for (const violation of results) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    for (const node of violation.nodes) {
      const target = node.target.join(' ');
      if (exclusions.some((e) => e.rule === violation.id && e.target.test(target))) continue;
      lines.push(`${violation.id} (${violation.impact}) ${target}: ${violation.help}`);
    }
  }
  return lines;
}
