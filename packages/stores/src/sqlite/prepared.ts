/** A per-connection cache of prepared statements, so each SQL text is compiled once per connection. */
import type BetterSqlite3 from 'better-sqlite3';

/** An open better-sqlite3 connection. */
export type SqliteDb = BetterSqlite3.Database;

/** @internal A prepared statement (any parameters, rows of any shape). */
export type SqliteStatement = BetterSqlite3.Statement<unknown[], unknown>;

const cache = new WeakMap<SqliteDb, Map<string, SqliteStatement>>();

/** @internal The statement for `sql` on `db`, compiled on first use. */
export function prepared(db: SqliteDb, sql: string): SqliteStatement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}

/** @internal `?, ?, ?` for `n` positional parameters (n ≥ 1). */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
