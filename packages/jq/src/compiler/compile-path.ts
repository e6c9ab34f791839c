/**
 * Path mode: compiles an expression into a filter that yields each output together with its path
 * in the input, as `path(f)`, assignments, `del` and `paths` need. Expressions that are not paths
 * are run in value mode and accepted only when they return the very value at the current path,
 * which reproduces jq 1.6's dynamic path tracking and its error texts.
 * @module
 */
import type { Json, Node } from '../ast.js';
import { cannotIterate, invalidPathAccess, invalidPathExpression, invalidPathIterate } from '../error-dump.js';
import { indexValue } from './access.js';
import { type Compiled, type NodeCompiler, isTruthy } from './compiled.js';
import { BreakSignal, Env, depthMark, newLabel, restoreDepth, type Path, type PathEmit, type PathFilter, caught, lookup } from './runtime.js';
import type { Scope } from './scope.js';
import { patternScope, bindPatterns } from './patterns.js';
import { compileLoop, foreachStep } from './compile-control.js';
import { compileOptionalStepPath } from './compile-optional.js';

type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

/** Marks a value that did not come from a path expression. */
export const NOT_A_PATH: Path = Object.freeze([]) as unknown as Path;

/** The error for a non-path value reaching the end of a path expression. */
export const invalidPathResult = invalidPathExpression;

/** The error for indexing a value that is not on a path. */
export const invalidAccess = invalidPathAccess;

/** Whether jq 1.6 would consider `a` and `b` the same value (jv_identical). */
function identical(a: Json, b: Json): boolean {
  if (a === b) return typeof a !== 'number' || !Object.is(a, -0) === !Object.is(b, -0);
  return typeof a === 'number' && Number.isNaN(a) && typeof b === 'number' && Number.isNaN(b);
}

/** The path form of an expression that is not a path: its outputs keep the path only if unchanged. */
export function opaquePath(compiled: Compiled): PathFilter {
  return (input, path, env, emit) => {
    compiled.run(input, env, (v) => emit(v, path !== NOT_A_PATH && identical(v, input) ? path : NOT_A_PATH));
  };
}

/** Appends `key` to `path`, or fails if the value is not on a path. */
export function extendPath(path: Path, key: Json, v: Json): Path {
  if (path === NOT_A_PATH) throw invalidAccess(key, v);
  const p = path.slice();
  p.push(key);
  return p;
}

/** `.[]` in path mode. */
export function iteratePath(v: Json, path: Path, emit: PathEmit): void {
  if (path === NOT_A_PATH) throw invalidPathIterate(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) emit(v[i] as Json, extendPath(path, i, v));
  } else if (v !== null && typeof v === 'object') {
    for (const k in v) emit(v[k] as Json, extendPath(path, k, v));
  } else {
    throw cannotIterate(v);
  }
}

/** `..` in path mode: pre-order over `.[]?`. */
export function recursePath(v: Json, path: Path, emit: PathEmit): void {
  emit(v, path);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) recursePath(v[i] as Json, extendPath(path, i, v), emit);
  } else if (v !== null && typeof v === 'object') {
    for (const k in v) recursePath(v[k] as Json, extendPath(path, k, v), emit);
  }
}

/** Compiles `node` in path mode; `value` compiles sub-expressions in value mode. */
export function compilePathNode(c: NodeCompiler, node: Node, scope: Scope): PathFilter | null {
  switch (node.kind) {
    case 'Identity':
      return (input, path, _env, emit) => emit(input, path);
    case 'RecurseDefault':
      return (input, path, _env, emit) => recursePath(input, path, emit);
    case 'Paren':
      return c.path(node.body, scope);
    case 'Index':
      return indexPath(c, node, scope);
    case 'Slice': {
      const target = c.path(node.target, scope);
      const from = node.from ? c.value(node.from, scope).run : null;
      const to = node.to ? c.value(node.to, scope).run : null;
      const nul = (_i: Json, _e: Env, emit: (v: Json) => void): void => emit(null);
      return (input, path, env, emit) => {
        (from ?? nul)(input, env, (f) => {
          (to ?? nul)(input, env, (t) => {
            const key = { start: f, end: t };
            target(input, path, env, (v, p) => {
              if (p === NOT_A_PATH) throw invalidAccess(key, v);
              emit(indexValue(v, key), extendPath(p, key, v));
            });
          });
        });
      };
    }
    case 'Iterate': {
      const target = c.path(node.target, scope);
      return (input, path, env, emit) => target(input, path, env, (v, p) => iteratePath(v, p, emit));
    }
    case 'Pipe': {
      const left = c.path(node.left, scope);
      const right = c.path(node.right, scope);
      return (input, path, env, emit) => left(input, path, env, (v, p) => right(v, p, env, emit));
    }
    case 'Comma': {
      const left = c.path(node.left, scope);
      const right = c.path(node.right, scope);
      return (input, path, env, emit) => {
        left(input, path, env, emit);
        right(input, path, env, emit);
      };
    }
    case 'If':
      return ifPath(c, node, scope);
    case 'Alternative': {
      const left = c.path(node.left, scope);
      const right = c.path(node.right, scope);
      return (input, path, env, emit) => {
        let any = false;
        left(input, path, env, (v, p) => {
          if (isTruthy(v)) {
            any = true;
            emit(v, p);
          }
        });
        if (!any) right(input, path, env, emit);
      };
    }
    case 'Try':
      return tryPath(c, node, scope);
    case 'Label': {
      const body = c.path(node.body, scope.with({ kind: 'label', name: node.label }));
      return (input, path, env, emit) => {
        const token = newLabel();
        const depth = depthMark();
        try {
          body(input, path, new Env(env, token as never), emit);
        } catch (e) {
          if (!(e instanceof BreakSignal && e.label === token)) throw e;
          restoreDepth(depth);
        }
      };
    }
    case 'As':
      return asPath(c, node, scope);
    case 'Foreach':
      return foreachPath(c, node, scope);
    default:
      return null;
  }
}

