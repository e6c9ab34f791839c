/**
 * The `@format` string formatters of jq 1.6 (`f_format` in builtin.c): @text @json @html @uri
 * @csv @tsv @sh @base64 @base64d, with jq's error texts.
 * @module
 */
import type { Json } from './ast.js';
import { typeError } from './error-dump.js';
import { JqError } from './errors.js';
import { dumpJson, formatNumber } from './json-dump.js';

/** The names `applyFormat` knows, without the `@`. */
export const FORMAT_NAMES: readonly string[] = ['text', 'json', 'html', 'uri', 'csv', 'tsv', 'sh', 'base64', 'base64d'];

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** `tostring`: strings as they are, anything else as compact JSON. */
function text(v: Json): string {
  return typeof v === 'string' ? v : dumpJson(v);
}

/**
 * Apply the format `name` (without `@`) to `v`, as `@name` or `format("name")` does:
 * - `text`: `tostring`; `json`: compact JSON (`tojson`).
 * - `html`: `tostring`, then `& < > ' "` as `&amp; &lt; &gt; &apos; &quot;`.
 * - `uri`: `tostring`, then every UTF-8 byte except `A-Za-z0-9-_.!~*'()` as `%XX`.
 * - `csv` / `tsv`: an array of scalars as one row; strings quoted with `""` doubling (csv) or with
 *   `\t \r \n \\` escaped (tsv); null and NaN empty; numbers as jq prints them.
 * - `sh`: a scalar or an array of scalars, strings single-quoted (`'` as `'\''`), space-separated.
 * - `base64` / `base64d`: of the UTF-8 bytes of `tostring`; decoding stops at the first `=`,
 *   tolerates missing padding and turns invalid UTF-8 into U+FFFD.
 * In every escaping format (csv, tsv, html, sh) jq 1.6 writes U+0000 as the two characters `\0`.
 * `name` may be any value (`format/1`): a non-string throws `number (1) is not a valid format`,
 * an unknown name `foo is not a valid format`.
 * @example applyFormat('csv', [1, 'a"b', null]) // '1,"a""b",'
 */
export function applyFormat(name: Json, v: Json): string {
  if (typeof name !== 'string') throw typeError(name, 'is not a valid format');
  switch (name) {
    case 'text':
      return text(v);
    case 'json':
      return dumpJson(v);
    case 'csv':
    case 'tsv':
      return row(name, v);
    case 'html':
      return escape(text(v), HTML);
    case 'uri':
      return uri(text(v));
    case 'sh':
      return shell(v);
    case 'base64':
      return Buffer.from(text(v), 'utf8').toString('base64');
    case 'base64d':
      return base64Decode(text(v));
    default: {
      const nul = name.indexOf('\0'); // jq builds the message from a C string
      throw new JqError(`${nul < 0 ? name : name.slice(0, nul)} is not a valid format`);
    }
  }
}

