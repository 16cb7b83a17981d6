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
    // Short enough for a URL path segment (routers cap them at 100 characters): the expiry in
    // seconds (4 bytes), then the key.
    const plain = Buffer.alloc(4 + Buffer.byteLength(userKey));
    plain.writeUInt32BE(Math.ceil(expiresAt.getTime() / 1000), 0);
    plain.write(userKey, 4, 'utf8');
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The person's key when the token is genuine and not expired at `now`, else undefined. */
  open(token: string, now: Date): UserKey | undefined {
    if (!/^[A-Za-z0-9_-]{40,100}$/.test(token)) return undefined;
    const raw = Buffer.from(token, 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
      if (plain.length <= 4 || now.getTime() >= plain.readUInt32BE(0) * 1000) return undefined;
      return plain.subarray(4).toString('utf8');
    } catch {
      return undefined;
    }
  }
}
