import Database from 'better-sqlite3';
import { MongoClient } from 'mongodb';
import type { StorageTarget } from './storageTargets';
import type { RunningApp } from './testApp';

/**
 * Every row of every table (SQLite) or document of every collection (MongoDB) of a running
 * app's database, as text, by table: what a scan for a person's traces reads.
 */
export async function everythingStored(running: RunningApp, target: Pick<StorageTarget, 'kind'>): Promise<Record<string, string>> {
  if (target.kind === 'sqlite') {
    const db = new Database(running.config.sqliteFile, { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      return Object.fromEntries(tables.map((table) => [table, JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())]));
    } finally {
      db.close();
    }
  }
  const client = new MongoClient(running.config.mongodbUri!);
  try {
    const db = client.db(running.config.mongodbDb);
    const out: Record<string, string> = {};
    for (const { name } of await db.listCollections().toArray()) out[name] = JSON.stringify(await db.collection(name).find({}).toArray());
    return out;
  } finally {
    await client.close();
  }
}

/** Where each needle is found: "table: needle", for every table holding it. */
export function findings(stored: Record<string, string>, needles: readonly string[]): string[] {
  return Object.entries(stored).flatMap(([table, text]) => needles.filter((n) => text.includes(n)).map((n) => `${table}: ${n}`));
}
