/**
 * Core operations on jq values (plain JS JSON data): type names, jq 1.6 ordering and equality,
 * key order, and the code point / UTF-8 measurements jq makes on strings.
 * @module
 */
import type { Json } from './ast.js';

/** The jq type name of a value, as `type` returns it. */
export type JqType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** A JSON object as the engine stores it. */
export type JsonObject = { [key: string]: Json };

/**
 * The jq type name of `v` (`null`, `boolean`, `number`, `string`, `array`, `object`).
 * @example typeOf([1]) // 'array'
 */
export function typeOf(v: Json): JqType {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      if (v === null) return 'null';
      return Array.isArray(v) ? 'array' : 'object';
  }
}

/**
 * jq's order rank of a value's kind: null < false < true < number < string < array < object
 * (jq 1.6 `jv_kind` order; false and true are different kinds).
 */
function rank(v: Json): number {
  switch (typeof v) {
    case 'number':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return v ? 2 : 1;
    default:
      if (v === null) return 0;
      return Array.isArray(v) ? 5 : 6;
  }
}

/**
 * Compare two strings by Unicode code point, which is the order jq 1.6 gets by comparing UTF-8
 * bytes. Returns a negative number, zero or a positive number.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // UTF-16 order equals code point order except that surrogates (D800-DFFF) encode code
      // points above U+FFFF and must sort after U+E000-U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        const xs = x <= 0xdfff;
        const ys = y <= 0xdfff;
        if (xs !== ys) return xs ? 1 : -1;
      }
      return x - y;
    }
  }
  return a.length - b.length;
}

/**
 * Compare two numbers as jq 1.6 does: NaN sorts below every number, itself included
 * (`nan < nan` is true), so the comparison is not antisymmetric for NaN.
 */
function compareNumbers(a: number, b: number): number {
  if (a !== a) return -1;
  if (b !== b) return 1;
  return a < b ? -1 : a === b ? 0 : 1;
}

/**
 * Total order of jq 1.6 (`jv_cmp`): by kind (null < false < true < numbers < strings < arrays <
 * objects), numbers numerically (NaN below all numbers), strings by code point, arrays
 * lexicographically, objects first by their sorted key lists and then value by value in sorted
 * key order. Returns a negative number, zero or a positive number.
 * @example compareJson({a: 2}, {a: 1, b: 0}) < 0 // keys ["a"] < ["a","b"]
 */
export function compareJson(a: Json, b: Json): number {
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (ra === 5) {
    const xa = a as Json[];
    const xb = b as Json[];
    const n = xa.length < xb.length ? xa.length : xb.length;
    for (let i = 0; i < n; i++) {
      const r = compareJson(xa[i]!, xb[i]!);
      if (r !== 0) return r;
    }
    return xa.length - xb.length;
  }
  if (ra === 6) {
    const oa = a as JsonObject;
    const ob = b as JsonObject;
    const ka = sortedKeys(oa);
    const kb = sortedKeys(ob);
    const n = ka.length < kb.length ? ka.length : kb.length;
    for (let i = 0; i < n; i++) {
      const r = compareStrings(ka[i]!, kb[i]!);
      if (r !== 0) return r;
    }
    if (ka.length !== kb.length) return ka.length - kb.length;
    for (let i = 0; i < ka.length; i++) {
      const k = ka[i]!;
      const r = compareJson(oa[k]!, ob[k]!);
      if (r !== 0) return r;
    }
    return 0;
  }
  return 0;
}

/**
 * jq 1.6 equality (`==`, `jv_equal`): numbers by value (`nan == nan` is false, `-0 == 0` is
 * true), containers structurally; like jq, an identical container reference is equal to itself
 * even when it holds NaN.
 */
export function equalJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      if (!equalJson(a[i]!, b[i]!)) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  let n = 0;
  for (const k in a) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!equalJson(a[k]!, b[k]!)) return false;
    n++;
  }
  for (const k in b) {
    if (Object.prototype.hasOwnProperty.call(b, k)) n--;
  }
  return n === 0;
}

/** The keys of an object in jq `keys` order (by code point). A new array each call. */
export function sortedKeys(obj: JsonObject): string[] {
  const keys = Object.keys(obj);
  if (keys.length > 1) keys.sort(compareStrings);
  return keys;
}

/**
 * Set `obj[key] = value` as an own, enumerable data property, also for `__proto__` (a plain
 * assignment would change the prototype instead). Mutates `obj`: use it on objects you just
 * created, never on an input value.
 */
export function setKey(obj: JsonObject, key: string, value: Json): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** Whether `obj` has own key `key` (safe for `__proto__` and inherited names). */
export function hasKey(obj: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** Number of Unicode code points in `s` (jq `length` of a string). */
export function codepointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** UTF-16 index of code point number `cp` in `s`, scanning from UTF-16 index `i` (code point `at`). */
function unitIndex(s: string, cp: number, i: number, at: number): number {
  while (at < cp && i < s.length) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    at++;
  }
  return i;
}

/**
 * The substring of code points `[from, to)` of `s`; bounds are clamped to `[0, length]` and a
 * slice with `to <= from` is empty. Callers do jq's negative-index and rounding arithmetic.
 */
export function codepointSlice(s: string, from: number, to: number): string {
  if (to <= from || to <= 0) return '';
  const start = from <= 0 ? 0 : unitIndex(s, from, 0, 0);
  const end = unitIndex(s, to, start, from <= 0 ? 0 : from);
  return s.slice(start, end);
}

/** Number of bytes of `s` in UTF-8 (jq `utf8bytelength`); a lone surrogate counts 3 bytes. */
export function utf8ByteLength(s: string): number {
  return utf8Bytes(s, 0, s.length);
}

/** UTF-8 length of the UTF-16 range `[from, to)` of `s`. */
function utf8Bytes(s: string, from: number, to: number): number {
  let n = to - from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) {
      if (c < 0x800) n += 1;
      else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        n += 2; // 4 bytes for 2 units
        i++;
      } else n += 2;
    }
  }
  return n;
}

/**
 * jq 1.6 `_strindices` (behind `indices`, `index`, `rindex` on strings): the UTF-8 *byte* offsets
 * of the non-overlapping occurrences of `needle` in `s`, scanning left to right
 * (`"aé,b" | indices(",")` is `[3]`; `"aaa" | indices("aa")` is `[0]`).
 * An empty needle makes jq 1.6 loop forever; here it gives `[]` (jq 1.7's answer).
 */
export function stringIndices(s: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  let from = 0;
  let bytes = 0; // UTF-8 length of s.slice(0, scanned)
  let scanned = 0;
  for (;;) {
    const at = s.indexOf(needle, from);
    if (at < 0) return out;
    bytes += utf8Bytes(s, scanned, at);
    scanned = at;
    out.push(bytes);
    from = at + needle.length;
  }
}
