/**
 * The stores a bench cell runs on, each opened fresh so no cell inherits another's rows:
 *
 * - `memory`: the engine's MemoryInstanceStore (JSON round trips, no I/O): the reference figure;
 * - `sqlite`: a new database file in the bench's tmp folder, opened with openSqliteStore (WAL,
 *   synchronous = NORMAL, the store's defaults);
 * - `postgres`: a new schema in a database the bench creates on the local server at the start
 *   and drops at the end (`BenchDatabase`), opened with openPostgresStore's defaults (pool of 10,
 *   group commit with synchronous_commit on).
 *
 * The stores are imported from this package's sources (tsx transpiles them), so the bench does not
 * depend on which subpath exports package.json offers.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryInstanceStore, type InstanceStore } from '@sluice/engine';
import pg from 'pg';
import { openPostgresStore } from '../src/postgres/index.js';
import { openSqliteStore } from '../src/sqlite/index.js';

export type StoreKind = 'memory' | 'sqlite' | 'postgres';

export const STORE_LABEL: Readonly<Record<StoreKind, string>> = { memory: 'memory', sqlite: 'SQLite', postgres: 'PostgreSQL' };

/** An opened bench store. */
export interface BenchStore {
  readonly kind: StoreKind;
  readonly store: InstanceStore;
  /** Bytes on disk: SQLite file + -wal; PostgreSQL pg_database_size of the bench database. */
  size(): Promise<{ bytes: number; detail: string } | undefined>;
  close(): Promise<void>;
}

/**
 * Settings applied to every Sluice bench database (`ALTER DATABASE ... SET`), from
 * SLUICE_BENCH_PG_SET, e.g. `plan_cache_mode=force_custom_plan`; `;` separates several. For
 * experiments on the store; the reported figures use the server's defaults.
 */
export const PG_SETTINGS = (process.env.SLUICE_BENCH_PG_SET ?? '')
  .split(';')
  .map((x) => x.trim())
  .filter((x) => /^[a-z_.]+\s*=\s*[\w.-]+$/.test(x));

/** The maintenance database URL; override with SLUICE_BENCH_PG_URL. */
export const PG_ADMIN_URL = process.env.SLUICE_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database created for this run and dropped by `drop()`. */
export class BenchDatabase {
  private schemas = 0;
  private constructor(
    readonly name: string,
    readonly url: string,
    private readonly admin: pg.Pool,
  ) {}

  /** Creates `<prefix>_<random>`; fails when the server cannot be reached. */
  static async create(prefix = 'sluice_bench', settings: readonly string[] = []): Promise<BenchDatabase> {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Pool({ connectionString: PG_ADMIN_URL, max: 1, connectionTimeoutMillis: 3_000 });
    try {
      await admin.query(`CREATE DATABASE ${name}`);
      for (const s of settings) await admin.query(`ALTER DATABASE ${name} SET ${s}`);
    } catch (err) {
      await admin.end();
      throw err;
    }
    return new BenchDatabase(name, PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`), admin);
  }

  newSchema(): string {
    this.schemas += 1;
    return `b${this.schemas}`;
  }

  async sizeBytes(): Promise<number> {
    const r = await this.admin.query<{ n: string }>('SELECT pg_database_size($1) AS n', [this.name]);
    return Number(r.rows[0]?.n ?? 0);
  }

  /** Terminates leftover connections and drops the database. */
  async drop(): Promise<void> {
    await this.admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [this.name]);
    await this.admin.query(`DROP DATABASE IF EXISTS ${this.name}`);
    await this.admin.end();
  }
}

/** Where stores of a run live. */
export interface StoreSites {
  /** A folder for SQLite files (removed by the caller). */
  readonly tmpDir: string;
  /** The PostgreSQL bench database, when the server is reachable. */
  readonly pg?: BenchDatabase;
}

let files = 0;

/** Opens a fresh store of `kind`. */
export async function openBenchStore(kind: StoreKind, sites: StoreSites, label = 'cell'): Promise<BenchStore> {
  if (kind === 'memory') {
    return { kind, store: new MemoryInstanceStore(), size: async () => undefined, close: async () => undefined };
  }
  if (kind === 'sqlite') {
    files += 1;
    const file = join(sites.tmpDir, `${label}-${files}.db`);
    const store = await openSqliteStore({ file });
    const size = async (): Promise<{ bytes: number; detail: string }> => {
      const main = statSync(file).size;
      const wal = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
      return { bytes: main + wal, detail: `file ${mb(main)} + wal ${mb(wal)}` };
    };
    return { kind, store, size, close: () => store.close() };
  }
  const db = sites.pg;
  if (!db) throw new Error('PostgreSQL is not available for this run');
  const store = await openPostgresStore({ connectionString: db.url, schema: db.newSchema() });
  const size = async (): Promise<{ bytes: number; detail: string }> => ({ bytes: await db.sizeBytes(), detail: `pg_database_size(${db.name})` });
  return { kind, store, size, close: () => store.close() };
}

/** `12.3 MB` (10^6 bytes). */
export function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