function indexPath(c: NodeCompiler, node: NodeOf<'Index'>, scope: Scope): PathFilter {
  const target = c.path(node.target, scope);
  const index = c.value(node.index, scope);
  const is = index.single;
  return (input, path, env, emit) => {
    const withKey = (key: Json): void => {
      target(input, path, env, (v, p) => {
        if (p === NOT_A_PATH) throw invalidAccess(key, v);
        emit(indexValue(v, key), extendPath(p, key, v));
      });
    };
    if (is) withKey(is(input, env));
    else index.run(input, env, withKey);
  };
}

function ifPath(c: NodeCompiler, node: NodeOf<'If'>, scope: Scope): PathFilter {
  const branches = node.branches.map((b) => ({ cond: c.value(b.cond, scope).run, then: c.path(b.then, scope) }));
  const otherwise: PathFilter = node.otherwise ? c.path(node.otherwise, scope) : (i, p, _e, emit) => emit(i, p);
  const run = (k: number, input: Json, path: Path, env: Env, emit: PathEmit): void => {
    const b = branches[k];
    if (!b) return otherwise(input, path, env, emit);
    b.cond(input, env, (v) => {
      if (isTruthy(v)) b.then(input, path, env, emit);
      else run(k + 1, input, path, env, emit);
    });
  };
  return (input, path, env, emit) => run(0, input, path, env, emit);
}

function tryPath(c: NodeCompiler, node: NodeOf<'Try'>, scope: Scope): PathFilter {
  if (node.indexOnly && !node.handler) {
    const step = compileOptionalStepPath(c, node.body, scope);
    if (step) return step;
  }
  const body = c.path(node.body, scope);
  const handler = node.handler ? c.path(node.handler, scope) : null;
  return (input, path, env, emit) => {
    const depth = depthMark();
    try {
      body(input, path, env, emit);
    } catch (e) {
      const err = caught(e);
      if (!err) throw e;
      restoreDepth(depth);
      if (handler) handler(err.value, NOT_A_PATH, env, emit);
    }
  };
}

function asPath(c: NodeCompiler, node: NodeOf<'As'>, scope: Scope): PathFilter {
  const source = c.value(node.source, scope).run;
  const { names, scope: inner } = patternScope(node.patterns, scope);
  const body = c.path(node.body, inner);
  const bind = bindPatterns(c, node.patterns, names, scope);
  return (input, path, env, emit) => {
    source(input, env, (v) => bind(v, input, env, (bodyEnv) => body(input, path, bodyEnv, emit)));
  };
}

/**
 * `foreach` in path mode: jq tracks the path of the source's items, so an output identical to the
 * current item keeps that item's path (`path(foreach .[] as $x (0; $x; .))`).
 */
function foreachPath(c: NodeCompiler, node: NodeOf<'Foreach'>, scope: Scope): PathFilter {
  const source = c.path(node.source, scope);
  const { init, inner, bind } = compileLoop(c, node, scope);
  const update = c.value(node.update, inner).run;
  const extract = node.extract ? c.value(node.extract, inner).run : null;
  return (input, path, env, emit) => {
    init(input, env, (start) => {
      let state: Json = start;
      source(input, path, env, (item, itemPath) => {
        const out = (v: Json): void => emit(v, itemPath !== NOT_A_PATH && identical(v, item) ? itemPath : NOT_A_PATH);
        bind(item, input, env, (bodyEnv) => {
          state = foreachStep(update, extract, state, bodyEnv, out);
        });
      });
    });
  };
}

/** `break $label` in path mode. @internal */
export function breakPath(depth: number): PathFilter {
  return (_input, _path, env) => {
    throw new BreakSignal(lookup(env, depth) as unknown as object);
  };
}
