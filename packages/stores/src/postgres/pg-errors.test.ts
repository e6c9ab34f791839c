// Classification of driver errors: which are transient, which break the connection, and how
// they are wrapped.
import { WorkflowError } from '@sluice/engine';
import { describe, expect, it } from 'vitest';
import { isConnectionError, isRetryableConflict, isTransientPgError, toStoreError } from './pg-errors.js';

function pgError(code: string, message = `error ${code}`): Error {
  return Object.assign(new Error(message), { code });
}

describe('pg error classification', () => {
  it.each([
    ['40001', true, false, true],
    ['40P01', true, false, true],
    ['08006', true, true, false],
    ['57P01', true, true, false],
    ['53300', true, false, false],
    ['ECONNREFUSED', true, true, false],
    ['23505', false, false, false],
    ['22P05', false, false, false],
    ['42P01', false, false, false],
  ])('%s: transient %s, connection %s, conflict %s', (code, transient, connection, conflict) => {
    const err = pgError(code);
    expect(isTransientPgError(err)).toBe(transient);
    expect(isConnectionError(err)).toBe(connection);
    expect(isRetryableConflict(err)).toBe(conflict);
  });

  it('treats pg messages without a code as connection errors', () => {
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientPgError(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isTransientPgError(new Error('syntax error'))).toBe(false);
  });

  it('wraps as STORE_FAILED with the cause, or INSTANCE_CONFLICT for a duplicate key', () => {
    const cause = pgError('40001');
    const wrapped = toStoreError('commit', cause);
    expect(wrapped).toMatchObject({ code: 'STORE_FAILED', transient: true, retryable: true });
    expect(wrapped.cause).toBe(cause);
    expect(toStoreError('create', pgError('23505'), 'instance x already exists')).toMatchObject({ code: 'INSTANCE_CONFLICT', message: 'instance x already exists' });
    expect(toStoreError('create', pgError('23505'))).toMatchObject({ code: 'STORE_FAILED', transient: false });
    const lost = new WorkflowError({ code: 'LEASE_LOST', message: 'x' });
    expect(toStoreError('commit', lost)).toBe(lost);
  });
});
