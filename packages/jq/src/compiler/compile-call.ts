/**
 * Function definitions and calls: user `def`s with filter and `$value` parameters (closures,
 * recursion), host functions, native builtins, and variable references.
 * @module
 */
import type { Json, Node } from '../ast.js';
import type { HostFunction } from '../api.js';
import { type Compiled, type NodeCompiler, cartesian, fromSingle } from './compiled.js';
import { type Closure, Env, type PathFilter, ctx, enter, leave, lookup } from './runtime.js';
import type { CompiledArg, FunctionDef, Scope } from './scope.js';

type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>;

/** A builtin implemented in TypeScript, specialised at compile time on its compiled arguments. */
export interface NativeBuiltin {
  /** Value mode. */
  compile(args: readonly CompiledArg[], c: NodeCompiler): Compiled;
  /** Path mode; without it the builtin's outputs are not paths (see compileOpaquePath). */
  path?(args: readonly CompiledArg[], c: NodeCompiler): PathFilter;
}

/** Native builtins by `name/arity`. */
export type NativeTable = ReadonlyMap<string, NativeBuiltin>;

/** Where calls that are not user-defined go. */
export interface CallTargets {
  natives: NativeTable;
  host: Readonly<Record<string, HostFunction>>;
  hostVariables: ReadonlySet<string>;
  /** Definitions from the builtin prelude: compiled lazily, and shadowed by host functions. */
  builtinDefs: WeakSet<Node>;
}

/**
 * A closure parameter or `def` visible at the call, unless it is a prelude builtin that a host
 * function of the same name and arity shadows.
 */
function findUserCallable(scope: Scope, name: string, arity: number, targets: CallTargets): ReturnType<Scope['findCallable']> {
  const found = scope.findCallable(name, arity);
  if (found?.entry.kind === 'func' && targets.host[`${name}/${arity}`] && targets.builtinDefs.has(found.entry.def.body)) return undefined;
  return found;
}

/** `def name(params): body; rest` */
export function compileFuncDef(c: NodeCompiler, node: NodeOf<'FuncDef'>, scope: Scope, pathMode: false): Compiled;
export function compileFuncDef(c: NodeCompiler, node: NodeOf<'FuncDef'>, scope: Scope, pathMode: true): PathFilter;
export function compileFuncDef(c: NodeCompiler, node: NodeOf<'FuncDef'>, scope: Scope, pathMode: boolean): Compiled | PathFilter {
  const def: FunctionDef = { name: node.name, params: node.params, body: node.body, bodyScope: null, run: null, path: null };
  const withDef = scope.with({ kind: 'func', name: node.name, arity: node.params.length, def });
  let bodyScope = withDef;
  for (const p of node.params) bodyScope = bodyScope.with({ kind: 'closure', name: p.startsWith('$') ? p.slice(1) : p });
  for (const p of node.params) if (p.startsWith('$')) bodyScope = bodyScope.with({ kind: 'var', name: p.slice(1) });
  def.bodyScope = bodyScope;
  const rest = pathMode ? c.path(node.rest, withDef) : c.value(node.rest, withDef);
  // User definitions are compiled even when unused, so their errors are reported (as jq does).
  if (!c.isBuiltin(node)) bodyRun(c, def);
  return rest;
}

function bodyRun(c: NodeCompiler, def: FunctionDef): NonNullable<FunctionDef['run']> {
  if (!def.run) {
    // Set a trampoline first so a recursive call compiled inside the body finds it.
    let compiled: Compiled['run'] | null = null;
    def.run = (input, env, emit) => (compiled as Compiled['run'])(input, env, emit);
    compiled = c.value(def.body, def.bodyScope as Scope).run;
    def.run = compiled;
  }
  return def.run;
}

function bodyPath(c: NodeCompiler, def: FunctionDef): PathFilter {
  if (!def.path) {
    let compiled: PathFilter | null = null;
    def.path = (input, path, env, emit) => (compiled as PathFilter)(input, path, env, emit);
    compiled = c.path(def.body, def.bodyScope as Scope);
    def.path = compiled;
  }
  return def.path;
}

/**
 * Builds the environment a call to `def` runs its body in, then calls `body(env)` once per
 * combination of `$`-parameter values (first parameter slowest).
 */
