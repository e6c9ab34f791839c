/**
 * Value-mode compilers for control flow: try/catch, reduce, foreach, label/break and `as`
 * bindings with destructuring.
 * @module
 */
import type { Json, Node } from '../ast.js';
import type { JqError } from '../errors.js';
import type { Compiled, NodeCompiler } from './compiled.js';
import { bindPatterns, patternScope } from './patterns.js';
import { compileOptionalStep } from './compile-optional.js';
import { BreakSignal, type Emit, Env, type Filter, caught, depthMark, lookup, newLabel, restoreDepth, step } from './runtime.js';
import type { Scope } from './scope.js';

type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

/**
 * Runs `body` and hands what it raises to `onError`. As in jq 1.6, that includes errors raised
 * downstream while the body is still producing (by the consumer of its outputs, inside `emit`):
 * the body is abandoned and the handler runs; the handler's own outputs are not protected.
 */
export function runTry(body: () => void, onError: (e: JqError) => void): void {
  const depth = depthMark();
  try {
    body();
  } catch (e) {
    const err = caught(e);
    if (!err) throw e;
    restoreDepth(depth);
    onError(err);
  }
}

/** `try body catch handler`, `body?` */
export function compileTry(c: NodeCompiler, node: NodeOf<'Try'>, scope: Scope): Compiled {
  if (node.indexOnly && !node.handler) {
    const step = compileOptionalStep(c, node.body, scope);
    if (step) return step;
  }
  const body = c.value(node.body, scope).run;
  const handler = node.handler ? c.value(node.handler, scope).run : null;
  return {
    run: (input, env, emit) => {
      runTry(
        () => body(input, env, emit),
        (e) => {
          if (handler) handler(e.value, env, emit);
        },
      );
    },
  };
}

/** The parts reduce and foreach share: init, the binder of the item pattern and the body scope. */
export function compileLoop(c: NodeCompiler, node: NodeOf<'Reduce' | 'Foreach'>, scope: Scope) {
  const patterns = node.patterns ?? [node.pattern];
  const { names, scope: inner } = patternScope(patterns, scope);
  return {
    init: c.value(node.init, scope).run,
    inner,
    bind: bindPatterns(c, patterns, names, scope),
    simpleVar: patterns.length === 1 && patterns[0]?.kind === 'var',
  };
}

/**
 * One item of `foreach`: each output of the update becomes the state and is extracted (or
 * emitted); the new state is the last output, or null when there is none (jq 1.6).
 */
export function foreachStep(update: Filter, extract: Filter | null, state: Json, env: Env, out: Emit): Json {
  let last: Json = null;
  update(state, env, (v) => {
    last = v;
    if (extract) extract(v, env, out);
    else out(v);
  });
  return last;
}

/** `reduce source as $p (init; update)`: the state is the last output of update (null if none). */
export function compileReduce(c: NodeCompiler, node: NodeOf<'Reduce'>, scope: Scope): Compiled {
  const source = c.value(node.source, scope).run;
  const { init, inner, bind, simpleVar } = compileLoop(c, node, scope);
  const update = c.value(node.update, inner);
  const us = update.single;
  // The common `reduce .[] as $x (init; single-valued update)` runs without the binder.
  const next: (state: Json, item: Json, input: Json, env: Env) => Json =
    simpleVar && us
      ? (state, item, _input, env) => us(state, new Env(env, item))
      : (state, item, input, env) => {
          bind(item, input, env, (bodyEnv) => {
            let last: Json = null;
            update.run(state, bodyEnv, (v) => {
              last = v;
            });
            state = last;
          });
          return state;
        };
  return {
    run: (input, env, emit) => {
      init(input, env, (start) => {
        let state: Json = start;
        source(input, env, (item) => {
          step();
          state = next(state, item, input, env);
        });
        emit(state);
      });
    },
  };
}

/** `foreach source as $p (init; update; extract)` */
export function compileForeach(c: NodeCompiler, node: NodeOf<'Foreach'>, scope: Scope): Compiled {
  const source = c.value(node.source, scope).run;
  const { init, inner, bind } = compileLoop(c, node, scope);
  const update = c.value(node.update, inner).run;
  const extract = node.extract ? c.value(node.extract, inner).run : null;
  return {
    run: (input, env, emit) => {
      init(input, env, (start) => {
        let state: Json = start;
        source(input, env, (item) => {
          step();
          bind(item, input, env, (bodyEnv) => {
            state = foreachStep(update, extract, state, bodyEnv, emit);
          });
        });
      });
    },
  };
}

/** `label $name | body` */
export function compileLabel(c: NodeCompiler, node: NodeOf<'Label'>, scope: Scope): Compiled {
  const body = c.value(node.body, scope.with({ kind: 'label', name: node.label })).run;
  return {
    run: (input, env, emit) => {
      const token = newLabel();
      const depth = depthMark();
      try {
        body(input, new Env(env, token as never), emit);
      } catch (e) {
        if (!(e instanceof BreakSignal && e.label === token)) throw e;
        restoreDepth(depth);
      }
    },
  };
}

/** `break $name` */
export function compileBreak(c: NodeCompiler, node: NodeOf<'Break'>, scope: Scope): Compiled {
  const depth = scope.findLabel(node.label);
  if (depth < 0) throw c.error(`$*label-${node.label} is not defined`, node);
  return {
    run: (_input, env) => {
      throw new BreakSignal(lookup(env, depth) as unknown as object);
    },
  };
}

/**
 * `source as p1 ?// p2 | body`. With alternatives, an error while destructuring or in the body
 * for one pattern moves on to the next pattern; all variables of all patterns are bound (null
 * where the matching pattern lacks them).
 */
export function compileAs(c: NodeCompiler, node: NodeOf<'As'>, scope: Scope): Compiled {
  const source = c.value(node.source, scope);
  const { names, scope: inner } = patternScope(node.patterns, scope);
  const body = c.value(node.body, inner).run;
  const bind = bindPatterns(c, node.patterns, names, scope);
  const ss = source.single;
  if (node.patterns.length === 1 && node.patterns[0]?.kind === 'var') {
    if (ss) return { run: (input, env, emit) => body(input, new Env(env, ss(input, env)), emit) };
    return { run: (input, env, emit) => source.run(input, env, (v) => body(input, new Env(env, v), emit)) };
  }
  return {
    run: (input, env, emit) => {
      source.run(input, env, (v) => bind(v, input, env, (bodyEnv) => body(input, bodyEnv, emit)));
    },
  };
}
