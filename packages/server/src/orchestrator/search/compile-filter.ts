/**
 * Compiles the filter of a SearchRequest (LogicalFilter AND/OR/NOT, FieldFilter EQ/GT/GTE/LT/LTE/
 * IN/IS_NULL/LIKE/BETWEEN, NestedFilter) into a predicate over records, checking it completely first:
 * an unknown field, an operator the field's kind does not take or a value of the wrong type is a
 * 400 InputError whose details carry the JSON pointer of the bad part (`/filters/filters/1/value`).
 *
 * Semantics: NOT negates the conjunction of its filters (Data Index `not: {a, b}`); AND of none is
 * true, OR of none false. IS_NULL true matches absent and null values. LIKE matches the whole value,
 * case-sensitively, `%` or `*` standing for any run of characters and `_` for one. Dates compare
 * as instants (ISO 8601 strings or epoch milliseconds). `json` fields compare numbers with numbers
 * and strings with strings; other mixes never match.
 */
import { badRequest } from '../../http/http-error.js';
import { resolveField, splitField, type FieldSet, type LeafField, type LeafKind } from './field-spec.js';

export type FieldOperator = 'EQ' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'IN' | 'IS_NULL' | 'LIKE' | 'BETWEEN';
const FIELD_OPERATORS: readonly FieldOperator[] = ['EQ', 'GT', 'GTE', 'LT', 'LTE', 'IN', 'IS_NULL', 'LIKE', 'BETWEEN'];
const LOGICAL_OPERATORS = ['AND', 'OR', 'NOT'];
const ORDERED: readonly FieldOperator[] = ['EQ', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN', 'IS_NULL'];

/** Operators per kind (Data Index: String, Id, Date argument types; enums only EQ/IN). */
const ALLOWED: Readonly<Record<LeafKind, readonly FieldOperator[]>> = {
  id: ['EQ', 'IN', 'IS_NULL'],
  string: ['EQ', 'IN', 'LIKE', 'IS_NULL'],
  date: ORDERED,
  number: [...ORDERED, 'IN'],
  boolean: ['EQ', 'IS_NULL'],
  enum: ['EQ', 'IN'],
  json: FIELD_OPERATORS,
};

export interface CompiledFilter<R> {
  readonly test: (r: R) => boolean;
  /** Top-level fields the filter reads (a search loads what they need). */
  readonly uses: ReadonlySet<string>;
}

type Predicate<R> = (r: R) => boolean;
type Scalar = string | number | boolean;

/** Compiles `raw` (absent: matches everything); `pointer` is where it sits in the request body. */
export function compileFilter<R>(raw: unknown, fields: FieldSet<R>, pointer = '/filters'): CompiledFilter<R> {
  const uses = new Set<string>();
  const test = raw === undefined || raw === null ? () => true : compile(raw, fields, pointer, [], uses);
  return { test, uses };
}

function fail(pointer: string, message: string): never {
  throw badRequest(`invalid filter at ${pointer}: ${message}`, [{ pointer, message }]);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isLogical(raw: Record<string, unknown>): boolean {
  return 'filters' in raw || LOGICAL_OPERATORS.includes(raw.operator as string);
}

function compile<R>(raw: unknown, fields: FieldSet<R>, pointer: string, prefix: string[], uses: Set<string>): Predicate<R> {
  if (!isRecord(raw)) fail(pointer, 'a filter must be an object');
  if ('nested' in raw) return compileNested(raw, fields, pointer, prefix, uses);
  if (isLogical(raw)) {
    if (prefix.length > 0) fail(pointer, 'a nested filter must be a field filter or a nested filter');
    return compileLogical(raw, fields, pointer, uses);
  }
  return compileField(raw, fields, pointer, prefix, uses);
}

function compileLogical<R>(raw: Record<string, unknown>, fields: FieldSet<R>, pointer: string, uses: Set<string>): Predicate<R> {
  const op = raw.operator;
  if (typeof op !== 'string' || !LOGICAL_OPERATORS.includes(op)) fail(`${pointer}/operator`, `must be one of ${LOGICAL_OPERATORS.join(', ')}`);
  if (!Array.isArray(raw.filters)) fail(`${pointer}/filters`, 'must be an array of filters');
  const parts = raw.filters.map((f: unknown, i: number) => compile(f, fields, `${pointer}/filters/${i}`, [], uses));
  if (op === 'AND') return (r) => parts.every((p) => p(r));
  if (op === 'OR') return (r) => parts.some((p) => p(r));
  return (r) => !parts.every((p) => p(r));
}

function compileNested<R>(raw: Record<string, unknown>, fields: FieldSet<R>, pointer: string, prefix: string[], uses: Set<string>): Predicate<R> {
  if (typeof raw.field !== 'string') fail(`${pointer}/field`, 'must be a string');
  const path = [...prefix, ...splitField(raw.field)];
  const found = resolveField(fields, path);
  if (typeof found === 'string') fail(`${pointer}/field`, found);
  if (found.leaf && found.leaf.kind !== 'json') fail(`${pointer}/field`, `${path.join('.')} has no nested fields`);
  if (!isRecord(raw.nested) || isLogical(raw.nested)) fail(`${pointer}/nested`, 'must be a field filter or a nested filter');
  return compile(raw.nested, fields, `${pointer}/nested`, path, uses);
}

function compileField<R>(raw: Record<string, unknown>, fields: FieldSet<R>, pointer: string, prefix: string[], uses: Set<string>): Predicate<R> {
  if (typeof raw.field !== 'string') fail(`${pointer}/field`, 'must be a string');
  const path = [...prefix, ...splitField(raw.field)];
  const name = path.join('.');
  const found = resolveField(fields, path);
  if (typeof found === 'string') fail(`${pointer}/field`, found);
  if (!found.leaf) fail(`${pointer}/field`, `${name} is a group of fields: filter one of them with a nested filter`);
  const leaf = found.leaf;
  uses.add(found.top);
  const op = raw.operator;
  if (typeof op !== 'string' || !(FIELD_OPERATORS as readonly string[]).includes(op)) fail(`${pointer}/operator`, `must be one of ${FIELD_OPERATORS.join(', ')}`);
  const allowed = ALLOWED[leaf.kind];
  if (!allowed.includes(op as FieldOperator)) fail(`${pointer}/operator`, `${op} does not apply to ${name} (${leaf.kind}); use one of ${allowed.join(', ')}`);
  return predicate(leaf, op as FieldOperator, raw.value, `${pointer}/value`, name);
}

function predicate<R>(leaf: LeafField<R>, op: FieldOperator, value: unknown, vp: string, name: string): Predicate<R> {
  const get = leaf.get;
  switch (op) {
    case 'IS_NULL': {
      const want = value === undefined ? true : value;
      if (typeof want !== 'boolean') fail(vp, 'IS_NULL takes true or false');
      return (r) => isNull(get(r)) === want;
    }
    case 'EQ': {
      const v = scalar(leaf, value, vp, name);
      return (r) => get(r) === v;
    }
    case 'IN': {
      if (!Array.isArray(value)) fail(vp, 'IN takes an array of values');
      const vs = value.map((x: unknown, i: number) => scalar(leaf, x, `${vp}/${i}`, name));
      return (r) => vs.includes(get(r) as Scalar);
    }
    case 'LIKE': {
      if (typeof value !== 'string') fail(vp, 'LIKE takes a string pattern');
      const re = likePattern(value);
      return (r) => {
        const a = get(r);
        return typeof a === 'string' && re.test(a);
      };
    }
    case 'BETWEEN': {
      if (!Array.isArray(value) || value.length !== 2) fail(vp, 'BETWEEN takes [from, to]');
      const from = ordered(leaf, value[0], `${vp}/0`, name);
      const to = ordered(leaf, value[1], `${vp}/1`, name);
      return (r) => {
        const a = get(r);
        const lo = compare(a, from);
        const hi = compare(a, to);
        return lo !== undefined && hi !== undefined && lo >= 0 && hi <= 0;
      };
    }
    default: {
      const v = ordered(leaf, value, vp, name);
      const ok = op === 'GT' ? (c: number) => c > 0 : op === 'GTE' ? (c: number) => c >= 0 : op === 'LT' ? (c: number) => c < 0 : (c: number) => c <= 0;
      return (r) => {
        const c = compare(get(r), v);
        return c !== undefined && ok(c);
      };
    }
  }
}

/** A value compared with `<`/`>`: booleans do not order. */
function ordered<R>(leaf: LeafField<R>, value: unknown, pointer: string, name: string): string | number {
  const v = scalar(leaf, value, pointer, name);
  if (typeof v === 'boolean') fail(pointer, 'a boolean cannot be compared with GT, GTE, LT, LTE or BETWEEN');
  return v;
}

/** Checks a filter value against the field's kind and returns it in the form the field's values have. */
function scalar<R>(leaf: LeafField<R>, value: unknown, pointer: string, name: string): Scalar {
  switch (leaf.kind) {
    case 'id':
    case 'string':
      if (typeof value !== 'string') fail(pointer, `${name} takes a string, not ${describe(value)}`);
      return value;
    case 'enum':
      if (typeof value !== 'string' || !leaf.values?.includes(value)) fail(pointer, `${name} takes one of ${(leaf.values ?? []).join(', ')}`);
      return value;
    case 'date': {
      const ms = typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
      if (!Number.isFinite(ms)) fail(pointer, `${name} takes an ISO 8601 date-time or epoch milliseconds, not ${describe(value)}`);
      return ms;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) fail(pointer, `${name} takes a number, not ${describe(value)}`);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') fail(pointer, `${name} takes true or false, not ${describe(value)}`);
      return value;
    case 'json':
      if (typeof value !== 'string' && typeof value !== 'boolean' && !(typeof value === 'number' && Number.isFinite(value))) {
        fail(pointer, `${name} takes a string, number or boolean, not ${describe(value)}`);
      }
      return value;
  }
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

function isNull(v: unknown): boolean {
  return v === undefined || v === null;
}

/** Orders two numbers or two strings; undefined for anything else. */
function compare(a: unknown, b: string | number): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

/** A LIKE pattern as an anchored regular expression. */
export function likePattern(pattern: string): RegExp {
  let src = '';
  for (const ch of pattern) {
    if (ch === '%' || ch === '*') src += '.*';
    else if (ch === '_') src += '.';
    else src += ch.replace(/[\\^$.|?+()[\]{}/-]/g, '\\$&');
  }
  return new RegExp(`^${src}$`, 's');
}