function withCallEnv(def: FunctionDef, args: readonly CompiledArg[], depth: number, input: Json, env: Env, body: (e: Env) => void): void {
  let callEnv = depth === 0 ? env : (lookupEnv(env, depth) as Env);
  const params = def.params;
  for (let i = 0; i < params.length; i++) {
    const a = args[i] as CompiledArg;
    const closure: Closure = { run: a.run, path: a.path, env };
    callEnv = new Env(callEnv, closure);
  }
  const valueArgs: CompiledArg[] = [];
  for (let i = 0; i < params.length; i++) if ((params[i] as string).startsWith('$')) valueArgs.push(args[i] as CompiledArg);
  if (valueArgs.length === 0) {
    body(callEnv);
    return;
  }
  const bind = (i: number, e: Env): void => {
    if (i === valueArgs.length) return body(e);
    const a = valueArgs[i] as CompiledArg;
    if (a.single) bind(i + 1, new Env(e, a.single(input, env)));
    else a.run(input, env, (v) => bind(i + 1, new Env(e, v)));
  };
  bind(0, callEnv);
}

function lookupEnv(env: Env, depth: number): Env {
  let e = env;
  for (let i = 0; i < depth; i++) e = e.parent as Env;
  return e;
}

/** Compiles the arguments of a call, each usable as a closure or a native argument. */
export function compileArgs(c: NodeCompiler, args: readonly Node[], scope: Scope): CompiledArg[] {
  return args.map((a) => {
    const v = c.value(a, scope);
    let p: PathFilter | null = null;
    return { run: v.run, single: v.single, opt: v.opt, path: () => (p ??= c.path(a, scope)) };
  });
}

/** A call in value mode. */
export function compileCall(c: NodeCompiler, node: NodeOf<'Call'>, scope: Scope, targets: CallTargets): Compiled {
  const arity = node.args.length;
  const key = `${node.name}/${arity}`;
  const found = findUserCallable(scope, node.name, arity, targets);
  if (found) {
    const { entry, depth } = found;
    if (entry.kind === 'closure') {
      return {
        run: (input, env, emit) => {
          const cl = lookup(env, depth) as Closure;
          cl.run(input, cl.env, emit);
        },
      };
    }
    if (entry.kind === 'func') {
      const def = entry.def;
      const args = compileArgs(c, node.args, scope);
      const run = bodyRun(c, def);
      return {
        run: (input, env, emit) => {
          enter();
          withCallEnv(def, args, depth, input, env, (e) => run(input, e, emit));
          leave();
        },
      };
    }
  }
  const host = targets.host[key];
  if (host) {
    const args = compileArgs(c, node.args, scope);
    return {
      run: (input, env, emit) => {
        cartesian(args, input, env, (values) => {
          for (const out of host(input, values)) emit(out);
        });
      },
    };
  }
  const native = targets.natives.get(key);
  if (native) return native.compile(compileArgs(c, node.args, scope), c);
  throw c.error(`${key} is not defined`, node);
}

/** A call in path mode. `opaque` is the fallback for calls without a path form. */
export function compileCallPath(
  c: NodeCompiler,
  node: NodeOf<'Call'>,
  scope: Scope,
  targets: CallTargets,
  opaque: (compiled: Compiled) => PathFilter,
): PathFilter {
  const arity = node.args.length;
  const key = `${node.name}/${arity}`;
  const found = findUserCallable(scope, node.name, arity, targets);
  if (found) {
    const { entry, depth } = found;
    if (entry.kind === 'closure') {
      return (input, path, env, emit) => {
        const cl = lookup(env, depth) as Closure;
        cl.path()(input, path, cl.env, emit);
      };
    }
    if (entry.kind === 'func') {
      const def = entry.def;
      const args = compileArgs(c, node.args, scope);
      const run = bodyPath(c, def);
      return (input, path, env, emit) => {
        enter();
        withCallEnv(def, args, depth, input, env, (e) => run(input, path, e, emit));
        leave();
      };
    }
  }
  const native = targets.host[key] ? undefined : targets.natives.get(key);
  if (native?.path) return native.path(compileArgs(c, node.args, scope), c);
  return opaque(compileCall(c, node, scope, targets));
}

/** `$name`: a bound variable, a host variable, or `$ENV`. */
export function compileVar(c: NodeCompiler, node: NodeOf<'Var'>, scope: Scope, targets: CallTargets): Compiled {
  const depth = scope.findVar(node.name);
  if (depth === 0) return fromSingle((_input, env) => env.value as Json);
  if (depth > 0) return fromSingle((_input, env) => lookup(env, depth) as Json);
  if (targets.hostVariables.has(node.name)) {
    const name = node.name;
    return fromSingle(() => ctx().variables[name] ?? null);
  }
  if (node.name === 'ENV') return fromSingle(() => ctx().envObject);
  throw c.error(`$${node.name} is not defined`, node);
}
