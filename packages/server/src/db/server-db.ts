/**
 * The server's own tables (notifications, catalog entities, received event ids) through kysely, on
 * the same database as the instance store: a second connection to the SQLite file, or a pool on
 * PostgreSQL. The store has already migrated the schema when this opens.
 */
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { openSqliteDb } from '@sluice/stores/sqlite';
import type { ServerTables } from './tables.js';

export interface ServerDb {
  readonly db: Kysely<ServerTables>;
  readonly dialect: 'sqlite' | 'postgres';
  /** A JSON value as the column wants it (text on SQLite, a JSON parameter on PostgreSQL). */
  toJson(value: unknown): unknown;
  /** A JSON column's value as read back. */
  fromJson<T>(value: unknown): T;
  /**
   * PostgreSQL only: a new, unconnected client on the same database, for a dedicated LISTEN
   * connection (the caller connects and ends it). Undefined on SQLite.
   */
  readonly newClient?: () => pg.Client;
  close(): Promise<void>;
}

// pg returns BIGINT as a string by default; every BIGINT here is epoch milliseconds.
pg.types.setTypeParser(20, (v) => Number(v));

/** Opens the server tables on `database` (`sqlite:<file>` or `postgres://…`). */
export function openServerDb(database: string, opts: { poolSize?: number } = {}): ServerDb {
  if (/^postgres(ql)?:\/\//.test(database)) {
    const pool = new pg.Pool({ connectionString: database, max: opts.poolSize ?? 4 });
    const db = new Kysely<ServerTables>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      toJson: (v) => JSON.stringify(v),
      fromJson: <T>(v: unknown) => v as T,
      newClient: () => new pg.Client({ connectionString: database }),
      close: () => db.destroy(),
    };
  }
  const file = database.startsWith('sqlite:') ? database.slice('sqlite:'.length) : database;
  const sqlite = openSqliteDb({ file });
  const db = new Kysely<ServerTables>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    toJson: (v) => JSON.stringify(v),
    fromJson: <T>(v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T)),
    close: () => db.destroy(),
  };
}
