/**
 * How the PostgreSQL store classifies driver errors: which ones a retry may fix (STYLE §8), and the
 * wrapping every store method applies to what `pg` throws.
 */
import { WorkflowError } from '@sluice/engine';
import { errorCodes, wrapStoreError } from '../store-error.js';

/**
 * SQLSTATEs a retry may fix: serialization failure, deadlock, lock not available, too many
 * connections, server shutting down or starting, and the whole connection-exception class (08xxx).
 */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '55P03', '53300', '57P01', '57P02', '57P03']);

/** Node socket errors of a lost or refused connection. */
const TRANSIENT_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** Messages `pg` uses (without a code) when a connection ends or a pool checkout times out. */
const TRANSIENT_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /client has encountered a connection error/i, /connection ended/i];

/** SQLSTATE of unique_violation. */
export const UNIQUE_VIOLATION = '23505';

/**
 * True when `err` (or an error in its cause chain) is one a retry of the whole operation may fix.
 *
 * @internal
 */
export function isTransientPgError(err: unknown): boolean {
  for (const code of errorCodes(err)) {
    if (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || TRANSIENT_SOCKET_CODES.has(code)) return true;
  }
  return isConnectionError(err);
}

/**
 * True when the error means the connection itself is unusable (the client must be discarded, and
 * the outcome of a COMMIT in flight is unknown).
 *
 * @internal
 */
export function isConnectionError(err: unknown): boolean {
  for (const code of errorCodes(err)) {
    if (code.startsWith('08') || code.startsWith('57P') || TRANSIENT_SOCKET_CODES.has(code)) return true;
  }
  const message = err instanceof Error ? err.message : '';
  return TRANSIENT_MESSAGES.some((re) => re.test(message));
}

/**
 * True for errors after which PostgreSQL rolled the whole transaction back and nothing was
 * written, so running it again is safe: serialization failure and deadlock.
 *
 * @internal
 */
export function isRetryableConflict(err: unknown): boolean {
  return errorCodes(err).some((c) => c === '40001' || c === '40P01');
}

/**
 * Wraps what `pg` threw during `operation`: WorkflowErrors pass through, unique_violation becomes
 * INSTANCE_CONFLICT when `conflictMessage` is given, anything else a StoreError (STORE_FAILED)
 * with the driver error as `cause` and `transient` set by isTransientPgError.
 *
 * @internal
 */
export function toStoreError(operation: string, err: unknown, conflictMessage?: string): WorkflowError {
  if (conflictMessage !== undefined && errorCodes(err).includes(UNIQUE_VIOLATION)) {
    return new WorkflowError({ code: 'INSTANCE_CONFLICT', message: conflictMessage, retryable: false, cause: err });
  }
  return wrapStoreError(`postgres ${operation}`, err, isTransientPgError);
}
