/**
 * Comparing and printing jq values in tests: by value like jq's `jv_equal` (key order ignored), or
 * with key order, and normalized to what jq 1.6 would print (NaN as null, infinities as ±DBL_MAX).
 * @module
 */
import type { Json } from '../src/ast.js';

/** The largest double: what jq 1.6 prints for `infinite`. */
const DBL_MAX = 1.7976931348623157e308;

/** A canonical array index (`"0"`, `"17"`): JS objects list such keys first, in numeric order. */
function isIndexKey(key: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

/** Options for {@link jsonEqual}. */
export interface JsonEqualOptions {
  /**
   * Compare object key order too. JS objects put integer-like keys first whatever the insertion
   * order, so only the order of the other keys is compared.
   */
  keyOrder?: boolean;
  /** Numbers may differ by this much (absolute or relative). Default: exact. */
  tolerance?: number;
}

function numbersEqual(a: number, b: number, tolerance: number | undefined): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  if (tolerance === undefined) return false;
  const diff = Math.abs(a - b);
  return diff <= tolerance || diff <= tolerance * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Deep equality of two jq values. Numbers compare as doubles (`1.0` equals `1`; NaN equals NaN, as
 * our tests want, although jq's `==` says otherwise).
 *
 * @example
 * jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 }); // true
 * jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 }, { keyOrder: true }); // false
 */
export function jsonEqual(a: Json, b: Json, options: JsonEqualOptions = {}): boolean {
  if (typeof a === 'number' && typeof b === 'number') return numbersEqual(a, b, options.tolerance);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => jsonEqual(x, b[i], options));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!jsonEqual(a[k], b[k], options)) return false;
  }
  if (options.keyOrder) {
    const oa = ka.filter((k) => !isIndexKey(k));
    const ob = kb.filter((k) => !isIndexKey(k));
    if (oa.some((k, i) => k !== ob[i])) return false;
  }
  return true;
}

/** Deep equality of two output lists (see {@link jsonEqual}). */
export function outputsEqual(a: readonly Json[], b: readonly Json[], options: JsonEqualOptions = {}): boolean {
  return a.length === b.length && a.every((x, i) => jsonEqual(x, b[i], options));
}

/**
 * A value as jq 1.6 would print it and read it back: NaN becomes null, ±Infinity becomes ±DBL_MAX,
 * -0 stays -0. Anything that is not plain JSON data (undefined, functions, class instances) is
 * replaced by a marker string, so that such engine bugs show up in comparisons.
 */
export function normalizeOutput(value: unknown): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return null;
    if (value === Infinity) return DBL_MAX;
    if (value === -Infinity) return -DBL_MAX;
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => normalizeOutput(v));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = normalizeOutput(v);
    return out;
  }
  return `<not JSON: ${Object.prototype.toString.call(value)} ${String(value)}>`;
}

/** Compact JSON text for messages (NaN and infinities spelled out, unlike JSON.stringify). */
export function showJson(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
    if (Object.is(value, -0)) return '-0';
    return String(value);
  }
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map((v) => showJson(v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${showJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Several outputs, one per line, for failure messages. */
export function showOutputs(values: readonly unknown[]): string {
  return values.length === 0 ? '(no output)' : values.map((v) => showJson(v)).join('\n');
}
