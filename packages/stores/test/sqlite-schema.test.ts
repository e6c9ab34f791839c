// The committed schema snapshot (schema/sqlite.sql) must match what the migrations build (STYLE §10.5).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freshSqliteSchemaSnapshot } from '../src/sqlite/index.js';

const SNAPSHOT = fileURLToPath(new URL('../schema/sqlite.sql', import.meta.url));
const HOW = 'regenerate it with `npm run -w packages/stores schema:snapshot` and review the diff';

describe('SQLite schema snapshot', () => {
  it('schema/sqlite.sql matches the schema the migrations build', async () => {
    expect(existsSync(SNAPSHOT), `schema/sqlite.sql is missing: ${HOW}`).toBe(true);
    const actual = await freshSqliteSchemaSnapshot();
    expect(actual, `schema/sqlite.sql differs from the migrated schema: ${HOW}`).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});
