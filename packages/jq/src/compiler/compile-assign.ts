/**
 * The assignment operators `=`, `|=`, `+=`, `-=`, `*=`, `/=`, `%=` and `//=`, with jq 1.6's
 * semantics: paths are taken from the original input, then applied one after another.
 * `|=` uses the first output of the update and deletes the path when there is none.
 * @module
 */
import type { Json, Node } from '../ast.js';
import { BINARY_OPS } from './compile-basic.js';
import { type Compiled, type NodeCompiler, isTruthy } from './compiled.js';
import { NOT_A_PATH, invalidPathResult } from './compile-path.js';
import { delPaths, getPath, setPath } from './access.js';
import { BreakSignal, type Env, type Path, type PathFilter, step } from './runtime.js';
import type { Scope } from './scope.js';

type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

/** Collects the paths of `lhs` over `input`, failing on non-path results. */
export function collectPaths(lhs: PathFilter, input: Json, env: Env): Path[] {
  const paths: Path[] = [];
  lhs(input, [], env, (v, p) => {
    if (p === NOT_A_PATH) throw invalidPathResult(v);
    paths.push(p);
  });
  return paths;
}

const STOP = new BreakSignal({});

/** Applies `update` at each path in turn: first output replaces, no output deletes. */
export function modifyPaths(input: Json, paths: Path[], update: (v: Json, emit: (u: Json) => void) => void): Json {
  let state = input;
  for (const p of paths) {
    step();
    let found = false;
    let result: Json = null;
    try {
      update(getPath(state, p), (u) => {
        found = true;
        result = u;
        throw STOP;
      });
    } catch (e) {
      if (e !== STOP) throw e;
    }
    state = found ? setPath(state, p, result) : delPaths(state, [p]);
  }
  return state;
}

/** Compiles an assignment node. */
export function compileAssign(c: NodeCompiler, node: NodeOf<'Assign'>, scope: Scope): Compiled {
  const lhs = c.path(node.left, scope);
  const rhs = c.value(node.right, scope);
  switch (node.op) {
    case '|=': {
      const update = rhs.run;
      const us = rhs.single;
      return {
        run: (input, env, emit) => {
          const paths = collectPaths(lhs, input, env);
          if (us) {
            let state = input;
            for (const p of paths) state = setPath(state, p, us(getPath(state, p), env));
            emit(state);
            return;
          }
          emit(modifyPaths(input, paths, (v, out) => update(v, env, out)));
        },
      };
    }
    case '=':
      return {
        run: (input, env, emit) => {
          rhs.run(input, env, (value) => {
            let state = input;
            for (const p of collectPaths(lhs, input, env)) state = setPath(state, p, value);
            emit(state);
          });
        },
      };
    default: {
      const op = node.op === '//=' ? (a: Json, b: Json) => (isTruthy(a) ? a : b) : BINARY_OPS[node.op.slice(0, -1) as '+'];
      return {
        run: (input, env, emit) => {
          rhs.run(input, env, (operand) => {
            let state = input;
            for (const p of collectPaths(lhs, input, env)) state = setPath(state, p, op(getPath(state, p), operand));
            emit(state);
          });
        },
      };
    }
  }
}
