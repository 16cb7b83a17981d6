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
export { DEVELOPMENT_DATA_KEYS, FieldCipher, parseDataKeys, type DataKey } from './fieldCipher';
export { ERASED_PREFIX } from './erasedKey';
export { openStorage, type StorageOptions } from './openStorage';
export { openSqliteStorage, type SqliteStorageOptions } from './sqlite';
export { openMongoStorage, type MongoStorageOptions } from './mongo';
