import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PartnerApiKey } from '../domain';
import type { PartnerApiKeyRepository } from '../storage';
import type { Clock } from './clock';

/** `pk_<id>_<secret>`: the id finds the record; only the secret's SHA-256 is kept. */
const KEY = /^pk_([a-z2-7]{16})_([A-Za-z0-9_-]{43})$/;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A partner's API keys: made (shown once), checked on every call, listed, revoked. */
export class PartnerKeyService {
  constructor(
    private readonly keys: PartnerApiKeyRepository,
    private readonly clock: Clock
  ) {}

  /** A new key for `partnerId`; the whole key is in `key` and nowhere else. */
  async create(partnerId: string, label: string): Promise<{ key: string; record: PartnerApiKey }> {
    const id = [...randomBytes(16)].map((b) => ID_ALPHABET[b % 32]).join('');
    const secret = randomBytes(32).toString('base64url');
    const record: PartnerApiKey = { id, partnerId, label: label.trim() || 'api', secretHash: sha256(secret), createdAt: this.clock(), revokedAt: null };
    await this.keys.create(record);
    return { key: `pk_${id}_${secret}`, record };
  }

  /** The partner a key (from `Authorization: Bearer <key>`) belongs to; undefined for a missing, unknown, wrong or revoked key. */
  async authenticate(key: string | undefined): Promise<string | undefined> {
    const match = KEY.exec(key ?? '');
    if (!match) return undefined;
    const record = await this.keys.get(match[1]!);
    if (!record || record.revokedAt !== null) return undefined;
    const given = Buffer.from(sha256(match[2]!), 'hex');
    const kept = Buffer.from(record.secretHash, 'hex');
    return given.length === kept.length && timingSafeEqual(given, kept) ? record.partnerId : undefined;
  }

  list(partnerId: string): Promise<PartnerApiKey[]> {
    return this.keys.listByPartner(partnerId);
  }

  revoke(id: string): Promise<boolean> {
    return this.keys.revoke(id, this.clock());
  }
}
