/**
 * Row types of the PostgreSQL tables (snake_case, as `pg` returns them) and their mapping to the
 * engine's camelCase objects at the adapter edge (STYLE §4). BIGINT columns arrive as strings.
 */
import type { InstanceState, InstanceSummary, InstanceStatus, StoredHistoryEntry, HistoryEntry, InboxEntry } from '@sluice/engine';

/** A BIGINT as `pg` returns it (text), or a number when it came through JSON. */
type PgBigint = string | number;

/** The summary columns of `sluice_instances`. @internal */
export interface InstanceSummaryRow {
  id: string;
  workflow_id: string;
  workflow_version: string;
  status: string;
  business_key: string | null;
  initiator: string | null;
  parent_id: string | null;
  started_at: PgBigint;
  ended_at: PgBigint | null;
  updated_at: PgBigint;
  error_code: string | null;
  error_message: string | null;
  last_state: string | null;
}

/** The column list matching InstanceSummaryRow, for SELECTs. @internal */
export const SUMMARY_COLUMNS =
  'id, workflow_id, workflow_version, status, business_key, initiator, parent_id, started_at, ended_at, updated_at, error_code, error_message, last_state';

/** A row of `sluice_history`, as read back. @internal */
export interface HistoryRow {
  seq: number;
  entry: HistoryEntry;
}

/** A claimed instance as the claim statements return it. @internal */
export interface ClaimRow {
  id: string;
  state: InstanceState;
  prev_locked_by: string | null;
  revision: number;
  inbox: { id: PgBigint; trigger: InboxEntry['trigger'] }[] | null;
}

/** Number of a BIGINT column (epoch ms and ids stay below 2^53). @internal */
export function num(v: PgBigint): number {
  return typeof v === 'number' ? v : Number(v);
}

/** Number of a nullable BIGINT column. @internal */
export function optNum(v: PgBigint | null | undefined): number | undefined {
  return v === null || v === undefined ? undefined : num(v);
}

/** The summary of an instance, equal to `summarize(state, meta, updatedAt)` for the row's instance. @internal */
export function toSummary(r: InstanceSummaryRow): InstanceSummary {
  return {
    id: r.id,
    workflowId: r.workflow_id,
    workflowVersion: r.workflow_version,
    status: r.status as InstanceStatus,
    ...(r.business_key !== null ? { businessKey: r.business_key } : {}),
    ...(r.initiator !== null ? { initiator: r.initiator } : {}),
    ...(r.parent_id !== null ? { parentId: r.parent_id } : {}),
    startedAt: num(r.started_at),
    ...(r.ended_at !== null ? { endedAt: num(r.ended_at) } : {}),
    updatedAt: num(r.updated_at),
    ...(r.error_code !== null ? { errorCode: r.error_code, errorMessage: r.error_message ?? '' } : {}),
    ...(r.last_state !== null ? { lastState: r.last_state } : {}),
  };
}

/** A stored history entry: the entry as committed plus its seq. @internal */
export function toStoredHistory(r: HistoryRow): StoredHistoryEntry {
  return { ...r.entry, seq: r.seq };
}

/**
 * The state-derived columns of `sluice_instances`, written on create and on every commit so that
 * queries and summaries never need to read `state`. @internal
 */
export interface StateColumns {
  id: string;
  workflow_id: string;
  workflow_version: string;
  status: InstanceStatus;
  parent_id: string | null;
  parent_call_id: string | null;
  state: InstanceState;
  error_code: string | null;
  error_message: string | null;
  last_state: string | null;
  started_at: number;
  ended_at: number | null;
}

/** The columns derived from `state`. @internal */
export function stateColumns(state: InstanceState): StateColumns {
  return {
    id: state.id,
    workflow_id: state.workflowId,
    workflow_version: state.workflowVersion,
    status: state.status,
    parent_id: state.parent?.instanceId ?? null,
    parent_call_id: state.parent?.callId ?? null,
    state,
    error_code: state.error?.code ?? null,
    error_message: state.error?.message ?? null,
    last_state: state.lastState ?? null,
    started_at: state.startedAt,
    ended_at: state.endedAt ?? null,
  };
}

/** Timer rows (`sluice_timers`) of a state, a copy of `state.timers`. @internal */
export function timerRows(state: InstanceState): { instance_id: string; timer_id: string; due_at: number; purpose: string }[] {
  return Object.entries(state.timers).map(([timerId, t]) => ({ instance_id: state.id, timer_id: timerId, due_at: t.dueAt, purpose: t.purpose }));
}

/** Timer ids due at `now`, earliest first (ties by id), exactly as the memory store orders them. @internal */
export function dueTimerIds(state: InstanceState, now: number): string[] {
  return Object.entries(state.timers)
    .filter(([, t]) => t.dueAt <= now)
    .sort((a, b) => a[1].dueAt - b[1].dueAt || a[0].localeCompare(b[0]))
    .map(([id]) => id);
}
