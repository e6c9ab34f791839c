/**
 * Indexing, slicing and iteration of jq values, and the path functions built on them
 * (`getpath`, `setpath`, `delpaths`), with jq 1.6's semantics and error texts.
 * @module
 */
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { cannotDelete, cannotIndex } from '../error-dump.js';
import { compareJson, setKey, typeOf, codepointLength, codepointSlice } from '../value.js';

type JsonObject = { [key: string]: Json };

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `base.key` for a string key: the hot path of every workflow expression. Reads the property
 * directly; only inherited names (functions, `__proto__`) need the own-property check.
 */
export function fieldValue(base: Json, key: string): Json {
  if (typeof base === 'object' && base !== null && !Array.isArray(base)) {
    const v = (base as JsonObject)[key];
    if (v === undefined) return null;
    if (typeof v !== 'function' && key !== '__proto__') return v;
    return Object.prototype.hasOwnProperty.call(base, key) ? v : null;
  }
  if (base === null) return null;
  throw cannotIndex(base, key);
}

/**
 * A reader of one constant field, `.key`, generated per use so that each use site gets its own
 * inline cache in V8 (a shared reader sees every shape of the program and goes megamorphic;
 * measured 2-3 times slower on workflow-like documents). Falls back to {@link fieldValue} for
 * anything but a plain hit. Without code generation (a strict CSP), the shared reader is used.
 */
export function fieldReader(key: string): (base: Json) => Json {
  if (key === '__proto__') return (base) => fieldValue(base, key);
  try {
    const make = new Function(
      'fieldValue',
      `return function field(b) {
        if (typeof b === 'object' && b !== null) {
          const v = b[${JSON.stringify(key)}];
          if (v !== undefined && typeof v !== 'function' && !Array.isArray(b)) return v;
        }
        return fieldValue(b, ${JSON.stringify(key)});
      };`,
    ) as (f: typeof fieldValue) => (base: Json) => Json;
    return make(fieldValue);
  } catch {
    return (base) => fieldValue(base, key);
  }
}

/** `base[key]` as jq's `.[key]` (including slices given as `{start, end}` and array keys). */
export function indexValue(base: Json, key: Json): Json {
  if (typeof key === 'string') return fieldValue(base, key);
  if (typeof key === 'number') {
    if (Array.isArray(base)) {
      if (!Number.isInteger(key)) return null;
      const i = key < 0 ? base.length + key : key;
      const v = base[i];
      return v === undefined ? null : v;
    }
    if (base === null) return null;
    throw cannotIndex(base, key);
  }
  if (isObject(key) && (Array.isArray(base) || typeof base === 'string' || base === null)) {
    if (base === null) return null;
    // A slice key must have both bounds (null meaning open); jq rejects a missing one.
    const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(key, k);
    if (!has('start') || !has('end')) throw new JqError(`Start and end indices of an ${typeof base === 'string' ? 'string' : 'array'} slice must be numbers`);
    return sliceValue(base, key.start as Json, key.end as Json);
  }
  if (Array.isArray(key) && Array.isArray(base)) return arrayIndices(base, key);
  if (base === null && isObject(key)) return null;
  throw cannotIndex(base, key);
}

/** The positions where `needle` occurs as a contiguous sub-array of `base` (`.[[1,2]]`). */
export function arrayIndices(base: Json[], needle: Json[]): Json {
  const out: number[] = [];
  if (needle.length === 0) return out;
  for (let i = 0; i + needle.length <= base.length; i++) {
    let ok = true;
    for (let j = 0; j < needle.length; j++) {
      if (compareJson(base[i + j] as Json, needle[j] as Json) !== 0) {
        ok = false;
        break;
      }
    }
    if (ok) out.push(i);
  }
  return out;
}

/** Clamps slice bounds as jq 1.6 does: start truncated, end rounded up, both within [0, len]. */
export function sliceBounds(len: number, from: Json, to: Json, what = 'array'): [number, number] {
  if ((from !== null && typeof from !== 'number') || (to !== null && typeof to !== 'number')) {
    throw new JqError(`Start and end indices of an ${what} slice must be numbers`);
  }
  let start = from === null ? 0 : from;
  let end = to === null ? len : to;
  if (start < 0) start += len;
  if (end < 0) end += len;
  if (start < 0) start = 0;
  if (start > len) start = len;
  if (end > len) end = len;
  if (end < start) end = start;
  const s = Math.trunc(start);
  let e = Math.trunc(end);
  if (e < end) e += 1;
  if (e > len) e = len;
  return [s, e];
}

/** `base[from:to]` for arrays, strings (by code point) and null. */
export function sliceValue(base: Json, from: Json, to: Json): Json {
  if (base === null) return null;
  if (Array.isArray(base)) {
    const [s, e] = sliceBounds(base.length, from, to);
    return base.slice(s, e);
  }
  if (typeof base === 'string') {
    const [s, e] = sliceBounds(codepointLength(base), from, to, 'string');
    return codepointSlice(base, s, e);
  }
  throw new JqError(`Cannot index ${typeOf(base)} with object`);
}

