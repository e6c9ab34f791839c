/**
 * Native path builtins: path, paths, getpath, setpath, delpaths, del and tostream.
 * @module
 */
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { typeOf } from '../value.js';
import { length } from './core.js';
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
 * `fromstream(f)`: rebuilds values from `[path, leaf]` and `[path]` events, as jq 1.6 does
 * (checked against it, malformed events included). jq 1.6 measures the path with `length`: a path of
 * length 0 (`[]`, `null`, `0`, `""`, `{}`) is a top-level value, emitted at once (`null` when the event
 * has no leaf); a leaf event with a longer path needs an array path; a closing event of length 1 emits
 * the value built so far, if any leaf was seen.
 */
function fromstream(f: CompiledArg, input: Json, env: Env, emit: (v: Json) => void): void {
  let x: Json = null;
  let set = false;
  f.run(input, env, (ev) => {
    if (ev !== null && !Array.isArray(ev)) throw new JqError(`Cannot index ${typeOf(ev)} with number`);
    const path = ev === null ? null : (ev[0] ?? null);
    const size = length(path);
    if (size === 0) {
      x = null;
      set = false;
      emit(ev === null ? null : (ev[1] ?? null));
      return;
    }
    if (ev!.length >= 2) {
      if (!Array.isArray(path)) throw new JqError('Path must be specified as an array');
      x = setPath(x, path, ev![1] as Json);
      set = true;
      return;
    }
    if (size === 1 && set) {
      emit(x);
      x = null;
      set = false;
    }
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
