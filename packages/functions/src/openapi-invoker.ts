/**
 * The `rest` invoker: calls an OpenAPI operation (`<spec>#<operationId>`) the way SonataFlow's
 * quarkus-openapi-generator clients do: arguments fill parameters by name, the rest is the JSON body.
 */
import {
  ENGINE_ERROR_CODES,
  WorkflowError,
  isObject,
  type Invoker,
  type InvokeRequest,
  type InvokeResult,
  type Json,
  type JsonObject,
  type OpenApiOperationRef,
} from '@sluice/engine';
import { configMissing } from './config-missing.js';
import { sendHttpCall, type HttpInvokerOptions } from './http/http-call.js';
import { encodeComponent, queryPairs, scalarText, simpleStyle, withQuery } from './http/param-style.js';
import { DEFAULT_TIMEOUT_MS, TIMEOUT_CONFIG_KEY, resolveTimeoutMs } from './http/timeout-config.js';
import { firstValue, restClientKeys } from './openapi/config-keys.js';
import { planOperation, queryStyleOf, type OperationPlan } from './openapi/operation-plan.js';
import { applySecurity, type AuthTarget } from './openapi/security.js';

/** Header parameters OpenAPI 3 says to ignore: the client sets these itself. */
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/**
 * Invoker for `type: rest` functions (key `rest`). Per call:
 * - base URL from `quarkus.rest-client.<configKey>.url` (or the quoted key form), joined with a
 *   relative `servers[0].url` and the operation path; without that key an absolute `servers[0].url`
 *   is used, else a WorkflowError `CONFIG_MISSING` names the key to set;
 * - an argument named like a path/query/header/cookie parameter fills it; path values are
 *   percent-encoded, query values use OpenAPI `form` style (`explode` default: repeated keys), null
 *   query values are left out;
 * - the other arguments, in the order given and with nulls kept, form the JSON body object, unless one
 *   of them is named `x-codegen-request-body-name` (or `requestBody`/`body` when the schema has no such
 *   property): then its value is the whole body. A body is sent only when the operation declares a
 *   requestBody or arguments remain, and never on GET/HEAD;
 * - security per the operation (or document) requirement, credentials from
 *   `quarkus.openapi-generator.<configKey>.auth.<scheme>.*`, applied only when configured, or
 *   with `token-propagation=true` from the run's credentials (see `applySecurity`);
 * - timeout `quarkus.rest-client.<configKey>.read-timeout`, then `sluice.functions.timeout`, then the default.
 * Returns `{ body, status, headers }`; failures are WorkflowErrors as described in `sendHttpCall`.
 *
 * @example new OpenApiInvoker({ defaultTimeoutMs: 10_000 }).invoke(req) // req.fn.invoker === 'rest'
 */
export class OpenApiInvoker implements Invoker {
  readonly key = 'rest';
  readonly #fetch: typeof fetch;
  readonly #defaultTimeoutMs: number;

  constructor(opts: HttpInvokerOptions = {}) {
    this.#fetch = opts.fetch ?? globalThis.fetch;
    this.#defaultTimeoutMs = opts.defaultTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  async invoke(req: InvokeRequest): Promise<InvokeResult> {
    const ref = req.fn.openapi;
    if (!ref) {
      throw new WorkflowError({
        code: ENGINE_ERROR_CODES.FUNCTION_FAILED,
        name: 'OpenApiError',
        message: `function ${req.fn.name} has no OpenAPI operation`,
        retryable: false,
      });
    }
    const plan = planOperation(ref);
    const args: JsonObject = isObject(req.args) ? req.args : {};
    const auth: AuthTarget = { headers: {}, query: [], cookies: [], secrets: [] };
    const used = new Set<string>();
    const path = fillPath(plan, args, used, req.fn.name);
    const query: string[] = [];
    for (const p of plan.params) {
      const v = args[p.name];
      if (v === undefined) continue;
      used.add(p.name);
      if (p.in === 'query') query.push(...queryPairs(p.name, v, queryStyleOf(p), p.explode));
      else if (p.in === 'header' && !RESERVED_HEADERS.has(p.name.toLowerCase())) {
        const text = simpleStyle(v, p.explode, (s) => s);
        if (text !== undefined) auth.headers[p.name] = text;
      } else if (p.in === 'cookie' && v !== null) auth.cookies.push(`${p.name}=${encodeComponent(scalarText(v))}`);
    }
    const body = requestBody(plan, req.args, args, used, req);
    applySecurity(plan.schemes, req.config, ref.configKey, auth, req.credentials);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, auth.headers);
    if (auth.cookies.length > 0) headers['Cookie'] = auth.cookies.join('; ');
    const timeoutMs = resolveTimeoutMs(
      req.config,
      [...restClientKeys(ref.configKey, 'read-timeout'), TIMEOUT_CONFIG_KEY],
      this.#defaultTimeoutMs,
      req.log,
    );
    return sendHttpCall(
      this.#fetch,
      {
        method: plan.method,
        url: withQuery(baseUrl(ref, plan, req) + path, [...query, ...auth.query]),
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        timeoutMs,
        failOnStatusCode: true,
        secrets: auth.secrets,
      },
      req,
    );
  }
}

