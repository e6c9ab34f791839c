/**
 * The assignment operators `=`, `|=`, `+=`, `-=`, `*=`, `/=`, `%=` and `//=`, with jq 1.6's
 * semantics: paths are taken from the original input, then applied one after another.
 * `|=` uses the first output of the update and deletes the path when there is none.
 * @module
 */
import type { Json, Node } from '../ast.js';
import { BINARY_OPS } from './compile-basic.js';
import { type Compiled, type NodeCompiler, fromSingle, isTruthy } from './compiled.js';
import { compileLens } from './compile-lens.js';
import { NOT_A_PATH, invalidPathResult } from './compile-path.js';
import { delPaths, getPath, setPath } from './access.js';
import { BreakSignal, type Env, type Path, type PathFilter, breakTo, depthMark, newLabel, restoreDepth, step } from './runtime.js';
import type { Scope } from './scope.js';

type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

/**
 * Calls `each` with every path of `lhs` over `input`, failing on non-path results. Paths are
 * produced one at a time, interleaved with the updates, as jq 1.6's `reduce path(...)` does
 * (which decides which error comes first).
 */
export function forEachPath(lhs: PathFilter, input: Json, env: Env, each: (p: Path) => void): void {
  lhs(input, [], env, (v, p) => {
    if (p === NOT_A_PATH) throw invalidPathResult(v);
    each(p);
  });
}

/** All paths of `lhs` over `input`. */
export function collectPaths(lhs: PathFilter, input: Json, env: Env): Path[] {
  const paths: Path[] = [];
  forEachPath(lhs, input, env, (p) => paths.push(p));
  return paths;
}

/**
 * One step of jq 1.6's `_modify`: `label $out | (setpath(p; getpath(p) | update) | ., break $out),
 * delpaths([p])`, keeping the last output. Normally that is the first update, or the deletion
 * when the update is empty; a `try` inside the update that swallows the break lets later outputs
 * (or the deletion) through, exactly as in jq.
 */
export function modifyAt(state: Json, p: Path, update: (v: Json, emit: (u: Json) => void) => void): Json {
  step();
  const token = newLabel();
  const depth = depthMark();
  let last: Json = null;
  try {
    update(getPath(state, p), (u) => {
      last = setPath(state, p, u);
      breakTo(token);
    });
    last = delPaths(state, [p]);
  } catch (e) {
    if (!(e instanceof BreakSignal && e.label === token)) throw e;
    restoreDepth(depth);
  }
  return last;
}

/** Compiles an assignment node. */
export function compileAssign(c: NodeCompiler, node: NodeOf<'Assign'>, scope: Scope): Compiled {
  const lhs = c.path(node.left, scope);
  const rhs = c.value(node.right, scope);
  const lens = compileLens(c, node.left, scope);
  switch (node.op) {
    case '|=': {
      const update = rhs.run;
      const us = rhs.single;
      if (lens && us) return fromSingle((input, env) => lens(input, env, (v) => us(v, env)));
      return {
        run: (input, env, emit) => {
          let state = input;
          if (us) forEachPath(lhs, input, env, (p) => (state = setPath(state, p, us(getPath(state, p), env))));
          else forEachPath(lhs, input, env, (p) => (state = modifyAt(state, p, (v, out) => update(v, env, out))));
          emit(state);
        },
      };
    }
    case '=':
      if (lens) return { run: (input, env, emit) => rhs.run(input, env, (value) => emit(lens(input, env, () => value))) };
      return {
        run: (input, env, emit) => {
          rhs.run(input, env, (value) => {
            let state = input;
            forEachPath(lhs, input, env, (p) => (state = setPath(state, p, value)));
            emit(state);
          });
        },
      };
    default: {
      const op = node.op === '//=' ? (a: Json, b: Json) => (isTruthy(a) ? a : b) : BINARY_OPS[node.op.slice(0, -1) as '+'];
      if (lens) return { run: (input, env, emit) => rhs.run(input, env, (operand) => emit(lens(input, env, (v) => op(v, operand)))) };
      return {
        run: (input, env, emit) => {
          rhs.run(input, env, (operand) => {
            let state = input;
            forEachPath(lhs, input, env, (p) => (state = setPath(state, p, op(getPath(state, p), operand))));
            emit(state);
          });
        },
      };
    }
  }
}
