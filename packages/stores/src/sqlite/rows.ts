/**
 * Row types mirroring the SQLite tables (snake_case), and their mapping to the engine's camelCase
 * domain objects. Nothing outside src/sqlite sees a row.
 */
import type { InstanceMeta, InstanceState, InstanceSummary } from '@sluice/engine';

/** @internal A `sluice_instances` row without `state` (what summaries and queries read). */
export interface InstanceSummaryRow {
  id: string;
  workflow_id: string;
  workflow_version: string;
  status: InstanceSummary['status'];
  business_key: string | null;
  initiator: string | null;
  parent_id: string | null;
  started_at: number;
  ended_at: number | null;
  updated_at: number;
  error_code: string | null;
  error_message: string | null;
  last_state: string | null;
}

/** @internal The columns of `sluice_instances` a summary needs, in SELECT form. */
export const SUMMARY_COLUMNS =
  'id, workflow_id, workflow_version, status, business_key, initiator, parent_id, started_at, ended_at, updated_at, error_code, error_message, last_state';

/** @internal What claims, commits, heartbeats and releases read of an instance. */
export interface LeaseRow {
  id: string;
  state: string;
  locked_by: string | null;
  locked_until: number | null;
  updated_at: number;
  revision: number;
}

/** @internal The columns derived from the state, written by create and by every commit. */
export interface StateColumns {
  workflow_id: string;
  workflow_version: string;
  status: string;
  parent_id: string | null;
  parent_call_id: string | null;
  state: string;
  error_code: string | null;
  error_message: string | null;
  last_state: string | null;
  started_at: number;
  ended_at: number | null;
}

/** @internal The state as JSON plus the columns queries filter on; the JSON is what `get` returns. */
export function stateColumns(s: InstanceState): StateColumns {
  return {
    workflow_id: s.workflowId,
    workflow_version: s.workflowVersion,
    status: s.status,
    parent_id: s.parent?.instanceId ?? null,
    parent_call_id: s.parent?.callId ?? null,
    state: JSON.stringify(s),
    error_code: s.error ? s.error.code : null,
    error_message: s.error ? s.error.message : null,
    last_state: s.lastState ?? null,
    started_at: s.startedAt,
    ended_at: s.endedAt ?? null,
  };
}

/** @internal The meta columns of a new instance. */
export function metaColumns(meta: InstanceMeta): { business_key: string | null; initiator: string | null } {
  return { business_key: meta.businessKey ?? null, initiator: meta.initiator ?? null };
}

/** @internal A summary row as the port's InstanceSummary (the same shape `summarize` builds). */
export function toSummary(r: InstanceSummaryRow): InstanceSummary {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    workflowVersion: r.workflow_version,
    status: r.status,
    ...(r.business_key !== null ? { businessKey: r.business_key } : {}),
    ...(r.initiator !== null ? { initiator: r.initiator } : {}),
    ...(r.parent_id !== null ? { parentId: r.parent_id } : {}),
    startedAt: r.started_at,
    ...(r.ended_at !== null ? { endedAt: r.ended_at } : {}),
    updatedAt: r.updated_at,
    ...(r.error_code !== null ? { errorCode: r.error_code, errorMessage: r.error_message ?? '' } : {}),
    ...(r.last_state !== null ? { lastState: r.last_state } : {}),
  };
}

/** @internal Parses a stored JSON column. */
export function parseJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
