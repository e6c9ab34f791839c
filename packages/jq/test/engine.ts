/**
 * How the test harnesses call our engine: compile and run one program on one input, collecting its
 * outputs and classifying whatever it throws.
 * @module
 */
import type { Json } from '../src/ast.js';
import type { CompileOptions, JqProgram, RunOptions } from '../src/api.js';
import { JQ_ERROR_CODES } from '../src/errors.js';
import { compile } from '../src/index.js';
import { normalizeOutput } from './json-compare.js';

/** How a run ended, when it did not simply finish. */
export type EngineErrorKind = 'compile' | 'runtime' | 'limit' | 'halt' | 'crash';

/** What one run produced: outputs (normalized as jq prints them) and maybe an error after them. */
export interface EngineResult {
  outputs: Json[];
  error?: { kind: EngineErrorKind; message: string; value?: Json };
  /** True when the run was cut short after `maxOutputs` outputs. */
  truncated?: boolean;
}

/** Options for {@link runEngine}. */
export interface RunEngineOptions {
  compile?: CompileOptions;
  run?: RunOptions;
  /** Stop after this many outputs (as jq_test.c stops pulling outputs). Default: all. */
  maxOutputs?: number;
}

/** Thrown from `emit` to stop a run early; never a JqError, so `try` in the program cannot catch it. */
class StopRun {
  readonly stop = true;
}

function classify(err: unknown): NonNullable<EngineResult['error']> {
  if (err !== null && typeof err === 'object') {
    const e = err as { code?: unknown; name?: unknown; message?: unknown; value?: unknown };
    const message = typeof e.message === 'string' ? e.message : String(err);
    if (e.code === JQ_ERROR_CODES.COMPILE) return { kind: 'compile', message };
    if (e.code === JQ_ERROR_CODES.LIMIT) return { kind: 'limit', message };
    if (e.code === JQ_ERROR_CODES.RUNTIME) return { kind: 'runtime', message, value: normalizeOutput(e.value) };
    if (e.name === 'JqHalt') return { kind: 'halt', message };
    const stack = err instanceof Error && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : message;
    return { kind: 'crash', message: stack };
  }
  return { kind: 'crash', message: `threw a non-object: ${String(err)}` };
}

/**
 * Compiles `program` and runs it on `input`, never throwing: outputs come back normalized (NaN →
 * null, infinities → ±DBL_MAX) and any error is classified. A compile error has no outputs.
 */
export function runEngine(program: string, input: Json, options: RunEngineOptions = {}): EngineResult {
  let compiled: JqProgram;
  try {
    compiled = compile(program, options.compile);
  } catch (err) {
    return { outputs: [], error: classify(err) };
  }
  const outputs: Json[] = [];
  const max = options.maxOutputs ?? Infinity;
  try {
    compiled.forEach(
      input,
      (value) => {
        outputs.push(normalizeOutput(value));
        if (outputs.length >= max) throw new StopRun();
      },
      options.run,
    );
  } catch (err) {
    if (err instanceof StopRun) return { outputs, truncated: true };
    return { outputs, error: classify(err) };
  }
  return { outputs };
}
