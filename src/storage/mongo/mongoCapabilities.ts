import { type Db, MongoServerError } from 'mongodb';
import type { StorageCapabilities } from '../ports';

const PROBE_COLLECTION = 'passerelle_capability_probe';

/** Whether the server refused an index option because it does not have the feature. */
function isUnsupported(err: unknown): boolean {
  if (!(err instanceof MongoServerError)) return false;
  // 238 NotImplemented (FerretDB), 115 CommandNotSupported, 67 CannotCreateIndex, 197 InvalidIndexSpecificationOption, 2 BadValue (Cosmos DB)
  return [238, 115, 67, 197, 2].includes(Number(err.code)) || /not (implemented|supported)/i.test(err.message);
}

/** Tries to create one index in the probe collection: true when the server accepts it. */
async function accepts(db: Db, spec: Record<string, unknown>): Promise<boolean> {
  try {
    await db.collection(PROBE_COLLECTION).createIndex({ probe: 1 }, { name: 'probe', ...spec });
    return true;
  } catch (err) {
    if (isUnsupported(err)) return false;
    throw err;
  } finally {
    await db.collection(PROBE_COLLECTION).drop().catch(() => undefined);
  }
}

/**
 * Finds out what the server offers, by asking it (never from its name): TTL indexes (the
 * database then expires records itself; otherwise the retention sweep does), partial indexes
 * (otherwise a plain index serves the same query), and multi-document transactions (a replica
 * set or a sharded cluster; Passerelle relies on none, it only reports them).
 */
export async function detectCapabilities(db: Db): Promise<StorageCapabilities> {
  const expiresRecords = await accepts(db, { expireAfterSeconds: 3600 });
  const partialIndexes = await accepts(db, { partialFilterExpression: { probe: { $gt: 0 } } });
  const hello = (await db.admin().command({ hello: 1 }).catch(() => ({}))) as { setName?: string; msg?: string; logicalSessionTimeoutMinutes?: number };
  const transactions = (typeof hello.setName === 'string' || hello.msg === 'isdbgrid') && hello.logicalSessionTimeoutMinutes !== undefined;
  return { expiresRecords, partialIndexes, transactions };
}
