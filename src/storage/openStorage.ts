import type { FieldCipher } from './fieldCipher';
import { openMongoStorage } from './mongo';
import type { StorageBundle } from './ports';
import { openSqliteStorage } from './sqlite';

/** Which database to use; only the composition root calls `openStorage`. */
export interface StorageOptions {
  /** `MONGODB_URI`: when set (non-blank), MongoDB is used. */
  mongodbUri?: string;
  /** Database name in MongoDB. */
  mongodbDb: string;
  /** SQLite file used when no MongoDB URI is given (e.g. `./data/passerelle.db`). */
  sqliteFile: string;
  /** Encryption at rest (`DATA_KEYS`); the development key when absent (tests, tools). */
  cipher?: FieldCipher;
}

/** Opens MongoDB when a URI is given, otherwise the embedded SQLite file. */
export function openStorage(options: StorageOptions): Promise<StorageBundle> {
  const uri = options.mongodbUri?.trim();
  return uri
    ? openMongoStorage({ uri, dbName: options.mongodbDb, cipher: options.cipher })
    : openSqliteStorage({ file: options.sqliteFile, cipher: options.cipher });
}
