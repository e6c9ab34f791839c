/**
 * The pass/fail rules of each suite: jq's `.test` rules (jq_test.c), jackson-jq's, and our corpus'.
 * Each check runs one case through the engine and returns undefined or the reason it failed.
 * @module
 */
import type { Json } from '../src/ast.js';
import type { CompileOptions } from '../src/api.js';
import type { CorpusCase } from './corpus-format.js';
import { runEngine, type EngineResult } from './engine.js';
import type { JacksonCase } from './jackson-data.js';
import { expectedCompileMessage, type JqTestCase } from './jq-test-format.js';
import { outputsEqual, showJson, showOutputs, type JsonEqualOptions } from './json-compare.js';

/** A failure report: program, input, what jq 1.6 expects and what we produced. */
export function describeFailure(what: string, program: string, input: Json | undefined, expected: string, actual: EngineResult): string {
  const error = actual.error ? `\n  then ${actual.error.kind} error: ${actual.error.message}` : '';
  return [
    what,
    `program:  ${program}`,
    ...(input === undefined ? [] : [`input:    ${showJson(input)}`]),
    `expected: ${expected.replace(/\n/g, '\n          ')}`,
    `actual:   ${showOutputs(actual.outputs).replace(/\n/g, '\n          ')}${error}`,
  ].join('\n');
}

/** Checks that `program` fails to compile, with `message` when given. */
export function checkCompileFailure(program: string, message: string | null, options?: CompileOptions): string | undefined {
  const result = runEngine(program, null, { compile: options, maxOutputs: 0 });
  const want = message === null ? 'a compile error' : `compile error: ${message}`;
  if (!result.error) return describeFailure('compiled, but jq 1.6 rejects it', program, undefined, want, result);
  if (result.error.kind !== 'compile') {
    return describeFailure(`threw a ${result.error.kind} error instead of JqCompileError`, program, undefined, want, result);
  }
  if (message !== null && result.error.message !== message) {
    return describeFailure('wrong compile error message', program, undefined, want, result);
  }
  return undefined;
}

/**
 * jq_test.c's rule: the program must compile; its outputs, pulled one at a time, must equal the
 * expected ones by value (object key order ignored); then there must be no further output. A run-time
 * error after all expected outputs still passes (jq_test.c sees an invalid value and stops).
 */
export function checkJqTestCase(testCase: JqTestCase, options?: CompileOptions): string | undefined {
  if (testCase.invalid) return testCase.invalid;
  if (testCase.fail) {
    const message = testCase.fail.message === null ? null : expectedCompileMessage(testCase.fail.message);
    return checkCompileFailure(testCase.program, message, options);
  }
  const input = testCase.input ?? null;
  const expected = testCase.expected;
  const result = runEngine(testCase.program, input, { compile: options, maxOutputs: expected.length + 1 });
  const want = showOutputs(expected);
  if (result.error?.kind === 'compile') return describeFailure('does not compile', testCase.program, input, want, result);
  if (result.error?.kind === 'crash') return describeFailure('engine crashed (not a JqError)', testCase.program, input, want, result);
  const got = result.outputs;
  if (got.length < expected.length) return describeFailure('insufficient results', testCase.program, input, want, result);
  if (!outputsEqual(got.slice(0, expected.length), expected)) return describeFailure('wrong result', testCase.program, input, want, result);
  if (got.length > expected.length) return describeFailure('superfluous result', testCase.program, input, want, result);
  return undefined;
}

/**
 * jackson-jq's rule: exactly the expected outputs and no error, key order compared unless
 * `ignore_field_order`, numbers within `numerical_errors`; `should_compile: false` must not compile.
 * For `failing` cases `out` is real jq's answer, which is what we follow.
 */
export function checkJacksonCase(testCase: JacksonCase, options?: CompileOptions): string | undefined {
  if (testCase.should_compile === false) return checkCompileFailure(testCase.q, null, options);
  const expected = testCase.out;
  const result = runEngine(testCase.q, testCase.in, { compile: options, maxOutputs: expected.length + 1 });
  const want = showOutputs(expected);
  const equal: JsonEqualOptions = { keyOrder: !testCase.ignore_field_order, tolerance: testCase.numerical_errors };
  if (result.error && result.outputs.length < expected.length) {
    return describeFailure(`${result.error.kind} error`, testCase.q, testCase.in, want, result);
  }
  if (!outputsEqual(result.outputs, expected, equal)) {
    const orderOnly = outputsEqual(result.outputs, expected, { ...equal, keyOrder: false });
    return describeFailure(orderOnly ? 'wrong object key order' : 'wrong result', testCase.q, testCase.in, want, result);
  }
  if (result.error) return describeFailure(`${result.error.kind} error after the expected outputs`, testCase.q, testCase.in, want, result);
  return undefined;
}

/**
 * Our corpus' rule (STYLE §10.2): `outputs` exactly (key order compared), then no error; or the
 * run-time error `error` after `outputs` (default none); or, with `compileError`, no compilation
 * (and the message `error` when given). Host `variables` are declared at compile time by name.
 */
export function checkCorpusCase(testCase: CorpusCase): string | undefined {
  const variables = testCase.variables ?? {};
  const compile: CompileOptions = { variables: Object.keys(variables) };
  if (testCase.compileError) return checkCompileFailure(testCase.query, testCase.error ?? null, compile);
  const expected = testCase.outputs ?? [];
  const result = runEngine(testCase.query, testCase.input, { compile, run: { variables }, maxOutputs: expected.length + 1 });
  const want = showOutputs(expected) + (testCase.error === undefined ? '' : `\n  then error: ${testCase.error}`);
  if (result.error?.kind === 'crash') return describeFailure('engine crashed (not a JqError)', testCase.query, testCase.input, want, result);
  if (result.error?.kind === 'compile') return describeFailure('does not compile', testCase.query, testCase.input, want, result);
  if (!outputsEqual(result.outputs, expected, { keyOrder: true })) {
    const orderOnly = outputsEqual(result.outputs, expected);
    return describeFailure(orderOnly ? 'wrong object key order' : 'wrong result', testCase.query, testCase.input, want, result);
  }
  if (testCase.error === undefined) {
    if (result.error) return describeFailure(`unexpected ${result.error.kind} error`, testCase.query, testCase.input, want, result);
    return undefined;
  }
  if (!result.error) return describeFailure('no error', testCase.query, testCase.input, want, result);
  if (result.error.kind !== 'runtime' || result.error.message !== testCase.error) {
    return describeFailure(`wrong error (${result.error.kind})`, testCase.query, testCase.input, want, result);
  }
  return undefined;
}
