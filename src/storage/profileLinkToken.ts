import { createHash } from 'node:crypto';

const TOKEN_HASH = /^[0-9a-f]{64}$/;

/**
 * The `tokenHash` under which a profile link is stored: SHA-256 of the token, as 64 lowercase
 * hex digits. The token (in the link given to the user) is never stored.
 */
export function hashProfileLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Refuses to store anything but a SHA-256 hex digest, so that a raw token passed by mistake
 * never reaches the database.
 */
export function checkTokenHash(tokenHash: unknown): void {
  if (typeof tokenHash !== 'string' || !TOKEN_HASH.test(tokenHash)) {
    throw new TypeError('profileLinks: tokenHash must be the SHA-256 of the token as 64 lowercase hex digits.');
  }
}

/** Refuses an invalid `now` or date, which no comparison could answer. */
export function checkDate(what: string, value: unknown): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new TypeError(`profileLinks: ${what} must be a valid Date.`);
  }
}
