/** Opening a SQLite database for Sluice: connection settings, migrations, then the store. */
import Database from 'better-sqlite3';
import { migrate } from '../migrate.js';
import { sqliteError } from './errors.js';
import type { SqliteDb } from './prepared.js';
import { sqliteMigrationDb } from './sqlite-migration-db.js';
import { SqliteInstanceStore } from './sqlite-instance-store.js';

/** Options of {@link openSqliteDb}. */
export interface OpenSqliteDbOptions {
  /** The database file (created when missing; its folder must exist), or `':memory:'`. */
  readonly file: string;
  /**
   * How long a write waits for another connection's lock before it fails with a transient
   * STORE_FAILED. Default 5,000 ms. The wait blocks the process (better-sqlite3 is synchronous).
   */
  readonly busyTimeoutMs?: number;
}

/** Options of {@link openSqliteStore}. */
export interface OpenSqliteStoreOptions extends OpenSqliteDbOptions {
  /** Clock (epoch ms) for `applied_at` of migrations and `published_at` of outbox rows. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Opens a connection with Sluice's settings: WAL journal (readers never block the writer),
 * `synchronous = NORMAL` (durable at checkpoints; a power loss may drop the last commits but never
 * corrupts; the usual pairing with WAL), `busy_timeout`, and foreign keys off (the schema has none;
 * the store deletes dependent rows itself). Does not migrate.
 */
export function openSqliteDb(opts: OpenSqliteDbOptions): SqliteDb {
  let db: SqliteDb | undefined;
  try {
    db = new Database(opts.file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(opts.busyTimeoutMs ?? 5_000))}`);
    db.pragma('foreign_keys = OFF');
    return db;
  } catch (err) {
    db?.close();
    throw sqliteError(`open ${opts.file}`, err);
  }
}

/**
 * Opens (or creates) a SQLite database, brings its schema up to date and returns the store. Fails
 * with STORE_FAILED when the file cannot be opened or its schema is newer than this build.
 *
 * @example
 * const store = await openSqliteStore({ file: 'data/sluice.db' });
 * try { ... } finally { await store.close(); }
 */
export async function openSqliteStore(opts: OpenSqliteStoreOptions): Promise<SqliteInstanceStore> {
  const db = openSqliteDb(opts);
  try {
    await migrate(sqliteMigrationDb(db), opts.now ? { now: opts.now } : {});
  } catch (err) {
    db.close();
    throw err;
  }
  return new SqliteInstanceStore(opts.now ? { db, now: opts.now } : { db });
}
