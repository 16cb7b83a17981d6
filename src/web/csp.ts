import { createHash, randomBytes } from 'node:crypto';
import type { TrustedCss } from './trustedMarkup';

/** A fresh nonce for one response's Content-Security-Policy (128 random bits, base64). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * A Content-Security-Policy header value from its directives, in order: `name source source; …`.
 * Every policy forbids framing (`frame-ancestors 'none'`, added when the directives omit it):
 * no page of this server may be shown inside another site's frame.
 */
export function formatCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  const withFraming = 'frame-ancestors' in directives ? directives : { ...directives, 'frame-ancestors': ["'none'"] };
  return Object.entries(withFraming)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/**
 * The CSP source allowing exactly this inline stylesheet (`'sha256-…'` of its text), for a page
 * whose only inline style is a constant one: no nonce to thread through, no `'unsafe-inline'`.
 */
export function styleHash(css: TrustedCss): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}
