/**
 * ProcessInstanceDTO of a run: ids and names, the six-state status, ISO start and end, humanized
 * duration, description, workflowdata (with `result`), initiatorEntity and targetEntity, and, when
 * its history is given (the instance page), nodes, error and executionSummary. Lists leave `nodes`
 * empty and skip the history.
 */
import type { InstanceState, StoredHistoryEntry, WorkflowDef } from '@sluice/engine';
import type { WorkflowRegistry } from '../workflows/workflow-registry.js';
import type { ProcessInstanceDTO } from './dto.js';
import { executionSummary } from './execution-summary.js';
import { humanizeDuration } from './humanize-duration.js';
import { initiatorOf, stringVariable, workflowDataObject } from './instance-data.js';
import { statusOf } from './instance-status.js';
import { instanceError, nodeInstances } from './node-instances.js';

/** The definition a run follows: the version it started with, else the current one. */
export function definitionOf(workflows: WorkflowRegistry, workflowId: string, version: string | undefined): WorkflowDef | undefined {
  return workflows.get(workflowId, version)?.def ?? workflows.entry(workflowId)?.def;
}

/** The display name of a workflow (its definition name, else its id). */
export function processNameOf(workflows: WorkflowRegistry, workflowId: string, version?: string): string {
  return definitionOf(workflows, workflowId, version)?.name || workflowId;
}

export function processInstanceDto(
  state: InstanceState,
  o: { workflows: WorkflowRegistry; baseUrl: string; recordedInitiator?: string; history?: readonly StoredHistoryEntry[] },
): ProcessInstanceDTO {
  const def = definitionOf(o.workflows, state.workflowId, state.workflowVersion);
  const data = workflowDataObject(state);
  const initiator = initiatorOf(state, o.recordedInitiator);
  const target = stringVariable(state, 'targetEntity');
  const ended = state.endedAt !== undefined && (state.status === 'completed' || state.status === 'faulted' || state.status === 'cancelled');
  const dto: ProcessInstanceDTO = {
    id: state.id,
    processId: state.workflowId,
    processName: def?.name || state.workflowId,
    state: statusOf(state.status),
    serviceUrl: o.baseUrl,
    endpoint: `${o.baseUrl}/${encodeURIComponent(state.workflowId)}`,
    start: new Date(state.startedAt).toISOString(),
    ...(ended ? { end: new Date(state.endedAt!).toISOString(), duration: humanizeDuration(state.endedAt! - state.startedAt) } : {}),
    ...(def?.description !== undefined ? { description: def.description } : {}),
    ...(data ? { workflowdata: data } : {}),
    ...(initiator !== undefined ? { initiatorEntity: initiator } : {}),
    ...(target !== undefined ? { targetEntity: target } : {}),
    nodes: [],
  };
  if (o.history) {
    dto.nodes = nodeInstances(o.history, state, def);
    dto.executionSummary = executionSummary(o.history, state);
    const error = instanceError(dto.nodes, state);
    if (error) dto.error = error;
  }
  return dto;
}
