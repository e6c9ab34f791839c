/**
 * The builtin library: the native table (built once) and the parsed prelude.
 * @module
 */
import type { FuncDefNode, Node } from './prelude-types.js';
import { parse } from '../parser.js';
import type { NativeBuiltin } from '../compiler/compile-call.js';
import { registerCore } from './core.js';
import { registerCollections } from './collections.js';
import { registerGenerators } from './generators.js';
import { registerPaths } from './paths.js';
import { registerHost } from './host.js';
import { registerMath } from './math-dates.js';
import { registerRegex } from './regex.js';
import { PRELUDE } from './prelude.js';

let natives: ReadonlyMap<string, NativeBuiltin> | null = null;

/** Every native builtin by `name/arity`. */
export function nativeBuiltins(): ReadonlyMap<string, NativeBuiltin> {
  if (!natives) {
    const t = new Map<string, NativeBuiltin>();
    registerCore(t);
    registerCollections(t);
    registerGenerators(t);
    registerPaths(t);
    registerHost(t);
    registerMath(t);
    registerRegex(t);
    natives = t;
  }
  return natives;
}

let prelude: { defs: FuncDefNode[]; nodes: WeakSet<Node> } | null = null;

/** The prelude's definitions, outermost first, and the set of their nodes. */
export function preludeDefs(): { defs: FuncDefNode[]; nodes: WeakSet<Node> } {
  if (!prelude) {
    const defs: FuncDefNode[] = [];
    const nodes = new WeakSet<Node>();
    let n: Node = parse(PRELUDE).body;
    while (n.kind === 'FuncDef') {
      defs.push(n);
      nodes.add(n);
      nodes.add(n.body);
      n = n.rest;
    }
    prelude = { defs, nodes };
  }
  return prelude;
}

/** Wraps `body` in the prelude definitions, so it sees them (and may shadow them). */
export function withPrelude(body: Node): Node {
  const { defs } = preludeDefs();
  let node = body;
  for (let i = defs.length - 1; i >= 0; i--) {
    const d = defs[i] as FuncDefNode;
    const wrapped: FuncDefNode = { ...d, rest: node };
    preludeDefs().nodes.add(wrapped);
    node = wrapped;
  }
  return node;
}

/** The names of all builtins, as `builtins` reports them (`name/arity`). */
export function builtinNames(): string[] {
  const names = new Set<string>(nativeBuiltins().keys());
  for (const d of preludeDefs().defs) names.add(`${d.name}/${d.params.length}`);
  names.add('builtins/0');
  return [...names];
}
