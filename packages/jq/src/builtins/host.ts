/**
 * Builtins that reach the host through the run options: input/inputs, debug, stderr, halt,
 * env, now, input_line_number and input_filename. None of them does I/O itself.
 * @module
 */
import type { Json } from '../ast.js';
import { JqHalt } from '../api.js';
import { JqError } from '../errors.js';
import { ctx, step } from '../compiler/runtime.js';
import { fromSingle } from '../compiler/compiled.js';
import type { CompiledArg } from '../compiler/scope.js';
import { type NativeMap, defineGenerator, defineUnary, eachValue } from './define.js';
import { described } from './core.js';

function nextInput(): Json | undefined {
  const it = ctx().options.inputs;
  if (!it) return undefined;
  const r = it.next();
  return r.done ? undefined : r.value;
}

/** Registers the host builtins. */
export function registerHost(t: NativeMap): void {
  defineUnary(t, 'input', () => {
    const v = nextInput();
    // jq 1.6 says "break" once the inputs are used up; without any inputs we say so plainly.
    if (v === undefined) throw new JqError(ctx().options.inputs ? 'break' : 'No more inputs');
    return v;
  });
  defineGenerator(t, 'inputs', 0, (_input, _env, emit) => {
    for (let v = nextInput(); v !== undefined; v = nextInput()) {
      step();
      emit(v);
    }
  });
  defineUnary(t, 'debug', (v) => {
    ctx().options.onDebug?.(['DEBUG:', v]);
    return v;
  });
  defineUnary(t, 'stderr', (v) => {
    ctx().options.onStderr?.(v);
    return v;
  });
  defineGenerator(t, 'halt', 0, () => {
    throw new JqHalt(0);
  });
  defineGenerator(t, 'halt_error', 0, (input) => {
    throw new JqHalt(5, input);
  });
  defineGenerator(t, 'halt_error', 1, (input, env, _emit, [code]) => {
    eachValue(code as CompiledArg, input, env, (c) => {
      if (typeof c !== 'number') throw new JqError(`${described(input)} halt_error/1: number required`);
      throw new JqHalt(Math.trunc(c), input);
    });
  });
  t.set('env/0', { compile: () => fromSingle(() => ctx().envObject) });
  defineUnary(t, 'now', () => ctx().now());
  defineUnary(t, 'input_line_number', () => ctx().options.inputLineNumber?.() ?? 0);
  defineUnary(t, 'input_filename', () => ctx().options.inputFilename ?? null);
}
