/** The one run-time error type of a workflow: what `onErrors`, retries and the ERROR status see. */
import type { Json } from '../model/json.js';

/** The stored form of a workflow error (no stack). */
export interface ErrorInfo {
  /** Machine code: an HTTP status as a string (`"404"`), `TimedOut`, or an engine code. */
  readonly code: string;
  /** A domain error name from the definition's `errors[]` when one matched, else a stable class name. */
  readonly name: string;
  readonly message: string;
  /** e.g. `{ status, body }` for an HTTP failure. Never holds credentials. */
  readonly details?: Json;
  /** The state (and action) where it happened. */
  readonly state?: string;
  readonly action?: string;
}

/**
 * A failure raised while a workflow runs. Invokers throw it (or any Error, which the engine wraps
 * with code FUNCTION_FAILED). `status` is the HTTP status for REST failures.
 *
 * @example throw new WorkflowError({ code: '404', name: 'HttpError', message: 'GET /x: 404', status: 404 })
 */
export class WorkflowError extends Error {
  readonly code: string;
  readonly errorName: string;
  readonly details?: Json;
  readonly status?: number;
  readonly retryable: boolean;

  constructor(opts: {
    code: string;
    message: string;
    name?: string;
    details?: Json;
    status?: number;
    retryable?: boolean;
    cause?: unknown;
  }) {
    super(opts.message, { cause: opts.cause });
    this.name = 'WorkflowError';
    this.code = opts.code;
    this.errorName = opts.name ?? opts.code;
    this.details = opts.details;
    this.status = opts.status;
    this.retryable = opts.retryable ?? true;
  }

  /** The stored form. */
  toInfo(): ErrorInfo {
    const info: { -readonly [K in keyof ErrorInfo]: ErrorInfo[K] } = {
      code: this.code,
      name: this.errorName,
      message: this.message,
    };
    if (this.details !== undefined) info.details = this.details;
    return info;
  }
}

/** Turns anything thrown by an invoker into a WorkflowError (code FUNCTION_FAILED unless it has one). */
export function toWorkflowError(err: unknown): WorkflowError {
  if (err instanceof WorkflowError) return err;
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return new WorkflowError({
      code: typeof code === 'string' ? code : 'FUNCTION_FAILED',
      name: err.name,
      message: err.message,
      cause: err,
    });
  }
  return new WorkflowError({ code: 'FUNCTION_FAILED', message: String(err) });
}
