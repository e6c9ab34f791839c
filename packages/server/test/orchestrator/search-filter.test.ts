// The SearchRequest filter evaluator, sort and page, and what of a filter goes to the store.
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../src/http/http-error.js';
import { pushDown } from '../../src/orchestrator/instance-pushdown.js';
import { compileFilter, likePattern } from '../../src/orchestrator/search/compile-filter.js';
import type { FieldSet } from '../../src/orchestrator/search/field-spec.js';
import { echoPaging, parseSearchRequest, sortAndPage } from '../../src/orchestrator/search/search-request.js';

interface Row {
  id: string;
  name?: string;
  state: string;
  at: number;
  size?: number;
  ok?: boolean;
  vars?: Record<string, unknown>;
}

const FIELDS: FieldSet<Row> = {
  id: { kind: 'id', get: (r) => r.id },
  name: { kind: 'string', get: (r) => r.name },
  state: { kind: 'enum', values: ['ACTIVE', 'ERROR'], get: (r) => r.state },
  start: { kind: 'date', get: (r) => r.at },
  size: { kind: 'number', get: (r) => r.size },
  ok: { kind: 'boolean', get: (r) => r.ok },
  variables: {
    kind: 'group',
    children: { owner: { kind: 'string', get: (r) => r.vars?.owner }, data: { kind: 'json', get: (r) => r.vars?.data } },
    other: (n) => ({ kind: 'json', get: (r) => r.vars?.[n] }),
  },
};

const T0 = Date.parse('2025-03-01T10:00:00.000Z');
const ROWS: Row[] = [
  { id: 'a', name: 'alpha', state: 'ACTIVE', at: T0, size: 1, ok: true, vars: { owner: 'user:default/ana', data: { n: 5, tag: 'x' }, ticket: 'T-1' } },
  { id: 'b', name: 'beta_2', state: 'ERROR', at: T0 + 60_000, size: 20, ok: false, vars: { owner: 'user:default/bo', data: { n: 50, tag: 'y' } } },
  { id: 'c', state: 'ACTIVE', at: T0 + 120_000, vars: { data: { n: 'five' } } },
];

const ids = (filter: unknown): string[] => ROWS.filter(compileFilter(filter, FIELDS).test).map((r) => r.id);

/** The pointer and message of the 400 that `fn` throws. */
function problem(fn: () => unknown): { pointer: string; message: string } {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    return ((err as HttpError).details as { pointer: string; message: string }[])[0]!;
  }
  throw new Error('expected a 400');
}
const pointerOf = (filter: unknown): string => problem(() => compileFilter(filter, FIELDS)).pointer;

describe('field filters', () => {
  it('EQ and IN compare values of the field kind; absent filter matches all', () => {
    expect(ids(undefined)).toEqual(['a', 'b', 'c']);
    expect(ids({ field: 'state', operator: 'EQ', value: 'ACTIVE' })).toEqual(['a', 'c']);
    expect(ids({ field: 'id', operator: 'IN', value: ['c', 'a', 'zz'] })).toEqual(['a', 'c']);
    expect(ids({ field: 'ok', operator: 'EQ', value: false })).toEqual(['b']);
    expect(ids({ field: 'size', operator: 'IN', value: [20, 3] })).toEqual(['b']);
  });

  it('orders numbers and dates (ISO or epoch ms), BETWEEN inclusive', () => {
    expect(ids({ field: 'size', operator: 'GT', value: 1 })).toEqual(['b']);
    expect(ids({ field: 'size', operator: 'LTE', value: 1 })).toEqual(['a']);
    expect(ids({ field: 'start', operator: 'GTE', value: new Date(T0 + 60_000).toISOString() })).toEqual(['b', 'c']);
    expect(ids({ field: 'start', operator: 'LT', value: T0 + 60_000 })).toEqual(['a']);
    expect(ids({ field: 'start', operator: 'EQ', value: '2025-03-01T10:01:00Z' })).toEqual(['b']);
    expect(ids({ field: 'start', operator: 'BETWEEN', value: [T0, new Date(T0 + 60_000).toISOString()] })).toEqual(['a', 'b']);
  });

  it('LIKE matches the whole value: % and * any run, _ one character, regex characters literal', () => {
    expect(ids({ field: 'name', operator: 'LIKE', value: 'al%' })).toEqual(['a']);
    expect(ids({ field: 'name', operator: 'LIKE', value: '*ta_2' })).toEqual(['b']);
    expect(ids({ field: 'name', operator: 'LIKE', value: 'alph' })).toEqual([]);
    expect(likePattern('a.c(').test('a.c(')).toBe(true);
    expect(likePattern('a.c').test('abc')).toBe(false);
    expect(likePattern('A%').test('abc')).toBe(false);
  });

  it('IS_NULL true matches absent and null values; false the others', () => {
    expect(ids({ field: 'name', operator: 'IS_NULL', value: true })).toEqual(['c']);
    expect(ids({ field: 'name', operator: 'IS_NULL', value: false })).toEqual(['a', 'b']);
    expect(ids({ field: 'variables.owner', operator: 'IS_NULL', value: true })).toEqual(['c']);
  });
});

