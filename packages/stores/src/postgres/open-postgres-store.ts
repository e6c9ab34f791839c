/**
 * Opens a PostgresInstanceStore: creates (or adopts) the pool, migrates the schema, and prepares
 * the LISTEN connection used by `onWake`.
 */
import { WorkflowError } from '@sluice/engine';
import pg, { type Pool } from 'pg';
import { migratePostgres, SCHEMA_NAME } from './migrate-postgres.js';
import { toStoreError } from './pg-errors.js';
import { PostgresInstanceStore } from './postgres-instance-store.js';
import { WakeListener } from './wake-listener.js';

/** Options of openPostgresStore. Give exactly one of `connectionString` and `pool`. */
export interface PostgresStoreOptions {
  /** e.g. `postgres://postgres@127.0.0.1:5432/sluice`; the store creates and owns the pool. */
  readonly connectionString?: string;
  /** A pool you own (close() leaves it open). Its connections' search_path decides the schema. */
  readonly pool?: Pool;
  /**
   * A dedicated schema (plain lowercase identifier), created if missing and used as every
   * connection's search_path; only with `connectionString`. Default: the server's search_path.
   */
  readonly schema?: string;
  /** Connections of the pool the store creates. Default 10. */
  readonly poolSize?: number;
  /**
   * Full durability (default true): a commit resolves after its WAL is flushed. False sets
   * `synchronous_commit = off` for commit batches only: faster, but a server crash may lose the
   * last ~0.6 s of commits (never corrupts; the instances then re-run those steps).
   */
  readonly synchronousCommit?: boolean;
  /** Most commits written in one transaction. Default 64. */
  readonly maxBatch?: number;
  /** Commit batches written at the same time, each on its own connection. Default 2. */
  readonly batchWriters?: number;
  /** First reconnect delay of the LISTEN connection, doubling to `maxListenBackoffMs`. Defaults 100 and 5,000 ms. */
  readonly listenBackoffMs?: number;
  readonly maxListenBackoffMs?: number;
  /**
   * Told about connection trouble outside any call: an idle pooled connection that died (the pool
   * replaces it), the LISTEN connection failing (it reconnects), a wake NOTIFY that failed.
   * Calls in progress report their own errors. Default: ignored.
   */
  readonly onConnectionError?: (err: unknown) => void;
  /** Clock for the migrations table's `applied_at`. Default Date.now. */
  readonly now?: () => number;
}

/**
 * Connects, migrates and returns the store. Two processes opening an empty database at once both
 * succeed with one schema. Fails with INPUT_INVALID for contradictory options, STORE_FAILED when
 * the database cannot be reached or migrated (the created pool is then closed).
 *
 * @example
 * const store = await openPostgresStore({ connectionString: process.env.DATABASE_URL, schema: 'sluice' });
 * try { await runtime(store) } finally { await store.close() }
 */
export async function openPostgresStore(opts: PostgresStoreOptions): Promise<PostgresInstanceStore> {
  if ((opts.connectionString === undefined) === (opts.pool === undefined)) throw invalid('give exactly one of connectionString and pool');
  if (opts.schema !== undefined && opts.pool !== undefined) throw invalid('schema needs connectionString (set search_path on your own pool instead)');
  if (opts.schema !== undefined && !SCHEMA_NAME.test(opts.schema)) throw invalid(`schema must match ${SCHEMA_NAME}: ${JSON.stringify(opts.schema)}`);
  const config: pg.ClientConfig = {
    connectionString: opts.connectionString,
    ...(opts.schema !== undefined ? { options: `-c search_path=${opts.schema}` } : {}),
  };
  const ownsPool = opts.pool === undefined;
  const pool = opts.pool ?? new pg.Pool({ ...config, max: opts.poolSize ?? 10 });
  const onConnectionError = opts.onConnectionError ?? (() => undefined);
  // Without a listener, an idle client's error (server restart, killed backend) would be thrown
  // as an unhandled 'error' event. A pool passed in is its owner's to watch.
  if (ownsPool) pool.on('error', onConnectionError);
  try {
    await migratePostgres(pool, { ...(opts.schema !== undefined ? { schema: opts.schema } : {}), ...(opts.now ? { now: opts.now } : {}) });
    const res = await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
    const schema = res.rows[0]?.schema;
    if (!schema) throw new Error('current_schema() is null: the search_path names no existing schema');
    const clientConfig: pg.ClientConfig = ownsPool ? config : (pool.options as pg.ClientConfig);
    return new PostgresInstanceStore({
      pool,
      ownsPool,
      schema,
      onNotifyError: onConnectionError,
      groupCommit: {
        maxBatch: opts.maxBatch ?? 64,
        writers: opts.batchWriters ?? 2,
        synchronousCommit: opts.synchronousCommit ?? true,
        conflictRetries: 3,
      },
      wake: new WakeListener({
        connect: () => new pg.Client(clientConfig),
        schema,
        backoffMs: opts.listenBackoffMs ?? 100,
        maxBackoffMs: opts.maxListenBackoffMs ?? 5_000,
        onError: onConnectionError,
      }),
    });
  } catch (err) {
    if (ownsPool) await pool.end().catch(() => undefined);
    throw toStoreError('open', err);
  }
}

function invalid(message: string): WorkflowError {
  return new WorkflowError({ code: 'INPUT_INVALID', message: `openPostgresStore: ${message}`, retryable: false });
}