const CSV: Record<string, string> = { '"': '""', '\0': '\\0' };
const TSV: Record<string, string> = { '\t': '\\t', '\r': '\\r', '\n': '\\n', '\\': '\\\\', '\0': '\\0' };
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;', '\0': '\\0' };
const SH: Record<string, string> = { "'": "'\\''", '\0': '\\0' };
const ESCAPE_RE = new Map<Record<string, string>, RegExp>([
  [CSV, /["\0]/g],
  [TSV, /[\t\r\n\\\0]/g],
  [HTML, /[&<>'"\0]/g],
  [SH, /['\0]/g],
]);

/** jq's `escape_string`: replace the characters that have an entry in `table`. */
function escape(s: string, table: Record<string, string>): string {
  return s.replace(ESCAPE_RE.get(table)!, (c) => table[c]!);
}

function row(name: 'csv' | 'tsv', v: Json): string {
  if (!Array.isArray(v)) throw typeError(v, `cannot be ${name}-formatted, only array`);
  const csv = name === 'csv';
  let out = '';
  for (let i = 0; i < v.length; i++) {
    if (i > 0) out += csv ? ',' : '\t';
    const x = v[i]!;
    if (typeof x === 'string') out += csv ? '"' + escape(x, CSV) + '"' : escape(x, TSV);
    else if (typeof x === 'number') out += x !== x ? '' : formatNumber(x);
    else if (typeof x === 'boolean') out += x ? 'true' : 'false';
    else if (x !== null) throw typeError(x, 'is not valid in a csv row');
  }
  return out;
}

function shell(v: Json): string {
  const items = Array.isArray(v) ? v : [v];
  let out = '';
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out += ' ';
    const x = items[i]!;
    if (typeof x === 'string') out += "'" + escape(x, SH) + "'";
    else if (typeof x === 'object' && x !== null) throw typeError(x, 'can not be escaped for shell');
    else out += dumpJson(x);
  }
  return out;
}

const URI_UNRESERVED = /^[A-Za-z0-9\-_.!~*'()]*$/;

function uri(s: string): string {
  if (URI_UNRESERVED.test(s)) return s;
  let out = '';
  for (const b of encoder.encode(s)) {
    const c = String.fromCharCode(b);
    out += b < 0x80 && URI_UNRESERVED.test(c) ? c : '%' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  }
  return out;
}

/** Base64 digit values; -1 for bytes that are not base64 digits. */
const B64 = new Int8Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => {
  B64[c.charCodeAt(0)] = i;
});

/** jq 1.6 `@base64d`: decode up to the first `=`; 1 leftover digit is an error. */
function base64Decode(s: string): string {
  const data = encoder.encode(s);
  const out = new Uint8Array(Math.floor((data.length * 3) / 4) + 3);
  let o = 0;
  let code = 0;
  let n = 0;
  for (let i = 0; i < data.length && data[i] !== 0x3d; i++) {
    const d = B64[data[i]!]!;
    if (d < 0) throw typeError(s, 'is not valid base64 data');
    code = (code << 6) | d;
    if (++n === 4) {
      out[o++] = (code >> 16) & 0xff;
      out[o++] = (code >> 8) & 0xff;
      out[o++] = code & 0xff;
      n = 0;
      code = 0;
    }
  }
  if (n === 3) {
    out[o++] = (code >> 10) & 0xff;
    out[o++] = (code >> 2) & 0xff;
  } else if (n === 2) {
    out[o++] = (code >> 4) & 0xff;
  } else if (n === 1) {
    throw typeError(s, 'trailing base64 byte found');
  }
  return decodeUtf8Lossy(out.subarray(0, o));
}

/**
 * UTF-8 bytes to a string the way jq repairs invalid UTF-8 (`jvp_utf8_next`): each bad lead or
 * stray continuation byte, each sequence cut short by a non-continuation byte (up to that byte),
 * each overlong, surrogate or out-of-range sequence, and a sequence truncated by the end of the
 * data becomes one U+FFFD.
 * @internal
 */
export function decodeUtf8Lossy(bytes: Uint8Array): string {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    // invalid: repair below
  }
  let out = '';
  let i = 0;
  const end = bytes.length;
  while (i < end) {
    const first = bytes[i]!;
    if (first < 0x80) {
      out += String.fromCharCode(first);
      i++;
      continue;
    }
    const len = first >= 0xc2 && first <= 0xdf ? 2 : first >= 0xe0 && first <= 0xef ? 3 : first >= 0xf0 && first <= 0xf4 ? 4 : 0;
    if (len === 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    if (i + len > end) {
      out += '\ufffd';
      break;
    }
    let cp = first & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    let k = 1;
    for (; k < len; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (k < len) {
      out += '\ufffd';
      i += k;
      continue;
    }
    i += len;
    const min = len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
    out += cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff ? '\ufffd' : String.fromCodePoint(cp);
  }
  return out;
}
