import type { Database, Statement } from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { EtagConflictError } from '../errors';
import { newEtag } from '../etag';
import type { OpenGuard } from '../openGuard';
import type { FieldCipher } from '../fieldCipher';
import type { PersonalDataStore } from '../ports';
import { checkChanges, decodeStoreItem, encodeStoreItem, expectedEtag, keepUntilOf } from '../storeItemCodec';
import { toIso } from './rowCodec';

/**
 * Bot state in the `bot_state` table, botbuilder's `Storage` contract with eTags. Called on
 * every chat turn, so its statements are prepared once and a write is one UPSERT per key.
 */
export class SqliteBotStateStorage implements Storage, PersonalDataStore {
  readonly storeName = 'bot_state';
  private readonly expireRows: Statement<[string, string]>;
  private readonly selectJson: Statement<[string], string>;
  /** Inserts, or updates when no eTag is expected or the stored one matches. */
  private readonly upsert: Statement<[UpsertParams]>;
  private readonly deleteAll: (keys: string[]) => void;
  /** Writes every key in one transaction; returns the first key refused for its eTag. */
  private readonly writeAll: (changes: StoreItems) => string | null;

  constructor(db: Database, private readonly guard: OpenGuard, private readonly cipher: FieldCipher) {
    this.selectJson = db.prepare<[string], string>('SELECT json FROM bot_state WHERE key = ?').pluck();
    this.upsert = db.prepare<[UpsertParams]>(
      `INSERT INTO bot_state (key, json, etag, updated_at, keep_until) VALUES (@key, @json, @etag, @now, @keep_until)
       ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at,
         keep_until = excluded.keep_until
       WHERE @expected IS NULL OR bot_state.etag = @expected`
    );
    const deleteKey = db.prepare<[string]>('DELETE FROM bot_state WHERE key = ?');
    this.expireRows = db.prepare<[string, string]>('DELETE FROM bot_state WHERE updated_at < ? OR keep_until <= ?');
    this.deleteAll = db.transaction((keys: string[]) => {
      for (const key of keys) deleteKey.run(key);
    });
    this.writeAll = db.transaction((changes: StoreItems): string | null => {
      const now = new Date().toISOString();
      let conflict: string | null = null;
      for (const [key, item] of Object.entries(changes)) {
        const eTag = newEtag();
        const keepUntil = keepUntilOf(item);
        const params = { key, json: encodeStoreItem(item, eTag, this.cipher), etag: eTag, now, expected: expectedEtag(item), keep_until: keepUntil ? toIso(keepUntil) : null };
        // Like MemoryStorage, a refused key does not stop the others from being written.
        if (this.upsert.run(params).changes === 0) conflict ??= key;
      }
      return conflict;
    });
  }

  async read(keys: string[]): Promise<StoreItems> {
    this.guard.assertOpen();
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const json = this.selectJson.get(key);
      if (json !== undefined) items[key] = decodeStoreItem(key, json, this.cipher);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.guard.assertOpen();
    checkChanges(changes);
    const conflict = this.writeAll(changes);
    if (conflict !== null) throw new EtagConflictError(conflict);
  }

  async delete(keys: string[]): Promise<void> {
    this.guard.assertOpen();
    if (!keys) throw new ReferenceError('Keys are required when deleting.');
    this.deleteAll(keys);
  }

  /** Nothing here is keyed by person (keys are pseudonymous conversation keys): erasure deletes the person's conversations by key. */
  async eraseUser(): Promise<number> {
    this.guard.assertOpen();
    return 0;
  }

  async deleteExpired(before: Date, now: Date): Promise<number> {
    this.guard.assertOpen();
    return this.expireRows.run(toIso(before), toIso(now)).changes;
  }
}

interface UpsertParams {
  key: string;
  json: string;
  etag: string;
  now: string;
  expected: string | null;
  keep_until: string | null;
}
