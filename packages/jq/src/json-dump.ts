/**
 * JSON text output exactly as jq 1.6 prints it (`jv_dump_term`): number formatting, string
 * escaping, compact and indented layouts, sorted keys, ASCII output and the depth cut-off.
 * @module
 */
import type { Json } from './ast.js';
import { sortedKeys, type JsonObject } from './value.js';

/** Options of {@link dumpJson}. */
export interface DumpOptions {
  /** 0 (the default) prints compactly; n > 0 indents n spaces per level; 'tab' one tab. */
  indent?: number | 'tab';
  /** Print object keys in `keys` order (jq `-S`), at every level. */
  sortKeys?: boolean;
  /** Escape every non-ASCII character as `\uXXXX` (surrogate pairs above U+FFFF), jq `-a`. */
  ascii?: boolean;
}

/**
 * A value of any kind inside more than this many containers prints as {@link DEPTH_MARKER}
 * (Debian's jq 1.6 `MAX_PRINT_DEPTH`: `0` inside 257 arrays is cut, inside 256 it is not).
 */
export const MAX_PRINT_DEPTH = 256;

/** What the Debian jq 1.6 binary prints in place of a value nested too deep. */
export const DEPTH_MARKER = '<stripped: exceeds max depth>';

const DBL_MAX_TEXT = '1.7976931348623157e+308';

/**
 * A number as jq 1.6 prints it: the shortest digits that round-trip (like JS), laid out as
 * `%.17g`-style by jq's dtoa: exponent form when the decimal exponent is below -4 or the digits
 * would need more than 15 trailing zeros (`1e-05`, `1e+17`, `0.0001`, `12000000000000000`);
 * `-0` keeps its sign, NaN prints `null`, infinities clamp to ±1.7976931348623157e+308.
 * @example formatNumber(1e17) // '1e+17'
 */
export function formatNumber(n: number): string {
  const a = n < 0 ? -n : n;
  // In this range JS and jq agree digit for digit (both fixed notation, shortest digits).
  if (a >= 1e-4 && a < 1e15) return '' + n;
  if (n === 0) return 1 / n < 0 ? '-0' : '0';
  if (n !== n) return 'null';
  if (a === Infinity) return n > 0 ? DBL_MAX_TEXT : '-' + DBL_MAX_TEXT;
  const e = a.toExponential(); // shortest round-trip digits: "d.ddde+x"
  const ePos = e.indexOf('e');
  const digits = e.charCodeAt(1) === 46 /* . */ ? e[0] + e.slice(2, ePos) : e.slice(0, ePos);
  const decpt = +e.slice(ePos + 1) + 1;
  const sign = n < 0 ? '-' : '';
  const nd = digits.length;
  if (decpt <= -4 || decpt > nd + 15) {
    let x = decpt - 1;
    let es = '+';
    if (x < 0) {
      es = '-';
      x = -x;
    }
    const mant = nd > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return sign + mant + 'e' + es + (x < 10 ? '0' + x : '' + x);
  }
  if (decpt <= 0) return sign + '0.' + '0'.repeat(-decpt) + digits;
  if (decpt >= nd) return sign + digits + '0'.repeat(decpt - nd);
  return sign + digits.slice(0, decpt) + '.' + digits.slice(decpt);
}

const CONTROL_ESCAPES: string[] = [];
for (let c = 0; c < 0x20; c++) CONTROL_ESCAPES.push('\\u' + c.toString(16).padStart(4, '0'));
CONTROL_ESCAPES[8] = '\\b';
CONTROL_ESCAPES[9] = '\\t';
CONTROL_ESCAPES[10] = '\\n';
CONTROL_ESCAPES[12] = '\\f';
CONTROL_ESCAPES[13] = '\\r';

function hex4(c: number): string {
  return '\\u' + (c < 0x1000 ? (c < 0x100 ? (c < 0x10 ? '000' : '00') : '0') : '') + c.toString(16);
}