describe('nested and JSON fields', () => {
  it('walks groups by NestedFilter or dotted names, and into JSON values', () => {
    expect(ids({ field: 'variables', nested: { field: 'owner', operator: 'EQ', value: 'user:default/bo' } })).toEqual(['b']);
    expect(ids({ field: 'variables.owner', operator: 'LIKE', value: 'user:default/%' })).toEqual(['a', 'b']);
    expect(ids({ field: 'variables', nested: { field: 'data', nested: { field: 'n', operator: 'GTE', value: 5 } } })).toEqual(['a', 'b']);
    expect(ids({ field: 'variables.data.tag', operator: 'IN', value: ['y', 'z'] })).toEqual(['b']);
    expect(ids({ field: 'variables.ticket', operator: 'EQ', value: 'T-1' })).toEqual(['a']);
  });

  it('compares JSON numbers with numbers and strings with strings only', () => {
    expect(ids({ field: 'variables.data.n', operator: 'LT', value: 100 })).toEqual(['a', 'b']);
    expect(ids({ field: 'variables.data.n', operator: 'GT', value: 'a' })).toEqual(['c']);
    expect(ids({ field: 'variables.data.n', operator: 'EQ', value: '5' })).toEqual([]);
  });

  it('reports the top-level fields a filter reads', () => {
    expect([...compileFilter({ operator: 'AND', filters: [{ field: 'id', operator: 'EQ', value: 'a' }, { field: 'variables.owner', operator: 'EQ', value: 'x' }] }, FIELDS).uses].sort()).toEqual([
      'id',
      'variables',
    ]);
    expect([...compileFilter({ field: 'state', operator: 'EQ', value: 'ERROR' }, FIELDS).uses]).toEqual(['state']);
  });
});

describe('logical filters', () => {
  it('AND, OR, and NOT of the conjunction; empty AND is true, empty OR false', () => {
    const active = { field: 'state', operator: 'EQ', value: 'ACTIVE' };
    const big = { field: 'size', operator: 'GT', value: 0 };
    expect(ids({ operator: 'AND', filters: [active, big] })).toEqual(['a']);
    expect(ids({ operator: 'OR', filters: [{ field: 'id', operator: 'EQ', value: 'b' }, { field: 'id', operator: 'EQ', value: 'c' }] })).toEqual(['b', 'c']);
    expect(ids({ operator: 'NOT', filters: [active, big] })).toEqual(['b', 'c']);
    expect(ids({ operator: 'NOT', filters: [{ operator: 'OR', filters: [active] }] })).toEqual(['b']);
    expect(ids({ operator: 'AND', filters: [] })).toEqual(['a', 'b', 'c']);
    expect(ids({ operator: 'OR', filters: [] })).toEqual([]);
  });
});

