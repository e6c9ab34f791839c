/**
 * The `custom:rest` invoker: SonataFlow's plain HTTP custom function, operation
 * `rest:<method>:<url or path>` (checklist §18.3), without an OpenAPI document.
 */
import {
  ENGINE_ERROR_CODES,
  WorkflowError,
  isObject,
  type ConfigSource,
  type Invoker,
  type InvokeRequest,
  type InvokeResult,
  type Json,
  type JsonObject,
} from '@sluice/engine';
import { sendHttpCall, type HttpInvokerOptions } from './http/http-call.js';
import { encodeComponent, queryPairs, simpleStyle, withQuery } from './http/param-style.js';
import { DEFAULT_TIMEOUT_MS, TIMEOUT_CONFIG_KEY, resolveTimeoutMs } from './http/timeout-config.js';
import { configMissing } from './config-missing.js';

/** Methods that never carry a body here. */
const NO_BODY = new Set(['GET', 'HEAD']);

/**
 * Invoker for `type: custom` functions whose operation is `rest:<method>:<url or path>` (key `custom:rest`).
 * - `{name}` placeholders in the URL are filled from the argument of that name (percent-encoded);
 * - a relative path gets protocol, host and port from `kogito.sw.functions.<fn>.protocol` (default
 *   `http`), `.host` (required: else WorkflowError `CONFIG_MISSING`) and `.port` (default 80 / 443);
 * - `HEADER_x` arguments become header `x`, `QUERY_x` arguments query parameter `x` (arrays repeat the key);
 * - the other arguments, in the order given, form the JSON body object, except on GET and HEAD.
 *   POST, PUT and PATCH always send one (`{}` when no argument is left); other methods only when
 *   arguments remain;
 * - function metadata `failOnStatusCode: false` (or `'false'`) returns non-2xx responses with their
 *   status instead of throwing.
 * Timeout: `sluice.functions.timeout`, else the default. Errors as in `sendHttpCall`.
 *
 * @example // functions: [{ name: hello, type: custom, operation: 'rest:post:/hello/{who}' }]
 */
export class CustomRestInvoker implements Invoker {
  readonly key = 'custom:rest';
  readonly #fetch: typeof fetch;
  readonly #defaultTimeoutMs: number;

  constructor(opts: HttpInvokerOptions = {}) {
    this.#fetch = opts.fetch ?? globalThis.fetch;
    this.#defaultTimeoutMs = opts.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async invoke(req: InvokeRequest): Promise<InvokeResult> {
    const { method, target } = parseRestOperation(req.fn.operation, req.fn.name);
    const args: JsonObject = isObject(req.args) ? req.args : {};
    const used = new Set<string>();
    const filled = target.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
      const v = args[name];
      const text = v === undefined ? undefined : simpleStyle(v, false, encodeComponent);
      if (text === undefined) throw callError(`function ${req.fn.name}: placeholder {${name}} has no argument`);
      used.add(name);
      return text;
    });
    const headers: Record<string, string> = { Accept: 'application/json' };
    const query: string[] = [];
    const rest: [string, Json][] = [];
    for (const [k, v] of Object.entries(args)) {
      if (used.has(k)) continue;
      if (k.startsWith('HEADER_') && k.length > 7) {
        const text = simpleStyle(v, false, (s) => s);
        if (text !== undefined) headers[k.slice(7)] = text;
      } else if (k.startsWith('QUERY_') && k.length > 6) {
        query.push(...queryPairs(k.slice(6), v, 'form', true));
      } else {
        rest.push([k, v]);
      }
    }
    let body: string | undefined;
    if (!NO_BODY.has(method) && (rest.length > 0 || ['POST', 'PUT', 'PATCH'].includes(method))) {
      body = JSON.stringify(Object.fromEntries(rest));
      headers['Content-Type'] = 'application/json';
    }
    const url = withQuery(absoluteUrl(filled, req.fn.name, req.config), query);
    const timeoutMs = resolveTimeoutMs(req.config, [TIMEOUT_CONFIG_KEY], this.#defaultTimeoutMs, req.log);
    const failOnStatusCode = !isFalse(req.fn.metadata.failOnStatusCode);
    return sendHttpCall(
      this.#fetch,
      { method, url, headers, ...(body !== undefined ? { body } : {}), timeoutMs, failOnStatusCode, secrets: [] },
      req,
    );
  }
}

/**
 * Splits `rest:<method>:<url or path>` into an upper-case method and the URL or path (which may
 * itself contain `:`). Throws a WorkflowError (not retryable) for any other shape.
 *
 * @example parseRestOperation('rest:post:http://h:8080/x', 'f') // { method: 'POST', target: 'http://h:8080/x' }
 */
export function parseRestOperation(operation: string, fnName: string): { method: string; target: string } {
  const m = /^rest:([A-Za-z]+):(.+)$/.exec(operation.trim());
  if (!m) throw callError(`function ${fnName}: operation must be rest:<method>:<url or path>, got ${operation}`);
  return { method: (m[1] as string).toUpperCase(), target: m[2] as string };
}

function absoluteUrl(target: string, fnName: string, config: ConfigSource): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) return target;
  const prefix = `kogito.sw.functions.${fnName}`;
  const host = config.get(`${prefix}.host`);
  if (host === undefined || host === '') {
    throw configMissing(`set ${prefix}.host (and optionally .port, .protocol) for the relative URL of function ${fnName}`);
  }
  const protocol = (config.get(`${prefix}.protocol`) || 'http').toLowerCase();
  const defaultPort = protocol === 'https' ? '443' : '80';
  const port = config.get(`${prefix}.port`) || defaultPort;
  const path = target.startsWith('/') ? target : `/${target}`;
  return `${protocol}://${host}${port === defaultPort ? '' : `:${port}`}${path}`;
}

function isFalse(v: Json | undefined): boolean {
  return v === false || (typeof v === 'string' && v.trim().toLowerCase() === 'false');
}

function callError(message: string): WorkflowError {
  return new WorkflowError({ code: ENGINE_ERROR_CODES.FUNCTION_FAILED, name: 'CustomRestError', message, retryable: false });
}
