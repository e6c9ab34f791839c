/**
 * The migrator's view of a better-sqlite3 connection. Waiting for another migrator's write lock is
 * done by polling asynchronously, not by SQLite's busy handler, which would block the event loop.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { MigrationDb } from '../migrate.js';
import { isTransientSqliteError, sqliteError } from './errors.js';
import type { SqliteDb } from './prepared.js';

/** Options of {@link sqliteMigrationDb}. */
export interface SqliteMigrationDbOptions {
  /** How long to wait for another connection's write lock before failing (transient). Default 10 s. */
  readonly lockTimeoutMs?: number;
}

/**
 * Adapts a better-sqlite3 connection for {@link migrate}. `transaction` starts with
 * `BEGIN IMMEDIATE`; while another connection (in this process or another) holds the write lock,
 * it retries every 5–25 ms instead of blocking, so two migrators in one process can interleave.
 *
 * @example
 * await migrate(sqliteMigrationDb(new Database('sluice.db')));
 */
export function sqliteMigrationDb(db: SqliteDb, opts: SqliteMigrationDbOptions = {}): MigrationDb {
  const lockTimeoutMs = opts.lockTimeoutMs ?? 10_000;
  return {
    dialect: 'sqlite',
    async exec(sql) {
      try {
        const stmt = db.prepare(sql);
        if (stmt.reader) return stmt.all() as Record<string, unknown>[];
        stmt.run();
        return [];
      } catch (err) {
        throw sqliteError('migration statement', err);
      }
    },
    async transaction(fn) {
      await beginImmediate(db, lockTimeoutMs);
      try {
        const result = await fn();
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    },
  };
}

async function beginImmediate(db: SqliteDb, lockTimeoutMs: number): Promise<void> {
  const deadline = Date.now() + lockTimeoutMs;
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  for (;;) {
    db.pragma('busy_timeout = 0');
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (err) {
      if (!isTransientSqliteError(err) || Date.now() >= deadline) throw sqliteError('migration begin', err);
    } finally {
      db.pragma(`busy_timeout = ${busyTimeout}`);
    }
    await sleep(5 + Math.floor(Math.random() * 20));
  }
}
