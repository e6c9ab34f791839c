/**
 * The error type of @sluice/scaffolder: every failure carries a stable `code` (see
 * `SCAFFOLDER_ERROR_CODES`) so the HTTP layer can map it to a status and a Backstage error name.
 */

/** Every error code the scaffolder raises. */
export const SCAFFOLDER_ERROR_CODES = {
  /** A template file failed to parse or validate; `TemplateError.issues` says where. */
  TEMPLATE_INVALID: 'TEMPLATE_INVALID',
  /** An action's input did not match its input schema, or a filter got unusable input (Backstage `InputError`). */
  INPUT_INVALID: 'INPUT_INVALID',
  /** No action is registered under that id (Backstage `NotFoundError`). */
  ACTION_NOT_FOUND: 'ACTION_NOT_FOUND',
  /** An action id was registered twice (Backstage `ConflictError`). */
  ACTION_CONFLICT: 'ACTION_CONFLICT',
  /** A `${{ }}` expression failed to compile or render. */
  TEMPLATING_FAILED: 'TEMPLATING_FAILED',
  /** A path left the workspace or the template directory. */
  PATH_NOT_ALLOWED: 'PATH_NOT_ALLOWED',
  /** Fetching a file or directory failed. */
  FETCH_FAILED: 'FETCH_FAILED',
  /** An action failed (any error it threw that has no code of its own). */
  ACTION_FAILED: 'ACTION_FAILED',
  /** The task was cancelled through its AbortSignal. */
  CANCELLED: 'CANCELLED',
} as const;

export type ScaffolderErrorCode = (typeof SCAFFOLDER_ERROR_CODES)[keyof typeof SCAFFOLDER_ERROR_CODES];

/** Backstage's error names for the codes, as `SerializedError.name` expects them. */
const BACKSTAGE_NAMES: Record<ScaffolderErrorCode, string> = {
  TEMPLATE_INVALID: 'InputError',
  INPUT_INVALID: 'InputError',
  ACTION_NOT_FOUND: 'NotFoundError',
  ACTION_CONFLICT: 'ConflictError',
  TEMPLATING_FAILED: 'InputError',
  PATH_NOT_ALLOWED: 'NotAllowedError',
  FETCH_FAILED: 'Error',
  ACTION_FAILED: 'Error',
  CANCELLED: 'CancelledError',
};

/**
 * A scaffolder failure with a code.
 *
 * @example throw new ScaffolderError('ACTION_NOT_FOUND', 'Template action with ID "x" is not registered.')
 */
export class ScaffolderError extends Error {
  readonly code: ScaffolderErrorCode;
  /** Extra data for the caller (e.g. validation errors); never secrets. */
  readonly details?: unknown;

  constructor(code: ScaffolderErrorCode, message: string, opts: { cause?: unknown; details?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = BACKSTAGE_NAMES[code];
    this.code = code;
    this.details = opts.details;
  }
}

/** `{name, message}` of any thrown value, as Backstage serialises errors in task events. */
export function serializeError(err: unknown): { name: string; message: string; code?: string } {
  if (err instanceof ScaffolderError) return { name: err.name, message: err.message, code: err.code };
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}) };
  }
  return { name: 'Error', message: String(err) };
}
