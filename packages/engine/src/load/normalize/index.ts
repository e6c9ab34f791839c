/** The normalizer's public surface: raw definition → `WorkflowDef`, plus the invoker check hosts reuse. */
export { normalize } from './normalize.js';
export { BUILTIN_INVOKERS, checkInvokers, invokerKey } from './functions.js';
export type { CheckInvokersOptions } from './functions.js';
export { configKeyOf } from './openapi.js';
export { DEFAULT_ITERATION_PARAM } from './state-types.js';
