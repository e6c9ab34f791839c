/**
 * @module @sluice/functions
 * Function invokers for the engine's Invoker port: OpenAPI `rest`, SonataFlow `custom:rest` and `custom:sysout`.
 */
import type { Invoker } from '@sluice/engine';
import { CustomRestInvoker } from './custom-rest-invoker.js';
import type { HttpInvokerOptions } from './http/http-call.js';
import { OpenApiInvoker } from './openapi-invoker.js';
import { SysoutInvoker } from './sysout-invoker.js';

export { CONFIG_MISSING } from './config-missing.js';
export { CustomRestInvoker, parseRestOperation } from './custom-rest-invoker.js';
export type { HttpInvokerOptions } from './http/http-call.js';
export { DEFAULT_TIMEOUT_MS, TIMEOUT_CONFIG_KEY } from './http/timeout-config.js';
export { OpenApiInvoker } from './openapi-invoker.js';
export { SysoutInvoker } from './sysout-invoker.js';

/**
 * The invokers every host registers: `rest` (OpenAPI), `custom:rest` and `custom:sysout`.
 * `fetch` and `defaultTimeoutMs` go to both HTTP invokers.
 *
 * @example
 * const invokers = createDefaultInvokers({ defaultTimeoutMs: 10_000 });
 * invokers.map((i) => i.key); // ['rest', 'custom:rest', 'custom:sysout']
 */
export function createDefaultInvokers(opts: HttpInvokerOptions = {}): Invoker[] {
  return [new OpenApiInvoker(opts), new CustomRestInvoker(opts), new SysoutInvoker()];
}
