import type { Database, Statement } from 'better-sqlite3';
import { CorruptStateError } from '../errors';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import type { NewOutboxMessage, OutboxMessage, OutboxRepository, OutboxStats, UserKey } from '../ports';
import { checkMessages, decodeJsonObject } from '../referralCodec';
import { fromIso, toIso } from './rowCodec';

export interface OutboxRow {
  id: string;
  kind: string;
  aggregate_id: string;
  payload: string;
  created_at: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
}

const COLUMNS =
  'id, kind, aggregate_id, payload, created_at, status, attempts, next_attempt_at, last_error, delivered_at, lease_owner, lease_until';

/**
 * Prepares the insert of new messages (pending, due at once), ignoring ids already present; the
 * referral repository runs it inside its own transaction so that a change and its messages are
 * written together.
 */
export function prepareOutboxInsert(db: Database, cipher: FieldCipher): (messages: readonly NewOutboxMessage[], ignoreExisting: boolean) => void {
  const insert = db.prepare<[Pick<OutboxRow, 'id' | 'kind' | 'aggregate_id' | 'payload' | 'created_at'>]>(
    `INSERT INTO outbox (id, kind, aggregate_id, payload, created_at, status, attempts, next_attempt_at)
     VALUES (@id, @kind, @aggregate_id, @payload, @created_at, 'pending', 0, @created_at)`
  );
  const insertIgnoring = db.prepare<[Pick<OutboxRow, 'id' | 'kind' | 'aggregate_id' | 'payload' | 'created_at'>]>(
    `INSERT INTO outbox (id, kind, aggregate_id, payload, created_at, status, attempts, next_attempt_at)
     VALUES (@id, @kind, @aggregate_id, @payload, @created_at, 'pending', 0, @created_at)
     ON CONFLICT (id) DO NOTHING`
  );
  return (messages, ignoreExisting) => {
    for (const m of messages) {
      const row = { id: m.id, kind: m.kind, aggregate_id: m.aggregateId, payload: cipher.encryptJson(m.payload), created_at: toIso(m.createdAt) };
      (ignoreExisting ? insertIgnoring : insert).run(row);
    }
  };
}

/**
 * The outbox in the `outbox` table. A claim is one `UPDATE … WHERE id IN (due ones) RETURNING`,
 * so SQLite itself hands each message to one worker, whichever process it runs in.
 */
export class SqliteOutboxRepository implements OutboxRepository {
  private readonly insert: (messages: readonly NewOutboxMessage[], ignoreExisting: boolean) => void;
  private readonly claimStatement: Statement<[{ owner: string; now: string; until: string; limit: number }], OutboxRow>;
  private readonly completeStatement: Statement<[{ id: string; owner: string; at: string }]>;
  private readonly retryLater: Statement<[{ id: string; owner: string; error: string; retry_at: string }]>;
  private readonly putAside: Statement<[{ id: string; owner: string; error: string }]>;
  private readonly selectById: Statement<[string], OutboxRow>;
  private readonly countStatement: Statement<[{ now: string }], { pending: number; due: number; dead: number }>;
  private readonly selectDead: Statement<[number], OutboxRow>;
  private readonly revive: Statement<[{ id: string; now: string }]>;
  private readonly deleteForAggregateStatement: Statement<[string, string]>;
  private readonly selectPayloads: Statement<[], { id: string; payload: string }>;
  private readonly deleteById: Statement<[string]>;
  private readonly deleteFinishedBefore: Statement<[string]>;
  readonly storeName = 'outbox';
  private readonly enqueueAll: (messages: readonly NewOutboxMessage[]) => void;

