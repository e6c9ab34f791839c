/**
 * Sends one prepared HTTP request for an invoker: timeout, response parsing, and the mapping of
 * HTTP statuses, network failures and timeouts to WorkflowError. Shared by the rest invokers.
 */
import {
  ENGINE_ERROR_CODES,
  WorkflowError,
  type InvokeRequest,
  type InvokeResult,
  type Json,
} from '@sluice/engine';

/** Options shared by the HTTP invokers. */
export interface HttpInvokerOptions {
  /** The fetch to use (default: Node's global `fetch`). */
  readonly fetch?: typeof fetch;
  /** Timeout when no config key sets one (default 30 000 ms). */
  readonly defaultTimeoutMs?: number;
}

/** A request ready to send. `url` is absolute and already encoded. */
export interface HttpCallSpec {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, or undefined for no body. */
  readonly body?: string;
  readonly timeoutMs: number;
  /** When false, a non-2xx response is returned (with its status) instead of thrown. */
  readonly failOnStatusCode: boolean;
  /** Credential values placed in the request; they are scrubbed from error messages and details. */
  readonly secrets: readonly string[];
}

/**
 * Sends `spec` with `fetchFn`, aborting on `req.signal` or after `spec.timeoutMs`, and returns
 * `{ body, status, headers }` (body: parsed JSON when the text is JSON, else the text; empty -> null).
 * Throws WorkflowError: code = the HTTP status as a string for a non-2xx response (name `HttpError`,
 * details `{ status, body }`), `TimedOut` on timeout, FUNCTION_FAILED for network errors; an abort by
 * `req.signal` rethrows its reason when that is a WorkflowError. Logs one debug line via `req.log`:
 * method, path (no query), status, duration.
 */
export async function sendHttpCall(fetchFn: typeof fetch, spec: HttpCallSpec, req: InvokeRequest): Promise<InvokeResult> {
  const path = pathOf(spec.url);
  const label = `${spec.method} ${path}`;
  const timeout = AbortSignal.timeout(spec.timeoutMs);
  const started = performance.now();
  let status: number | undefined;
  let outcome = 'ok';
  try {
    const init: RequestInit = {
      method: spec.method,
      headers: spec.headers,
      signal: AbortSignal.any([req.signal, timeout]),
      redirect: 'follow',
    };
    if (spec.body !== undefined) init.body = spec.body;
    const res = await fetchFn(spec.url, init);
    status = res.status;
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => (headers[name] = value));
    if (spec.failOnStatusCode && (res.status < 200 || res.status > 299)) {
      throw new WorkflowError({
        code: String(res.status),
        name: 'HttpError',
        status: res.status,
        message: `${label}: HTTP ${res.status}`,
        details: { status: res.status, body: parseBody(scrub(text, spec.secrets)) },
      });
    }
    return { body: parseBody(text), status: res.status, headers };
  } catch (err) {
    const wfErr = toCallError(err, label, spec, timeout, req.signal);
    outcome = wfErr.code;
    throw wfErr;
  } finally {
    const ms = Math.round(performance.now() - started);
    const fields: Record<string, Json> = { function: req.fn.name, method: spec.method, path, status: status ?? null, ms };
    if (outcome !== 'ok' && status === undefined) fields.error = outcome;
    req.log.log('debug', `${label} -> ${status ?? outcome} (${ms} ms)`, fields);
  }
}

/** Parses a response text: JSON when it parses, else the text itself; empty text is null. */
export function parseBody(text: string): Json {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

function toCallError(err: unknown, label: string, spec: HttpCallSpec, timeout: AbortSignal, outer: AbortSignal): WorkflowError {
  if (err instanceof WorkflowError) return err;
  if (outer.aborted) {
    if (outer.reason instanceof WorkflowError) return outer.reason;
    return new WorkflowError({ code: ENGINE_ERROR_CODES.FUNCTION_FAILED, name: 'AbortError', message: `${label}: aborted` });
  }
  if (timeout.aborted) {
    return new WorkflowError({
      code: ENGINE_ERROR_CODES.TIMED_OUT,
      name: 'TimedOut',
      message: `${label}: timed out after ${spec.timeoutMs} ms`,
      details: { timeoutMs: spec.timeoutMs },
    });
  }
  const raw = causeMessage(err);
  const message = scrub(raw.split(spec.url).join(label), spec.secrets);
  // The raw error may quote the full URL (query api keys) or a credential: keep it only when clean.
  const clean = message === raw;
  return new WorkflowError({
    code: ENGINE_ERROR_CODES.FUNCTION_FAILED,
    name: 'NetworkError',
    message: `${label}: ${message}`,
    ...(clean ? { cause: err } : {}),
  });
}

/** undici reports "fetch failed" and puts the useful text (ECONNREFUSED, ENOTFOUND) in `cause`. */
function causeMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause;
  if (err.message === 'fetch failed' && cause instanceof Error && cause.message) return cause.message;
  return err.message;
}

function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join('***');
  return out;
}

function pathOf(url: string): string {
  const q = url.search(/[?#]/);
  const noQuery = q < 0 ? url : url.slice(0, q);
  const m = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(noQuery);
  const path = m ? noQuery.slice(m[0].length) : noQuery;
  return path === '' ? '/' : path;
}
