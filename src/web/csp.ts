import { randomBytes } from 'node:crypto';

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
