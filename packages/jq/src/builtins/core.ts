/**
 * Native builtins on single values: types, lengths, keys, containment, strings, JSON text and
 * numbers. Texts of errors follow jq 1.6.
 * @module
 */
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { cannotCheckHas, describe, hasNoKeys, hasNoLength } from '../error-dump.js';
import { dumpJson } from '../json-dump.js';
import { parseJson } from '../json-parse.js';
import { applyFormat } from '../formats.js';
import { codepointLength, compareJson, setKey, sortedKeys, typeOf, utf8ByteLength } from '../value.js';
import { type NativeMap, defineUnary, defineValues } from './define.js';

type JsonObject = { [key: string]: Json };

function isObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `type (dump)` as jq prints a value in error messages. */
export const described = describe;

/** `tostring` */
export function toText(v: Json): string {
  return typeof v === 'string' ? v : dumpJson(v);
}

/** jq's `length`: 0 for null, code points of a string, |n| of a number, items or keys. */
export function length(v: Json): number {
  if (v === null) return 0;
  if (typeof v === 'string') return codepointLength(v);
  if (typeof v === 'number') return Math.abs(v);
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'object') return Object.keys(v).length;
  throw hasNoLength(v);
}

function keys(v: Json, sorted: boolean): Json {
  if (Array.isArray(v)) return v.map((_x, i) => i);
  if (isObject(v)) return sorted ? sortedKeys(v) : Object.keys(v);
  throw hasNoKeys(v);
}

function has(v: Json, k: Json): Json {
  if (v === null) return false;
  if (isObject(v) && typeof k === 'string') return Object.prototype.hasOwnProperty.call(v, k);
  if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length;
  throw cannotCheckHas(v, k);
}

/** jq 1.6 `contains`: substring for strings, recursive for arrays and objects. */
export function contains(a: Json, b: Json): boolean {
  // jq's kinds tell true from false, so `false | contains(true)` is an error, not false.
  if (typeOf(a) !== typeOf(b) || (typeof a === 'boolean' && a !== b)) throw new JqError(`${described(a)} and ${described(b)} cannot have their containment checked`);
  return containsValue(a, b);
}

/** Containment below the top level: values of different types are simply not contained. */
function containsValue(a: Json, b: Json): boolean {
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(b)) {
      if (!Object.prototype.hasOwnProperty.call(a, k)) return false;
      if (!containsValue(a[k] as Json, b[k] as Json)) return false;
    }
    return true;
  }
  if (Array.isArray(a) && Array.isArray(b)) return b.every((x) => a.some((y) => containsValue(y, x)));
  // jq 1.6 compares C strings: both end at the first NUL.
  if (typeof a === 'string' && typeof b === 'string') return cString(a).includes(cString(b));
  return typeOf(a) === typeOf(b) && compareJson(a, b) === 0;
}

function cString(s: string): string {
  const nul = s.indexOf('\u0000');
  return nul < 0 ? s : s.slice(0, nul);
}

function tonumber(v: Json): Json {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseJson(v);
    if (typeof n !== 'number') throw new JqError(`${described(v)} cannot be parsed as a number`);
    return n;
  }
  throw new JqError(`${described(v)} cannot be parsed as a number`);
}

function explode(v: Json): Json {
  if (typeof v !== 'string') throw new JqError('explode input must be a string');
  const out: number[] = [];
  for (const ch of v) out.push(ch.codePointAt(0) as number);
  return out;
}

function implode(v: Json): Json {
  if (!Array.isArray(v)) throw new JqError('implode input must be an array');
  let s = '';
  for (const c of v) {
    if (typeof c !== 'number') throw new JqError('Unicode codepoint must be numeric');
    const cp = Math.trunc(c);
    s += cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
  }
  return s;
}

function asciiCase(v: Json, upper: boolean): Json {
  if (typeof v !== 'string') throw new JqError('explode input must be a string');
  return v.replace(upper ? /[a-z]+/g : /[A-Z]+/g, (m) => (upper ? m.toUpperCase() : m.toLowerCase()));
}

function split(v: Json, sep: Json): Json {
  if (typeof v !== 'string' || typeof sep !== 'string') throw new JqError('split input and separator must be strings');
  if (v === '') return [];
  if (sep === '') return Array.from(v);
  return v.split(sep);
}

function fromEntriesKey(e: Json): Json {
  for (const name of ['key', 'Key', 'name', 'Name']) {
    const k = isObject(e) ? (e[name] ?? null) : null;
    if (k !== null && k !== false) return k;
  }
  return null;
}

