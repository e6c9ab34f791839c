/**
 * The public types of the jq engine: compile options, run options, host functions and the
 * compiled program.
 * @module
 */
import type { Json } from './ast.js';

/**
 * A function the host adds to the language, called as `name(args...)`. It receives the input and
 * its arguments already evaluated (one call per combination of argument outputs, as jq does for
 * `$`-parameters) and returns its outputs. Throw `JqError` to raise a jq error.
 */
export type HostFunction = (input: Json, args: Json[]) => Json[];

/** Limits that keep expressions written by workflow authors from running away. */
export interface JqLimits {
  /** Evaluation steps (function calls and loop iterations) per run. Default 10,000,000. */
  maxSteps?: number;
  /** Nesting of function calls. Default 2,000. */
  maxDepth?: number;
}

/** Options fixed when a program is compiled. */
export interface CompileOptions {
  /**
   * Names of host variables (without `$`) the program may use, e.g. `['SECRET', 'WORKFLOW', 'CONST']`.
   * Using any other undefined variable is a compile error. Values are given per run.
   */
  variables?: readonly string[];
  /** Host functions keyed by `name/arity`, e.g. `{ 'uuid/0': () => [...] }`. They shadow builtins. */
  functions?: Readonly<Record<string, HostFunction>>;
  /** Step and depth limits. */
  limits?: JqLimits;
  /** What `$ENV` and `env` see. Default: an empty object (the engine never reads process.env). */
  env?: Readonly<Record<string, string>>;
  /** The clock for `now`, in seconds since the epoch. Default: the host's wall clock. */
  now?: () => number;
}

/** Options for one evaluation. */
export interface RunOptions {
  /** Values of the host variables named at compile time (without `$`). Missing ones are null. */
  variables?: Readonly<Record<string, Json>>;
  /** Where `input` and `inputs` read further values from. Without it `input` raises "No more inputs". */
  inputs?: Iterator<Json>;
  /** Receives what `debug` prints: the value `["DEBUG:", v]`. Default: discarded. */
  onDebug?: (message: Json) => void;
  /** Receives what `stderr` prints. Default: discarded. */
  onStderr?: (value: Json) => void;
  /** What `input_filename` returns. Default null. */
  inputFilename?: string | null;
  /** What `input_line_number` returns. Default 0. */
  inputLineNumber?: () => number;
}

/**
 * A compiled jq program: compile once, evaluate many times, synchronously.
 *
 * @example
 * const p = compile('.items | map(select(.qty > 1)) | length');
 * p.first({ items: [{ qty: 2 }] }); // 1
 */
export interface JqProgram {
  /** The source text. */
  readonly source: string;
  /** Calls `emit` for each output, in order. Throws JqError on a run-time error (after the outputs before it). */
  forEach(input: Json, emit: (output: Json) => void, options?: RunOptions): void;
  /** All outputs, in order. */
  all(input: Json, options?: RunOptions): Json[];
  /** The first output, or undefined when there is none. Stops evaluating after it. */
  first(input: Json, options?: RunOptions): Json | undefined;
  /** An iterator over the outputs (evaluated eagerly, then iterated). */
  run(input: Json, options?: RunOptions): IterableIterator<Json>;
}

/**
 * Thrown by `halt` and `halt_error`: not an error but a request to stop the whole program.
 * `exitCode` is 0 for `halt`; `value` is what `halt_error` was given (undefined for `halt`).
 */
export class JqHalt extends Error {
  readonly exitCode: number;
  readonly value: Json | undefined;

  constructor(exitCode: number, value?: Json) {
    super(`halt ${exitCode}`);
    this.name = 'JqHalt';
    this.exitCode = exitCode;
    this.value = value;
  }
}
