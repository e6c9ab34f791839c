/**
 * jq 1.6 arithmetic operators `+ - * / %` on jq values (`f_plus` ... `f_mod` in builtin.c), with
 * jq's exact error texts. Inputs are never mutated.
 * @module
 */
import type { Json } from './ast.js';
import { typeError2 } from './error-dump.js';
import { JqError } from './errors.js';
import { equalJson, setKey, type JsonObject } from './value.js';

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `a + b`: null is the identity (`null + x` and `x + null` are `x`), numbers add, strings and
 * arrays concatenate, objects merge shallowly (keys of `b` win, new keys go last). Anything else
 * throws `number (1) and string ("a") cannot be added`.
 */
export function addValues(a: Json, b: Json): Json {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a === null) return b;
  if (b === null) return a;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (Array.isArray(a)) {
    if (Array.isArray(b)) return a.length === 0 ? b : b.length === 0 ? a : a.concat(b);
  } else if (isObject(a) && isObject(b)) {
    return { ...a, ...b };
  }
  throw typeError2(a, b, 'cannot be added');
}

/**
 * `a - b`: numbers subtract; for arrays, the elements of `a` not equal (`==`) to any element of
 * `b`, in order. Anything else throws `... cannot be subtracted`.
 */
export function subtractValues(a: Json, b: Json): Json {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (b.length === 0) return a.slice();
    if (b.length < 8) return a.filter((x) => !b.some((y) => equalJson(x, y)));
    // Hash the scalars of b (NaN excluded: it equals nothing); compare containers one by one.
    const scalars = new Set<Json>();
    const containers: Json[] = [];
    for (const y of b) {
      if (typeof y === 'object' && y !== null) containers.push(y);
      else if (y === y) scalars.add(y);
    }
    return a.filter((x) =>
      typeof x === 'object' && x !== null ? !containers.some((y) => equalJson(x, y)) : !scalars.has(x),
    );
  }
  throw typeError2(a, b, 'cannot be subtracted');
}

/** C's `(int)d` as x86-64 does it: truncation, and INT_MIN for NaN and out-of-range values. */
function toCInt(d: number): number {
  return d > -2147483649 && d < 2147483648 ? Math.trunc(d) : -2147483648;
}

/** C's `(intmax_t)d` on x86-64: truncation, and -2^63 for NaN and out-of-range values. */
function toInt64(d: number): number {
  return d >= -9223372036854775808 && d < 9223372036854775808 ? Math.trunc(d) : -9223372036854775808;
}

/**
 * `a * b`: numbers multiply; a string and a number (either order) repeat the string
 * `(int)(n - 1) + 1` times, giving null when that count is below 1 (`"ab" * 0` and `"ab" * -0.5`
 * are null, `"ab" * 0.5` and `"ab" * 1.5` are `"ab"`, NaN or huge counts are null); objects merge
 * recursively (nested objects merge, anything else from `b` replaces). Anything else throws
 * `... cannot be multiplied`.
 */
export function multiplyValues(a: Json, b: Json): Json {
  if (typeof a === 'number') {
    if (typeof b === 'number') return a * b;
    if (typeof b === 'string') return repeatString(b, a);
  } else if (typeof a === 'string') {
    if (typeof b === 'number') return repeatString(a, b);
  } else if (isObject(a) && isObject(b)) {
    return mergeRecursive(a, b);
  }
  throw typeError2(a, b, 'cannot be multiplied');
}

function repeatString(s: string, n: number): Json {
  const extra = toCInt(n - 1);
  if (extra < 0) return null;
  if (extra === 0 || s.length === 0) return s;
  if (s.length * (extra + 1) > 0x1fffffe8) throw new JqError('Repeat string result too long');
  return s.repeat(extra + 1);
}

function mergeRecursive(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const k of Object.keys(b)) {
    const x = Object.prototype.hasOwnProperty.call(a, k) ? a[k]! : undefined;
    const y = b[k]!;
    setKey(out, k, x !== undefined && isObject(x) && isObject(y) ? mergeRecursive(x, y) : y);
  }
  return out;
}

/**
 * `a / b`: numbers divide (a zero divisor throws `number (1) and number (0) cannot be divided
 * because the divisor is zero`, also for `0 / 0`); strings split (`"a,b" / ","` is `["a","b"]`,
 * an empty string gives `[]`, an empty separator splits into code points). Anything else
 * throws `... cannot be divided`.
 */
export function divideValues(a: Json, b: Json): Json {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw typeError2(a, b, 'cannot be divided because the divisor is zero');
    return a / b;
  }
  if (typeof a === 'string' && typeof b === 'string') return splitString(a, b);
  throw typeError2(a, b, 'cannot be divided');
}

/** jq 1.6 `jv_string_split`: `s / sep`, also behind `split/1`. */
export function splitString(s: string, sep: string): string[] {
  if (s.length === 0) return [];
  if (sep.length === 0) return Array.from(s);
  return s.split(sep);
}

/**
 * `a % b` on numbers, as jq 1.6 computes it: both operands truncated to 64-bit integers (NaN and
 * out-of-range values become -2^63), then C's `%` (the sign follows `a`): `5 % -2` is 1,
 * `-5 % 2` is -1, `5.5 % 2` is 1. A divisor that truncates to 0 (`% 0`, `% 0.5`) throws
 * `number (5) and number (0.5) cannot be divided (remainder) because the divisor is zero`;
 * non-numbers throw `... cannot be divided (remainder)`.
 */
export function moduloValues(a: Json, b: Json): Json {
  if (typeof a === 'number' && typeof b === 'number') {
    const y = toInt64(b);
    if (y === 0) throw typeError2(a, b, 'cannot be divided (remainder) because the divisor is zero');
    // Exact: both are integers below 2^63 in magnitude, and `%` on doubles is exact.
    return (toInt64(a) % y) + 0;
  }
  throw typeError2(a, b, 'cannot be divided (remainder)');
}
