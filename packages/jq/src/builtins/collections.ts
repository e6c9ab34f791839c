/**
 * Native builtins over arrays and objects: sorting and grouping (by several keys), min/max,
 * add, join, flatten, reverse, indices, transpose and bsearch, with jq 1.6's semantics.
 * @module
 */
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { addValues } from '../operators.js';
import { compareJson, stringIndices, typeOf } from '../value.js';
import { arrayIndices, indexValue, sliceValue } from '../compiler/access.js';
import { collect, fromSingle } from '../compiler/compiled.js';
import type { Env } from '../compiler/runtime.js';
import type { CompiledArg } from '../compiler/scope.js';
import { iterateValue } from '../compiler/compile-basic.js';
import { type NativeMap, defineGenerator, defineUnary, defineValues, eachValue } from './define.js';
import { described, toText } from './core.js';

function sortable(v: Json, what = 'sorted'): Json[] {
  if (!Array.isArray(v)) throw new JqError(`${described(v)} cannot be ${what}, as it is not an array`);
  return v;
}

/**
 * Pairs each element with `[f]` (all outputs of f), as jq 1.6's `map([f])` before calling its C
 * helper: non-arrays fail the way that definition does (`.[]` first, then the helper's check,
 * whose text `failure` gives).
 */
function keyed(v: Json, f: CompiledArg, env: Env, failure: string): { key: Json; value: Json; index: number }[] {
  if (!Array.isArray(v)) {
    const keys: Json[] = [];
    iterateValue(v, (x) => keys.push(collect(f, x, env)));
    throw new JqError(`${described(v)} and ${described(keys)} ${failure}`);
  }
  return v.map((value, index) => ({ key: collect(f, value, env), value, index }));
}

const NOT_BOTH_ARRAYS = 'cannot be sorted, as they are not both arrays';
const NOT_ITERABLE = 'cannot be iterated over';

function byKey(a: { key: Json; index: number }, b: { key: Json; index: number }): number {
  return compareJson(a.key, b.key) || a.index - b.index;
}

function groupBy(v: Json, f: CompiledArg, env: Env): Json {
  const items = keyed(v, f, env, NOT_BOTH_ARRAYS).sort(byKey);
  const groups: Json[][] = [];
  let last: Json | undefined;
  for (const it of items) {
    if (groups.length > 0 && compareJson(last as Json, it.key) === 0) (groups[groups.length - 1] as Json[]).push(it.value);
    else groups.push([it.value]);
    last = it.key;
  }
  return groups;
}

function extremeBy(v: Json, f: CompiledArg | null, env: Env, max: boolean): Json {
  if (!Array.isArray(v) && !f) throw new JqError(`${described(v)} and ${described(v)} ${NOT_ITERABLE}`);
  const items = f ? keyed(v, f, env, NOT_ITERABLE) : (v as Json[]).map((value, index) => ({ key: value, value, index }));
  if (items.length === 0) return null;
  let best = (items[0] as { value: Json }).value;
  let bestKey = (items[0] as { key: Json }).key;
  for (let i = 1; i < items.length; i++) {
    const { key: k, value: x } = items[i] as { key: Json; value: Json };
    const c = compareJson(k, bestKey);
    if (max ? c >= 0 : c < 0) {
      best = x;
      bestKey = k;
    }
  }
  return best;
}

function add(v: Json): Json {
  let acc: Json = null;
  iterateValue(v, (x) => {
    acc = addValues(acc, x);
  });
  return acc;
}

function join(v: Json, sep: Json): Json {
  let acc: Json = null;
  iterateValue(v, (x) => {
    const piece = x === null ? '' : typeof x === 'string' ? x : typeof x === 'number' || typeof x === 'boolean' ? toText(x) : x;
    acc = addValues(acc === null ? '' : addValues(acc, sep), piece);
  });
  return acc === null ? '' : acc;
}

function flatten(v: Json, depth: number): Json {
  if (depth < 0) throw new JqError('flatten depth must not be negative');
  const out: Json[] = [];
  const walk = (x: Json, d: number): void => {
    iterateValue(x, (e) => {
      if (Array.isArray(e) && d !== 0) walk(e, d - 1);
      else out.push(e);
    });
  };
  walk(v, depth);
  return out;
}

