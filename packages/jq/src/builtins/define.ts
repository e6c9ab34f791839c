/**
 * Helpers to declare native builtins: plain functions of the input and evaluated arguments,
 * lifted into compiled filters with jq's argument order.
 * @module
 */
import type { Json } from '../ast.js';
import type { NativeBuiltin } from '../compiler/compile-call.js';
import { cartesian, fromSingle } from '../compiler/compiled.js';
import type { Emit, Env } from '../compiler/runtime.js';
import type { CompiledArg } from '../compiler/scope.js';

/** A builtin table under construction, keyed by `name/arity`. */
export type NativeMap = Map<string, NativeBuiltin>;

/** Declares a builtin that maps its input to exactly one output. */
export function defineUnary(table: NativeMap, name: string, f: (input: Json) => Json): void {
  const compiled = fromSingle((input) => f(input));
  table.set(`${name}/0`, { compile: () => compiled });
}

/**
 * Declares a builtin whose arguments are values (`$x` style): called once per combination of
 * argument outputs. `order` 'c' makes the last argument vary slowest (jq's C builtins);
 * 'jq' makes the first vary slowest (builtins jq defines in jq with `$` parameters).
 */
export function defineValues(
  table: NativeMap,
  name: string,
  arity: number,
  f: (input: Json, ...args: Json[]) => Json,
  order: 'c' | 'jq' = 'c',
): void {
  table.set(`${name}/${arity}`, {
    compile: (args) => {
      if (args.every((a) => a.single)) {
        const singles = args.map((a) => a.single as NonNullable<CompiledArg['single']>);
        if (arity === 1) {
          const a0 = singles[0] as NonNullable<CompiledArg['single']>;
          return fromSingle((input, env) => f(input, a0(input, env)));
        }
        return fromSingle((input, env) => f(input, ...singles.map((s) => s(input, env))));
      }
      const ordered = order === 'c' ? args : [...args].reverse();
      return {
        run: (input, env, emit) => {
          cartesian(ordered, input, env, (values) => {
            emit(order === 'c' ? f(input, ...values) : f(input, ...values.reverse()));
          });
        },
      };
    },
  });
}

/** Declares a builtin with full control: `run` gets the compiled arguments. */
export function defineGenerator(
  table: NativeMap,
  name: string,
  arity: number,
  run: (input: Json, env: Env, emit: Emit, args: readonly CompiledArg[]) => void,
): void {
  table.set(`${name}/${arity}`, {
    compile: (args) => ({ run: (input, env, emit) => run(input, env, emit, args) }),
  });
}

/** Evaluates a `$`-style argument, calling `k` for each of its outputs. */
export function eachValue(arg: CompiledArg, input: Json, env: Env, k: (v: Json) => void): void {
  if (arg.single) k(arg.single(input, env));
  else arg.run(input, env, k);
}
