import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CorruptStateError } from './errors';

/** One data key: its id (stored with each value it encrypts) and 32 bytes of key. */
export interface DataKey {
  id: string;
  key: Buffer;
}

const PREFIX = 'enc1:';
const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;

/**
 * The development data key, published in this repository: used when DATA_KEYS is not set
 * outside production (production refuses to start without DATA_KEYS, and refuses this key).
 */
export const DEVELOPMENT_DATA_KEYS = 'dev:cGFzc2VyZWxsZS1kZXZlbG9wbWVudC1kYXRhLWtleSE=';

/**
 * Parses `DATA_KEYS`: comma-separated `id:base64key`, each key 32 bytes (AES-256), the first
 * one current (new values are encrypted with it), the others only to read older values (key
 * rotation). Throws a `TypeError` saying what is wrong.
 */
export function parseDataKeys(text: string): DataKey[] {
  const keys = text.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part) => {
    const [id, encoded, ...rest] = part.split(':');
    if (!id || !KEY_ID.test(id) || !encoded || rest.length > 0) throw new TypeError('each key must be written id:base64key, the id made of letters, digits, _ or - (at most 16)');
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new TypeError(`the key "${id}" must be 32 bytes (44 base64 characters): generate one with node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`);
    return { id, key };
  });
  if (keys.length === 0) throw new TypeError('at least one key is needed');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new TypeError('two keys have the same id');
  return keys;
}

/**
 * Encryption at rest of the values that say most about a person (birth dates and other
 * answers, the details shared with partners, the messages that carry them, where a person is
 * reached, conversation state and transcripts): AES-256-GCM with a random 96-bit nonce; the
 * stored text is `enc1:<key id>:<base64url(nonce | tag | ciphertext)>`, so values written with
 * an older key are still read after the current key changes. A value stored before encryption
 * (no prefix) is read as it is.
 */
export class FieldCipher {
  private readonly byId: ReadonlyMap<string, Buffer>;
  private readonly current: DataKey;

  constructor(keys: readonly DataKey[]) {
    if (keys.length === 0) throw new TypeError('FieldCipher: at least one key is needed');
    this.current = keys[0]!;
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The cipher of the published development key (never in production). */
  static development(): FieldCipher {
    return new FieldCipher(parseDataKeys(DEVELOPMENT_DATA_KEYS));
  }

  /** The id of the key new values are encrypted with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(Buffer.from(this.current.id, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${PREFIX}${this.current.id}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /**
   * The plain text of a stored value. A value without the prefix was stored before encryption
   * and is returned as it is; one whose key is unknown, or that was altered, is a
   * `CorruptStateError` naming `what`.
   */
  decrypt(stored: string, what: string): string {
    if (!stored.startsWith(PREFIX)) return stored;
    const rest = stored.slice(PREFIX.length);
    const colon = rest.indexOf(':');
    const id = rest.slice(0, colon);
    const key = this.byId.get(id);
    if (colon < 1 || !key) throw new CorruptStateError(`${what} (encrypted with the unknown data key "${id}": add it to DATA_KEYS)`);
    const raw = Buffer.from(rest.slice(colon + 1), 'base64url');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(id, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch (err) {
      throw new CorruptStateError(what, err);
    }
  }

  /** `JSON.stringify`, encrypted. */
  encryptJson(value: unknown): string {
    return this.encrypt(JSON.stringify(value));
  }
}
