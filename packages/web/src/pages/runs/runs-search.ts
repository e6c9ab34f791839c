/**
 * The runs list's filters: read from and written to the address bar (so a filtered list can be
 * shared and survives a reload), and turned into the Orchestrator SearchRequest the server pages
 * and sorts (`POST /api/orchestrator/v2/workflows/instances`).
 */
import type { ProcessInstanceStatusDTO } from '../../api/types';

export const PAGE_SIZE = 20;

const STATUSES: readonly ProcessInstanceStatusDTO[] = ['ACTIVE', 'ERROR', 'COMPLETED', 'ABORTED', 'SUSPENDED', 'PENDING'];

export interface RunFilters {
  readonly workflow?: string;
  readonly status?: ProcessInstanceStatusDTO;
  /** Part of the initiator's entity ref (`user:default/ana`). */
  readonly by?: string;
  /** Local dates, YYYY-MM-DD, both inclusive. */
  readonly from?: string;
  readonly to?: string;
  /** 1-based. */
  readonly page: number;
  readonly order: 'ASC' | 'DESC';
}

type FieldFilter = { field: string; operator: 'EQ' | 'GTE' | 'LT' | 'LIKE'; value: string };
type Filter = FieldFilter | { field: string; nested: FieldFilter } | { operator: 'AND' | 'OR'; filters: Filter[] };

export interface SearchRequest {
  filters?: Filter;
  paginationInfo: { offset: number; pageSize: number; orderBy: string; orderDirection: 'ASC' | 'DESC' };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromQuery(q: URLSearchParams): RunFilters {
  const status = q.get('status') as ProcessInstanceStatusDTO | null;
  const page = Number(q.get('page') ?? '1');
  const from = q.get('from');
  const to = q.get('to');
  return {
    ...(q.get('workflow') ? { workflow: q.get('workflow')! } : {}),
    ...(status && STATUSES.includes(status) ? { status } : {}),
    ...(q.get('by')?.trim() ? { by: q.get('by')!.trim() } : {}),
    ...(from && DATE.test(from) ? { from } : {}),
    ...(to && DATE.test(to) ? { to } : {}),
    page: Number.isInteger(page) && page > 0 ? page : 1,
    order: q.get('order') === 'asc' ? 'ASC' : 'DESC',
  };
}

export function filtersToQuery(f: RunFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.workflow) q.set('workflow', f.workflow);
  if (f.status) q.set('status', f.status);
  if (f.by) q.set('by', f.by);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  if (f.order === 'ASC') q.set('order', 'asc');
  if (f.page > 1) q.set('page', String(f.page));
  return q;
}

/** True when any filter (not paging or order) is set. */
export function hasFilters(f: RunFilters): boolean {
  return Boolean(f.workflow || f.status || f.by || f.from || f.to);
}

/** Local midnight of a YYYY-MM-DD date, plus `days`, as an ISO instant. */
function localMidnight(date: string, days = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + days).toISOString();
}

/**
 * The SearchRequest of `f`, asking for one row more than a page so the list knows whether a next
 * page exists when the server gives no total.
 */
export function searchRequest(f: RunFilters): SearchRequest {
  const parts: Filter[] = [];
  if (f.workflow) parts.push({ field: 'processId', operator: 'EQ', value: f.workflow });
  if (f.status) parts.push({ field: 'state', operator: 'EQ', value: f.status });
  if (f.from) parts.push({ field: 'start', operator: 'GTE', value: localMidnight(f.from) });
  if (f.to) parts.push({ field: 'start', operator: 'LT', value: localMidnight(f.to, 1) });
  if (f.by) {
    // Matching is case-sensitive on the server; entity refs are usually lower case.
    const like = (text: string): Filter => ({ field: 'variables', nested: { field: 'initiatorEntity', operator: 'LIKE', value: `*${text}*` } });
    const lower = f.by.toLowerCase();
    parts.push(lower === f.by ? like(f.by) : { operator: 'OR', filters: [like(f.by), like(lower)] });
  }
  return {
    ...(parts.length === 1 ? { filters: parts[0]! } : parts.length > 1 ? { filters: { operator: 'AND', filters: parts } } : {}),
    paginationInfo: { offset: (f.page - 1) * PAGE_SIZE, pageSize: PAGE_SIZE + 1, orderBy: 'start', orderDirection: f.order },
  };
}
