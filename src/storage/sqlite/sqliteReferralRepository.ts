import type { Database, Statement } from 'better-sqlite3';
import type { CountryCode, ProgrammeId, ReferralDetails } from '../../domain';
import { CapacityReachedError, ConcurrentUpdateError, DuplicateKeyError } from '../errors';
import type { OpenGuard } from '../openGuard';
import type { NewOutboxMessage, PartnerReferralQuery, PlaceChange, Referral, ReferralQueueQuery, ReferralRepository, StatusCounts, UserKey } from '../ports';
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

/** The columns the counts per status are kept by. */
interface CountKeys {
  status: string;
  programme: string;
  country: string | null;
  partner_id: string | null;
  language: string;
}

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
  private readonly deleteForUser: (userKey: string) => number;
  private readonly countPlacesStatement: Statement<[string], number>;
  private readonly countOpen: Statement<[], { partner_id: string; open: number }>;
  private readonly saveAll: (row: ReferralRow, expected: number, messages: readonly NewOutboxMessage[], places?: PlaceChange) => void;
  private readonly db: Database;

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
    this.db = db;
    const insertMessages = prepareOutboxInsert(db);
    const heldBy = db.prepare<[string], number>('SELECT place FROM referral_places WHERE referral_id = ?').pluck();
    const takenPlaces = db.prepare<[string], number>('SELECT place FROM referral_places WHERE programme = ? ORDER BY place').pluck();
    const takePlace = db.prepare<[string, number, string, string]>('INSERT INTO referral_places (programme, place, referral_id, taken_at) VALUES (?, ?, ?, ?)');
    const releasePlace = db.prepare<[string]>('DELETE FROM referral_places WHERE referral_id = ?');
    this.countPlacesStatement = db.prepare<[string], number>('SELECT COUNT(*) FROM referral_places WHERE programme = ?').pluck();
    this.countOpen = db.prepare(
      `SELECT partner_id, COUNT(*) AS open FROM referrals
       WHERE partner_id IS NOT NULL AND status NOT IN ('declined', 'completed', 'withdrawn') GROUP BY partner_id`
    );
    /** Takes the lowest free place, in the save's transaction (SQLite serialises writers). */
    const take = (row: ReferralRow, capacity: number): void => {
      if (heldBy.get(row.id) !== undefined) return;
      const taken = takenPlaces.all(row.programme);
      if (taken.length >= capacity) throw new SaveRefused(new CapacityReachedError(row.programme, capacity));
      let place = 1;
      for (const held of taken) {
        if (held !== place) break;
        place += 1;
      }
      takePlace.run(row.programme, place, row.id, row.updated_at);
    };
    const keysOf = db.prepare<[string], CountKeys>('SELECT status, programme, country, partner_id, language FROM referrals WHERE id = ?');
    const countUp = db.prepare<[string, string, string, string, string, number]>(
      `INSERT INTO referral_counts (status, programme, country, partner_id, language, n) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (status, programme, country, partner_id, language) DO UPDATE SET n = n + excluded.n`
    );
    const countDown = db.prepare<[number, string, string, string, string, string]>(
      'UPDATE referral_counts SET n = n - ? WHERE status = ? AND programme = ? AND country = ? AND partner_id = ? AND language = ?'
    );
    const count = (keys: CountKeys, by: number): void => {
      const args = [keys.status, keys.programme, keys.country ?? '', keys.partner_id ?? '', keys.language] as const;
      if (by > 0) countUp.run(...args, by);
      else countDown.run(-by, ...args);
    };
    this.saveAll = db.transaction((row: ReferralRow, expected: number, messages: readonly NewOutboxMessage[], places?: PlaceChange) => {
      const before = expected === 0 ? undefined : keysOf.get(row.id);
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
      if (before) count(before, -1);
      count(row, 1);
      if (places && 'take' in places) take(row, places.take.capacity);
      if (places && 'release' in places) releasePlace.run(row.id);
      insertMessages(messages, true);
    });
    this.selectById = db.prepare(`SELECT ${COLUMNS} FROM referrals WHERE id = ?`);
    this.selectByReference = db.prepare(`SELECT ${COLUMNS} FROM referrals WHERE reference = ?`);
    this.selectByUser = db.prepare(`SELECT ${COLUMNS} FROM referrals WHERE user_key = ? ORDER BY created_at DESC, seq DESC`);
    const deleteReferrals = db.prepare<[string]>('DELETE FROM referrals WHERE user_key = ?');
    const deletePlaces = db.prepare<[string]>('DELETE FROM referral_places WHERE referral_id IN (SELECT id FROM referrals WHERE user_key = ?)');
    const keysOfUser = db.prepare<[string], CountKeys & { n: number }>(
      'SELECT status, programme, country, partner_id, language, COUNT(*) AS n FROM referrals WHERE user_key = ? GROUP BY status, programme, country, partner_id, language'
    );
    this.deleteForUser = db.transaction((userKey: string): number => {
      for (const keys of keysOfUser.all(userKey)) count(keys, -keys.n);
      deletePlaces.run(userKey);
      return deleteReferrals.run(userKey).changes;
    });
  }

  async save(referral: Referral, messages: readonly NewOutboxMessage[], places?: PlaceChange): Promise<Referral> {
    this.guard.assertOpen();
    checkReferralSave(referral, messages);
    const row = toRow(referral);
    try {
      this.saveAll(row, referral.version, messages, places);
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

  async countPlaces(programme: string): Promise<number> {
    this.guard.assertOpen();
    return this.countPlacesStatement.get(programme) ?? 0;
  }

  async countOpenByPartner(): Promise<Map<string, number>> {
    this.guard.assertOpen();
    return new Map(this.countOpen.all().map((r) => [r.partner_id, r.open]));
  }

  async listForPartner(query: PartnerReferralQuery): Promise<Referral[]> {
    this.guard.assertOpen();
    const statuses = query.statuses ?? [];
    const filter = statuses.length > 0 ? `AND status IN (${statuses.map(() => '?').join(', ')})` : '';
    const rows = this.db
      .prepare<unknown[], ReferralRow>(`SELECT ${COLUMNS} FROM referrals WHERE partner_id = ? ${filter} ORDER BY waiting_since, seq LIMIT ?`)
      .all(query.partnerId, ...statuses, query.limit);
    return rows.map(toReferral);
  }

  async queue(query: ReferralQueueQuery): Promise<Referral[]> {
    this.guard.assertOpen();
    const { where, params } = queueFilter(query);
    if (query.statuses && query.statuses.length > 0) {
      where.push(`status IN (${query.statuses.map(() => '?').join(', ')})`);
      params.push(...query.statuses);
    }
    const newest = query.sort === 'newest';
    if (query.after) {
      where.push(newest ? '(waiting_since < ? OR (waiting_since = ? AND id < ?))' : '(waiting_since > ? OR (waiting_since = ? AND id > ?))');
      params.push(toIso(query.after.waitingSince), toIso(query.after.waitingSince), query.after.id);
    }
    const order = newest ? 'waiting_since DESC, id DESC' : 'waiting_since, id';
    const sql = `SELECT ${COLUMNS} FROM referrals ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
    return this.db.prepare<unknown[], ReferralRow>(sql).all(...params, query.limit).map(toReferral);
  }

  async countByStatus(query: Omit<ReferralQueueQuery, 'statuses' | 'sort' | 'limit' | 'after'>): Promise<StatusCounts> {
    this.guard.assertOpen();
    let sql: string;
    let params: unknown[];
    if (query.waitingSinceAtOrBefore) {
      // The waiting time is not kept in the counts: these are counted row by row.
      const filter = queueFilter(query);
      params = filter.params;
      sql = `SELECT status, COUNT(*) AS n FROM referrals ${filter.where.length ? `WHERE ${filter.where.join(' AND ')}` : ''} GROUP BY status`;
    } else {
      const filter = queueFilter({ ...query, ...(query.unrouted ? { unrouted: false, partnerId: '' } : {}) });
      params = filter.params;
      sql = `SELECT status, SUM(n) AS n FROM referral_counts ${filter.where.length ? `WHERE ${filter.where.join(' AND ')}` : ''} GROUP BY status HAVING SUM(n) > 0`;
    }
    const counts: StatusCounts = {};
    for (const row of this.db.prepare<unknown[], { status: string; n: number }>(sql).all(...params)) {
      counts[decodeReferralStatus('count', row.status)] = row.n;
    }
    return counts;
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.deleteForUser(userKey);
  }
}

/** The queue's filters (all but the status) as SQL conditions and their parameters. */
function queueFilter(query: Omit<ReferralQueueQuery, 'statuses' | 'sort' | 'limit' | 'after'>): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const equal = (column: string, value: string | undefined): void => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value);
  };
  equal('programme', query.programme);
  equal('country', query.country);
  equal('partner_id', query.partnerId);
  equal('language', query.language);
  if (query.unrouted) where.push('partner_id IS NULL');
  if (query.waitingSinceAtOrBefore) {
    where.push('waiting_since <= ?');
    params.push(toIso(query.waitingSinceAtOrBefore));
  }
  return { where, params };
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
    details: decodeJsonObject(row.id, row.details) as unknown as ReferralDetails,
    createdAt: fromIso(row.id, row.created_at),
    updatedAt: fromIso(row.id, row.updated_at),
    waitingSince: fromIso(row.id, row.waiting_since),
    version: decodeVersion(row.id, row.version)
  };
}