describe('errors point at the bad part', () => {
  it('unknown fields, operators and groups', () => {
    expect(pointerOf({ field: 'colour', operator: 'EQ', value: 'x' })).toBe('/filters/field');
    expect(pointerOf({ field: 'variables.data', nested: { field: 'n', operator: 'SOON', value: 1 } })).toBe('/filters/nested/operator');
    expect(pointerOf({ field: 'name', nested: { field: 'x', operator: 'EQ', value: 1 } })).toBe('/filters/field');
    expect(pointerOf({ field: 'variables', operator: 'EQ', value: 1 })).toBe('/filters/field');
    expect(pointerOf({ field: 'variables', nested: { operator: 'AND', filters: [] } })).toBe('/filters/nested');
    expect(pointerOf({ operator: 'XOR', filters: [] })).toBe('/filters/operator');
    expect(pointerOf({ operator: 'AND', filters: {} })).toBe('/filters/filters');
    expect(pointerOf({ operator: 'OR', filters: [{ field: 'id', operator: 'EQ', value: 'a' }, 7] })).toBe('/filters/filters/1');
  });

  it('operators a kind does not take, and values of the wrong type', () => {
    expect(pointerOf({ field: 'id', operator: 'LIKE', value: 'a%' })).toBe('/filters/operator');
    expect(pointerOf({ field: 'state', operator: 'GT', value: 'ACTIVE' })).toBe('/filters/operator');
    expect(pointerOf({ field: 'name', operator: 'GTE', value: 'a' })).toBe('/filters/operator');
    expect(pointerOf({ field: 'state', operator: 'EQ', value: 'DONE' })).toBe('/filters/value');
    expect(pointerOf({ field: 'size', operator: 'EQ', value: '1' })).toBe('/filters/value');
    expect(pointerOf({ field: 'start', operator: 'GT', value: 'yesterday' })).toBe('/filters/value');
    expect(pointerOf({ field: 'start', operator: 'BETWEEN', value: [T0, 'never'] })).toBe('/filters/value/1');
    expect(pointerOf({ field: 'size', operator: 'IN', value: 3 })).toBe('/filters/value');
    expect(pointerOf({ field: 'id', operator: 'IN', value: ['a', 1] })).toBe('/filters/value/1');
    expect(pointerOf({ field: 'name', operator: 'IS_NULL', value: 'yes' })).toBe('/filters/value');
    expect(pointerOf({ field: 'variables.data.n', operator: 'EQ', value: { n: 1 } })).toBe('/filters/value');
    expect(pointerOf({ field: 'variables.data.n', operator: 'GT', value: true })).toBe('/filters/value');
    expect(problem(() => compileFilter({ field: 'size', operator: 'EQ', value: '1' }, FIELDS)).message).toMatch(/size takes a number/);
  });
});

