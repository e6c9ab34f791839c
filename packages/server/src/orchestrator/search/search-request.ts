/**
 * Reads a SearchRequest body (`{filters?, paginationInfo?}`) against the fields of a record type:
 * the compiled filter, and the page (offset, pageSize, orderBy, orderDirection) with defaults
 * applied. `paginationInfo` allows no other keys (as the spec says); every problem is a 400 with
 * the JSON pointer of the bad part.
 */
import { badRequest } from '../../http/http-error.js';
import type { PaginationInfoDTO } from '../dto.js';
import { compileFilter, type CompiledFilter } from './compile-filter.js';
import { resolveField, splitField, type FieldSet, type LeafField } from './field-spec.js';

export type OrderDirection = 'ASC' | 'DESC';

export interface Paging<R> {
  readonly offset: number;
  /** Undefined: every match. */
  readonly pageSize?: number;
  readonly orderBy: string;
  readonly orderDirection: OrderDirection;
  readonly sortField: LeafField<R>;
  /** Top-level field the sort reads. */
  readonly sortTop: string;
}

export interface ParsedSearch<R> {
  readonly filter: CompiledFilter<R>;
  /** The filter as sent (for push-down). */
  readonly rawFilter: unknown;
  readonly paging: Paging<R>;
}

const PAGINATION_KEYS = new Set(['pageSize', 'offset', 'orderDirection', 'orderBy']);

function fail(pointer: string, message: string): never {
  throw badRequest(`invalid search request at ${pointer || '/'}: ${message}`, [{ pointer, message }]);
}

/** Parses `body`; `defaults` give the sort when the request names none. */
export function parseSearchRequest<R>(body: unknown, fields: FieldSet<R>, defaults: { orderBy: string; orderDirection: OrderDirection }): ParsedSearch<R> {
  const b = body ?? {};
  if (typeof b !== 'object' || Array.isArray(b)) fail('', 'the body must be a JSON object');
  const req = b as { filters?: unknown; paginationInfo?: unknown };
  const filter = compileFilter(req.filters, fields, '/filters');
  return { filter, rawFilter: req.filters, paging: readPaging(req.paginationInfo, fields, defaults) };
}

function readPaging<R>(raw: unknown, fields: FieldSet<R>, defaults: { orderBy: string; orderDirection: OrderDirection }): Paging<R> {
  const p = raw ?? {};
  if (typeof p !== 'object' || Array.isArray(p)) fail('/paginationInfo', 'must be an object');
  const info = p as Record<string, unknown>;
  for (const k of Object.keys(info)) if (!PAGINATION_KEYS.has(k)) fail(`/paginationInfo/${k}`, `unknown property (allowed: ${[...PAGINATION_KEYS].join(', ')})`);
  const count = (k: 'pageSize' | 'offset'): number | undefined => {
    const v = info[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`/paginationInfo/${k}`, 'must be a whole number, 0 or more');
    return v;
  };
  const pageSize = count('pageSize');
  const offset = count('offset') ?? 0;
  const dir = info.orderDirection ?? defaults.orderDirection;
  if (dir !== 'ASC' && dir !== 'DESC') fail('/paginationInfo/orderDirection', 'must be ASC or DESC');
  const orderBy = info.orderBy ?? defaults.orderBy;
  if (typeof orderBy !== 'string') fail('/paginationInfo/orderBy', 'must be a string');
  const found = resolveField(fields, splitField(orderBy));
  if (typeof found === 'string') fail('/paginationInfo/orderBy', found);
  if (!found.leaf) fail('/paginationInfo/orderBy', `${orderBy} is a group of fields, not a value to sort by`);
  return { offset, ...(pageSize !== undefined ? { pageSize } : {}), orderBy, orderDirection: dir, sortField: found.leaf, sortTop: found.top };
}

/** The paginationInfo answered: what the page was cut with. */
export function echoPaging<R>(p: Paging<R>): PaginationInfoDTO {
  return { offset: p.offset, ...(p.pageSize !== undefined ? { pageSize: p.pageSize } : {}), orderBy: p.orderBy, orderDirection: p.orderDirection };
}

/**
 * Sorts `records` by the paging's field (stable; absent values last in either direction; numbers
 * before strings before anything else) and cuts the page.
 */
export function sortAndPage<R>(records: readonly R[], p: Paging<R>): R[] {
  const sign = p.orderDirection === 'ASC' ? 1 : -1;
  const sorted = records
    .map((r) => ({ r, v: p.sortField.get(r) }))
    .sort((a, b) => {
      const an = a.v === undefined || a.v === null;
      const bn = b.v === undefined || b.v === null;
      if (an || bn) return an === bn ? 0 : an ? 1 : -1;
      return sign * order(a.v, b.v);
    })
    .map((x) => x.r);
  return pageOf(sorted, p);
}

/** The page of already sorted records. */
export function pageOf<R>(sorted: readonly R[], p: Paging<R>): R[] {
  return sorted.slice(p.offset, p.pageSize === undefined ? undefined : p.offset + p.pageSize);
}

function rank(v: unknown): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3;
}

function order(a: unknown, b: unknown): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a as number) - (b as number);
  if (ra === 1) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  if (ra === 2) return Number(a) - Number(b);
  return 0;
}
