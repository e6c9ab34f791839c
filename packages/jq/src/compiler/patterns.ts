/**
 * Destructuring patterns of `as`, `reduce` and `foreach`: which variables they bind, and binding
 * them from a value (with `?//` alternatives).
 * @module
 */
import type { Json, ObjectKey, Pattern } from '../ast.js';
import { JqError } from '../errors.js';
import { typeOf } from '../value.js';
import { indexValue } from './access.js';
import type { Compiled, NodeCompiler } from './compiled.js';
import { Env, caught, depthMark, restoreDepth } from './runtime.js';
import type { Scope } from './scope.js';

/** The variables bound by `patterns` (in first-seen order) and the scope that binds them. */
export function patternScope(patterns: readonly Pattern[], scope: Scope): { names: string[]; scope: Scope } {
  const names: string[] = [];
  const visit = (p: Pattern): void => {
    if (p.kind === 'var') {
      if (!names.includes(p.name)) names.push(p.name);
    } else if (p.kind === 'array') {
      p.elements.forEach(visit);
    } else {
      for (const e of p.entries) {
        if (e.key.kind === 'var' && !names.includes(e.key.name)) names.push(e.key.name);
        if (e.value) visit(e.value);
      }
    }
  };
  patterns.forEach(visit);
  let inner = scope;
  for (const name of names) inner = inner.with({ kind: 'var', name });
  return { names, scope: inner };
}

/** Binds a value to the pattern variables, then calls `k` with the extended environment. */
export type Binder = (value: Json, input: Json, env: Env, k: (env: Env) => void) => void;

type Destructure = (value: Json, input: Json, env: Env, slots: Json[], k: () => void) => void;

/**
 * Which occurrence of each variable a pattern binds last, in jq 1.6's binding order: array
 * elements first to last, object entries last to first, and in `$name: pattern` the inner
 * pattern before `$name`. When a pattern names a variable twice, that occurrence wins.
 */
function winners(p: Pattern): Set<object> {
  const last = new Map<string, object>();
  const visit = (q: Pattern): void => {
    if (q.kind === 'var') last.set(q.name, q);
    else if (q.kind === 'array') q.elements.forEach(visit);
    else {
      for (const e of [...q.entries].reverse()) {
        if (e.value) visit(e.value);
        if (e.key.kind === 'var') last.set(e.key.name, e);
      }
    }
  };
  visit(p);
  return new Set(last.values());
}

/** Compiles the patterns into a binder for the variables `names`. */
export function bindPatterns(c: NodeCompiler, patterns: readonly Pattern[], names: readonly string[], scope: Scope): Binder {
  const compiled = patterns.map((p) => compilePattern(c, p, names, scope, winners(p)));
  const extend = (env: Env, slots: Json[]): Env => {
    let e = env;
    for (const v of slots) e = new Env(e, v);
    return e;
  };
  if (compiled.length === 1) {
    const d = compiled[0] as Destructure;
    return (value, input, env, k) => {
      const slots: Json[] = names.map(() => null);
      d(value, input, env, slots, () => k(extend(env, slots)));
    };
  }
  return (value, input, env, k) => {
    const attempt = (i: number): void => {
      const slots: Json[] = names.map(() => null);
      const d = compiled[i] as Destructure;
      if (i === compiled.length - 1) {
        d(value, input, env, slots, () => k(extend(env, slots)));
        return;
      }
      const depth = depthMark();
      try {
        d(value, input, env, slots, () => k(extend(env, slots)));
      } catch (e) {
        if (!caught(e)) throw e;
        restoreDepth(depth);
        attempt(i + 1);
      }
    };
    attempt(0);
  };
}

function compileKey(c: NodeCompiler, key: ObjectKey, scope: Scope): Compiled | string {
  switch (key.kind) {
    case 'ident':
    case 'var':
      return key.name;
    case 'string':
      return c.value(key.node, scope);
    case 'expr':
      return c.value(key.node, scope);
  }
}

function compilePattern(c: NodeCompiler, p: Pattern, names: readonly string[], scope: Scope, win: Set<object>): Destructure {
  if (p.kind === 'var') {
    const slot = win.has(p) ? names.indexOf(p.name) : -1;
    return (value, _input, _env, slots, k) => {
      if (slot >= 0) slots[slot] = value;
      k();
    };
  }
  if (p.kind === 'array') {
    const elements = p.elements.map((e) => compilePattern(c, e, names, scope, win));
    return (value, input, env, slots, k) => {
      if (value !== null && !Array.isArray(value)) indexValue(value, 0);
      const go = (i: number): void => {
        if (i === elements.length) return k();
        (elements[i] as Destructure)(indexValue(value, i), input, env, slots, () => go(i + 1));
      };
      go(0);
    };
  }
  const entries = p.entries.map((e) => ({
    key: compileKey(c, e.key, scope),
    slot: e.key.kind === 'var' && win.has(e) ? names.indexOf(e.key.name) : -1,
    value: e.value ? compilePattern(c, e.value, names, scope, win) : null,
  }));
  return (value, input, env, slots, k) => {
    const go = (i: number): void => {
      if (i === entries.length) return k();
      const e = entries[i] as (typeof entries)[number];
      const withKey = (key: Json): void => {
        if (typeof key !== 'string') {
          throw new JqError(`Cannot index ${typeOf(value)} with ${typeOf(key)}`);
        }
        const v = indexValue(value, key);
        if (e.slot >= 0) slots[e.slot] = v;
        if (e.value) e.value(v, input, env, slots, () => go(i + 1));
        else go(i + 1);
      };
      if (typeof e.key === 'string') withKey(e.key);
      else e.key.run(input, env, withKey);
    };
    go(0);
  };
}
