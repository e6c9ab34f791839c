/** How SQLite driver errors become store errors: busy and locked are transient, the rest permanent. */
import type { WorkflowError } from '@sluice/engine';
import { errorCodes, wrapStoreError } from '../store-error.js';

/**
 * True for SQLite result codes a retry may fix: SQLITE_BUSY* (another connection holds the
 * write lock past busy_timeout, or a stale WAL snapshot) and SQLITE_LOCKED* (a conflicting lock
 * within a shared cache).
 */
export function isTransientSqliteError(err: unknown): boolean {
  return errorCodes(err).some((c) => c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED'));
}

/** @internal Wraps a better-sqlite3 error thrown during `operation` (WorkflowErrors pass through). */
export function sqliteError(operation: string, err: unknown): WorkflowError {
  return wrapStoreError(`sqlite ${operation}`, err, isTransientSqliteError);
}
