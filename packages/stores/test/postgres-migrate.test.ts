// Migrations on PostgreSQL: processes opening an empty database (or schema) at the same time all
// succeed with one copy of the schema, and schemas isolate stores from one another.
import { triggers } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../src/migrate.js';
import { MIGRATIONS } from '../src/migrations/migrations.js';
import { T0, makeState } from '../src/conformance/harness.js';
import { openPostgresStore } from '../src/postgres/open-postgres-store.js';
import { useTestDatabase } from './pg-helpers.js';

const db = useTestDatabase();

describe('PostgreSQL migrations', () => {
  it('two stores opening the empty database at once both succeed, with one schema', async () => {
    const [a, b] = await Promise.all([db.open(), db.open()]);
    expect(a.schema).toBe('public');
    expect(b.schema).toBe('public');
    const pool = db.pool();
    const applied = await pool.query('SELECT id, name FROM sluice_migrations ORDER BY id');
    expect(applied.rows).toEqual(MIGRATIONS.map((m) => ({ id: m.id, name: m.name })));
    const tables = await pool.query(`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'sluice_%'`);
    const declared = MIGRATIONS.flatMap((m) => m.postgres.filter((sql) => sql.startsWith('CREATE TABLE'))).length;
    expect(declared).toBeGreaterThanOrEqual(5);
    expect(tables.rows[0].n).toBe(declared + 1);
    // Reopening an up-to-date database applies nothing and works.
    const c = await db.open();
    await c.create(makeState('m1'), {}, triggers.start({}), T0);
    expect(await a.get('m1')).toMatchObject({ id: 'm1' });
  });

  it('creates a dedicated schema under concurrency, and schemas do not see each other', async () => {
    const schema = db.newSchema();
    const stores = await Promise.all(Array.from({ length: 4 }, () => db.open({ schema })));
    expect(stores.map((s) => s.schema)).toEqual([schema, schema, schema, schema]);
    const pool = db.pool(schema);
    const applied = await pool.query('SELECT max(id)::int AS id, count(*)::int AS n FROM sluice_migrations');
    expect(applied.rows[0]).toEqual({ id: LATEST_MIGRATION, n: MIGRATIONS.length });
    const other = await db.open({ schema: db.newSchema() });
    await stores[0]!.create(makeState('only-here'), {}, triggers.start({}), T0);
    expect(await stores[3]!.get('only-here')).toBeDefined();
    expect(await other.get('only-here')).toBeUndefined();
    expect(await other.nextWakeAt()).toBeUndefined();
  });

  it('refuses contradictory options and closes its pool when the server is unreachable', async () => {
    await expect(openPostgresStore({})).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(openPostgresStore({ connectionString: db.url(), schema: 'Bad-Name' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(openPostgresStore({ pool: db.pool(), schema: 'x' })).rejects.toMatchObject({ code: 'INPUT_INVALID' });
    await expect(openPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/none' })).rejects.toMatchObject({
      code: 'STORE_FAILED',
      transient: true,
    });
  });

  it('adopts a pool it does not own and leaves it open on close', async () => {
    const pool = db.pool();
    const store = await openPostgresStore({ pool });
    await store.close();
    expect((await pool.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
