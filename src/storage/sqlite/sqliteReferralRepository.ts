import type { Database, Statement } from 'better-sqlite3';
import type { CountryCode, ProgrammeId } from '../../domain';
import { ConcurrentUpdateError, DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { NewOutboxMessage, Referral, ReferralRepository, UserKey } from '../ports';
import { checkReferralSave, decodeJsonObject, decodeReferralStatus } from '../referralCodec';
import { decodeVersion } from '../assessmentCodec';
import { fromIso, isUniqueViolation, toIso } from './rowCodec';
import { prepareOutboxInsert } from './sqliteOutboxRepository';

interface ReferralRow {
  id: string;
  reference: string;
  version: number;
  user_key: string;
  programme: string;
  status: string;
  partner_id: string | null;
  country: string | null;
  language: string;
  details: string;
  created_at: string;
  updated_at: string;
  waiting_since: string;
}

const COLUMNS =
  'id, reference, version, user_key, programme, status, partner_id, country, language, details, created_at, updated_at, waiting_since';

/** Why a save was refused inside the transaction (thrown to roll it back). */
class SaveRefused extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

/**
 * Referrals in the `referrals` table. A save is one transaction: the INSERT (version 0) or the
 * conditional UPDATE (`WHERE version = expected`) and the INSERT of each outbox message; any
 * refusal rolls the whole of it back.
 */
export class SqliteReferralRepository implements ReferralRepository {
  private readonly selectById: Statement<[string], ReferralRow>;
  private readonly selectByReference: Statement<[string], ReferralRow>;
  private readonly selectByUser: Statement<[string], ReferralRow>;
  private readonly deleteForUser: Statement<[string]>;
  private readonly saveAll: (row: ReferralRow, expected: number, messages: readonly NewOutboxMessage[]) => void;

  constructor(db: Database, private readonly guard: OpenGuard) {
    const insert = db.prepare<[ReferralRow]>(
      `INSERT INTO referrals (${COLUMNS})
       VALUES (@id, @reference, @version, @user_key, @programme, @status, @partner_id, @country, @language, @details,
               @created_at, @updated_at, @waiting_since)`
    );
    const update = db.prepare<[ReferralRow & { expected: number }]>(
      `UPDATE referrals SET reference = @reference, version = @version, user_key = @user_key, programme = @programme,
         status = @status, partner_id = @partner_id, country = @country, language = @language, details = @details,
         created_at = @created_at, updated_at = @updated_at, waiting_since = @waiting_since
       WHERE id = @id AND version = @expected`
    );
    const insertMessages = prepareOutboxInsert(db);
    this.saveAll = db.transaction((row: ReferralRow, expected: number, messages: readonly NewOutboxMessage[]) => {
      if (expected === 0) {
        try {
          insert.run(row);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          const taken = /reference/.test((err as Error).message) ? row.reference : row.id;
          throw new SaveRefused(new DuplicateKeyError('referrals', taken));
        }
      } else {
        let changes: number;
        try {
          changes = update.run({ ...row, expected }).changes;
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          throw new SaveRefused(new DuplicateKeyError('referrals', row.reference));
        }
        if (changes === 0) throw new SaveRefused(new ConcurrentUpdateError('referrals', row.id, expected));
      }
      insertMessages(messages, true);
    });
    this.selectById = db.prepare(`SELECT ${COLUMNS} FROM referrals WHERE id = ?`);
    this.selectByReference = db.prepare(`SELECT ${COLUMNS} FROM referrals WHERE reference = ?`);
    this.selectByUser = db.prepare(`SELECT ${COLUMNS} FROM referrals WHERE user_key = ? ORDER BY created_at DESC, seq DESC`);
    this.deleteForUser = db.prepare('DELETE FROM referrals WHERE user_key = ?');
  }

  async save(referral: Referral, messages: readonly NewOutboxMessage[]): Promise<Referral> {
    this.guard.assertOpen();
    checkReferralSave(referral, messages);
    const row = toRow(referral);
    try {
      this.saveAll(row, referral.version, messages);
    } catch (err) {
      throw err instanceof SaveRefused ? err.error : err;
    }
    return toReferral(row);
  }

  async get(id: string): Promise<Referral | null> {
    this.guard.assertOpen();
    const row = this.selectById.get(id);
    return row ? toReferral(row) : null;
  }

  async findByReference(reference: string): Promise<Referral | null> {
    this.guard.assertOpen();
    const row = this.selectByReference.get(reference);
    return row ? toReferral(row) : null;
  }

  async listByUser(userKey: UserKey): Promise<Referral[]> {
    this.guard.assertOpen();
    return this.selectByUser.all(userKey).map(toReferral);
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.deleteForUser.run(userKey).changes;
  }
}

/** The row stored for a referral, at its next revision. */
function toRow(referral: Referral): ReferralRow {
  return {
    id: referral.id,
    reference: referral.reference,
    version: referral.version + 1,
    user_key: referral.userKey,
    programme: referral.programme,
    status: referral.status,
    partner_id: referral.partnerId,
    country: referral.country,
    language: referral.language,
    details: JSON.stringify(referral.details),
    created_at: toIso(referral.createdAt),
    updated_at: toIso(referral.updatedAt),
    waiting_since: toIso(referral.waitingSince)
  };
}

function toReferral(row: ReferralRow): Referral {
  return {
    id: row.id,
    reference: row.reference,
    userKey: row.user_key,
    programme: row.programme as ProgrammeId,
    status: decodeReferralStatus(row.id, row.status),
    partnerId: row.partner_id,
    country: row.country as CountryCode | null,
    language: row.language,
    details: decodeJsonObject(row.id, row.details),
    createdAt: fromIso(row.id, row.created_at),
    updatedAt: fromIso(row.id, row.updated_at),
    waitingSince: fromIso(row.id, row.waiting_since),
    version: decodeVersion(row.id, row.version)
  };
}