  constructor(db: Database, private readonly guard: OpenGuard, private readonly cipher: FieldCipher) {
    this.insert = prepareOutboxInsert(db, cipher);
    this.enqueueAll = db.transaction((messages: readonly NewOutboxMessage[]) => this.insert(messages, true));
    this.claimStatement = db.prepare(
      `UPDATE outbox SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM outbox
         WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
         ORDER BY next_attempt_at, seq LIMIT @limit)
       RETURNING ${COLUMNS}`
    );
    this.completeStatement = db.prepare(
      `UPDATE outbox SET status = 'delivered', delivered_at = @at, lease_owner = NULL, lease_until = NULL, last_error = NULL
       WHERE id = @id AND status = 'pending' AND lease_owner = @owner`
    );
    this.retryLater = db.prepare(
      `UPDATE outbox SET next_attempt_at = @retry_at, last_error = @error, lease_owner = NULL, lease_until = NULL
       WHERE id = @id AND status = 'pending' AND lease_owner = @owner`
    );
    this.putAside = db.prepare(
      `UPDATE outbox SET status = 'dead', last_error = @error, lease_owner = NULL, lease_until = NULL
       WHERE id = @id AND status = 'pending' AND lease_owner = @owner`
    );
    this.selectById = db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE id = ?`);
    this.countStatement = db.prepare(
      `SELECT
         COUNT(*) FILTER (WHERE status = 'pending') AS pending,
         COUNT(*) FILTER (WHERE status = 'pending' AND next_attempt_at <= @now) AS due,
         COUNT(*) FILTER (WHERE status = 'dead') AS dead
       FROM outbox WHERE status IN ('pending', 'dead')`
    );
    this.selectDead = db.prepare(`SELECT ${COLUMNS} FROM outbox WHERE status = 'dead' ORDER BY seq DESC LIMIT ?`);
    this.revive = db.prepare(
      `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = @now, lease_owner = NULL, lease_until = NULL
       WHERE id = @id AND status = 'dead'`
    );
    this.deleteForAggregateStatement = db.prepare<[string, string]>(
      "DELETE FROM outbox WHERE aggregate_id = ? AND NOT (status = 'pending' AND created_at >= ?)"
    );
    this.selectPayloads = db.prepare('SELECT id, payload FROM outbox');
    this.deleteById = db.prepare<[string]>('DELETE FROM outbox WHERE id = ?');
    this.deleteFinishedBefore = db.prepare<[string]>("DELETE FROM outbox WHERE status IN ('delivered', 'dead') AND created_at < ?");
  }

  async enqueue(messages: readonly NewOutboxMessage[]): Promise<void> {
    this.guard.assertOpen();
    checkMessages(messages);
    this.enqueueAll(messages);
  }

  async claim(owner: string, now: Date, leaseMs: number, limit: number): Promise<OutboxMessage[]> {
    this.guard.assertOpen();
    const rows = this.claimStatement.all({ owner, now: toIso(now), until: toIso(new Date(now.getTime() + leaseMs)), limit });
    return rows.map((row) => toMessage(row, this.cipher)).sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime());
  }

  async complete(id: string, owner: string, at: Date): Promise<boolean> {
    this.guard.assertOpen();
    return this.completeStatement.run({ id, owner, at: toIso(at) }).changes === 1;
  }

  async fail(id: string, owner: string, failure: { error: string; at: Date; retryAt: Date | null }): Promise<boolean> {
    this.guard.assertOpen();
    const error = failure.error.slice(0, 500);
    const result =
      failure.retryAt === null
        ? this.putAside.run({ id, owner, error })
        : this.retryLater.run({ id, owner, error, retry_at: toIso(failure.retryAt) });
    return result.changes === 1;
  }

  async get(id: string): Promise<OutboxMessage | null> {
    this.guard.assertOpen();
    const row = this.selectById.get(id);
    return row ? toMessage(row, this.cipher) : null;
  }

  async stats(now: Date): Promise<OutboxStats> {
    this.guard.assertOpen();
    const row = this.countStatement.get({ now: toIso(now) })!;
    return { pending: row.pending, due: row.due, dead: row.dead };
  }

  async listDead(limit: number): Promise<OutboxMessage[]> {
    this.guard.assertOpen();
    return this.selectDead.all(limit).map((row) => toMessage(row, this.cipher));
  }

  async retry(id: string, now: Date): Promise<boolean> {
    this.guard.assertOpen();
    return this.revive.run({ id, now: toIso(now) }).changes === 1;
  }

  async deleteForAggregate(aggregateId: string, keepPendingSince?: Date): Promise<number> {
    this.guard.assertOpen();
    // Without a date, every message goes ('~' sorts after every ISO date).
    return this.deleteForAggregateStatement.run(aggregateId, keepPendingSince ? toIso(keepPendingSince) : '~').changes;
  }

  /** Messages to the person (their payload names their key; payloads are encrypted, so each is read). */
  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    const theirs = this.selectPayloads.all().filter((row) => decodeJsonObject(row.id, this.cipher.decrypt(row.payload, row.id)).userKey === userKey);
    for (const row of theirs) this.deleteById.run(row.id);
    return theirs.length;
  }

  async deleteExpired(before: Date, _now: Date): Promise<number> {
    this.guard.assertOpen();
    return this.deleteFinishedBefore.run(toIso(before)).changes;
  }
}

const OUTBOX_STATUSES = ['pending', 'delivered', 'dead'];

function toMessage(row: OutboxRow, cipher: FieldCipher): OutboxMessage {
  if (!OUTBOX_STATUSES.includes(row.status)) throw new CorruptStateError(row.id);
  return {
    id: row.id,
    kind: row.kind,
    aggregateId: row.aggregate_id,
    payload: decodeJsonObject(row.id, cipher.decrypt(row.payload, row.id)),
    createdAt: fromIso(row.id, row.created_at),
    status: row.status as OutboxMessage['status'],
    attempts: row.attempts,
    nextAttemptAt: fromIso(row.id, row.next_attempt_at),
    lastError: row.last_error,
    deliveredAt: row.delivered_at === null ? null : fromIso(row.id, row.delivered_at),
    lease: row.lease_owner === null || row.lease_until === null ? null : { owner: row.lease_owner, until: fromIso(row.id, row.lease_until) }
  };
}
