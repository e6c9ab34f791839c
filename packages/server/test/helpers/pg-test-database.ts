/**
 * A fresh PostgreSQL database for one test file on the local server: `sluice_test_<random hex>`,
 * created in beforeAll and dropped in afterAll after its connections are terminated.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';

const ADMIN_URL = process.env.SLUICE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface PgTestDatabase {
  /** Its connection string (valid once beforeAll ran). */
  readonly url: () => string;
  /** Connections open on it now (other than the caller's). */
  readonly connections: () => Promise<number>;
  /** Runs one statement on it (a short-lived connection) and returns the rows. */
  readonly query: (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;
}

/** Registers the database's beforeAll/afterAll; call at the top level of a test file, before servers start. */
export function usePgTestDatabase(): PgTestDatabase {
  const name = `sluice_test_${randomBytes(6).toString('hex')}`;
  const url = ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  beforeAll(() => admin((c) => c.query(`CREATE DATABASE ${name}`)));
  afterAll(() =>
    admin(async (c) => {
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await c.query(`DROP DATABASE IF EXISTS ${name}`);
    }),
  );
  const query = async (text: string, values?: unknown[]): Promise<Record<string, unknown>[]> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(text, values)).rows as Record<string, unknown>[];
    } finally {
      await c.end();
    }
  };
  return {
    url: () => url,
    query,
    connections: () => admin(async (c) => Number((await c.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name])).rows[0].n)),
  };
}
