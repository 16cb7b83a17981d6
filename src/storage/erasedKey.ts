import { randomUUID } from 'node:crypto';

/** What replaces a person's key in the records an audit keeps once they are erased. */
export const ERASED_PREFIX = 'erased:';

/** A random key for one erased person's audit records: tied to nobody, and to no other erasure. */
export function erasedKey(): string {
  return `${ERASED_PREFIX}${randomUUID()}`;
}
