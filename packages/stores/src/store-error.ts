/**
 * The error every store adapter throws when its database fails: code STORE_FAILED, the driver's
 * error as `cause`, and whether retrying may help (STYLE §8).
 */
import { WorkflowError } from '@sluice/engine';

/**
 * A failed store operation. `transient` is true for failures a retry may fix (SQLite busy/locked;
 * PostgreSQL serialization failure, deadlock, lost connection) and equals `retryable`. Compare
 * `code === 'STORE_FAILED'`, not `instanceof`, across packages.
 *
 * @example
 * try { await store.commit(state, history, opts) }
 * catch (e) { if ((e as StoreError).code === 'STORE_FAILED' && (e as StoreError).transient) retryLater() }
 */
export class StoreError extends WorkflowError {
  readonly transient: boolean;

  constructor(opts: { message: string; transient: boolean; cause?: unknown; details?: WorkflowError['details'] }) {
    super({ code: 'STORE_FAILED', message: opts.message, retryable: opts.transient, cause: opts.cause, details: opts.details });
    this.transient = opts.transient;
  }
}

/**
 * Wraps what a driver threw during `operation` in a StoreError, classifying it with `isTransient`.
 * WorkflowErrors (LEASE_LOST, INSTANCE_CONFLICT, an inner StoreError, ...) pass through unchanged.
 */
export function wrapStoreError(operation: string, err: unknown, isTransient: (err: unknown) => boolean): WorkflowError {
  if (err instanceof WorkflowError) return err;
  const detail = err instanceof Error ? err.message : String(err);
  return new StoreError({ message: `store ${operation} failed: ${detail}`, transient: isTransient(err), cause: err });
}

/** The `code` property of an error or of any error in its `cause` chain, outermost first. */
export function errorCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e instanceof Object && depth < 10; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}
