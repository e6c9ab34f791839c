// Behaviour of the compile API: evaluation, host variables and functions, limits and errors.
import { describe, expect, it } from 'vitest';
import { compile } from './compile.js';
import { JqCompileError, JqLimitError } from './errors.js';
import { JqHalt } from './api.js';

const all = (p: string, input: unknown = null): unknown[] => compile(p).all(input as never);

describe('compile', () => {
  it('evaluates synchronously, many times, on different inputs', () => {
    const p = compile('.a.b + 1');
    expect(p.all({ a: { b: 1 } })).toEqual([2]);
    expect(p.all({ a: { b: 41 } })).toEqual([42]);
    expect(p.first(null)).toBe(1);
  });

  it('keeps jq output order for cartesian products', () => {
    expect(all('[(1,2) + (10,20)]')).toEqual([[11, 12, 21, 22]]);
    expect(all('{a:(1,2), b:(3,4)}')).toEqual([
      { a: 1, b: 3 },
      { a: 1, b: 4 },
      { a: 2, b: 3 },
      { a: 2, b: 4 },
    ]);
    expect(all('"\\(1,2) \\(3,4)"')).toEqual(['1 3', '2 3', '1 4', '2 4']);
  });

  it('accepts jackson-jq object values (any comma-free expression)', () => {
    const p = compile('{ "result": { "message": "Namespace " + .namespace + " active" } }');
    expect(p.first({ namespace: 'team-a' })).toEqual({ result: { message: 'Namespace team-a active' } });
  });

  it('first() stops evaluating after the first output', () => {
    expect(compile('range(1e9)').first(null)).toBe(0);
    expect(compile('empty').first(null)).toBeUndefined();
  });

  it('exposes host variables only when declared', () => {
    const p = compile('$SECRET.token + "-" + ($WORKFLOW.instanceId | tostring)', { variables: ['SECRET', 'WORKFLOW'] });
    expect(p.first(null, { variables: { SECRET: { token: 't' }, WORKFLOW: { instanceId: 7 } } })).toBe('t-7');
    expect(() => compile('$SECRET')).toThrow(JqCompileError);
  });

  it('reports undefined functions and variables at compile time with a position', () => {
    try {
      compile('.a |\n  foo(1)');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JqCompileError);
      const err = e as JqCompileError;
      expect(err.message).toBe('foo/1 is not defined');
      expect(err.line).toBe(2);
      expect(err.column).toBe(3);
    }
    expect(() => compile('$nope')).toThrow('$nope is not defined');
    expect(() => compile('def f: bar; 1')).toThrow('bar/0 is not defined');
  });

  it('calls host functions, which shadow builtins but not user definitions', () => {
    const functions = { 'length/0': () => [99], 'twice/1': (_i: unknown, [x]: unknown[]) => [x, x] };
    const p = compile('[length, twice(1,2)]', { functions: functions as never });
    expect(p.first('abc')).toEqual([99, 1, 1, 2, 2]);
    expect(compile('def length: 5; length', { functions: functions as never }).first('abc')).toBe(5);
  });

  it('raises JqError with jq 1.6 texts, catchable by try', () => {
    expect(() => compile('.a').all(1)).toThrow('Cannot index number with string "a"');
    expect(all('try error("x") catch .')).toEqual(['x']);
    expect(all('[.[] | try if . == 2 then error("e") else . end]', [1, 2, 3])).toEqual([[1, 3]]);
  });

  it('lets try catch errors raised downstream while its body is active, as jq 1.6 does', () => {
    expect(all('(try 1) | error("after")')).toEqual([]);
    expect(all('[(try (1,2) catch .) | if . == 1 then error("x") else . end]')).toEqual([['x']]);
    // the handler's own outputs are not protected
    expect(() => compile('(try 1 catch .) | error("b")').all(null)).toThrow('b');
    // `.[]?` only suppresses its own indexing error
    expect(() => compile('[.[]? | error("z")]').all([1])).toThrow('z');
  });

  it('stops runaway programs with a limit error that try cannot catch', () => {
    expect(() => compile('def f: f; f', { limits: { maxDepth: 100 } }).all(null)).toThrow(JqLimitError);
    expect(() => compile('[range(1e9)] | length', { limits: { maxSteps: 1000 } }).all(null)).toThrow(JqLimitError);
    expect(() => compile('try repeat(.) catch 1', { limits: { maxSteps: 1000 } }).all(null)).toThrow(JqLimitError);
    expect(() => compile('last(range(1e9))', { limits: { maxSteps: 1000 } }).all(null)).toThrow(/maxSteps/);
  });

  it('turns a JavaScript stack overflow into a limit error', () => {
    const p = compile('def f: [f]; f', { limits: { maxDepth: 1e9 } });
    expect(() => p.all(null)).toThrow(JqLimitError);
  });

  it('halt and halt_error stop the program with an exit code', () => {
    expect(() => compile('1, halt, 2').all(null)).toThrow(JqHalt);
    try {
      compile('{"a":1} | halt_error(3)').all(null);
    } catch (e) {
      expect((e as JqHalt).exitCode).toBe(3);
      expect((e as JqHalt).value).toEqual({ a: 1 });
    }
  });

  it('reads input/inputs and env only from the host', () => {
    const inputs = [1, 2, 3][Symbol.iterator]();
    expect(compile('[., input, [inputs]]').first(0, { inputs })).toEqual([0, 1, [2, 3]]);
    expect(() => compile('input').all(null)).toThrow('No more inputs');
    expect(compile('$ENV.HOME').first(null)).toBeNull();
    expect(compile('env.X', { env: { X: 'y' } }).first(null)).toBe('y');
  });

  it('never mutates its input', () => {
    const input = { a: [1, 2, { b: 3 }] };
    const frozen = JSON.stringify(input);
    compile('.a[2].b = 5 | .a += [9] | del(.a[0]) | .c |= 1').all(input);
    expect(JSON.stringify(input)).toBe(frozen);
  });
});
