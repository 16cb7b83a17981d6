import type { Database, Statement } from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
import { EtagConflictError } from '../errors';
import { newEtag } from '../etag';
import type { OpenGuard } from '../openGuard';
import { checkChanges, decodeStoreItem, encodeStoreItem, expectedEtag } from '../storeItemCodec';

/**
 * Bot state in the `bot_state` table, botbuilder's `Storage` contract with eTags. Called on
 * every chat turn, so its statements are prepared once and a write is one UPSERT per key.
 */
export class SqliteBotStateStorage implements Storage {
  private readonly selectJson: Statement<[string], string>;
  /** Inserts, or updates when no eTag is expected or the stored one matches. */
  private readonly upsert: Statement<[UpsertParams]>;
  private readonly deleteAll: (keys: string[]) => void;
  /** Writes every key in one transaction; returns the first key refused for its eTag. */
  private readonly writeAll: (changes: StoreItems) => string | null;

  constructor(db: Database, private readonly guard: OpenGuard) {
    this.selectJson = db.prepare<[string], string>('SELECT json FROM bot_state WHERE key = ?').pluck();
    this.upsert = db.prepare<[UpsertParams]>(
      `INSERT INTO bot_state (key, json, etag, updated_at) VALUES (@key, @json, @etag, @now)
       ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated_at = excluded.updated_at
       WHERE @expected IS NULL OR bot_state.etag = @expected`
    );
    const deleteKey = db.prepare<[string]>('DELETE FROM bot_state WHERE key = ?');
    this.deleteAll = db.transaction((keys: string[]) => {
      for (const key of keys) deleteKey.run(key);
    });
    this.writeAll = db.transaction((changes: StoreItems): string | null => {
      const now = new Date().toISOString();
      let conflict: string | null = null;
      for (const [key, item] of Object.entries(changes)) {
        const eTag = newEtag();
        const params = { key, json: encodeStoreItem(item, eTag), etag: eTag, now, expected: expectedEtag(item) };
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
      if (json !== undefined) items[key] = decodeStoreItem(key, json);
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
}

interface UpsertParams {
  key: string;
  json: string;
  etag: string;
  now: string;
  expected: string | null;
}
