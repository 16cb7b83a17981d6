/** Public surface of storage: ports, errors and the factories. Adapters' classes stay inside. */
export type * from './ports';
export {
  CapacityReachedError,
  ConcurrentUpdateError,
  CorruptStateError,
  DuplicateKeyError,
  EtagConflictError,
  StorageUnavailableError
} from './errors';
export { hashProfileLinkToken } from './profileLinkToken';
export { openMongoStorage, openStorage, type StorageOptions } from './openStorage';
export { openSqliteStorage, type SqliteStorageOptions } from './sqlite';
export type { MongoStorageOptions } from './mongo';
