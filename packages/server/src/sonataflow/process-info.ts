/**
 * Kogito's process info (`GET /management/processes/{id}`) of a workflow:
 * `{id, name, type: 'SW', version, description?, annotations, inputSchema?, outputSchema?}`, with
 * the version the definition declares and the schemas as their files hold them.
 */
import type { JsonObject, WorkflowDef } from '@sluice/engine';
import { definitionVersion } from '../orchestrator/workflow-overviews.js';
import type { WorkflowEntry } from '../workflows/workflow-registry.js';

export interface ProcessInfo {
  id: string;
  name: string;
  type: 'SW';
  version?: string;
  description?: string;
  annotations: string[];
  inputSchema?: JsonObject;
  outputSchema?: JsonObject;
}

export function processInfo(entry: WorkflowEntry, def: WorkflowDef): ProcessInfo {
  const version = definitionVersion(entry);
  return {
    id: def.id,
    name: def.name,
    type: 'SW',
    ...(version !== undefined ? { version } : {}),
    ...(def.description !== undefined ? { description: def.description } : {}),
    annotations: [...def.annotations],
    ...(def.dataInputSchema ? { inputSchema: def.dataInputSchema.schema } : {}),
    ...(def.outputSchema ? { outputSchema: def.outputSchema.schema } : {}),
  };
}
