import { createHash, randomBytes } from 'node:crypto';
import type { TrustedCss } from './trustedMarkup';

/** A fresh nonce for one response's Content-Security-Policy (128 random bits, base64). */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** A Content-Security-Policy header value from its directives, in order: `name source source; …`. */
export function formatCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
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
