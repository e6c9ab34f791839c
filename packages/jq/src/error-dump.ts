/**
 * jq 1.6 run-time error messages: the truncated value dump they embed (`jv_dump_string_trunc`) and
 * builders for the standard messages, so every caller produces jq's exact text.
 * @module
 */
import type { Json } from './ast.js';
import { JqError } from './errors.js';
import { dumpJsonPrefix } from './json-dump.js';
import { typeOf, utf8ByteLength } from './value.js';

/**
 * The value dump jq 1.6 puts in error messages: the compact JSON text, and when that is longer
 * than `bufsize - 1` UTF-8 bytes, its first `bufsize - 4` bytes followed by `...` (a character
 * cut in the middle becomes one U+FFFD, as jq's UTF-8 repair does). jq uses `bufsize` 15 for most
 * messages (11 bytes kept) and 30 for the path-expression messages (26 bytes kept).
 * @example dumpForError('abcdefghijklmnop') // '"abcdefghij...'
 */
export function dumpForError(v: Json, bufsize = 15): string {
  const max = bufsize - 1;
  const text = dumpJsonPrefix(v, max + 8);
  if (text.length <= max / 3) return text; // cannot exceed `max` bytes
  const keep = bufsize - 4;
  let bytes = 0;
  let cut = -1; // UTF-16 index where the kept prefix ends
  let partial = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let len = 1;
    let units = 1;
    if (c >= 0x80) {
      if (c < 0x800) len = 2;
      else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        len = 4;
        units = 2;
      } else len = 3;
    }
    if (cut < 0 && bytes + len > keep) {
      cut = i;
      partial = bytes < keep;
    }
    bytes += len;
    i += units - 1;
    if (bytes > max) break;
  }
  if (bytes <= max) return text;
  return text.slice(0, cut) + (partial ? '\ufffd' : '') + '...';
}

/** `<type> (<dump>)`, the way jq names a value in type errors. */
export function describe(v: Json, bufsize = 15): string {
  return `${typeOf(v)} (${dumpForError(v, bufsize)})`;
}

/** jq's `type_error`: `<type> (<dump>) <msg>`, e.g. `number (1) has no keys`. */
export function typeError(v: Json, msg: string): JqError {
  return new JqError(`${describe(v)} ${msg}`);
}

/** jq's `type_error2`: `<type> (<dump>) and <type> (<dump>) <msg>`. */
export function typeError2(a: Json, b: Json, msg: string): JqError {
  return new JqError(`${describe(a)} and ${describe(b)} ${msg}`);
}

/**
 * `.[key]` on a value that cannot be indexed by it: `Cannot index number with string "a"` when
 * the key is a string shorter than 30 UTF-8 bytes (inserted raw, not JSON-escaped), else
 * `Cannot index object with number`. (`null` with a string, number or object key is not an
 * error in jq; callers handle that.)
 */
export function cannotIndex(base: Json, key: Json): JqError {
  if (typeof key === 'string' && utf8ByteLength(key) < 30) {
    return new JqError(`Cannot index ${typeOf(base)} with string "${key}"`);
  }
  return new JqError(`Cannot index ${typeOf(base)} with ${typeOf(key)}`);
}

/** `.[a:b]` on a value that is not an array, string or null: `Cannot index number with object`. */
export function cannotSlice(base: Json): JqError {
  return new JqError(`Cannot index ${typeOf(base)} with object`);
}

/**
 * A slice bound that is not a number (nor null):
 * `Start and end indices of an array slice must be numbers` (jq 1.6 says "an string slice" for strings).
 */
export function sliceBoundsMustBeNumbers(base: Json): JqError {
  return new JqError(`Start and end indices of an ${typeof base === 'string' ? 'string' : 'array'} slice must be numbers`);
}

/** `.[]` on a scalar: `Cannot iterate over number (1)`, `Cannot iterate over null (null)`. */
export function cannotIterate(v: Json): JqError {
  return new JqError(`Cannot iterate over ${describe(v)}`);
}

/** `path(f)` where `f` produced a value not at a path: `Invalid path expression with result 1`. */
export function invalidPathExpression(v: Json): JqError {
  return new JqError(`Invalid path expression with result ${dumpForError(v, 30)}`);
}

/**
 * Indexing a value that is not at a path inside `path(...)`:
 * `Invalid path expression near attempt to access element "a" of {"b":1}`.
 */
export function invalidPathAccess(key: Json, v: Json): JqError {
  return new JqError(`Invalid path expression near attempt to access element ${dumpForError(key)} of ${dumpForError(v, 30)}`);
}

/** Iterating a value that is not at a path: `Invalid path expression near attempt to iterate through [1,2]`. */
export function invalidPathIterate(v: Json): JqError {
  return new JqError(`Invalid path expression near attempt to iterate through ${dumpForError(v, 30)}`);
}

/** `has(k)` on a wrong pair: `Cannot check whether object has a number key`. */
export function cannotCheckHas(base: Json, key: Json): JqError {
  return new JqError(`Cannot check whether ${typeOf(base)} has a ${typeOf(key)} key`);
}

/** `keys` of a scalar: `number (1) has no keys`. */
export function hasNoKeys(v: Json): JqError {
  return typeError(v, 'has no keys');
}

/** `length` of a boolean: `boolean (true) has no length`. */
export function hasNoLength(v: Json): JqError {
  return typeError(v, 'has no length');
}

/** `tonumber` of a non-number: `object ({}) cannot be parsed as a number`. */
export function cannotBeParsedAsNumber(v: Json): JqError {
  return typeError(v, 'cannot be parsed as a number');
}

/** `fromjson` of a non-string: `number (1) only strings can be parsed`. */
export function onlyStringsCanBeParsed(v: Json): JqError {
  return typeError(v, 'only strings can be parsed');
}

/** Unary minus of a non-number: `string ("a") cannot be negated`. */
export function cannotBeNegated(v: Json): JqError {
  return typeError(v, 'cannot be negated');
}

/** `{(k): v}` with a non-string key: `Cannot use number (1) as object key`. */
export function cannotUseAsObjectKey(key: Json): JqError {
  return new JqError(`Cannot use ${describe(key)} as object key`);
}

/** Setting a path component of the wrong type: `Cannot update field at object index of array`. */
export function cannotUpdateField(key: Json, base: Json): JqError {
  return new JqError(`Cannot update field at ${typeOf(key)} index of ${typeOf(base)}`);
}

/**
 * Deleting a path component of the wrong type: `Cannot delete string element of array`,
 * `Cannot delete number field of object`, or `Cannot delete fields from number`.
 */
export function cannotDelete(base: Json, key: Json): JqError {
  if (Array.isArray(base)) return new JqError(`Cannot delete ${typeOf(key)} element of array`);
  if (typeOf(base) === 'object') return new JqError(`Cannot delete ${typeOf(key)} field of object`);
  return new JqError(`Cannot delete fields from ${typeOf(base)}`);
}

/** `sort` of a non-array: `number (1) cannot be sorted, as it is not an array`. */
export function cannotBeSorted(v: Json): JqError {
  return typeError(v, 'cannot be sorted, as it is not an array');
}

/** A math builtin given a non-number: `string ("a") number required`. */
export function numberRequired(v: Json): JqError {
  return typeError(v, 'number required');
}
