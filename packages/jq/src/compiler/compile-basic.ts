/**
 * Value-mode compilers for the plain expression nodes: paths, operators, pipes, commas,
 * conditionals, arrays and strings.
 * @module
 */
import type { BinaryOp, Json, Node, StringNode } from '../ast.js';
import { addValues, divideValues, moduloValues, multiplyValues, subtractValues } from '../operators.js';
import { applyFormat } from '../formats.js';
import { dumpJson } from '../json-dump.js';
import { compareJson, equalJson } from '../value.js';
import { fieldReader, indexValue, sliceValue } from './access.js';
import { cannotBeNegated, cannotIterate } from '../error-dump.js';
import { type Compiled, type NodeCompiler, collect, constant, fromOpt, fromSingle, isTruthy, optOf } from './compiled.js';
import type { Scope } from './scope.js';
import type { Emit, Env } from './runtime.js';

type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

/** The function behind each binary operator. */
export const BINARY_OPS: Record<BinaryOp, (a: Json, b: Json) => Json> = {
  '+': addValues,
  '-': subtractValues,
  '*': multiplyValues,
  '/': divideValues,
  '%': moduloValues,
  '==': (a, b) => equalJson(a, b),
  '!=': (a, b) => !equalJson(a, b),
  '<': (a, b) => compareJson(a, b) < 0,
  '<=': (a, b) => compareJson(a, b) <= 0,
  '>': (a, b) => compareJson(a, b) > 0,
  '>=': (a, b) => compareJson(a, b) >= 0,
};

/** `.[]` over one value. */
export function iterateValue(v: Json, emit: Emit): void {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) emit(v[i] as Json);
  } else if (v !== null && typeof v === 'object') {
    for (const k in v) emit(v[k] as Json);
  } else {
    throw cannotIterate(v);
  }
}

/** `t[e]`: e is evaluated against the input (outer loop), t innermost. */
export function compileIndex(c: NodeCompiler, node: NodeOf<'Index'>, scope: Scope): Compiled {
  const target = c.value(node.target, scope);
  const index = c.value(node.index, scope);
  const ts = target.single;
  const is = index.single;
  const key = constantKey(node.index);
  if (typeof key === 'string' && ts) {
    const read = fieldReader(key);
    if (node.target.kind === 'Identity') return fromSingle(read);
    return fromSingle((input, env) => read(ts(input, env)));
  }
  if (ts && is) {
    return fromSingle((input, env) => {
      const k = is(input, env);
      return indexValue(ts(input, env), k);
    });
  }
  return {
    run: (input, env, emit) => {
      const withKey = (key: Json): void => {
        if (ts) emit(indexValue(ts(input, env), key));
        else target.run(input, env, (v) => emit(indexValue(v, key)));
      };
      if (is) withKey(is(input, env));
      else index.run(input, env, withKey);
    },
  };
}

/** The key of `.foo`, `."foo"` or `.[1]`, when it is a constant. */
function constantKey(node: Node): Json | undefined {
  if (node.kind === 'Literal') return node.value;
  if (node.kind === 'String' && node.parts.every((p) => typeof p === 'string')) return node.parts.join('');
  return undefined;
}

/** `t[from:to]`: from outermost, then to, then t. */
export function compileSlice(c: NodeCompiler, node: NodeOf<'Slice'>, scope: Scope): Compiled {
  const target = c.value(node.target, scope);
  const from = node.from ? c.value(node.from, scope) : constant(null);
  const to = node.to ? c.value(node.to, scope) : constant(null);
  return {
    run: (input, env, emit) => {
      from.run(input, env, (f) => {
        to.run(input, env, (t) => {
          target.run(input, env, (v) => emit(sliceValue(v, f, t)));
        });
      });
    },
  };
}

/** `t[]` */
export function compileIterate(c: NodeCompiler, node: NodeOf<'Iterate'>, scope: Scope): Compiled {
  const target = c.value(node.target, scope);
  const ts = target.single;
  if (ts) return { run: (input, env, emit) => iterateValue(ts(input, env), emit) };
  return { run: (input, env, emit) => target.run(input, env, (v) => iterateValue(v, emit)) };
}

