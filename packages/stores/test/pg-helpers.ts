/**
 * PostgreSQL test isolation (STYLE §10.9): each test file gets a fresh database on the local
 * server, created before its tests and dropped after them; each test can take a fresh schema.
 * After every test, stores and pools still open are closed and the database must have no
 * connection left, so a leaked pool or LISTEN client fails the test that leaked it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { openPostgresStore, type PostgresStoreOptions } from '../src/postgres/open-postgres-store.js';
import type { PostgresInstanceStore } from '../src/postgres/postgres-instance-store.js';

/** The maintenance database URL; override with SLUICE_TEST_PG_URL. */
export const ADMIN_URL = process.env.SLUICE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A test file's database. */
export interface TestDatabase {
  /** The database name (valid after beforeAll). */
  readonly name: () => string;
  /** Its connection string. */
  readonly url: () => string;
  /** A schema name not used before in this file. */
  readonly newSchema: () => string;
  /** Opens a store on this database (closed after the test if still open). */
  readonly open: (opts?: Omit<PostgresStoreOptions, 'connectionString' | 'pool'>) => Promise<PostgresInstanceStore>;
  /** A raw pool on this database, optionally with `schema` as search_path (ended after the test). */
  readonly pool: (schema?: string) => pg.Pool;
  /** Runs one statement on the maintenance database. */
  readonly admin: (sql: string, values?: unknown[]) => Promise<pg.QueryResult>;
}

/** Registers the per-file database and the per-test leak check; call at the top of a test file. */
export function useTestDatabase(): TestDatabase {
  const name = `sluice_test_${randomBytes(5).toString('hex')}`;
  const url = ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const stores: PostgresInstanceStore[] = [];
  const pools: pg.Pool[] = [];
  let admin: pg.Pool | undefined;
  let schemas = 0;

  const adminQuery = (sql: string, values?: unknown[]): Promise<pg.QueryResult> => {
    if (!admin) throw new Error('useTestDatabase: not initialized');
    return admin.query(sql, values);
  };

  beforeAll(async () => {
    admin = new pg.Pool({ connectionString: ADMIN_URL, max: 2 });
    await admin.query(`CREATE DATABASE ${name}`);
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await Promise.all(pools.splice(0).map((p) => p.end()));
    expect(await waitForNoConnections(adminQuery, name), `connections left open on ${name}`).toBe(0);
  });

  afterAll(async () => {
    if (!admin) return;
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
    admin = undefined;
  });

  return {
    name: () => name,
    url: () => url,
    newSchema: () => `s${++schemas}`,
    open: async (opts = {}) => {
      const store = await openPostgresStore({ connectionString: url, ...opts });
      stores.push(store);
      return store;
    },
    pool: (schema) => {
      const pool = new pg.Pool({ connectionString: url, max: 4, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
      pool.on('error', () => undefined);
      pools.push(pool);
      return pool;
    },
    admin: adminQuery,
  };
}

/** Connections to `db` after closing everything; backends exit asynchronously, so wait up to 2 s. */
async function waitForNoConnections(query: TestDatabase['admin'], db: string): Promise<number> {
  let n = 0;
  for (let i = 0; i < 40; i += 1) {
    const res = await query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db]);
    n = (res.rows[0] as { n: number }).n;
    if (n === 0) return 0;
    await new Promise((r) => setTimeout(r, 50));
  }
  return n;
}
