/**
 * The part of an instance filter the store can apply (`runtime.query`): conditions that every match
 * must meet (the filter itself or members of a top-level AND) on processId, state, start and
 * businessKey. It only narrows the scan; the whole filter is still evaluated on each instance.
 */
import type { InstanceQuery, InstanceStatus } from '@sluice/engine';
import type { ProcessInstanceStatusDTO } from './dto.js';
import { engineStatusesOf } from './instance-status.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface PushedDown {
  readonly query: Pick<InstanceQuery, 'workflowId' | 'status' | 'startedFrom' | 'startedTo' | 'businessKey'>;
  /** True when no instance can match (e.g. state PENDING, or an empty start range). */
  readonly none: boolean;
}

interface Cond {
  field?: unknown;
  operator?: unknown;
  value?: unknown;
  filters?: unknown;
}

/** What of the (already validated) filter `raw` goes to the store. */
export function pushDown(raw: unknown): PushedDown {
  const q: Mutable<PushedDown['query']> = {};
  let statuses: Set<InstanceStatus> | undefined;
  for (const c of conjuncts(raw)) {
    const { field, operator: op, value } = c;
    if (field === 'processId' && q.workflowId === undefined) {
      if (op === 'EQ' && typeof value === 'string') q.workflowId = value;
      if (op === 'IN' && Array.isArray(value) && value.length === 1 && typeof value[0] === 'string') q.workflowId = value[0];
    } else if (field === 'businessKey' && op === 'EQ' && typeof value === 'string') {
      q.businessKey ??= value;
    } else if (field === 'state' && (op === 'EQ' || op === 'IN')) {
      const wanted = new Set((Array.isArray(value) ? value : [value]).flatMap((v) => engineStatusesOf(v as ProcessInstanceStatusDTO)));
      statuses = statuses ? new Set([...statuses].filter((s) => wanted.has(s))) : wanted;
    } else if (field === 'start') {
      narrowStart(q, op, value);
    }
  }
  if (statuses) q.status = [...statuses];
  const none = (statuses !== undefined && statuses.size === 0) || (q.startedFrom !== undefined && q.startedTo !== undefined && q.startedFrom >= q.startedTo);
  return { query: q, none };
}

function conjuncts(raw: unknown): Cond[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || 'nested' in raw) return [];
  const c = raw as Cond;
  if (c.operator === 'AND' && Array.isArray(c.filters)) return c.filters.flatMap(conjuncts);
  return typeof c.field === 'string' ? [c] : [];
}

function ms(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isFinite(n) ? Math.floor(n) : undefined;
}

/** Intersects the store's `[startedFrom, startedTo)` with the condition. */
function narrowStart(q: Mutable<PushedDown['query']>, op: unknown, value: unknown): void {
  const from = (v: number | undefined): void => {
    if (v !== undefined) q.startedFrom = Math.max(q.startedFrom ?? -Infinity, v);
  };
  const to = (v: number | undefined): void => {
    if (v !== undefined) q.startedTo = Math.min(q.startedTo ?? Infinity, v);
  };
  const at = ms(value);
  const plus1 = (v: number | undefined): number | undefined => (v === undefined ? undefined : v + 1);
  if (op === 'GTE') from(at);
  else if (op === 'GT') from(plus1(at));
  else if (op === 'LT') to(at);
  else if (op === 'LTE') to(plus1(at));
  else if (op === 'EQ') {
    from(at);
    to(plus1(at));
  } else if (op === 'BETWEEN' && Array.isArray(value)) {
    from(ms(value[0]));
    to(plus1(ms(value[1])));
  }
}