function fillPath(plan: OperationPlan, args: JsonObject, used: Set<string>, fnName: string): string {
  const styles = new Map(plan.params.filter((p) => p.in === 'path').map((p) => [p.name, p]));
  return plan.pathTemplate.replace(/\{([^{}]+)\}/g, (_whole, name: string) => {
    const v = args[name];
    const text = v === undefined ? undefined : simpleStyle(v, styles.get(name)?.explode ?? false, encodeComponent);
    if (text === undefined) {
      throw new WorkflowError({
        code: ENGINE_ERROR_CODES.FUNCTION_FAILED,
        name: 'OpenApiError',
        message: `function ${fnName}: path parameter '${name}' of ${plan.method} ${plan.pathTemplate} has no value`,
        retryable: false,
      });
    }
    used.add(name);
    return text;
  });
}

/** The body to send, or undefined for none (see the OpenApiInvoker contract). */
function requestBody(plan: OperationPlan, rawArgs: Json, args: JsonObject, used: Set<string>, req: InvokeRequest): Json | undefined {
  const rest = Object.entries(args).filter(([k]) => !used.has(k));
  const ignore = (names: string[], why: string): void => {
    if (names.length > 0) req.log.log('debug', `${req.fn.name}: arguments not sent (${why}): ${names.join(', ')}`);
  };
  if (plan.method === 'GET' || plan.method === 'HEAD') {
    ignore(rest.map(([k]) => k), `no body on ${plan.method}`);
    return undefined;
  }
  if (!isObject(rawArgs) && rawArgs !== null && rawArgs !== undefined) return rawArgs;
  const whole = plan.bodyArgNames.find((n) => rest.some(([k]) => k === n));
  if (whole !== undefined) {
    ignore(rest.map(([k]) => k).filter((k) => k !== whole), `'${whole}' is the whole body`);
    return args[whole];
  }
  if (rest.length === 0 && !plan.hasRequestBody) return undefined;
  return Object.fromEntries(rest);
}

function baseUrl(ref: OpenApiOperationRef, plan: OperationPlan, req: InvokeRequest): string {
  const keys = restClientKeys(ref.configKey, 'url');
  const configured = firstValue(req.config, keys);
  const server = plan.serverUrl;
  const serverIsAbsolute = server !== undefined && /^[a-z][a-z0-9+.-]*:\/\//i.test(server);
  if (configured !== undefined) {
    if (!/^https?:\/\/[^/?#]+/i.test(configured)) {
      throw configMissing(`${keys[0]} must be an absolute http(s) URL (function ${req.fn.name}, ${ref.uri})`);
    }
    return trimSlash(configured) + (serverIsAbsolute || server === undefined ? '' : relativePath(server));
  }
  if (serverIsAbsolute) return trimSlash(server);
  throw configMissing(`set ${keys[0]} to the base URL of ${ref.uri} (function ${req.fn.name})`);
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function relativePath(server: string): string {
  const p = trimSlash(server);
  return p === '' || p.startsWith('/') ? p : `/${p}`;
}
