import type { Database, Statement } from 'better-sqlite3';
import type { FieldCipher } from '../fieldCipher';
import type { OpenGuard } from '../openGuard';
import { SqliteRetention } from './sqliteRetention';
import type { ConversationReferenceRepository, StoredConversationReference, UserKey } from '../ports';
import { fromIso, toIso } from './rowCodec';

interface ReferenceRow {
  user_key: string;
  channel_id: string;
  service_url: string;
  conversation_id: string;
  user_id: string;
  bot_id: string;
  locale: string | null;
  updated_at: string;
}

const COLUMNS = 'user_key, channel_id, service_url, conversation_id, user_id, bot_id, locale, updated_at';

/** The latest conversation of each person in `conversation_references` (one row per person). */
export class SqliteConversationReferenceRepository implements ConversationReferenceRepository {
  private readonly upsert: Statement<[ReferenceRow]>;
  private readonly select: Statement<[string], ReferenceRow>;
  private readonly deleteForUser: Statement<[string]>;

  readonly storeName = 'conversation_references';
  private readonly retention: SqliteRetention;

  constructor(db: Database, private readonly guard: OpenGuard, private readonly cipher: FieldCipher) {
    this.retention = new SqliteRetention(db, { table: 'conversation_references', user: 'user_key', changed: 'updated_at' });
    this.upsert = db.prepare<[ReferenceRow]>(
      `INSERT INTO conversation_references (${COLUMNS})
       VALUES (@user_key, @channel_id, @service_url, @conversation_id, @user_id, @bot_id, @locale, @updated_at)
       ON CONFLICT (user_key) DO UPDATE SET channel_id = excluded.channel_id, service_url = excluded.service_url,
         conversation_id = excluded.conversation_id, user_id = excluded.user_id, bot_id = excluded.bot_id,
         locale = excluded.locale, updated_at = excluded.updated_at`
    );
    this.select = db.prepare<[string], ReferenceRow>(`SELECT ${COLUMNS} FROM conversation_references WHERE user_key = ?`);
    this.deleteForUser = db.prepare<[string]>('DELETE FROM conversation_references WHERE user_key = ?');
  }

  async save(reference: StoredConversationReference): Promise<void> {
    this.guard.assertOpen();
    this.upsert.run({
      user_key: reference.userKey,
      channel_id: reference.channelId,
      service_url: reference.serviceUrl,
      conversation_id: this.cipher.encrypt(reference.conversationId),
      user_id: this.cipher.encrypt(reference.userId),
      bot_id: reference.botId,
      locale: reference.locale,
      updated_at: toIso(reference.updatedAt)
    });
  }

  async latest(userKey: UserKey): Promise<StoredConversationReference | null> {
    this.guard.assertOpen();
    const row = this.select.get(userKey);
    if (!row) return null;
    return {
      userKey: row.user_key,
      channelId: row.channel_id,
      serviceUrl: row.service_url,
      conversationId: this.cipher.decrypt(row.conversation_id, row.user_key),
      userId: this.cipher.decrypt(row.user_id, row.user_key),
      botId: row.bot_id,
      locale: row.locale,
      updatedAt: fromIso(row.user_key, row.updated_at)
    };
  }

  async deleteAllForUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.deleteForUser.run(userKey).changes;
  }

  async eraseUser(userKey: UserKey): Promise<number> {
    this.guard.assertOpen();
    return this.retention.erase(userKey);
  }

  async deleteExpired(before: Date, now: Date): Promise<number> {
    this.guard.assertOpen();
    return this.retention.expire(before, now);
  }
}
