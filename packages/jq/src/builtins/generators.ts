/**
 * Native builtins that take filters or produce several outputs: empty, error, select, recurse,
 * map, range, limit, first/last/nth, until/while/repeat, isempty, any/all and walk. Those that
 * are paths in jq (`select`, `recurse`, `first`, `limit`, `empty`, `error`) have a path form.
 * @module
 */
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { BreakSignal, type Emit, type Env, type PathEmit, type PathFilter, breakTo, depthMark, enter, leave, newLabel, restoreDepth, step } from '../compiler/runtime.js';
import { collect, fromOpt, fromSingle, isTruthy } from '../compiler/compiled.js';
import { iterateValue } from '../compiler/compile-basic.js';
import { recursePath } from '../compiler/compile-path.js';
import type { CompiledArg } from '../compiler/scope.js';
import { compareJson, setKey } from '../value.js';
import { addValues } from '../operators.js';
import { type NativeMap, defineGenerator, eachValue } from './define.js';

/**
 * Runs `body`, stopping quietly when it calls the `stop` it is given. The stop is a `break` to a
 * fresh label, as in jq 1.6's definitions of first, limit and isempty, so a `try` in between
 * catches it just as jq's does.
 */
export function untilStopped(body: (stop: () => never) => void): void {
  const token = newLabel();
  const depth = depthMark();
  try {
    body(() => breakTo(token));
  } catch (e) {
    if (!(e instanceof BreakSignal && e.label === token)) throw e;
    restoreDepth(depth);
  }
}

function raise(v: Json): void {
  // jq 1.6: error(null) backtracks like `empty`, and `try` sees nothing.
  if (v !== null) throw new JqError(v);
}

function recurseValue(input: Json, f: CompiledArg, cond: CompiledArg | null, env: Env, emit: Emit): void {
  const go = (v: Json): void => {
    emit(v);
    enter();
    f.run(v, env, (next) => {
      if (!cond) return go(next);
      cond.run(next, env, (ok) => {
        if (isTruthy(ok)) go(next);
      });
    });
    leave();
  };
  go(input);
}

function recursePathOf(f: CompiledArg, cond: CompiledArg | null): PathFilter {
  return (input, path, env, emit) => {
    const fp = f.path();
    const go = (v: Json, p: Json[]): void => {
      emit(v, p);
      enter();
      fp(v, p, env, (next, np) => {
        if (!cond) return go(next, np);
        cond.run(next, env, (ok) => {
          if (isTruthy(ok)) go(next, np);
        });
      });
      leave();
    };
    go(input, path);
  };
}

function rangeLoop(from: Json, upto: Json, by: Json, emit: Emit): void {
  if (typeof from !== 'number' || typeof upto !== 'number' || typeof by !== 'number') {
    throw new JqError('Range bounds must be numeric');
  }
  if (by > 0) {
    for (let x = from; x < upto; x += by) {
      step();
      emit(x);
    }
  } else if (by < 0) {
    for (let x = from; x > upto; x += by) {
      step();
      emit(x);
    }
  }
}

/**
 * `range($from; $upto; $by)`: jq 1.6 defines it with `while`, so any values that compare and add
 * work (`range([]; [0,0,0]; [0])` gives `[]`, `[0]`, `[0,0]`).
 */
function rangeBy(from: Json, upto: Json, by: Json, emit: Emit): void {
  if (typeof from === 'number' && typeof upto === 'number' && typeof by === 'number') return rangeLoop(from, upto, by, emit);
  const dir = compareJson(by, 0);
  if (dir === 0) return;
  for (let x = from; dir > 0 ? compareJson(x, upto) < 0 : compareJson(x, upto) > 0; x = addValues(x, by)) {
    step();
    emit(x);
  }
}

/** `limit($n; f)` as jq 1.6: n < 0 gives all of f, otherwise stop after max(n, 1) outputs. */
function limitRun<E extends (...a: never[]) => void>(n: Json, emit: E, run: (out: E) => void): void {
  if (typeof n === 'number' && n < 0) return run(emit);
  untilStopped((stop) => {
    let count = 0;
    run(((...a: Parameters<E>) => {
      emit(...a);
      count++;
      if (typeof n !== 'number' || count >= n) stop();
    }) as unknown as E);
  });
}

function walk(v: Json, f: CompiledArg, env: Env, emit: Emit): void {
  let inner: Json = v;
  if (Array.isArray(v)) {
    const out: Json[] = [];
    for (const x of v) walk(x, f, env, (r) => out.push(r));
    inner = out;
  } else if (v !== null && typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const k of Object.keys(v)) {
      let last: Json | undefined;
      walk(v[k] as Json, f, env, (r) => {
        last = r;
      });
      if (last !== undefined) setKey(out, k, last);
    }
    inner = out;
  }
  f.run(inner, env, emit);
}