/** `getpath(path)`: null where the path runs off the data, an error where it cannot index. */
export function getPath(root: Json, path: Json): Json {
  if (!Array.isArray(path)) throw new JqError('Path must be specified as an array');
  let v = root;
  for (const key of path) v = indexValue(v, key);
  return v;
}

/** `setpath(path; value)`: a copy of `root` with `value` at `path`, creating containers on the way. */
export function setPath(root: Json, path: Json, value: Json): Json {
  if (!Array.isArray(path)) throw new JqError('Path must be specified as an array');
  return setIn(root, path, 0, value);
}

function setIn(base: Json, path: Json[], i: number, value: Json): Json {
  if (i === path.length) return value;
  const key = path[i] as Json;
  if (typeof key === 'string') {
    if (base !== null && !isObject(base)) throw cannotIndex(base, key);
    const obj = base === null ? {} : base;
    const child = Object.prototype.hasOwnProperty.call(obj, key) ? (obj[key] as Json) : null;
    const copy: JsonObject = { ...obj };
    setKey(copy, key, setIn(child, path, i + 1, value));
    return copy;
  }
  if (typeof key === 'number') {
    if (base !== null && !Array.isArray(base)) throw cannotIndex(base, key);
    const arr = base === null ? [] : base;
    let idx = Number.isInteger(key) ? key : Math.trunc(key);
    if (idx < 0) {
      idx += arr.length;
      if (idx < 0) throw new JqError('Out of bounds negative array index');
    }
    const copy = arr.slice();
    const child = idx < copy.length ? (copy[idx] as Json) : null;
    while (copy.length < idx) copy.push(null);
    copy[idx] = setIn(child, path, i + 1, value);
    return copy;
  }
  if (isObject(key)) {
    if (base !== null && !Array.isArray(base)) {
      throw new JqError(`Cannot update field at object index of ${typeOf(base)}`);
    }
    const arr = base === null ? [] : base;
    const [s, e] = sliceBounds(arr.length, key.start ?? null, key.end ?? null);
    const replacement = setIn(arr.slice(s, e), path, i + 1, value);
    if (!Array.isArray(replacement)) throw new JqError('A slice of an array can only be assigned another array');
    return [...arr.slice(0, s), ...replacement, ...arr.slice(e)];
  }
  if (Array.isArray(key) && Array.isArray(base)) throw new JqError('Cannot update field at array index of array');
  throw cannotIndex(base, key);
}

/**
 * `delpaths(paths)` as jq 1.6 does it: paths are sorted and grouped by their first key; the
 * leaf deletions of one container are applied together against that container as it was (so
 * `.[-6]` and `.[1]` refer to the same array, and a duplicated path deletes once).
 */
export function delPaths(root: Json, paths: Json): Json {
  if (!Array.isArray(paths)) throw new JqError('Paths must be specified as an array');
  for (const p of paths) if (!Array.isArray(p)) throw new JqError('Path must be specified as an array');
  if (paths.length === 0) return root;
  const sorted = (paths as Json[][]).slice().sort(compareJson);
  if ((sorted[0] as Json[]).length === 0) return null;
  return delSorted(root, sorted, 0);
}

function delSorted(obj: Json, paths: Json[][], start: number): Json {
  const delKeys: Json[] = [];
  let i = 0;
  while (i < paths.length) {
    const first = paths[i] as Json[];
    const key = first[start] as Json;
    let j = i;
    while (j < paths.length && compareJson(key, (paths[j] as Json[])[start] as Json) === 0) j++;
    if (first.length === start + 1) {
      delKeys.push(key);
    } else {
      const child = indexValue(obj, key);
      if (child !== null) obj = setPath(obj, [key], delSorted(child, paths.slice(i, j), start + 1));
    }
    i = j;
  }
  return deleteKeys(obj, delKeys);
}

function deleteKeys(t: Json, keys: Json[]): Json {
  if (t === null || keys.length === 0) return t;
  if (Array.isArray(t)) {
    const len = t.length;
    const drop = new Set<number>();
    const ranges: [number, number][] = [];
    for (const k of keys) {
      if (typeof k === 'number') drop.add(Math.trunc(k < 0 ? len + k : k));
      else if (isObject(k)) ranges.push(sliceBounds(len, k.start ?? null, k.end ?? null));
      else throw cannotDelete(t, k);
    }
    return t.filter((_x, idx) => !drop.has(idx) && !ranges.some(([s, e]) => s <= idx && idx < e));
  }
  if (isObject(t)) {
    const copy: JsonObject = { ...t };
    for (const k of keys) {
      if (typeof k !== 'string') throw cannotDelete(t, k);
      delete copy[k];
    }
    return copy;
  }
  throw cannotDelete(t, null);
}
