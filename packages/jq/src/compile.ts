/**
 * `compile`: parses a jq program once and returns a `JqProgram` that evaluates it synchronously
 * on any number of inputs.
 * @module
 */
import type { Json } from './ast.js';
import type { CompileOptions, JqProgram, RunOptions } from './api.js';
import { JqCompileError } from './errors.js';
import { parse } from './parser.js';
import { Compiler } from './compiler/compiler.js';
import { ROOT_ENV, type RunContext, withContext } from './compiler/runtime.js';
import { Scope } from './compiler/scope.js';
import { nativeBuiltins, preludeDefs, withPrelude } from './builtins/index.js';

const DEFAULT_MAX_STEPS = 10_000_000;
const DEFAULT_MAX_DEPTH = 2_000;
const EMPTY_ENV: Json = {};
const NO_RUN_OPTIONS: RunOptions = {};
const NO_VARIABLES: Readonly<Record<string, Json>> = {};
/** Thrown by `first` to stop after one output. */
const STOP = Symbol('first');

/**
 * Compiles a jq program. Throws `JqCompileError` (with offset, line and column) when it does not
 * parse or names an undefined function or variable.
 *
 * @example
 * const p = compile('.a + $x', { variables: ['x'] });
 * p.first({ a: 1 }, { variables: { x: 2 } }); // 3
 */
export function compile(source: string, options: CompileOptions = {}): JqProgram {
  const program = parse(source);
  for (const d of program.directives) {
    if (d.kind !== 'module') {
      throw new JqCompileError(`module not found: ${d.path ?? ''} (modules are not supported)`, { offset: d.start, source });
    }
  }
  const compiler = new Compiler(source, {
    natives: nativeBuiltins(),
    host: options.functions ?? {},
    hostVariables: new Set(options.variables ?? []),
    builtinDefs: preludeDefs().nodes,
  });
  const compiled = compiler.value(withPrelude(program.body), new Scope(null, null));
  const filter = compiled.run;
  const single = compiled.single;
  const maxSteps = options.limits?.maxSteps ?? DEFAULT_MAX_STEPS;
  const maxDepth = options.limits?.maxDepth ?? DEFAULT_MAX_DEPTH;
  const envObject: Json = options.env ? { ...options.env } : EMPTY_ENV;
  const now = options.now ?? (() => Date.now() / 1000);

  /** Runs `body` with a fresh run context; a JS stack overflow becomes a limit error. */
  const execute = <T>(run: RunOptions | undefined, body: () => T): T => {
    const r = run ?? NO_RUN_OPTIONS;
    const context: RunContext = {
      steps: 0,
      labels: 0,
      depth: 0,
      maxSteps,
      maxDepth,
      options: r,
      variables: r.variables ?? NO_VARIABLES,
      envObject,
      now,
    };
    return withContext(context, body);
  };

  return {
    source,
    forEach(input, emit, run) {
      execute(run, () => filter(input, ROOT_ENV, emit));
    },
    all(input, run) {
      return execute(run, () => {
        if (single) return [single(input, ROOT_ENV)];
        const out: Json[] = [];
        filter(input, ROOT_ENV, (v) => out.push(v));
        return out;
      });
    },
    first(input, run) {
      return execute(run, () => {
        if (single) return single(input, ROOT_ENV);
        let result: Json | undefined;
        try {
          filter(input, ROOT_ENV, (v) => {
            result = v;
            throw STOP;
          });
        } catch (e) {
          if (e !== STOP) throw e;
        }
        return result;
      });
    },
    run(input, run) {
      return this.all(input, run)[Symbol.iterator]();
    },
  };
}
