export { configureConnection, openSqliteStorage, type SqliteStorageOptions } from './openSqliteStorage';
export { MIGRATIONS, applyMigrations, type Migration } from './migrations';
