/**
 * Runs a function in a transaction on a pooled client: BEGIN, COMMIT, ROLLBACK on failure, and
 * the client discarded instead of reused when its connection broke.
 */
import type { Pool, PoolClient } from 'pg';
import { isConnectionError } from '../pg-errors.js';

/** Runs `fn` between BEGIN and COMMIT; rolls back and rethrows when it throws. @internal */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    let result: T;
    try {
      result = await fn(client);
    } catch (err) {
      if (isConnectionError(err)) broken = toError(err);
      else await client.query('ROLLBACK').catch((e: unknown) => (broken = toError(e)));
      throw err;
    }
    await client.query('COMMIT');
    return result;
  } catch (err) {
    if (!broken && isConnectionError(err)) broken = toError(err);
    throw err;
  } finally {
    client.release(broken);
  }
}

function toError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