/** `from_entries` as jq 1.6 defines it. */
function fromEntries(v: Json): Json {
  if (!Array.isArray(v) && !isObject(v)) throw new JqError(`Cannot iterate over ${described(v)}`);
  const out: JsonObject = {};
  for (const e of Array.isArray(v) ? v : Object.values(v)) {
    if (!isObject(e)) {
      if (e === null) throw new JqError('Cannot use null (null) as object key');
      throw new JqError(`Cannot index ${typeOf(e)} with string "key"`);
    }
    const k = fromEntriesKey(e);
    if (typeof k !== 'string') throw new JqError(`Cannot use ${described(k)} as object key`);
    setKey(out, k, Object.prototype.hasOwnProperty.call(e, 'value') ? (e.value as Json) : (e.Value ?? null));
  }
  return out;
}

function toEntries(v: Json): Json {
  if (isObject(v)) {
    const out: Json[] = [];
    for (const k in v) out.push({ key: k, value: v[k] as Json });
    return out;
  }
  if (Array.isArray(v)) return v.map((x, i) => ({ key: i, value: x }));
  throw new JqError(`${described(v)} has no keys`);
}

function trimStr(v: Json, affix: Json, left: boolean): Json {
  if (typeof v !== 'string' || typeof affix !== 'string') return v;
  if (left ? v.startsWith(affix) : v.endsWith(affix)) return left ? v.slice(affix.length) : v.slice(0, v.length - affix.length);
  return v;
}

/** Registers the value builtins. */
export function registerCore(t: NativeMap): void {
  defineUnary(t, 'length', length);
  defineUnary(t, 'utf8bytelength', (v) => {
    if (typeof v !== 'string') throw new JqError(`${described(v)} only strings have UTF-8 byte length`);
    return utf8ByteLength(v);
  });
  defineUnary(t, 'not', (v) => v === null || v === false);
  defineUnary(t, 'type', (v) => typeOf(v));
  defineUnary(t, 'keys', (v) => keys(v, true));
  defineUnary(t, 'keys_unsorted', (v) => keys(v, false));
  defineValues(t, 'has', 1, has);
  defineValues(t, 'contains', 1, (a, b) => contains(a, b));
  defineUnary(t, 'tostring', toText);
  defineUnary(t, 'tojson', (v) => dumpJson(v));
  defineUnary(t, 'fromjson', (v) => {
    if (typeof v !== 'string') throw new JqError(`${described(v)} only strings can be parsed`);
    return parseJson(v);
  });
  defineUnary(t, 'tonumber', tonumber);
  defineUnary(t, 'explode', explode);
  defineUnary(t, 'implode', implode);
  defineUnary(t, 'ascii_downcase', (v) => asciiCase(v, false));
  defineUnary(t, 'ascii_upcase', (v) => asciiCase(v, true));
  defineValues(t, 'ltrimstr', 1, (v, a) => trimStr(v, a, true));
  defineValues(t, 'rtrimstr', 1, (v, a) => trimStr(v, a, false));
  defineValues(t, 'startswith', 1, (v, a) => {
    if (typeof v !== 'string' || typeof a !== 'string') throw new JqError('startswith() requires string inputs');
    return v.startsWith(a);
  });
  defineValues(t, 'endswith', 1, (v, a) => {
    if (typeof v !== 'string' || typeof a !== 'string') throw new JqError('endswith() requires string inputs');
    return v.endsWith(a);
  });
  defineValues(t, 'split', 1, split);
  defineUnary(t, 'to_entries', toEntries);
  defineUnary(t, 'from_entries', fromEntries);
  defineValues(t, 'format', 1, (v, f) => {
    if (typeof f !== 'string') throw new JqError(`${described(f)} is not a valid format`);
    return f === 'text' ? toText(v) : applyFormat(f, v);
  });
  defineUnary(t, 'infinite', () => Infinity);
  defineUnary(t, 'nan', () => NaN);
  // jq 1.6 answers false for non-numbers instead of raising an error.
  defineUnary(t, 'isinfinite', (v) => v === Infinity || v === -Infinity);
  defineUnary(t, 'isnan', (v) => typeof v === 'number' && Number.isNaN(v));
  defineUnary(t, 'isfinite', (v) => typeof v === 'number' && v !== Infinity && v !== -Infinity);
  defineUnary(t, 'isnormal', (v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) >= 2.2250738585072014e-308);
  defineUnary(t, 'ascii', (v) => implode([v]));
}