/** `a | b` */
export function compilePipe(c: NodeCompiler, node: NodeOf<'Pipe'>, scope: Scope): Compiled {
  const left = c.value(node.left, scope);
  const right = c.value(node.right, scope);
  const ls = left.single;
  const rs = right.single;
  if (ls && rs) return fromSingle((input, env) => rs(ls(input, env), env));
  const lo = optOf(left);
  const ro = optOf(right);
  if (lo && ro) {
    return fromOpt((input, env) => {
      const v = lo(input, env);
      return v === undefined ? undefined : ro(v, env);
    });
  }
  const rr = right.run;
  if (ls) return { run: (input, env, emit) => rr(ls(input, env), env, emit) };
  if (ro) {
    return {
      run: (input, env, emit) =>
        left.run(input, env, (v) => {
          const r = ro(v, env);
          if (r !== undefined) emit(r);
        }),
    };
  }
  return { run: (input, env, emit) => left.run(input, env, (v) => rr(v, env, emit)) };
}

/** `a, b` */
export function compileComma(c: NodeCompiler, node: NodeOf<'Comma'>, scope: Scope): Compiled {
  const left = c.value(node.left, scope).run;
  const right = c.value(node.right, scope).run;
  return {
    run: (input, env, emit) => {
      left(input, env, emit);
      right(input, env, emit);
    },
  };
}

/** `-e` */
export function compileNeg(c: NodeCompiler, node: NodeOf<'Neg'>, scope: Scope): Compiled {
  const negate = (v: Json): Json => {
    if (typeof v === 'number') return -v;
    throw cannotBeNegated(v);
  };
  return mapSingle(c.value(node.operand, scope), negate);
}

/** Applies `f` to every output of `e`, keeping the single form. */
export function mapSingle(e: Compiled, f: (v: Json) => Json): Compiled {
  const s = e.single;
  if (s) return fromSingle((input, env) => f(s(input, env)));
  return { run: (input, env, emit) => e.run(input, env, (v) => emit(f(v))) };
}

/** `a op b`: for each output of b (outer), each output of a. */
export function compileBinary(c: NodeCompiler, node: NodeOf<'Binary'>, scope: Scope): Compiled {
  const op = BINARY_OPS[node.op];
  if (node.op === '/' && node.left.kind === 'Literal' && node.right.kind === 'Literal' && node.right.value === 0) {
    if (typeof node.left.value === 'number') throw c.error('Division by zero?', node);
  }
  const left = c.value(node.left, scope);
  const right = c.value(node.right, scope);
  const ls = left.single;
  const rs = right.single;
  if (ls && rs) {
    return fromSingle((input, env) => {
      const b = rs(input, env);
      return op(ls(input, env), b);
    });
  }
  return {
    run: (input, env, emit) => {
      right.run(input, env, (b) => {
        if (ls) emit(op(ls(input, env), b));
        else left.run(input, env, (a) => emit(op(a, b)));
      });
    },
  };
}

/** `a and b`, `a or b` */
export function compileLogic(c: NodeCompiler, node: NodeOf<'And' | 'Or'>, scope: Scope): Compiled {
  const left = c.value(node.left, scope);
  const right = c.value(node.right, scope);
  const isAnd = node.kind === 'And';
  if (left.single && right.single) {
    const ls = left.single;
    const rs = right.single;
    return fromSingle((input, env) => {
      const a = isTruthy(ls(input, env));
      if (isAnd ? !a : a) return a;
      return isTruthy(rs(input, env));
    });
  }
  return {
    run: (input, env, emit) => {
      left.run(input, env, (l) => {
        const a = isTruthy(l);
        if (isAnd ? !a : a) emit(a);
        else right.run(input, env, (r) => emit(isTruthy(r)));
      });
    },
  };
}

/** `a // b`: the truthy outputs of a, or else the outputs of b. */
export function compileAlternative(c: NodeCompiler, node: NodeOf<'Alternative'>, scope: Scope): Compiled {
  const left = c.value(node.left, scope);
  const right = c.value(node.right, scope);
  const lo = optOf(left);
  if (lo && right.single) {
    const rs = right.single;
    return fromSingle((input, env) => {
      const v = lo(input, env);
      return v !== undefined && isTruthy(v) ? v : rs(input, env);
    });
  }
  return {
    run: (input, env, emit) => {
      let any = false;
      left.run(input, env, (v) => {
        if (isTruthy(v)) {
          any = true;
          emit(v);
        }
      });
      if (!any) right.run(input, env, emit);
    },
  };
}

