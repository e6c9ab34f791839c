/** The actions @sluice/scaffolder provides itself (the server adds catalog, notification and Kubernetes ones). */
import { ActionRegistry } from './action-registry.js';
import { createDebugLogAction } from './debug-log-action.js';
import { createFetchPlainAction, createFetchPlainFileAction, type FetchActionOptions } from './fetch-plain-action.js';
import { createFetchTemplateAction, type FetchTemplateOptions } from './fetch-template-action.js';
import { createFsDeleteAction } from './fs-delete-action.js';
import type { TemplateAction } from './template-action.js';

/** Options of the built-in actions. */
export type BuiltinActionOptions = FetchActionOptions & FetchTemplateOptions;

/** `debug:log`, `fetch:plain`, `fetch:plain:file`, `fetch:template`, `fs:delete`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function createBuiltinActions(opts: BuiltinActionOptions = {}): TemplateAction<any>[] {
  return [
    createDebugLogAction(),
    createFetchPlainAction(opts),
    createFetchPlainFileAction(opts),
    createFetchTemplateAction(opts),
    createFsDeleteAction(),
  ];
}

/** A registry holding the built-in actions. */
export function createBuiltinRegistry(opts: BuiltinActionOptions = {}): ActionRegistry {
  const registry = new ActionRegistry();
  for (const action of createBuiltinActions(opts)) registry.register(action);
  return registry;
}
