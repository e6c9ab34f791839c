// Regenerates the committed schema snapshots (schema/<dialect>.sql) from the migrations:
//   npm run -w packages/stores schema:snapshot            (every dialect listed below)
//   npm run -w packages/stores schema:snapshot -- sqlite  (only the ones named)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freshSqliteSchemaSnapshot } from '../src/sqlite/schema-snapshot.js';

/** Each dialect's snapshot generator; the PostgreSQL store adds its own entry here. */
const SNAPSHOTS: Record<string, () => Promise<string>> = {
  sqlite: freshSqliteSchemaSnapshot,
};

const wanted = process.argv.slice(2);
for (const name of wanted.length > 0 ? wanted : Object.keys(SNAPSHOTS)) {
  const make = SNAPSHOTS[name];
  if (!make) throw new Error(`no schema snapshot for "${name}" (known: ${Object.keys(SNAPSHOTS).join(', ')})`);
  const path = fileURLToPath(new URL(`../schema/${name}.sql`, import.meta.url));
  writeFileSync(path, await make());
  console.log(`wrote ${path}`);
}
