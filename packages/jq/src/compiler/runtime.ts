/**
 * What compiled closures share at run time: the filter signatures, the environment chain, the
 * per-run context (limits, host options) and the control-flow signals.
 * @module
 */
import type { Json } from '../ast.js';
import type { RunOptions } from '../api.js';
import { JqError, JqLimitError } from '../errors.js';

/** Receives one output. */
export type Emit = (value: Json) => void;
/** A path as jq builds it: keys, indices and slice objects. */
export type Path = Json[];
/** Receives one output with its path (path mode). */
export type PathEmit = (value: Json, path: Path) => void;

/** A compiled filter in value mode: calls `emit` once per output. */
export type Filter = (input: Json, env: Env, emit: Emit) => void;
/** A filter known to produce exactly one output (or throw). */
export type Single = (input: Json, env: Env) => Json;
/** A compiled filter in path mode: `input` is the value at `path` in the path's root. */
export type PathFilter = (input: Json, path: Path, env: Env, emit: PathEmit) => void;

/** A filter argument bound to a function parameter: code plus the environment it closes over. */
export interface Closure {
  readonly run: Filter;
  readonly path: () => PathFilter;
  readonly env: Env;
}

/**
 * The run-time environment: a linked chain of bindings (variable values and closures). The
 * compiler resolves each name to a distance up the chain.
 */
export class Env {
  constructor(
    readonly parent: Env | null,
    readonly value: Json | Closure,
  ) {}
}

/** The empty environment every run starts from (its value is unused). */
export const ROOT_ENV = new Env(null, null);

/** Walks `depth` links up the chain. @internal */
export function lookup(env: Env, depth: number): Json | Closure {
  let e = env;
  for (let i = 0; i < depth; i++) e = e.parent as Env;
  return e.value;
}

/** Per-run state, reachable from every closure while a program runs. */
export interface RunContext {
  steps: number;
  /** Labels executed so far: jq 1.6 numbers each `label` it runs. */
  labels: number;
  depth: number;
  readonly maxSteps: number;
  readonly maxDepth: number;
  readonly options: RunOptions;
  /** Host variable values by name. */
  readonly variables: Readonly<Record<string, Json>>;
  /** What `env` and `$ENV` return. */
  readonly envObject: Json;
  /** The clock for `now`, in seconds. */
  readonly now: () => number;
}

let current: RunContext = {
  steps: 0,
  labels: 0,
  depth: 0,
  maxSteps: Infinity,
  maxDepth: Infinity,
  options: {},
  variables: {},
  envObject: {},
  now: () => 0,
};

/** The context of the run in progress. @internal */
export function ctx(): RunContext {
  return current;
}

/**
 * Makes `next` current for the duration of `body` (runs may nest through host functions). A
 * JavaScript stack overflow inside becomes a JqLimitError. @internal
 */
export function withContext<T>(next: RunContext, body: () => T): T {
  const saved = current;
  current = next;
  try {
    const result = body();
    current = saved;
    return result;
  } catch (e) {
    current = saved;
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      throw new JqLimitError('jq recursion too deep: the JavaScript stack is exhausted (limit maxDepth)');
    }
    throw e;
  }
}

/** Counts `n` evaluation steps; throws when the run's budget is spent. @internal */
export function step(n = 1): void {
  const c = current;
  c.steps += n;
  if (c.steps > c.maxSteps) {
    throw new JqLimitError(`jq evaluation exceeded ${c.maxSteps} steps (limit maxSteps)`);
  }
}

/** Enters a function call; throws past the depth limit. Pair with `leave()`. @internal */
export function enter(): void {
  const c = current;
  c.steps++;
  if (++c.depth > c.maxDepth) {
    c.depth = 0;
    throw new JqLimitError(`jq recursion depth exceeded ${c.maxDepth} (limit maxDepth)`);
  }
  if (c.steps > c.maxSteps) {
    throw new JqLimitError(`jq evaluation exceeded ${c.maxSteps} steps (limit maxSteps)`);
  }
}

/** Leaves a function call. @internal */
export function leave(): void {
  current.depth--;
}

/**
 * The current call depth. Calls do not use try/finally (it costs on every call), so every place
 * that catches and carries on restores the depth it saw on entry. @internal
 */
export function depthMark(): number {
  return current.depth;
}

/** Restores the call depth after catching an exception. @internal */
export function restoreDepth(depth: number): void {
  current.depth = depth;
}

/**
 * Unwinds to a `label` (also used by `first`, `limit` and friends). Not an Error: thrown and
 * caught on hot paths, so it carries no stack.
 */
export class BreakSignal {
  constructor(readonly label: object) {}
}

/** The identity of one execution of `label $name`. */
export interface LabelToken {
  /** jq 1.6 raises `break` as the error `{"__jq": id}`, which `try` can catch. */
  readonly id: number;
}

/** A fresh label token. @internal */
export function newLabel(): LabelToken {
  return { id: current.labels++ };
}

/** Whether `e` is a jq error (not a limit, not control flow). @internal */
export function isCatchable(e: unknown): e is JqError {
  return e instanceof JqError && !(e instanceof JqLimitError);
}

/**
 * What `try` catches: jq errors, and `break` to a label, which jq 1.6 raises as the error
 * `{"__jq": id}`. Returns null for anything else (limits, internal signals), which must pass.
 * @internal
 */
export function caught(e: unknown): JqError | null {
  if (isCatchable(e)) return e;
  if (e instanceof BreakSignal && typeof (e.label as Partial<LabelToken>).id === 'number') {
    return new JqError({ __jq: (e.label as LabelToken).id });
  }
  return null;
}

/** Throws a break to the label `token`. @internal */
export function breakTo(token: LabelToken): never {
  throw new BreakSignal(token);
}
