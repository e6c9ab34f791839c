/**
 * @module @sluice/server
 * `sluice serve`: the Orchestrator v2 API, SonataFlow-compatible endpoints, Backstage-compatible
 * notifications and catalog, auth and CloudEvents in, over the engine and a store. Also the
 * file-system helpers the CLI shares (workflow discovery, resource reader, run configuration).
 */
export { startServer } from './serve.js';
export type { RunningServer, StartServerOptions } from './serve.js';
export { ConfigError, loadServerConfig } from './config/load-config.js';
export type { ServeFlags } from './config/load-config.js';
export type { ServerConfig, AuthConfig, ExternalAccessToken, OidcConfig, WorkflowGrant } from './config/server-config.js';
export * from './host.js';
export { WorkflowRegistry } from './workflows/workflow-registry.js';
export type { WorkflowEntry } from './workflows/workflow-registry.js';
export type { AppContext } from './app/context.js';
export { SELF_SUBJECT, selfToken } from './app/data-dir-secrets.js';
export { createServerActions } from './scaffolder/actions/server-actions.js';
export type * from './api-types.js';