function indices(v: Json, i: Json): Json {
  if (v === null) return null;
  if (Array.isArray(v) && Array.isArray(i)) return arrayIndices(v, i);
  if (Array.isArray(v)) return arrayIndices(v, [i]);
  if (typeof v === 'string' && typeof i === 'string') return stringIndices(v, i);
  return indexValue(v, i);
}


function bsearch(v: Json, target: Json): Json {
  if (!Array.isArray(v)) {
    // jq 1.6 defines bsearch with `length` and `.[i]`: fail the way those do.
    if (typeof v === 'boolean') throw new JqError(`${described(v)} has no length`);
    const len = v === null ? 0 : typeof v === 'string' ? v.length : typeof v === 'number' ? Math.abs(v) : Object.keys(v).length;
    if (len === 0) return -1;
    throw new JqError(`Cannot index ${typeOf(v)} with number`);
  }
  const arr = v;
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareJson(arr[mid] as Json, target);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1 - lo;
}

/** jq 1.6 defines `reverse` by indexing, so non-arrays fail (or give [] when empty). */
function reverse(v: Json): Json {
  if (v === null) return [];
  if (Array.isArray(v)) return v.slice().reverse();
  if (typeof v === 'boolean') throw new JqError(`${described(v)} has no length`);
  const len = typeof v === 'string' ? v.length : typeof v === 'number' ? Math.abs(v) : Object.keys(v).length;
  if (len === 0) return [];
  throw new JqError(`Cannot index ${typeOf(v)} with number`);
}

function unique(v: Json): Json {
  if (!Array.isArray(v)) return groupBy(v, IDENTITY_ARG, null as never);
  const sorted = v.slice().sort(compareJson);
  return sorted.filter((x, i) => i === 0 || compareJson(sorted[i - 1] as Json, x) !== 0);
}

const IDENTITY_ARG: CompiledArg = { run: (input, _env, emit) => emit(input), single: (input) => input, path: () => (i, p, _e, emit) => emit(i, p) };

/** Registers the collection builtins. */
export function registerCollections(t: NativeMap): void {
  defineUnary(t, 'sort', (v) => sortable(v).slice().sort(compareJson));
  defineUnary(t, 'unique', unique);
  defineUnary(t, 'min', (v) => extremeBy(v, null, null as never, false));
  defineUnary(t, 'max', (v) => extremeBy(v, null, null as never, true));
  defineUnary(t, 'add', add);
  defineValues(t, 'join', 1, join, 'jq');
  defineUnary(t, 'flatten', (v) => flatten(v, 1e9));
  defineValues(t, 'flatten', 1, (v, d) => {
    if (typeof d !== 'number') throw new JqError(`${described(d)} cannot be compared`);
    return flatten(v, d);
  });
  defineUnary(t, 'reverse', reverse);
  defineValues(t, 'indices', 1, indices, 'jq');
  defineValues(t, 'index', 1, (v, i) => indexValue(indices(v, i), 0), 'jq');
  defineValues(t, 'rindex', 1, (v, i) => indexValue(sliceValue(indices(v, i), -1, null), 0), 'jq');
  // jq 1.6's bsearch looks at its input before it evaluates the target: an input of length 0
  // (null, [], "", {}, 0) gives -1 without evaluating it, and any other non-array fails first.
  defineGenerator(t, 'bsearch', 1, (input, env, emit, [target]) => {
    if (!Array.isArray(input)) {
      emit(bsearch(input, null));
      return;
    }
    if (input.length === 0) {
      emit(-1);
      return;
    }
    eachValue(target as CompiledArg, input, env, (x) => emit(bsearch(input, x)));
  });
  const byFn = (name: string, f: (v: Json, arg: CompiledArg, env: Env) => Json): void => {
    t.set(`${name}/1`, { compile: (args) => fromSingle((input, env) => f(input, args[0] as CompiledArg, env)) });
  };
  byFn('sort_by', (v, f, env) => keyed(v, f, env, NOT_BOTH_ARRAYS).sort(byKey).map((x) => x.value));
  byFn('group_by', groupBy);
  byFn('unique_by', (v, f, env) => (groupBy(v, f, env) as Json[][]).map((g) => g[0] as Json));
  byFn('min_by', (v, f, env) => extremeBy(v, f, env, false));
  byFn('max_by', (v, f, env) => extremeBy(v, f, env, true));
}