/** `if c then a elif ... else b end` */
export function compileIf(c: NodeCompiler, node: NodeOf<'If'>, scope: Scope): Compiled {
  if (node.otherwise === null) throw c.error('syntax error, unexpected end (Unix shell quoting issues?)', { start: node.end - 3, end: node.end });
  const branches = node.branches.map((b) => ({ cond: c.value(b.cond, scope), then: c.value(b.then, scope) }));
  const otherwise = node.otherwise ? c.value(node.otherwise, scope) : fromSingle((input) => input);
  const run = (i: number, input: Json, env: Env, emit: Emit): void => {
    if (i === branches.length) {
      otherwise.run(input, env, emit);
      return;
    }
    const b = branches[i] as { cond: Compiled; then: Compiled };
    const cs = b.cond.single;
    if (cs) {
      if (isTruthy(cs(input, env))) b.then.run(input, env, emit);
      else run(i + 1, input, env, emit);
      return;
    }
    b.cond.run(input, env, (v) => {
      if (isTruthy(v)) b.then.run(input, env, emit);
      else run(i + 1, input, env, emit);
    });
  };
  const allSingle = branches.every((b) => b.cond.single && b.then.single) && otherwise.single;
  if (allSingle) {
    const os = otherwise.single as NonNullable<Compiled['single']>;
    return fromSingle((input, env) => {
      for (const b of branches) {
        if (isTruthy((b.cond.single as NonNullable<Compiled['single']>)(input, env))) {
          return (b.then.single as NonNullable<Compiled['single']>)(input, env);
        }
      }
      return os(input, env);
    });
  }
  const thenOpts = branches.map((b) => optOf(b.then));
  const elseOpt = optOf(otherwise);
  if (branches.every((b) => b.cond.single) && thenOpts.every((o) => o) && elseOpt) {
    return fromOpt((input, env) => {
      for (let i = 0; i < branches.length; i++) {
        if (isTruthy((branches[i]!.cond.single as NonNullable<Compiled['single']>)(input, env))) return thenOpts[i]!(input, env);
      }
      return elseOpt(input, env);
    });
  }
  return { run: (input, env, emit) => run(0, input, env, emit) };
}

/** `[e]` */
export function compileArray(c: NodeCompiler, node: NodeOf<'Array'>, scope: Scope): Compiled {
  if (node.body === null) return fromSingle(() => []);
  const body = c.value(node.body, scope);
  return fromSingle((input, env) => collect(body, input, env));
}

/** How an interpolated value becomes text: `tostring`, or the string's format. */
function interpolator(format: string | null): (v: Json) => string {
  if (format === null || format === '@text') return (v) => (typeof v === 'string' ? v : dumpJson(v));
  const name = format.slice(1);
  return (v) => applyFormat(name, v);
}

/** A string literal with interpolation: later parts vary slowest (jq's order). */
export function compileString(c: NodeCompiler, node: StringNode, scope: Scope): Compiled {
  const parts = node.parts.map((p) => (typeof p === 'string' ? p : c.value(p, scope)));
  if (parts.every((p) => typeof p === 'string')) return constant(parts.join(''));
  const text = interpolator(node.format);
  if (parts.every((p) => typeof p === 'string' || p.single)) {
    return fromSingle((input, env) => {
      let s = '';
      for (const p of parts) s += typeof p === 'string' ? p : text((p.single as NonNullable<Compiled['single']>)(input, env));
      return s;
    });
  }
  return {
    run: (input, env, emit) => {
      const pieces: string[] = new Array<string>(parts.length);
      const go = (i: number): void => {
        if (i < 0) {
          emit(pieces.join(''));
          return;
        }
        const p = parts[i] as string | Compiled;
        if (typeof p === 'string') {
          pieces[i] = p;
          go(i - 1);
        } else {
          p.run(input, env, (v) => {
            pieces[i] = text(v);
            go(i - 1);
          });
        }
      };
      go(parts.length - 1);
    },
  };
}

/** A standalone format such as `@base64`, applied to the input. */
export function compileFormat(node: NodeOf<'Format'>): Compiled {
  const text = interpolator(node.name);
  return fromSingle((input) => text(input));
}
