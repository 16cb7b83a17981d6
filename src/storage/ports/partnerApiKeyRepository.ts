import type { PartnerApiKey } from '../../domain';

/** Partners' API keys (only the hash of each secret is kept). */
export interface PartnerApiKeyRepository {
  /** Stores a new key; an id already used is a `DuplicateKeyError`. */
  create(key: PartnerApiKey): Promise<void>;
  get(id: string): Promise<PartnerApiKey | null>;
  /** A partner's keys, newest first, revoked ones included. */
  listByPartner(partnerId: string): Promise<PartnerApiKey[]>;
  /** Revokes a key from `at`; false when there is no such key or it was already revoked. */
  revoke(id: string, at: Date): Promise<boolean>;
}
