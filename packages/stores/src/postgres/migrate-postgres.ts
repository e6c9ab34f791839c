/**
 * Brings a PostgreSQL database (or one schema of it) up to date with the shared migrator, under a
 * session advisory lock so that processes starting together wait for one another instead of
 * racing; the migrator's own conflict handling stays as a second line.
 */
import type { Pool, PoolClient } from 'pg';
import { migrate, type MigrateOptions, type MigrateResult, type MigrationDb } from '../migrate.js';
import { isConnectionError } from './pg-errors.js';

/** Schema names the store accepts: plain lowercase identifiers, so they never need quoting. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The migrator's connection interface over one checked-out client. @internal */
export function postgresMigrationDb(client: PoolClient): MigrationDb {
  return {
    dialect: 'postgres',
    async exec(sql) {
      const res = await client.query(sql);
      return (res.rows ?? []) as Record<string, unknown>[];
    },
    async transaction(fn) {
      await client.query('BEGIN');
      try {
        const result = await fn();
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
  };
}

/**
 * Creates `schema` when given (the pool's connections must have it as search_path) and applies
 * the missing migrations. Concurrent callers on the same database and schema serialize on
 * `pg_advisory_lock(hashtextextended('sluice:migrate:<schema>', 0))`.
 *
 * @example
 * await migratePostgres(pool, { schema: 'sluice' });
 */
export async function migratePostgres(pool: Pool, opts: MigrateOptions & { readonly schema?: string } = {}): Promise<MigrateResult> {
  const { schema, ...migrateOpts } = opts;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`not a plain schema name: ${JSON.stringify(schema)}`);
  const client = await pool.connect();
  let broken: Error | undefined;
  const key = [`sluice:migrate:${schema ?? ''}`];
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', key);
    try {
      if (schema !== undefined) await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      return await migrate(postgresMigrationDb(client), migrateOpts);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', key).catch((e: unknown) => {
        broken = e instanceof Error ? e : new Error(String(e));
      });
    }
  } catch (err) {
    if (!broken && isConnectionError(err)) broken = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    client.release(broken);
  }
}
