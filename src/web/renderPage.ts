import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/**
 * A whole HTML document from a page element (a `Layout`): `<!doctype html>` and the markup,
 * in which Preact has escaped every text and attribute value.
 */
export function renderPage(page: VNode): string {
  return `<!doctype html>\n${renderToString(page)}`;
}
