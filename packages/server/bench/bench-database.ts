/**
 * A fresh PostgreSQL database for one bench scenario, on the local server (SLUICE_BENCH_PG_URL
 * overrides the maintenance URL), dropped afterwards with its connections terminated.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_ADMIN_URL = process.env['SLUICE_BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates `<prefix>_<hex>`; rejects when the server cannot be reached. */
export async function createBenchDatabase(prefix = 'sluice_bench'): Promise<BenchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  return {
    name,
    url: PG_ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${name}$1`),
    drop: async () => {
      await admin('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin(`DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

async function admin(sql: string, values?: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    await client.query(sql, values);
  } finally {
    await client.end();
  }
}
