/**
 * Native path builtins: path, paths, getpath, setpath, delpaths, del and tostream.
 * @module
 */
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { typeOf } from '../value.js';
import { delPaths, getPath, setPath } from '../compiler/access.js';
import { NOT_A_PATH, invalidPathResult, recursePath } from '../compiler/compile-path.js';
import { collectPaths } from '../compiler/compile-assign.js';
import { fromSingle } from '../compiler/compiled.js';
import type { CompiledArg } from '../compiler/scope.js';
import type { Env } from '../compiler/runtime.js';
import { type NativeMap, defineGenerator, defineValues } from './define.js';

function tostream(v: Json, path: Json[], emit: (e: Json) => void): void {
  const isArr = Array.isArray(v);
  const keys: Json[] = isArr ? (v as Json[]).map((_x, i) => i) : v !== null && typeof v === 'object' ? Object.keys(v) : [];
  if (keys.length === 0) {
    emit([path, v]);
  } else {
    for (const k of keys) {
      const child = isArr ? (v as Json[])[k as number] : (v as { [key: string]: Json })[k as string];
      tostream(child as Json, [...path, k], emit);
    }
    emit([[...path, keys[keys.length - 1] as Json]]);
  }
}

/**
 * `fromstream(f)`: rebuilds values from `[path, leaf]` and `[path]` events. A value is emitted
 * when a top-level closing event (or a top-level leaf) arrives after at least one leaf, as jq 1.6
 * does (checked against it, malformed events included).
 */
function fromstream(f: CompiledArg, input: Json, env: Env, emit: (v: Json) => void): void {
  let x: Json = null;
  let set = false;
  let done = false;
  f.run(input, env, (ev) => {
    if (done) {
      x = null;
      set = false;
      done = false;
    }
    // jq 1.6 reads a null path (from a null or empty event) as a top-level leaf, and fails to
    // index any other non-array event.
    if (ev === null || (Array.isArray(ev) && (ev[0] ?? null) === null)) {
      x = Array.isArray(ev) ? (ev[1] ?? null) : null;
      set = true;
      done = true;
      emit(x);
      return;
    }
    if (!Array.isArray(ev)) throw new JqError(`Cannot index ${typeOf(ev)} with number`);
    if (!Array.isArray(ev[0])) return;
    const path = ev[0];
    if (ev.length === 2) {
      x = setPath(x, path, ev[1] as Json);
      set = true;
      done = path.length === 0;
    } else {
      done = path.length === 1;
    }
    if (done && set) emit(x);
  });
}

/** Registers the path builtins. */
export function registerPaths(t: NativeMap): void {
  defineGenerator(t, 'path', 1, (input, env, emit, [f]) => {
    (f as CompiledArg).path()(input, [], env, (v, p) => {
      if (p === NOT_A_PATH) throw invalidPathResult(v);
      emit(p);
    });
  });
  defineGenerator(t, 'paths', 0, (input, _env, emit) => {
    recursePath(input, [], (_v, p) => {
      if (p.length > 0) emit(p);
    });
  });
  t.set('getpath/1', {
    compile: ([p]) => {
      const pa = p as CompiledArg;
      return {
        run: (input, env, emit) => {
          pa.run(input, env, (path) => emit(getPath(input, path)));
        },
      };
    },
    path: ([p]) => (input, path, env, emit) => {
      (p as CompiledArg).run(input, env, (extra) => {
        const v = getPath(input, extra);
        if (path === NOT_A_PATH) throw invalidPathResult(input);
        emit(v, [...path, ...(extra as Json[])]);
      });
    },
  });
  defineValues(t, 'setpath', 2, (input, p, v) => setPath(input, p, v));
  defineValues(t, 'delpaths', 1, (input, ps) => delPaths(input, ps));
  t.set('del/1', {
    compile: ([f]) => fromSingle((input, env) => delPaths(input, collectPaths((f as CompiledArg).path(), input, env))),
  });
  defineGenerator(t, 'tostream', 0, (input, _env, emit) => tostream(input, [], emit));
  defineGenerator(t, 'fromstream', 1, (input, env, emit, [f]) => fromstream(f as CompiledArg, input, env, emit));
}
