import type { Database, Statement } from 'better-sqlite3';
import { DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { PartnerApiKey, PartnerApiKeyRepository } from '../ports';
import { fromIso, isUniqueViolation, toIso } from './rowCodec';

interface KeyRow {
  id: string;
  partner_id: string;
  label: string;
  secret_hash: string;
  created_at: string;
  revoked_at: string | null;
}

const COLUMNS = 'id, partner_id, label, secret_hash, created_at, revoked_at';

/** Partners' API keys in `partner_api_keys`. */
export class SqlitePartnerApiKeyRepository implements PartnerApiKeyRepository {
  private readonly insert: Statement<[KeyRow]>;
  private readonly selectById: Statement<[string], KeyRow>;
  private readonly selectByPartner: Statement<[string], KeyRow>;
  private readonly revokeStatement: Statement<[string, string]>;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.insert = db.prepare(`INSERT INTO partner_api_keys (${COLUMNS}) VALUES (@id, @partner_id, @label, @secret_hash, @created_at, @revoked_at)`);
    this.selectById = db.prepare(`SELECT ${COLUMNS} FROM partner_api_keys WHERE id = ?`);
    this.selectByPartner = db.prepare(`SELECT ${COLUMNS} FROM partner_api_keys WHERE partner_id = ? ORDER BY created_at DESC, id`);
    this.revokeStatement = db.prepare('UPDATE partner_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  }

  async create(key: PartnerApiKey): Promise<void> {
    this.guard.assertOpen();
    try {
      this.insert.run({
        id: key.id,
        partner_id: key.partnerId,
        label: key.label,
        secret_hash: key.secretHash,
        created_at: toIso(key.createdAt),
        revoked_at: key.revokedAt ? toIso(key.revokedAt) : null
      });
    } catch (err) {
      throw isUniqueViolation(err) ? new DuplicateKeyError('partnerApiKeys', key.id) : err;
    }
  }

  async get(id: string): Promise<PartnerApiKey | null> {
    this.guard.assertOpen();
    const row = this.selectById.get(id);
    return row ? toKey(row) : null;
  }

  async listByPartner(partnerId: string): Promise<PartnerApiKey[]> {
    this.guard.assertOpen();
    return this.selectByPartner.all(partnerId).map(toKey);
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    this.guard.assertOpen();
    return this.revokeStatement.run(toIso(at), id).changes === 1;
  }
}

function toKey(row: KeyRow): PartnerApiKey {
  return {
    id: row.id,
    partnerId: row.partner_id,
    label: row.label,
    secretHash: row.secret_hash,
    createdAt: fromIso(row.id, row.created_at),
    revokedAt: row.revoked_at === null ? null : fromIso(row.id, row.revoked_at)
  };
}
