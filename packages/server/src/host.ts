/**
 * @module @sluice/server/host
 * The file-system and process helpers the CLI shares with the server, without loading the HTTP
 * stack: workflow discovery, the resource reader, run configuration, opening a store, timers.
 */
export { findWorkflowFiles } from './workflows/find-workflows.js';
export { fsReader } from './workflows/fs-reader.js';
export { runConfig, unsetVariables } from './workflows/run-config.js';
export { openStore } from './db/open-store.js';
export type { OpenedStore } from './db/open-store.js';
export { nodeScheduler } from './app/node-scheduler.js';
