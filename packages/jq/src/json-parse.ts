/**
 * `parseJson` for `fromjson`: JSON.parse when it is sure to agree with jq 1.6, otherwise jq's own
 * parser (`jv-parser.ts`, shared with the CLI) for its extensions and exact error texts.
 * @module
 */
import type { Json } from './ast.js';
import { JqError } from './errors.js';
import { parseOneJson } from './jv-parser.js';
import { encodeString } from './utf8.js';

/** Containers nested deeper than this skip the JSON.parse fast path (keys can double the count). */
const FAST_DEPTH = 120;

/**
 * Parse exactly one JSON text as `fromjson` does: surrounding whitespace is fine, jq 1.6's
 * extensions are accepted (`NaN`, `-Infinity`, `01`, `.5`, `+1`, raw U+0000/U+001F in strings),
 * huge exponents give ±Infinity and a lone `\udc00` escape becomes U+FFFD. Errors throw a
 * {@link JqError} whose message is jq's, e.g.
 * `Invalid numeric literal at EOF at line 1, column 3 (while parsing 'abc')`,
 * `Expected JSON value (while parsing '')`, `Unexpected extra JSON values (while parsing '1 2')`.
 * @example parseJson(' [1, NaN] ') // [1, NaN]
 */
export function parseJson(text: string): Json {
  let fast: Json | undefined;
  try {
    fast = JSON.parse(text) as Json;
  } catch {
    // fall through to jq's parser, which knows the extensions and the error texts
  }
  if (fast !== undefined && !needsJqParser(text)) return fast;
  const r = parseOneJson(encodeString(text));
  if (r.ok) return r.value;
  const nul = text.indexOf('\0'); // jq prints the text as a C string
  throw new JqError(`${r.message} (while parsing '${nul < 0 ? text : text.slice(0, nul)}')`);
}

/** Whether JSON.parse may have accepted `text` where jq differs: deep nesting or `\uD...` escapes. */
function needsJqParser(text: string): boolean {
  if (text.length > FAST_DEPTH && /[[{]/.test(text) && maxDepth(text) > FAST_DEPTH) return true;
  return /\\u[dD][89a-fA-F]/.test(text) && !surrogatesPaired(text, 0, text.length);
}

function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) max = depth;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

/** Whether every `\uD800-\uDFFF` escape in `text[from, to)` is a high one followed by a low one. */
function surrogatesPaired(text: string, from: number, to: number): boolean {
  for (let i = text.indexOf('\\u', from); i >= 0 && i < to; i = text.indexOf('\\u', i + 2)) {
    let bs = 0; // an escaped backslash before `u` is not an escape
    for (let j = i - 1; j >= from && text.charCodeAt(j) === 0x5c; j--) bs++;
    if (bs % 2 === 1) continue;
    const u = hex4At(text, i + 2);
    if (u < 0xd800 || u > 0xdfff) continue;
    if (u > 0xdbff || text.charCodeAt(i + 6) !== 0x5c || text.charCodeAt(i + 7) !== 0x75) return false;
    const low = hex4At(text, i + 8);
    if (low < 0xdc00 || low > 0xdfff) return false;
    i += 6;
  }
  return true;
}

/** The value of the four hex digits at `s[at]`, or -1. */
function hex4At(s: string, at: number): number {
  const digits = s.slice(at, at + 4);
  return /^[0-9a-fA-F]{4}$/.test(digits) ? Number.parseInt(digits, 16) : -1;
}
