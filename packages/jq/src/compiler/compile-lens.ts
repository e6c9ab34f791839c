/**
 * A fast path for assignments whose left side is a plain path (`.a.b`, `.items[].qty`,
 * `.[] | select(.x)`) and whose update always yields one value: the new document is rebuilt
 * along the path in one pass (O(size) instead of one copy of the whole document per path), with
 * the same order of evaluation and the same errors as jq 1.6's path-by-path reduce.
 * @module
 */
import type { Json, Node } from '../ast.js';
import { indexValue, setPath } from './access.js';
import { cannotIterate } from '../error-dump.js';
import { type NodeCompiler, isTruthy } from './compiled.js';
import type { Env, Single } from './runtime.js';
import { setKey } from '../value.js';
import type { Scope } from './scope.js';

/** Rebuilds `value` with `f` applied at every location the path selects. */
export type Lens = (value: Json, env: Env, f: (v: Json) => Json) => Json;

function constantKey(node: Node): string | number | undefined {
  if (node.kind === 'Literal' && typeof node.value === 'number') return node.value;
  if (node.kind === 'String' && node.parts.every((p) => typeof p === 'string')) return node.parts.join('');
  return undefined;
}

function mapEach(v: Json, f: (x: Json) => Json): Json {
  if (Array.isArray(v)) {
    const out = new Array<Json>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = f(v[i] as Json);
    return out;
  }
  if (v !== null && typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v)) setKey(out, k, f(v[k] as Json));
    return out;
  }
  throw cannotIterate(v);
}

/** The lens of `node`, or null when the path is not one this fast path handles. */
export function compileLens(c: NodeCompiler, node: Node, scope: Scope): Lens | null {
  switch (node.kind) {
    case 'Identity':
      return (value, _env, f) => f(value);
    case 'Paren':
      return compileLens(c, node.body, scope);
    case 'Index': {
      const key = constantKey(node.index);
      const target = compileLens(c, node.target, scope);
      if (key === undefined || !target) return null;
      return (value, env, f) => target(value, env, (v) => setPath(v, [key], f(indexValue(v, key))));
    }
    case 'Iterate': {
      const target = compileLens(c, node.target, scope);
      if (!target) return null;
      return (value, env, f) => target(value, env, (v) => mapEach(v, f));
    }
    case 'Pipe': {
      const left = compileLens(c, node.left, scope);
      const right = left && compileLens(c, node.right, scope);
      if (!left || !right) return null;
      return (value, env, f) => left(value, env, (v) => right(v, env, f));
    }
    case 'Call': {
      if (node.name !== 'select' || node.args.length !== 1 || scope.findCallable('select', 1)) return null;
      const cond = c.value(node.args[0] as Node, scope).single as Single | undefined;
      if (!cond) return null;
      return (value, env, f) => (isTruthy(cond(value, env)) ? f(value) : value);
    }
    default:
      return null;
  }
}
