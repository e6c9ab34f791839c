/**
 * What the Orchestrator shows of an instance's data: `workflowdata` (the output once ended, else
 * the current data of the run, else its input) and the process variables `initiatorEntity` and
 * `targetEntity` kept beside it.
 */
import { isObject, type InstanceState, type Json, type JsonObject } from '@sluice/engine';

/** The run's data as Data Index's `variables.workflowdata` would hold it. */
export function workflowDataOf(s: InstanceState): Json | undefined {
  return s.output ?? s.threads.main?.data ?? s.input ?? undefined;
}

/** `workflowdata` when it is a JSON object (the DTO's type), else undefined. */
export function workflowDataObject(s: InstanceState): JsonObject | undefined {
  const d = workflowDataOf(s);
  return isObject(d) ? d : undefined;
}

/** A process variable that holds a string. */
export function stringVariable(s: InstanceState | undefined, name: string): string | undefined {
  const v = s?.variables?.[name];
  return typeof v === 'string' ? v : undefined;
}

/** Who started the run: the `initiatorEntity` variable, else the initiator the store recorded. */
export function initiatorOf(s: InstanceState | undefined, recorded: string | undefined): string | undefined {
  return stringVariable(s, 'initiatorEntity') ?? recorded;
}
