/**
 * A normalized text snapshot of the PostgreSQL schema the migrations produce (tables, columns,
 * constraints, indexes, applied migrations), committed as `schema/postgres.sql` so that schema
 * drift shows up in review (STYLE §10.5). Sorted and free of the schema name and OIDs.
 */
import type { Queryable } from './sql/queryable.js';

const COLUMNS = `
SELECT table_name, column_name, data_type, is_nullable, column_default
FROM information_schema.columns
WHERE table_schema = $1
ORDER BY table_name, ordinal_position`;

// information_schema.table_constraints also lists NOT NULL checks under generated OID-based
// names; pg_constraint gives the declared constraints with their definitions.
const CONSTRAINTS = `
SELECT c.relname AS table_name, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND k.contype IN ('p', 'u', 'f', 'c', 'x')
ORDER BY c.relname, k.conname`;

const INDEXES = `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 ORDER BY tablename, indexname`;

const MIGRATIONS = `SELECT id, name FROM sluice_migrations ORDER BY id`;

/**
 * The snapshot text of `schema` (whose tables `db`'s search_path must resolve, for the migrations
 * list). Same database state, same text.
 *
 * @example
 * const text = await snapshotPostgresSchema(pool, 'public');
 */
export async function snapshotPostgresSchema(db: Queryable, schema: string): Promise<string> {
  const strip = (s: string): string => s.split(`${schema}.`).join('');
  const columns = (await db.query<ColumnRow>(COLUMNS, [schema])).rows;
  const constraints = (await db.query<{ table_name: string; name: string; definition: string }>(CONSTRAINTS, [schema])).rows;
  const indexes = (await db.query<{ tablename: string; indexname: string; indexdef: string }>(INDEXES, [schema])).rows;
  const migrations = (await db.query<{ id: number; name: string }>(MIGRATIONS)).rows;
  const out: string[] = [
    '-- PostgreSQL schema produced by src/migrations (generated, do not edit).',
    '-- Regenerate: npm run schema:postgres -w packages/stores; test/postgres-schema.test.ts compares it.',
    ...migrations.map((m) => `-- migration ${m.id}: ${m.name}`),
  ];
  const tables = [...new Set(columns.map((c) => c.table_name))].sort();
  for (const table of tables) {
    const cols = columns.filter((c) => c.table_name === table).map((c) => `  ${columnLine(c, strip)}`);
    out.push('', `CREATE TABLE ${table} (`, cols.join(',\n'), ');');
    for (const k of constraints.filter((x) => x.table_name === table)) {
      out.push(`ALTER TABLE ${table} ADD CONSTRAINT ${k.name} ${strip(k.definition)};`);
    }
    for (const i of indexes.filter((x) => x.tablename === table)) out.push(`${strip(i.indexdef)};`);
  }
  return `${out.join('\n')}\n`;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
}

function columnLine(c: ColumnRow, strip: (s: string) => string): string {
  const parts = [c.column_name, c.data_type];
  if (c.column_default !== null) parts.push(`DEFAULT ${strip(c.column_default)}`);
  if (c.is_nullable === 'NO') parts.push('NOT NULL');
  return parts.join(' ');
}
