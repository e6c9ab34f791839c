/**
 * @module @sluice/stores/conformance
 * The InstanceStore conformance suite, for adapters' tests (imports vitest: never load it from production code).
 */
export { runStoreConformance } from './run-store-conformance.js';
export type { StoreConformanceOptions, StoreHandle } from './run-store-conformance.js';
export type { DefineCase, Stores } from './harness.js';
