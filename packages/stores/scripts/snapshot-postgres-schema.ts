/**
 * Regenerates `schema/postgres.sql`: migrates a scratch database on the local server, writes its
 * normalized schema snapshot, and drops the database. Run after adding a migration:
 * `npm run schema:postgres -w packages/stores` (PostgreSQL URL: SLUICE_PG_URL, default local).
 */
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import { openPostgresStore } from '../src/postgres/open-postgres-store.js';
import { snapshotPostgresSchema } from '../src/postgres/schema-snapshot.js';

const adminUrl = process.env.SLUICE_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const target = new URL('../schema/postgres.sql', import.meta.url);

async function main(): Promise<void> {
  const name = `sluice_schema_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = adminUrl.replace(/\/[^/?]*(\?|$)/, `/${name}$1`);
    const store = await openPostgresStore({ connectionString: url });
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await writeFile(target, await snapshotPostgresSchema(pool, store.schema));
    } finally {
      await pool.end();
      await store.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  console.log(`wrote ${target.pathname}`);
}

await main();