/**
 * `any(g; cond)` / `all(g; cond)` as jq 1.6 behaves (checked against it): all outputs of the
 * condition for one item are evaluated (so a later error in them surfaces); a decisive item
 * (truthy for any, falsy for all) stops the generator with a real label break, so a `try` inside
 * `g` can catch the break and yield more items, each decisive one counted; any is true when
 * exactly one item decided it, all when none did.
 */
function anyAll(gen: (emit: (conditions: Json[]) => void) => void, isAny: boolean): boolean {
  let decided = 0;
  untilStopped((stop) => {
    gen((conditions) => {
      if (conditions.some((c) => isTruthy(c) === isAny)) {
        decided++;
        stop();
      }
    });
  });
  return isAny ? decided === 1 : decided === 0;
}

/** Registers the generator builtins. */
export function registerGenerators(t: NativeMap): void {
  t.set('empty/0', { compile: () => fromOpt(() => undefined), path: () => () => {} });
  t.set('error/0', { compile: () => ({ run: (input) => raise(input) }), path: () => (input) => raise(input) });
  t.set('error/1', {
    compile: ([m]) => ({ run: (input, env) => eachValue(m as CompiledArg, input, env, raise) }),
    path: ([m]) => (input, _p, env) => eachValue(m as CompiledArg, input, env, raise),
  });
  t.set('select/1', {
    compile: ([f]) => {
      const fa = f as CompiledArg;
      const fs = fa.single;
      if (fs) return fromOpt((input, env) => (isTruthy(fs(input, env)) ? input : undefined));
      return { run: (input, env, emit) => fa.run(input, env, (c) => (isTruthy(c) ? emit(input) : undefined)) };
    },
    path: ([f]) => (input, path, env, emit) => (f as CompiledArg).run(input, env, (c) => (isTruthy(c) ? emit(input, path) : undefined)),
  });
  const recurseAll = (v: Json, emit: Emit): void => {
    emit(v);
    if (Array.isArray(v)) {
      step();
      for (let i = 0; i < v.length; i++) recurseAll(v[i] as Json, emit);
    } else if (v !== null && typeof v === 'object') {
      step();
      for (const k in v) recurseAll(v[k] as Json, emit);
    }
  };
  t.set('recurse/0', {
    compile: () => ({ run: (input, _env, emit) => recurseAll(input, emit) }),
    path: () => (input, path, _env, emit) => recursePath(input, path, emit),
  });
  t.set('recurse/1', {
    compile: ([f]) => ({ run: (input, env, emit) => recurseValue(input, f as CompiledArg, null, env, emit) }),
    path: ([f]) => recursePathOf(f as CompiledArg, null),
  });
  t.set('recurse/2', {
    compile: ([f, c]) => ({ run: (input, env, emit) => recurseValue(input, f as CompiledArg, c as CompiledArg, env, emit) }),
    path: ([f, c]) => recursePathOf(f as CompiledArg, c as CompiledArg),
  });
  t.set('map/1', {
    compile: ([f]) => {
      const fa = f as CompiledArg;
      const fo = fa.single ?? fa.opt;
      return fromSingle((input, env) => {
        const out: Json[] = [];
        const fs = fa.single;
        if (Array.isArray(input) && fo) {
          for (let i = 0; i < input.length; i++) {
            const v = fo(input[i] as Json, env);
            if (v !== undefined) out.push(v);
          }
          return out;
        }
        iterateValue(input, (x) => (fs ? out.push(fs(x, env)) : fa.run(x, env, (y) => out.push(y))));
        return out;
      });
    },
  });
  defineGenerator(t, 'range', 1, (input, env, emit, [n]) => eachValue(n as CompiledArg, input, env, (upto) => rangeLoop(0, upto, 1, emit)));
  defineGenerator(t, 'range', 2, (input, env, emit, [a, b]) =>
    eachValue(a as CompiledArg, input, env, (from) => eachValue(b as CompiledArg, input, env, (upto) => rangeLoop(from, upto, 1, emit))),
  );
  defineGenerator(t, 'range', 3, (input, env, emit, [a, b, c]) =>
    eachValue(a as CompiledArg, input, env, (from) =>
      eachValue(b as CompiledArg, input, env, (upto) => eachValue(c as CompiledArg, input, env, (by) => rangeBy(from, upto, by, emit))),
    ),
  );
  t.set('limit/2', {
    compile: ([n, f]) => ({
      run: (input, env, emit) =>
        eachValue(n as CompiledArg, input, env, (count) => limitRun(count, emit, (out) => (f as CompiledArg).run(input, env, out))),
    }),
    path: ([n, f]) => (input, path, env, emit) =>
      eachValue(n as CompiledArg, input, env, (count) => limitRun<PathEmit>(count, emit, (out) => (f as CompiledArg).path()(input, path, env, out))),
  });
  t.set('first/1', {
    compile: ([f]) => ({ run: (input, env, emit) => limitRun(1, emit, (out) => (f as CompiledArg).run(input, env, out)) }),
    path: ([f]) => (input, path, env, emit) => limitRun<PathEmit>(1, emit, (out) => (f as CompiledArg).path()(input, path, env, out)),
  });
  t.set('last/1', {
    compile: ([f]) =>
      fromSingle((input, env) => {
        let last: Json = null;
        (f as CompiledArg).run(input, env, (v) => {
          last = v;
        });
        return last;
      }),
  });
  defineGenerator(t, 'nth', 2, (input, env, emit, [n, f]) =>
    eachValue(n as CompiledArg, input, env, (k) => {
      if (typeof k === 'number' && k < 0) throw new JqError("nth doesn't support negative indices");
      let last: Json = null;
      limitRun(typeof k === 'number' ? k + 1 : k, (v: Json) => (last = v), (out) => (f as CompiledArg).run(input, env, out));
      emit(last);
    }),
  );
  defineGenerator(t, 'until', 2, (input, env, emit, [cond, update]) => {
    const go = (v: Json): void => {
      step();
      (cond as CompiledArg).run(v, env, (c) => (isTruthy(c) ? emit(v) : (update as CompiledArg).run(v, env, go)));
    };
    go(input);
  });
  defineGenerator(t, 'while', 2, (input, env, emit, [cond, update]) => {
    const go = (v: Json): void => {
      step();
      (cond as CompiledArg).run(v, env, (c) => {
        if (!isTruthy(c)) return;
        emit(v);
        (update as CompiledArg).run(v, env, go);
      });
    };
    go(input);
  });
  defineGenerator(t, 'repeat', 1, (input, env, emit, [f]) => {
    // jq 1.6 (as shipped) re-applies f to the original input each round: `def _r: f, _r;`.
    for (;;) {
      step();
      (f as CompiledArg).run(input, env, emit);
    }
  });
  defineGenerator(t, 'isempty', 1, (input, env, emit, [g]) => {
    let empty = true;
    untilStopped((stop) => (g as CompiledArg).run(input, env, () => ((empty = false), stop())));
    emit(empty);
  });
  const anyAllDefs = (name: string, isAny: boolean): void => {
    // jq 1.6: `any` is `any(.[]; .)` and `any(f)` is `any(.[]; f)` (likewise all): they stop early.
    defineGenerator(t, name, 0, (input, _env, emit) => emit(anyAll((out) => iterateValue(input, (x) => out([x])), isAny)));
    defineGenerator(t, name, 1, (input, env, emit, [f]) => {
      emit(anyAll((out) => iterateValue(input, (x) => out(collect(f as CompiledArg, x, env))), isAny));
    });
    defineGenerator(t, name, 2, (input, env, emit, [g, cond]) => {
      emit(anyAll((out) => (g as CompiledArg).run(input, env, (v) => out(collect(cond as CompiledArg, v, env))), isAny));
    });
  };
  anyAllDefs('any', true);
  anyAllDefs('all', false);
  // The type filters of jq 1.6 (`def numbers: select(type == "number");` ...), natively.
  const typeFilter = (name: string, test: (v: Json) => boolean): void => {
    t.set(`${name}/0`, {
      compile: () => fromOpt((input) => (test(input) ? input : undefined)),
      path: () => (input, path, _env, emit) => (test(input) ? emit(input, path) : undefined),
    });
  };
  typeFilter('numbers', (v) => typeof v === 'number');
  typeFilter('strings', (v) => typeof v === 'string');
  typeFilter('booleans', (v) => typeof v === 'boolean');
  typeFilter('nulls', (v) => v === null);
  typeFilter('arrays', (v) => Array.isArray(v));
  typeFilter('objects', (v) => v !== null && typeof v === 'object' && !Array.isArray(v));
  typeFilter('iterables', (v) => v !== null && typeof v === 'object');
  typeFilter('scalars', (v) => v === null || typeof v !== 'object');
  typeFilter('values', (v) => v !== null);
  defineGenerator(t, 'walk', 1, (input, env, emit, [f]) => walk(input, f as CompiledArg, env, emit));
}
