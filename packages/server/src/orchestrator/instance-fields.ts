/**
 * The fields a SearchRequest may use on instances: id, processId, processName, state, start, end,
 * lastUpdate, businessKey and `variables` (workflowdata, initiatorEntity, targetEntity and any other
 * process variable, walked into as JSON). Variables need the instance state, loaded only when the
 * filter or the sort reads them.
 */
import type { InstanceState, InstanceSummary } from '@sluice/engine';
import { initiatorOf, stringVariable, workflowDataOf } from './instance-data.js';
import { ALL_STATUSES, statusOf } from './instance-status.js';
import type { FieldSet } from './search/field-spec.js';

export interface InstanceRecord {
  readonly summary: InstanceSummary;
  readonly processName: string;
  /** Loaded when `variables` is read. */
  state?: InstanceState;
}

/** The top-level field whose values need `InstanceRecord.state`. */
export const STATE_FIELD = 'variables';

export const INSTANCE_FIELDS: FieldSet<InstanceRecord> = {
  id: { kind: 'id', get: (r) => r.summary.id },
  processId: { kind: 'string', get: (r) => r.summary.workflowId },
  processName: { kind: 'string', get: (r) => r.processName },
  state: { kind: 'enum', values: ALL_STATUSES, get: (r) => statusOf(r.summary.status) },
  start: { kind: 'date', get: (r) => r.summary.startedAt },
  end: { kind: 'date', get: (r) => r.summary.endedAt },
  lastUpdate: { kind: 'date', get: (r) => r.summary.updatedAt },
  businessKey: { kind: 'string', get: (r) => r.summary.businessKey },
  variables: {
    kind: 'group',
    children: {
      workflowdata: { kind: 'json', get: (r) => (r.state ? workflowDataOf(r.state) : undefined) },
      initiatorEntity: { kind: 'string', get: (r) => initiatorOf(r.state, r.summary.initiator) },
      targetEntity: { kind: 'string', get: (r) => stringVariable(r.state, 'targetEntity') },
    },
    other: (name) => ({ kind: 'json', get: (r) => r.state?.variables?.[name] }),
  },
};
