/**
 * @module @sluice/stores/postgres
 * The PostgreSQL adapter of the engine's InstanceStore port: several processes share one
 * database. Import this entry only where PostgreSQL is used, so `pg` never loads otherwise.
 */
export { openPostgresStore } from './open-postgres-store.js';
export type { PostgresStoreOptions } from './open-postgres-store.js';
export { PostgresInstanceStore } from './postgres-instance-store.js';
export { migratePostgres, postgresMigrationDb } from './migrate-postgres.js';
export { freshPostgresSchemaSnapshot, snapshotPostgresSchema } from './schema-snapshot.js';
