import type { Database, Statement } from 'better-sqlite3';
import type { Handoff, HandoffStatus } from '../../domain';
import { HANDOFF_STATUSES } from '../../domain';
import { ConcurrentUpdateError, DuplicateKeyError } from '../errors';
import { checkHandoffSave, decodeHandoff, encodeHandoffBody } from '../handoffCodec';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import type { HandoffRepository, NewOutboxMessage } from '../ports';
import { isUniqueViolation, toIso } from './rowCodec';
import { prepareOutboxInsert } from './sqliteOutboxRepository';

interface HandoffRow {
  id: string;
  version: number;
  user_key: string;
  conversation_key: string;
  status: string;
  requested_at: string;
  body: string;
}

const COLUMNS = 'id, version, user_key, conversation_key, status, requested_at, body';

/** Why a save was refused inside the transaction (thrown to roll it back). */
class SaveRefused extends Error {
  constructor(readonly error: Error) {
    super(error.message);
  }
}

/**
 * Handoffs in the `handoffs` table. A save is one transaction: the INSERT (version 0) or the
 * conditional UPDATE (`WHERE version = expected`) and the outbox messages' INSERTs. The body
 * (the exchange's texts, where to reach the person) is encrypted at rest, as the messages are.
 */
export class SqliteHandoffRepository implements HandoffRepository {
  private readonly saveAll: (row: HandoffRow, expected: number, messages: readonly NewOutboxMessage[]) => void;
  private readonly selectById: Statement<[string], HandoffRow>;
  private readonly selectOpen: Statement<[string], HandoffRow>;
  private readonly countStatement: Statement<[], { status: string; n: number }>;
  private readonly deleteForUser: Statement<[string]>;
  private readonly deleteBefore: Statement<[string]>;
  private readonly selectByUser: Statement<[string], HandoffRow>;
  readonly storeName = 'handoffs';

  constructor(private readonly db: Database, private readonly guard: OpenGuard, private readonly cipher: FieldCipher) {
    const insert = db.prepare<[HandoffRow]>(`INSERT INTO handoffs (${COLUMNS}) VALUES (@id, @version, @user_key, @conversation_key, @status, @requested_at, @body)`);
    const update = db.prepare<[HandoffRow & { expected: number }]>(
      `UPDATE handoffs SET version = @version, user_key = @user_key, conversation_key = @conversation_key, status = @status,
         requested_at = @requested_at, body = @body
       WHERE id = @id AND version = @expected`
    );
    const insertMessages = prepareOutboxInsert(db, cipher);
    this.saveAll = db.transaction((row: HandoffRow, expected: number, messages: readonly NewOutboxMessage[]) => {
      if (expected === 0) {
        try {
          insert.run(row);
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          throw new SaveRefused(new DuplicateKeyError('handoffs', row.id));
        }
      } else if (update.run({ ...row, expected }).changes === 0) {
        throw new SaveRefused(new ConcurrentUpdateError('handoffs', row.id, expected));
      }
      insertMessages(messages, true);
    });
    this.selectById = db.prepare(`SELECT ${COLUMNS} FROM handoffs WHERE id = ?`);
    this.selectOpen = db.prepare(
      `SELECT ${COLUMNS} FROM handoffs WHERE conversation_key = ? AND status IN ('requested', 'taken') ORDER BY requested_at DESC, id DESC LIMIT 1`
    );
    this.countStatement = db.prepare('SELECT status, COUNT(*) AS n FROM handoffs GROUP BY status');
    this.deleteForUser = db.prepare('DELETE FROM handoffs WHERE user_key = ?');
    this.deleteBefore = db.prepare('DELETE FROM handoffs WHERE requested_at < ?');
    this.selectByUser = db.prepare(`SELECT ${COLUMNS} FROM handoffs WHERE user_key = ? ORDER BY requested_at DESC, id DESC`);
  }

  async save(handoff: Handoff, messages: readonly NewOutboxMessage[]): Promise<Handoff> {
    this.guard.assertOpen();
    checkHandoffSave(handoff, messages);
    const row: HandoffRow = {
      id: handoff.id,
      version: handoff.version + 1,
      user_key: handoff.userKey,
      conversation_key: handoff.conversationKey,
      status: handoff.status,
      requested_at: toIso(handoff.requestedAt),
      body: this.cipher.encrypt(encodeHandoffBody(handoff))
    };
    try {
      this.saveAll(row, handoff.version, messages);
    } catch (err) {
      throw err instanceof SaveRefused ? err.error : err;
    }
    return this.fromRow(row);
  }

  async get(id: string): Promise<Handoff | null> {
    this.guard.assertOpen();
    const row = this.selectById.get(id);
    return row ? this.fromRow(row) : null;
  }

  async findOpen(conversationKey: string): Promise<Handoff | null> {
    this.guard.assertOpen();
    const row = this.selectOpen.get(conversationKey);
    return row ? this.fromRow(row) : null;
  }

  async list(statuses: readonly HandoffStatus[], limit: number): Promise<Handoff[]> {
    this.guard.assertOpen();
    if (statuses.length === 0) return [];
    const rows = this.db
      .prepare<unknown[], HandoffRow>(`SELECT ${COLUMNS} FROM handoffs WHERE status IN (${statuses.map(() => '?').join(', ')}) ORDER BY requested_at, id LIMIT ?`)
      .all(...statuses, limit);
    return rows.map((row) => this.fromRow(row));
  }

  async countByStatus(): Promise<Record<HandoffStatus, number>> {
    this.guard.assertOpen();
    const counts = Object.fromEntries(HANDOFF_STATUSES.map((s) => [s, 0])) as Record<HandoffStatus, number>;
    for (const { status, n } of this.countStatement.all()) if (status in counts) counts[status as HandoffStatus] = n;
    return counts;
  }

  async listByUser(userKey: string): Promise<Handoff[]> {
    this.guard.assertOpen();
    return this.selectByUser.all(userKey).map((row) => this.fromRow(row));
  }

  async deleteAllForUser(userKey: string): Promise<number> {
    this.guard.assertOpen();
    return this.deleteForUser.run(userKey).changes;
  }

  eraseUser(userKey: string): Promise<number> {
    return this.deleteAllForUser(userKey);
  }

  /** Retention: handoffs asked for before `before` (a talk lasts hours, not the retention period). */
  async deleteExpired(before: Date): Promise<number> {
    this.guard.assertOpen();
    return this.deleteBefore.run(toIso(before)).changes;
  }

  private fromRow(row: HandoffRow): Handoff {
    return decodeHandoff({
      id: row.id,
      userKey: row.user_key,
      conversationKey: row.conversation_key,
      status: row.status,
      requestedAt: row.requested_at,
      version: row.version,
      body: this.cipher.decrypt(row.body, row.id)
    });
  }
}
