/**
 * The `?` that follows an indexing step (`t.foo?`, `t[e]?`, `t[]?`, `t[a:b]?`). In jq 1.6 it only
 * suppresses the error of that indexing; errors raised by `t` or `e` still propagate
 * (`1 | .a.b?` fails on `.a`).
 * @module
 */
import type { Json, Node } from '../ast.js';
import { indexValue, sliceValue } from './access.js';
import { iterateValue } from './compile-basic.js';
import { NOT_A_PATH, extendPath, invalidAccess, iteratePath } from './compile-path.js';
import { type Compiled, type NodeCompiler, constant } from './compiled.js';
import { type Emit, type Env, type PathFilter, isCatchable } from './runtime.js';
import type { Scope } from './scope.js';

/** The result of `op()`, or `undefined` when it raises a catchable error. */
function attempt<T>(op: () => T): T | undefined {
  try {
    return op();
  } catch (e) {
    if (isCatchable(e)) return undefined;
    throw e;
  }
}

function isContainer(v: Json): boolean {
  return Array.isArray(v) || (v !== null && typeof v === 'object');
}

/** Keys of the step (`[e]`, `[a:b]` as a slice key, or none for `[]`), evaluated on the input. */
function stepKeys(c: NodeCompiler, body: Node, scope: Scope): ((input: Json, env: Env, k: (key: Json) => void) => void) | null {
  if (body.kind === 'Index') {
    const index = c.value(body.index, scope).run;
    return (input, env, k) => index(input, env, k);
  }
  if (body.kind === 'Slice') {
    const from = body.from ? c.value(body.from, scope).run : constant(null).run;
    const to = body.to ? c.value(body.to, scope).run : constant(null).run;
    return (input, env, k) => from(input, env, (f) => to(input, env, (t) => k({ start: f, end: t })));
  }
  return null;
}

/** `t[...]?` in value mode, or null when `node` is not an indexing step. */
export function compileOptionalStep(c: NodeCompiler, body: Node, scope: Scope): Compiled | null {
  if (body.kind !== 'Index' && body.kind !== 'Slice' && body.kind !== 'Iterate') return null;
  const target = c.value(body.target, scope).run;
  const keys = stepKeys(c, body, scope);
  if (!keys) {
    return {
      run: (input, env, emit) => target(input, env, (v) => (isContainer(v) ? iterateValue(v, emit) : undefined)),
    };
  }
  const get = body.kind === 'Slice' ? (v: Json, key: Json) => sliceValue(v, (key as { start: Json }).start, (key as { end: Json }).end) : indexValue;
  return {
    run: (input, env, emit: Emit) => {
      keys(input, env, (key) =>
        target(input, env, (v) => {
          const r = attempt(() => get(v, key));
          if (r !== undefined) emit(r);
        }),
      );
    },
  };
}

/** `t[...]?` in path mode, or null when `node` is not an indexing step. */
export function compileOptionalStepPath(c: NodeCompiler, body: Node, scope: Scope): PathFilter | null {
  if (body.kind !== 'Index' && body.kind !== 'Slice' && body.kind !== 'Iterate') return null;
  const target = c.path(body.target, scope);
  const keys = stepKeys(c, body, scope);
  if (!keys) {
    return (input, path, env, emit) =>
      target(input, path, env, (v, p) => (isContainer(v) || p === NOT_A_PATH ? iteratePath(v, p, emit) : undefined));
  }
  return (input, path, env, emit) => {
    keys(input, env, (key) =>
      target(input, path, env, (v, p) => {
        if (p === NOT_A_PATH) throw invalidAccess(key, v);
        const r = attempt(() => [indexValue(v, key), extendPath(p, key, v)] as const);
        if (r !== undefined) emit(r[0], r[1]);
      }),
    );
  };
}
