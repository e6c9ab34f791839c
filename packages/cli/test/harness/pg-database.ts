/** A fresh PostgreSQL database per test file on the local server (127.0.0.1:5432, trust auth). */
import pg from 'pg';

const ADMIN = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Creates `sluice_test_<prefix>_<random>` and returns its name and URL. */
export async function createDatabase(prefix: string): Promise<{ name: string; url: string }> {
  const name = `sluice_test_${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { name, url: `postgres://postgres@127.0.0.1:5432/${name}` };
}

/** Drops it, ending any connection left. */
export async function dropDatabase(name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  try {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  } finally {
    await admin.end();
  }
}