/**
 * A string as a jq 1.6 JSON string literal: `"` and `\` escaped, `\b \t \n \f \r`, other
 * control characters and DEL as `\u00XX` (lower-case hex), `/` left alone; with `ascii`, every
 * non-ASCII character as `\uXXXX`. A lone surrogate (which jq strings cannot hold) prints as
 * U+FFFD.
 */
export function quoteString(s: string, ascii = false): string {
  const n = s.length;
  let out = '"';
  let last = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f && c !== 0x22 && c !== 0x5c) continue;
    let esc: string;
    let next = i + 1;
    if (c < 0x20) esc = CONTROL_ESCAPES[c]!;
    else if (c === 0x22) esc = '\\"';
    else if (c === 0x5c) esc = '\\\\';
    else if (c === 0x7f) esc = '\\u007f';
    else if (c >= 0xd800 && c <= 0xdfff) {
      const d = c <= 0xdbff && i + 1 < n ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (!ascii) {
          i++;
          continue;
        }
        esc = hex4(c) + hex4(d);
        next = i + 2;
      } else esc = ascii ? '\\ufffd' : '\ufffd';
    } else if (!ascii) continue;
    else esc = hex4(c);
    out += s.slice(last, i) + esc;
    last = next;
    i = next - 1;
  }
  return last === 0 ? out + s + '"' : out + s.slice(last) + '"';
}

/**
 * A value as JSON text, byte for byte as jq 1.6 prints it (`tojson`, `tostring` of non-strings,
 * `-c` uses indent 0; the CLI default is indent 2). Object keys keep insertion order (JS puts
 * integer-like keys first) unless `sortKeys`. Values nested deeper than {@link MAX_PRINT_DEPTH}
 * print as {@link DEPTH_MARKER}.
 * @example dumpJson({a: [1, 2]}) // '{"a":[1,2]}'
 */
export function dumpJson(v: Json, opts?: DumpOptions): string {
  const indent = opts?.indent ?? 0;
  const ascii = opts?.ascii ?? false;
  const sort = opts?.sortKeys ?? false;
  if (typeof v !== 'object' || v === null) return ascii && typeof v === 'string' ? quoteString(v, true) : compact(v, 0);
  const unit = indent === 'tab' ? '\t' : ' '.repeat(indent);
  // JSON.stringify lays out text exactly like jq (also indented); it is ~10x faster than building
  // the text here, so use it whenever its number and string output agree with jq's.
  if (!sort && (indent === 'tab' || indent <= 10) && stringifySafe(v, 0)) {
    const text = JSON.stringify(v, null, unit);
    return ascii ? text.replace(NON_ASCII, asciiEscape) : text;
  }
  if (indent === 0) return !ascii && !sort ? compact(v, 0) : pretty(v, 0, ascii, sort, null);
  return pretty(v, 0, ascii, sort, ['\n', '\n' + unit], unit);
}

const NON_ASCII = /[\u0080-\uffff]/g;
const asciiEscape = (c: string): string => hex4(c.charCodeAt(0));
const SUSPECT_CHARS = /[\u007f\ud800-\udfff]/;

/**
 * Whether JSON.stringify prints `v` as jq does: every number in the range where JS and jq
 * agree (see formatNumber; not -0, ±Infinity, 1e-7 or 1e16), no DEL or lone surrogate in a
 * string or key, and no nesting beyond MAX_PRINT_DEPTH.
 */
function stringifySafe(v: Json, depth: number): boolean {
  if (typeof v === 'number') {
    const a = v < 0 ? -v : v;
    return (a >= 1e-4 && a < 1e15) || (a < 1e16 && Number.isInteger(v) && (v !== 0 || 1 / v > 0)) || v !== v;
  }
  if (typeof v === 'string') return stringSafe(v);
  if (typeof v !== 'object' || v === null) return true;
  if (depth >= MAX_PRINT_DEPTH) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!stringifySafe(v[i]!, depth + 1)) return false;
    return true;
  }
  for (const k in v) if (!stringSafe(k) || !stringifySafe(v[k]!, depth + 1)) return false;
  return true;
}

