// The committed PostgreSQL schema snapshot matches what the migrations produce (STYLE §10.5).
// On a deliberate change, regenerate it: npm run schema:postgres -w packages/stores.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { snapshotPostgresSchema } from '../src/postgres/schema-snapshot.js';
import { useTestDatabase } from './pg-helpers.js';

const db = useTestDatabase();

describe('PostgreSQL schema snapshot', () => {
  it('schema/postgres.sql is what the migrations produce', async () => {
    const schema = db.newSchema();
    await db.open({ schema });
    const actual = await snapshotPostgresSchema(db.pool(schema), schema);
    const committed = await readFile(new URL('../schema/postgres.sql', import.meta.url), 'utf8');
    expect(actual).toBe(committed);
  });
});
