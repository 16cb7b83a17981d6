import { createHmac } from 'node:crypto';

/**
 * A stable, non-reversible key for a channel identifier (user or conversation id), so that
 * storage keys, records and logs never carry the raw id (which can be a phone number).
 */
export function pseudonymize(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join('\u0000')).digest('base64url').slice(0, 32);
}