describe('sort and page', () => {
  const defaults = { orderBy: 'start', orderDirection: 'DESC' as const };

  it('defaults, sorts by any value field with absent values last, and cuts the page', () => {
    const all = parseSearchRequest(undefined, FIELDS, defaults);
    expect(sortAndPage(ROWS, all.paging).map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(echoPaging(all.paging)).toEqual({ offset: 0, orderBy: 'start', orderDirection: 'DESC' });
    const byName = parseSearchRequest({ paginationInfo: { orderBy: 'name', orderDirection: 'ASC' } }, FIELDS, defaults);
    expect(sortAndPage(ROWS, byName.paging).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const byNameDesc = parseSearchRequest({ paginationInfo: { orderBy: 'name', orderDirection: 'DESC' } }, FIELDS, defaults);
    expect(sortAndPage(ROWS, byNameDesc.paging).map((r) => r.id)).toEqual(['b', 'a', 'c']);
    const byData = parseSearchRequest({ paginationInfo: { orderBy: 'variables.data.n', orderDirection: 'ASC' } }, FIELDS, defaults);
    expect(sortAndPage(ROWS, byData.paging).map((r) => r.id)).toEqual(['a', 'b', 'c']);
    const page = parseSearchRequest({ paginationInfo: { offset: 1, pageSize: 1 } }, FIELDS, defaults);
    expect(sortAndPage(ROWS, page.paging).map((r) => r.id)).toEqual(['b']);
    const past = parseSearchRequest({ paginationInfo: { offset: 5, pageSize: 1 } }, FIELDS, defaults);
    expect(sortAndPage(ROWS, past.paging)).toEqual([]);
  });

  it('refuses bad paging with the pointer', () => {
    const at = (body: unknown) => problem(() => parseSearchRequest(body, FIELDS, defaults)).pointer;
    expect(at({ paginationInfo: { pageSize: 1.5 } })).toBe('/paginationInfo/pageSize');
    expect(at({ paginationInfo: { offset: -1 } })).toBe('/paginationInfo/offset');
    expect(at({ paginationInfo: { orderDirection: 'UP' } })).toBe('/paginationInfo/orderDirection');
    expect(at({ paginationInfo: { orderBy: 'variables' } })).toBe('/paginationInfo/orderBy');
    expect(at({ paginationInfo: { limit: 3 } })).toBe('/paginationInfo/limit');
    expect(at([])).toBe('');
  });
});

describe('push-down to the store', () => {
  it('takes processId, state, start and businessKey from the filter or a top-level AND', () => {
    const from = '2025-03-01T00:00:00.000Z';
    const to = '2025-03-02T00:00:00.000Z';
    const r = pushDown({
      operator: 'AND',
      filters: [
        { field: 'processId', operator: 'EQ', value: 'greet' },
        { field: 'state', operator: 'IN', value: ['ACTIVE', 'ERROR'] },
        { operator: 'AND', filters: [{ field: 'start', operator: 'GTE', value: from }] },
        { field: 'start', operator: 'LT', value: to },
        { field: 'businessKey', operator: 'EQ', value: 'bk' },
      ],
    });
    expect(r.none).toBe(false);
    expect(r.query).toMatchObject({ workflowId: 'greet', startedFrom: Date.parse(from), startedTo: Date.parse(to), businessKey: 'bk' });
    expect([...r.query.status!].sort()).toEqual(['faulted', 'running', 'waiting']);
  });

  it('turns inclusive bounds into the store’s [from, to) range and intersects conditions', () => {
    expect(pushDown({ field: 'start', operator: 'BETWEEN', value: [10, 20] }).query).toEqual({ startedFrom: 10, startedTo: 21 });
    expect(pushDown({ field: 'start', operator: 'GT', value: 10 }).query).toEqual({ startedFrom: 11 });
    expect(pushDown({ field: 'start', operator: 'LTE', value: 10 }).query).toEqual({ startedTo: 11 });
    expect(pushDown({ operator: 'AND', filters: [{ field: 'state', operator: 'IN', value: ['ACTIVE', 'ERROR'] }, { field: 'state', operator: 'EQ', value: 'ERROR' }] }).query.status).toEqual(['faulted']);
    expect(pushDown({ field: 'state', operator: 'EQ', value: 'PENDING' }).none).toBe(true);
    expect(pushDown({ operator: 'AND', filters: [{ field: 'start', operator: 'GT', value: 20 }, { field: 'start', operator: 'LT', value: 10 }] }).none).toBe(true);
  });

  it('leaves OR, NOT, nested and other fields to the evaluation', () => {
    expect(pushDown({ operator: 'OR', filters: [{ field: 'processId', operator: 'EQ', value: 'a' }] }).query).toEqual({});
    expect(pushDown({ operator: 'NOT', filters: [{ field: 'state', operator: 'EQ', value: 'ERROR' }] }).query).toEqual({});
    expect(pushDown({ field: 'variables', nested: { field: 'processId', operator: 'EQ', value: 'a' } }).query).toEqual({});
    expect(pushDown({ field: 'processId', operator: 'IN', value: ['a', 'b'] }).query).toEqual({});
    expect(pushDown(undefined)).toEqual({ query: {}, none: false });
  });
});
