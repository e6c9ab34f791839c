/**
 * The compile-time scope: which variables, closure parameters, labels and functions are visible,
 * and how many run-time environment links separate a use from its binding.
 * @module
 */
import type { Json, Node } from '../ast.js';
import type { Env, Filter, PathFilter, Single } from './runtime.js';

/** A user-defined function (`def`), compiled once on first use so recursion works. */
export interface FunctionDef {
  readonly name: string;
  /** Parameter names; `$x` params keep their `$`. */
  readonly params: readonly string[];
  readonly body: Node;
  /** Scope the body is compiled in (definition scope + itself + its params). Set by the compiler. */
  bodyScope: Scope | null;
  run: Filter | null;
  path: PathFilter | null;
}

/** A native (TypeScript) builtin's compiled argument. */
export interface CompiledArg {
  readonly run: Filter;
  readonly single: Single | undefined;
  /** At most one output: the value, or undefined. */
  readonly opt?: ((input: Json, env: Env) => Json | undefined) | undefined;
  readonly path: () => PathFilter;
}

/** One entry of the scope chain. */
export type ScopeEntry =
  | { kind: 'var'; name: string }
  | { kind: 'closure'; name: string }
  | { kind: 'label'; name: string }
  | { kind: 'func'; name: string; arity: number; def: FunctionDef };

/** Entries occupying an environment link at run time. */
function hasSlot(entry: ScopeEntry): boolean {
  return entry.kind !== 'func';
}

/** An immutable linked scope. */
export class Scope {
  constructor(
    readonly parent: Scope | null,
    readonly entry: ScopeEntry | null,
  ) {}

  /** A new scope with `entry` innermost. */
  with(entry: ScopeEntry): Scope {
    return new Scope(this, entry);
  }

  /** Finds a variable; returns its distance in environment links, or -1. */
  findVar(name: string): number {
    return findIn(this, (e) => e.kind === 'var' && e.name === name)?.depth ?? -1;
  }

  /** Finds a label; returns its distance, or -1. */
  findLabel(name: string): number {
    return findIn(this, (e) => e.kind === 'label' && e.name === name)?.depth ?? -1;
  }

  /**
   * Finds a callable `name/arity`: a closure parameter (arity 0) or a function definition. For a
   * definition, `depth` is the distance to the environment the definition closes over.
   */
  findCallable(name: string, arity: number): { entry: ScopeEntry; depth: number } | undefined {
    return findIn(this, 
      (e) =>
        (e.kind === 'closure' && arity === 0 && e.name === name) ||
        (e.kind === 'func' && e.name === name && e.arity === arity),
    );
  }
}

/** Walks the chain from `start` outwards, counting environment links, to the first match. */
function findIn(start: Scope, match: (e: ScopeEntry) => boolean): { entry: ScopeEntry; depth: number } | undefined {
  let depth = 0;
  for (let s: Scope | null = start; s !== null; s = s.parent) {
    const e = s.entry;
    if (e === null) continue;
    if (match(e)) return { entry: e, depth };
    if (hasSlot(e)) depth++;
  }
  return undefined;
}