function stringSafe(s: string): boolean {
  if (s.length > 24) {
    if (!SUSPECT_CHARS.test(s)) return true;
  } else {
    let i = 0;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 0x7f || (c >= 0xd800 && c <= 0xdfff)) break;
    }
    if (i === s.length) return true;
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x7f || (c >= 0xdc00 && c <= 0xdfff)) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(++i);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
    }
  }
  return true;
}

/** The common case: compact, insertion order, UTF-8 output. */
function compact(v: Json, depth: number): string {
  if (depth > MAX_PRINT_DEPTH) return DEPTH_MARKER;
  switch (typeof v) {
    case 'string':
      return quoteString(v);
    case 'number':
      return formatNumber(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v === null) return 'null';
  if (Array.isArray(v)) {
    const n = v.length;
    if (n === 0) return '[]';
    let out = '[' + compact(v[0]!, depth + 1);
    for (let i = 1; i < n; i++) out += ',' + compact(v[i]!, depth + 1);
    return out + ']';
  }
  let out = '{';
  for (const k in v) out += (out.length > 1 ? ',' : '') + quoteString(k) + ':' + compact(v[k]!, depth + 1);
  return out + '}';
}

/**
 * The general printer. `nl` is null for compact output, else a cache of newline+indent strings
 * by level (grown on demand).
 */
function pretty(v: Json, depth: number, ascii: boolean, sort: boolean, nl: string[] | null, unit = ''): string {
  if (depth > MAX_PRINT_DEPTH) return DEPTH_MARKER;
  switch (typeof v) {
    case 'string':
      return quoteString(v, ascii);
    case 'number':
      return formatNumber(v);
    case 'boolean':
      return v ? 'true' : 'false';
  }
  if (v === null) return 'null';
  let open = '';
  let close = '';
  let sep = ',';
  if (nl !== null) {
    while (nl.length <= depth + 1) nl.push(nl[nl.length - 1]! + unit);
    open = nl[depth + 1]!;
    close = nl[depth]!;
    sep = ',' + open;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    let out = '[' + open;
    for (let i = 0; i < v.length; i++) {
      if (i > 0) out += sep;
      out += pretty(v[i]!, depth + 1, ascii, sort, nl, unit);
    }
    return out + close + ']';
  }
  const keys = sort ? sortedKeys(v) : Object.keys(v);
  if (keys.length === 0) return '{}';
  const colon = nl === null ? ':' : ': ';
  let out = '{' + open;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (i > 0) out += sep;
    out += quoteString(k, ascii) + colon + pretty((v as JsonObject)[k]!, depth + 1, ascii, sort, nl, unit);
  }
  return out + close + '}';
}

/**
 * The compact dump of `v` (as {@link dumpJson} with no options), cut short once it is at least
 * `limit` UTF-16 units long; the result is a prefix of the full dump, and is the full dump when
 * that is shorter than `limit`. Used for error messages, which show only a prefix.
 * @internal
 */
export function dumpJsonPrefix(v: Json, limit: number): string {
  const st = { out: '', limit };
  prefix(v, 0, st);
  return st.out;
}

function prefix(v: Json, depth: number, st: { out: string; limit: number }): boolean {
  if (typeof v === 'string' && depth <= MAX_PRINT_DEPTH) {
    // Quoting only grows a string, so a prefix of `limit` units is enough.
    st.out += quoteString(v.length > st.limit ? v.slice(0, st.limit) : v);
  } else if (typeof v !== 'object' || v === null || depth >= MAX_PRINT_DEPTH) {
    st.out += compact(v, depth);
  } else if (Array.isArray(v)) {
    st.out += '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) st.out += ',';
      if (prefix(v[i]!, depth + 1, st)) return true;
    }
    st.out += ']';
  } else {
    st.out += '{';
    let first = true;
    for (const k in v) {
      st.out += (first ? '' : ',') + quoteString(k.length > st.limit ? k.slice(0, st.limit) : k) + ':';
      first = false;
      if (st.out.length >= st.limit || prefix(v[k]!, depth + 1, st)) return true;
    }
    st.out += '}';
  }
  return st.out.length >= st.limit;
}
