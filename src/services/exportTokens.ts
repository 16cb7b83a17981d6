import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { UserKey } from '../domain';

/**
 * Links to a person's data export: the token is the person's key and the link's expiry sealed
 * with AES-256-GCM under a key derived from the server's secret. Nobody can make or alter one
 * without the secret (unguessable), it stops working at its expiry, and nothing is stored: once
 * the person is erased, a link still valid opens an empty export.
 */
export class ExportTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'passerelle', 'data-export-link', 32));
  }

  /** A token for `userKey` that works until `expiresAt`. */
  seal(userKey: UserKey, expiresAt: Date): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify({ u: userKey, e: expiresAt.getTime() }), 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The person's key when the token is genuine and not expired at `now`, else undefined. */
  open(token: string, now: Date): UserKey | undefined {
    if (!/^[A-Za-z0-9_-]{40,400}$/.test(token)) return undefined;
    const raw = Buffer.from(token, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const text = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      const { u, e } = JSON.parse(text) as { u?: unknown; e?: unknown };
      if (typeof u !== 'string' || typeof e !== 'number' || now.getTime() >= e) return undefined;
      return u;
    } catch {
      return undefined;
    }
  }
}
