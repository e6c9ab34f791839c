/**
 * jq 1.6's parse-time constant folding, as far as it decides what the parser rejects: constant
 * object keys that are not strings, `1/0`, and module metadata that is not a constant object.
 * @module
 */
import type { Json, Node, ObjectKey } from './ast.js';
import { dumpJson } from './json-dump.js';

/** Marks an expression that compiles to no instruction at all (`.`, `(.)`, `. | .`). */
const NOOP: unique symbol = Symbol('noop');
type Folded = Json | typeof NOOP | undefined;

/**
 * The value of `node` when jq 1.6's code generator sees it as a single constant (`block_is_const`),
 * else undefined. That covers literals, strings without interpolation (whatever their format),
 * `$__loc__`, numeric `+ - * / == != < > <= >=` and string `+` of constants (jq folds these; `%`
 * it does not), `null + c` and `c + null`, a pipe one side of which is `.`, `[]`, `{}`, arrays of
 * constants written `[a, b, c]` and objects whose keys and values are all constants. `-1` is not a
 * constant (it compiles to a negation) and neither is `[1, (2, 3)]`.
 * @example constantValue(parse('{a: [1, 2 + 3]}').body) // { a: [1, 5] }
 */
export function constantValue(node: Node): Json | undefined {
  const v = fold(node);
  return v === NOOP ? undefined : v;
}

function fold(n: Node): Folded {
  switch (n.kind) {
    case 'Identity':
      return NOOP;
    case 'Literal':
      return n.value;
    case 'Loc':
      return { file: '<top-level>', line: n.line };
    case 'String':
      return n.parts.every((p) => typeof p === 'string') ? n.parts.join('') : undefined;
    case 'Paren':
      return fold(n.body);
    case 'Pipe': {
      const l = fold(n.left);
      const r = fold(n.right);
      if (l === NOOP) return r;
      return r === NOOP ? l : undefined;
    }
    case 'Binary':
      return foldBinary(n.op, fold(n.left), fold(n.right));
    case 'Array':
      return n.body === null ? [] : foldArray(n.body);
    case 'Object':
      return foldObject(n.entries);
    default:
      return undefined;
  }
}

function foldBinary(op: string, a: Folded, b: Folded): Folded {
  if (a === undefined || a === NOOP || b === undefined || b === NOOP) return undefined;
  if (op === '+' && a === null) return b;
  if (op === '+' && b === null) return a;
  if (typeof a === 'string' && typeof b === 'string') return op === '+' ? a + b : undefined;
  if (typeof a !== 'number' || typeof b !== 'number') return undefined;
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return a / b;
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '<=': return a <= b;
    case '>=': return a >= b;
    default: return undefined;
  }
}

/** jq recognizes `[c1, c2, ...]` only when the commas nest to the left, as the parser builds them. */
function foldArray(body: Node): Folded {
  const out: Json[] = [];
  const walk = (n: Node): boolean => {
    while (n.kind === 'Paren') n = n.body;
    if (n.kind === 'Comma') {
      if (!walk(n.left)) return false;
      const r = fold(n.right);
      if (r === undefined || r === NOOP || n.right.kind === 'Comma') return false;
      out.push(r);
      return true;
    }
    const v = fold(n);
    if (v === undefined || v === NOOP) return false;
    out.push(v);
    return true;
  };
  return walk(body) ? out : undefined;
}

function foldObject(entries: { key: ObjectKey; value: Node | null }[]): Folded {
  const out: { [key: string]: Json } = {};
  for (const { key, value } of entries) {
    if (value === null || key.kind === 'var') return undefined;
    const k = key.kind === 'ident' ? key.name : fold(key.node);
    const v = fold(value);
    if (typeof k !== 'string' || v === undefined || v === NOOP) return undefined;
    out[k] = v;
  }
  return out;
}

/** jq's kind name of a value: null, boolean, number, string, array, object. @internal */
export function kindName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

/**
 * A value as jq 1.6's `jv_dump_string_trunc(v, buf, 15)` shows it in messages: compact JSON, cut
 * to 11 bytes plus `...` when longer than 14 bytes.
 * @example dumpTruncated([1, 2, 3, 4, 5, 6, 7]) // '[1,2,3,4,5,...'
 * @internal
 */
export function dumpTruncated(v: Json): string {
  const bytes = new TextEncoder().encode(dumpJson(v));
  if (bytes.length <= 14) return new TextDecoder().decode(bytes);
  return `${new TextDecoder().decode(bytes.slice(0, 11))}...`;
}

/**
 * jq 1.6's parse-time check of a `(key)` in object construction or an object pattern: a constant
 * key that is not a string is an error, e.g. `Cannot use number (0) as object key`.
 * @internal
 */
export function objectKeyError(key: Node): string | undefined {
  const v = constantValue(key);
  if (v === undefined || typeof v === 'string') return undefined;
  return `Cannot use ${kindName(v)} (${dumpTruncated(v)}) as object key`;
}
