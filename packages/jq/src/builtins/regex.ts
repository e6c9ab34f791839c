/**
 * Wires the regex functions (test, match, capture, scan, split/2, sub, gsub) into the builtin
 * table with jq 1.6's arities, including the `[regex, flags]` array form of the 1-argument ones.
 * @module
 */
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import * as re from '../regex/index.js';
import { typeOf } from '../value.js';
import { type Env, depthMark, isCatchable, restoreDepth } from '../compiler/runtime.js';
import type { CompiledArg } from '../compiler/scope.js';
import { type NativeMap, defineGenerator, defineValues, eachValue } from './define.js';
import type { NativeBuiltin } from '../compiler/compile-call.js';
import { fromSingle } from '../compiler/compiled.js';

type RegexFn = (input: Json, regex: Json, flags: Json) => Json[];

/** jq 1.6's 1-argument form: a string, or `[regex]` / `[regex, flags]`. */
function splitArg(val: Json): [Json, Json] {
  if (typeof val === 'string') return [val, null];
  if (Array.isArray(val) && val.length > 1) return [val[0] as Json, val[1] as Json];
  if (Array.isArray(val) && val.length > 0) return [val[0] as Json, null];
  throw new JqError(`${typeOf(val)} not a string or array`);
}

function defineRegex(t: NativeMap, name: string, f: RegexFn): void {
  defineGenerator(t, name, 1, (input, env, emit, [a]) =>
    eachValue(a as CompiledArg, input, env, (val) => {
      const [regex, flags] = splitArg(val);
      for (const x of f(input, regex, flags)) emit(x);
    }),
  );
  // `_match_impl` is a C builtin: its last argument (the flags) varies slowest.
  defineGenerator(t, name, 2, (input, env, emit, [a, b]) =>
    eachValue(b as CompiledArg, input, env, (flags) =>
      eachValue(a as CompiledArg, input, env, (regex) => {
        for (const x of f(input, regex, flags)) emit(x);
      }),
    ),
  );
}

/**
 * The outputs of `f` on `x` as a lazy sequence, as jq 1.6 consumes them: the outputs before a
 * failing one come out first, then the error is raised.
 */
function lazyOutputs(f: CompiledArg, x: Json, env: Env): () => Iterable<Json> {
  return function* outputs() {
    const out: Json[] = [];
    let failure: unknown;
    const depth = depthMark();
    try {
      f.run(x, env, (v) => out.push(v));
    } catch (e) {
      if (!isCatchable(e)) throw e;
      restoreDepth(depth);
      failure = e;
    }
    yield* out;
    if (failure !== undefined) throw failure;
  };
}

/**
 * `sub`/`gsub`: the replacement is a filter on the capture object. The regex module reproduces
 * jq 1.6's jq-defined sub (its flags filter evaluated twice, outputs before a later error kept);
 * `sub/2` passes no flags at all (1.6 defines it separately, on `match/1`).
 */
function defineSub(t: NativeMap, name: string, arity: 2 | 3, global: boolean): void {
  defineGenerator(t, name, arity, (input, env, emit, args) => {
    const [r, repl, flags] = args as CompiledArg[];
    eachValue(r as CompiledArg, input, env, (regex) => {
      const outputs = re.subIterate(input, regex, flags ? lazyOutputs(flags, input, env) : undefined, (cap) => lazyOutputs(repl as CompiledArg, cap, env)(), global);
      for (const x of outputs) emit(x);
    });
  });
}

/**
 * `test` with a single-valued regex (and flags): the common workflow case, e.g.
 * `select(.sku | test("^B-[0-9]+$"))`. The compiled tester is kept per call site while the regex
 * and flags stay the same, so a test costs one RegExp run.
 */
function defineFastTest(t: NativeMap): void {
  const general = t.get('test/1') as NativeBuiltin;
  const general2 = t.get('test/2') as NativeBuiltin;
  const fast = (regexArg: CompiledArg, flagsArg: CompiledArg | null): ReturnType<NativeBuiltin['compile']> | null => {
    const rs = regexArg.single;
    const fs = flagsArg ? flagsArg.single : () => null;
    if (!rs || !fs) return null;
    let lastRe: Json | undefined;
    let lastFlags: Json | undefined;
    let tester: ((text: string) => boolean) | null = null;
    return fromSingle((input, env) => {
      let r = rs(input, env);
      let f = fs(input, env);
      if (!flagsArg) [r, f] = splitArg(r);
      if (typeof input !== 'string') return re.test(input, r, f);
      if (tester === null || r !== lastRe || f !== lastFlags) {
        tester = re.makeTester(r, f);
        lastRe = r;
        lastFlags = f;
      }
      return tester(input);
    });
  };
  t.set('test/1', { compile: (args, c) => fast(args[0] as CompiledArg, null) ?? general.compile(args, c) });
  t.set('test/2', { compile: (args, c) => fast(args[0] as CompiledArg, args[1] as CompiledArg) ?? general2.compile(args, c) });
}

/** Registers the regex builtins. */
export function registerRegex(t: NativeMap): void {
  defineRegex(t, 'test', (v, r, f) => [re.test(v, r, f)]);
  defineFastTest(t);
  defineRegex(t, 'match', re.match);
  defineRegex(t, 'capture', re.capture);
  defineGenerator(t, 'scan', 1, (input, env, emit, [a]) => eachValue(a as CompiledArg, input, env, (r) => re.scan(input, r, null).forEach((x) => emit(x))));
  defineGenerator(t, 'split', 2, (input, env, emit, [a, b]) =>
    eachValue(a as CompiledArg, input, env, (r) => eachValue(b as CompiledArg, input, env, (f) => emit(re.splitRegex(input, r, f)))),
  );
  defineValues(t, '_match_impl', 3, (v, r, f, testMode) => re.matchValues(v, r, f, testMode === true));
  defineSub(t, 'sub', 2, false);
  defineSub(t, 'sub', 3, false);
  defineSub(t, 'gsub', 2, true);
  defineSub(t, 'gsub', 3, true);
}
