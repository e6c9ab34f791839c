/**
 * The schema migrator for both databases, driven by MIGRATIONS over a tiny dialect-neutral
 * connection interface, so the SQLite and PostgreSQL adapters share one implementation.
 */
import { WorkflowError } from '@sluice/engine';
import { MIGRATIONS, type Migration } from './migrations/migrations.js';
import { StoreError, errorCodes } from './store-error.js';

/**
 * What the migrator needs from a connection. `exec` and `transaction` must use the same
 * connection (PostgreSQL: one `pg.Client` or one checked-out pool client, not the pool).
 */
export interface MigrationDb {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs one SQL statement without parameters and returns its rows ([] when it returns none).
   * Driver errors may be wrapped (e.g. in a StoreError), as long as the driver's error stays in
   * the `cause` chain: the migrator reads its `code`.
   */
  exec(sql: string): Promise<readonly Record<string, unknown>[]>;
  /**
   * Runs `fn` in one transaction: commits when it resolves, rolls back and rethrows when it
   * rejects. SQLite: `BEGIN IMMEDIATE`, so that two migrators serialize instead of deadlocking.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
}

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** Clock for `applied_at` (epoch ms). Default `Date.now`. */
  readonly now?: () => number;
  /** Apply only up to this migration id (tests of a migration at its own point in history). Default: all. */
  readonly target?: number;
  /** @internal The migration list; tests pass a longer or shorter one. Default MIGRATIONS. */
  readonly migrations?: readonly Migration[];
}

/** What {@link migrate} did: the ids it applied itself (in order) and the schema version after it. */
export interface MigrateResult {
  readonly applied: readonly number[];
  readonly current: number;
}

/** The bookkeeping table, the same statement on both databases. */
export const MIGRATIONS_TABLE_SQL = `CREATE TABLE IF NOT EXISTS sluice_migrations (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  applied_at BIGINT NOT NULL
)`;

/** The highest migration id this build knows. */
export const LATEST_MIGRATION: number = MIGRATIONS[MIGRATIONS.length - 1]?.id ?? 0;

/** Driver codes of a unique/primary-key violation: SQLite (better-sqlite3) and PostgreSQL. */
const DUPLICATE_KEY = new Set(['SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE', '23505']);
/** PostgreSQL `duplicate_table`: a concurrent `CREATE TABLE IF NOT EXISTS` can still raise it (or 23505). */
const DUPLICATE_TABLE = '42P07';

const LOST_RACE = Symbol('lost-race');

/**
 * Brings the schema up to date: creates `sluice_migrations` if needed, then applies each missing
 * migration in id order, each in one transaction that first records its id. When another process
 * migrates at the same time, the loser's insert hits the primary key; its transaction rolls back
 * and it re-reads the version, so both end with one copy of every migration. Refuses (STORE_FAILED,
 * not transient) a database whose highest applied id is above the code's: a newer build wrote it.
 *
 * @example
 * const { applied, current } = await migrate(sqliteMigrationDb(db));
 */
export async function migrate(db: MigrationDb, opts: MigrateOptions = {}): Promise<MigrateResult> {
  const list = opts.migrations ?? MIGRATIONS;
  checkList(list);
  const latest = list[list.length - 1]?.id ?? 0;
  const target = opts.target ?? latest;
  const now = opts.now ?? Date.now;
  await ensureMigrationsTable(db);
  const applied: number[] = [];
  let lostAt: number | undefined;
  for (;;) {
    const current = await schemaVersion(db);
    if (current > latest) throw newerSchema(current, latest);
    const next = list.find((m) => m.id > current && m.id <= target);
    if (!next) return { applied, current };
    if (await applyOne(db, next, now())) {
      applied.push(next.id);
    } else {
      // Another migrator recorded this id first. Having lost twice on one id means the table
      // holds it while `schemaVersion` does not see it: not a race, so stop instead of spinning.
      if (lostAt === next.id) throw new StoreError({ message: `migration ${next.id} is recorded but not visible`, transient: true });
      lostAt = next.id;
    }
  }
}

/** The ids recorded in `sluice_migrations`, ascending. The table must exist (call after {@link migrate}). */
export async function appliedMigrations(db: MigrationDb): Promise<number[]> {
  const rows = await db.exec('SELECT id FROM sluice_migrations ORDER BY id');
  return rows.map((r) => Number(r.id));
}

async function schemaVersion(db: MigrationDb): Promise<number> {
  const ids = await appliedMigrations(db);
  return ids[ids.length - 1] ?? 0;
}

async function ensureMigrationsTable(db: MigrationDb): Promise<void> {
  try {
    await db.exec(MIGRATIONS_TABLE_SQL);
  } catch (err) {
    const codes = errorCodes(err);
    if (!codes.includes(DUPLICATE_TABLE) && !codes.some((c) => DUPLICATE_KEY.has(c))) throw err;
  }
}

/** Applies one migration; false when another migrator had already recorded its id. */
async function applyOne(db: MigrationDb, m: Migration, appliedAt: number): Promise<boolean> {
  const record = `INSERT INTO sluice_migrations (id, name, applied_at) VALUES (${m.id}, '${m.name.replace(/'/g, "''")}', ${Math.trunc(appliedAt)})`;
  try {
    await db.transaction(async () => {
      try {
        await db.exec(record);
      } catch (err) {
        if (errorCodes(err).some((c) => DUPLICATE_KEY.has(c))) throw LOST_RACE;
        throw err;
      }
      for (const sql of m[db.dialect]) await db.exec(sql);
    });
    return true;
  } catch (err) {
    if (err === LOST_RACE) return false;
    const transient = err instanceof WorkflowError && err.retryable;
    const detail = err instanceof Error ? err.message : String(err);
    throw new StoreError({ message: `migration ${m.id} (${m.name}) failed on ${db.dialect}: ${detail}`, transient, cause: err });
  }
}

function newerSchema(current: number, latest: number): StoreError {
  return new StoreError({
    message:
      `the database schema is at migration ${current}, newer than this build's ${latest}: ` +
      'it was upgraded by a newer Sluice; run that version (or restore a backup from before the upgrade)',
    transient: false,
    details: { databaseVersion: current, codeVersion: latest },
  });
}

/** Ids must be positive safe integers, strictly increasing: a broken list is a programming error. */
function checkList(list: readonly Migration[]): void {
  let prev = 0;
  for (const m of list) {
    if (!Number.isSafeInteger(m.id) || m.id <= prev) throw new Error(`migration ids must increase from 1: ${m.id} after ${prev}`);
    prev = m.id;
  }
}
