/**
 * @module @sluice/stores/sqlite
 * The SQLite adapter: the store, its factory, the migrator's connection adapter and the schema snapshot.
 */
export { SqliteInstanceStore } from './sqlite-instance-store.js';
export type { SqliteInstanceStoreOptions } from './sqlite-instance-store.js';
export { openSqliteDb, openSqliteStore } from './open-sqlite-store.js';
export type { OpenSqliteDbOptions, OpenSqliteStoreOptions } from './open-sqlite-store.js';
export { sqliteMigrationDb } from './sqlite-migration-db.js';
export type { SqliteMigrationDbOptions } from './sqlite-migration-db.js';
export { freshSqliteSchemaSnapshot, sqliteSchemaSnapshot } from './schema-snapshot.js';
export { isTransientSqliteError } from './errors.js';
export type { SqliteDb } from './prepared.js';
