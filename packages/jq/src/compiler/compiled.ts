/**
 * The shape of compiled code and the small combinators the node compilers share.
 * @module
 */
import type { Json, Node } from '../ast.js';
import { JqCompileError } from '../errors.js';
import type { Scope } from './scope.js';
import type { Emit, Env, Filter, PathFilter, Single } from './runtime.js';

/**
 * A compiled expression: its filter, plus direct forms when it yields exactly one value
 * (`single`) or at most one (`opt`, which returns undefined for no output). The direct forms let
 * pipelines such as `map(select(.x) | .y)` run without a callback per value.
 */
export interface Compiled {
  readonly run: Filter;
  readonly single?: Single | undefined;
  readonly opt?: Opt | undefined;
}

/** Yields at most one value: the value, or undefined for none. */
export type Opt = (input: Json, env: Env) => Json | undefined;

/** The at-most-one form of `c`, if it has one (a single-valued expression is one too). */
export function optOf(c: Compiled): Opt | undefined {
  return c.opt ?? c.single;
}

/** A compiled expression from an at-most-one function. */
export function fromOpt(opt: Opt): Compiled {
  return {
    run: (input, env, emit) => {
      const v = opt(input, env);
      if (v !== undefined) emit(v);
    },
    opt,
  };
}

/** The two compile entry points every node compiler may recurse into. */
export interface NodeCompiler {
  readonly source: string;
  value(node: Node, scope: Scope): Compiled;
  path(node: Node, scope: Scope): PathFilter;
  /** Whether `node` comes from the builtin prelude (not from the user's program). */
  isBuiltin(node: Node): boolean;
  /** A compile error at `node`. */
  error(message: string, node: { start: number; end: number }): JqCompileError;
}

/** A compiled expression from a single-valued function. */
export function fromSingle(single: Single): Compiled {
  return { run: (input, env, emit) => emit(single(input, env)), single };
}

/** A compiled constant. */
export function constant(value: Json): Compiled {
  return fromSingle(() => value);
}

/**
 * Calls `body(values)` for every combination of the outputs of `args`, all evaluated against
 * `input`. The LAST argument varies slowest (jq's order for C builtins and for operators).
 */
export function cartesian(
  args: readonly Compiled[],
  input: Json,
  env: Env,
  body: (values: Json[]) => void,
): void {
  const n = args.length;
  const values: Json[] = new Array<Json>(n);
  const go = (i: number): void => {
    if (i < 0) {
      body(values.slice());
      return;
    }
    const a = args[i] as Compiled;
    if (a.single) {
      values[i] = a.single(input, env);
      go(i - 1);
    } else {
      a.run(input, env, (v) => {
        values[i] = v;
        go(i - 1);
      });
    }
  };
  go(n - 1);
}

/** Collects every output of `f` into an array. */
export function collect(f: Compiled, input: Json, env: Env): Json[] {
  if (f.single) return [f.single(input, env)];
  if (f.opt) {
    const v = f.opt(input, env);
    return v === undefined ? [] : [v];
  }
  const out: Json[] = [];
  f.run(input, env, (v) => out.push(v));
  return out;
}

/** An Emit that collects into `out`. @internal */
export function pusher(out: Json[]): Emit {
  return (v) => {
    out.push(v);
  };
}

/** jq truthiness: everything but false and null. */
export function isTruthy(v: Json): boolean {
  return v !== null && v !== false;
}
