/**
 * @module @sluice/stores
 * Durable adapters for the engine's InstanceStore port: the schema migrator shared by SQLite and
 * PostgreSQL, and store errors.
 */
export { MIGRATIONS } from './migrations/migrations.js';
export type { Migration } from './migrations/migrations.js';
export { LATEST_MIGRATION, MIGRATIONS_TABLE_SQL, appliedMigrations, migrate } from './migrate.js';
export type { MigrateOptions, MigrateResult, MigrationDb } from './migrate.js';
export { StoreError, errorCodes, wrapStoreError } from './store-error.js';
// The adapters have their own entries so that importers load only the driver they use:
// '@sluice/stores/sqlite', '@sluice/stores/postgres', and '@sluice/stores/conformance' (tests).
