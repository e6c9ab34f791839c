/** Function invokers: the engine names functions, hosts register what runs them. */
import type { FunctionDef } from '../model/definition.js';
import type { Json } from '../model/json.js';
import type { ConfigSource } from './config.js';

/** One function call. */
export interface InvokeRequest {
  readonly instanceId: string;
  readonly workflowId: string;
  /** Unique per instance: the engine records the result under it. */
  readonly callId: string;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly fn: FunctionDef;
  /** Arguments after expression evaluation. */
  readonly args: Json;
  /** The workflow folder's configuration (base URLs, credentials, `$SECRET`). */
  readonly config: ConfigSource;
  /** Aborted when the call times out or the instance is cancelled. */
  readonly signal: AbortSignal;
  readonly log: Logger;
  /**
   * Credentials the host holds for this run (never stored with it), e.g. `X-Authorization-Github`
   * headers given when it was started. Invokers pass them only where configuration asks for them.
   */
  readonly credentials?: Readonly<Record<string, string>>;
}

/** What a call returned. `status` and `headers` are kept for `$WORKFLOW.statusCode` / `responseHeaders`. */
export interface InvokeResult {
  readonly body: Json;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Runs one kind of function. `key` matches `FunctionDef.invoker` (`rest`, `custom:sysout`, `custom:rest`, ...).
 * Failures are thrown, ideally as `WorkflowError` with `code` = HTTP status for HTTP failures.
 */
export interface Invoker {
  readonly key: string;
  invoke(req: InvokeRequest): Promise<InvokeResult>;
}

/** Log sink. Messages never contain credentials. */
export interface Logger {
  log(level: LogLevel, message: string, fields?: Readonly<Record<string, Json>>): void;
}

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';
