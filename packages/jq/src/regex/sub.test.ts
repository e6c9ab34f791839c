// sub and gsub: recorded from jq 1.6 with every arity and kind of flags, replacements with several,
// zero or non-string outputs, the lazy order of outputs and errors, and where we diverge on purpose.
import { describe, expect, it } from 'vitest';
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { sub, subIterate, type Replacement } from './sub.js';

const field = (c: Json, k: string): Json => (c as Record<string, Json>)[k] ?? null;
const text = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** The replacement filters of the recorded cases, by index, and what they do here. */
const REPLACEMENTS: [string, Replacement][] = [
  ['"X"', () => ['X']],
  ['.x', (c) => [field(c, 'x')]],
  ['"<\\(.x)>"', (c) => [`<${text(field(c, 'x'))}>`]],
  ['("1","2")', () => ['1', '2']],
  ['empty', () => []],
  ['1', () => [1]],
  ['null', () => [null]],
  ['{}', () => [{}]],
  ['("a",1)', () => ['a', 1]],
  ['(.x|ascii_upcase)', (c) => [(field(c, 'x') as string).toUpperCase()]],
  ['"\\(.)"', (c) => [JSON.stringify(c)]],
];

/** [sub2/sub3/gsub2/gsub3, input, regex, replacement index, flags (sub3/gsub3), jq 1.6's outputs or {error}] */
type Case = [string, Json, Json, number, Json, Json];

/**
 * Recorded with `$in | try [sub($re; R)] catch {error: .}` and the other forms. gsub on patterns
 * that match empty in the middle of the string is left out: jq 1.6 never finishes those.
 */
const RECORDED: Case[] = [
  ["sub2", "a,b, c", ", ", 0, null, ["a,bXc"]],
  ["sub2", "abcdef", "^(?<head>.)", 10, null, ["{\"head\":\"a\"}bcdef"]],
  ["sub2", "abc", "b", 3, null, ["a1c","a2c"]],
  ["sub2", "abc", "b", 4, null, []],
  ["sub2", "abc", "b", 5, null, {"error":"string (\"a\") and number (1) cannot be added"}],
  ["sub2", "abcdefghijklmnop", "p", 5, null, {"error":"string (\"abcdefghij...) and number (1) cannot be added"}],
  ["sub2", "abc", "b", 6, null, ["ac"]],
  ["sub2", "abc", "b", 7, null, {"error":"string (\"a\") and object ({}) cannot be added"}],
  ["sub2", "abc", "", 0, null, ["Xabc"]],
  ["sub2", "abc", "x", 0, null, ["abc"]],
  ["sub2", "abc", ["B","gi"], 0, null, ["aXc"]],
  ["sub2", "abc", 1, 0, null, {"error":"number not a string or array"}],
  ["sub2", 1, "b", 0, null, {"error":"number (1) cannot be matched, as it is not a string"}],
  ["sub2", "’", "(?<x>.)", 2, null, ["<’>"]],
  ["sub2", "aBc", "(?<x>b)", 9, null, ["aBc"]],
  ["sub2", "abc", "(?<x>b)", 8, null, {"error":"string (\"a\") and number (1) cannot be added"}],
  ["gsub2", "a,b, c, d, e,f", ", ", 0, null, ["a,bXcXdXe,f"]],
  ["gsub2", "a1b2", "(?<d>\\d)", 2, null, ["a<null>b<null>"]],
  ["gsub2", "aaaaa", "a", 0, null, ["XXXXX"]],
  ["gsub2", "Abcabc", "(?<x>.)[^a]*", 2, null, ["<A><a>"]],
  ["gsub2", "aXbX", "X", 3, null, ["a1b1","a2b1","a1b2","a2b2"]],
  ["gsub2", "aXbX", "X", 4, null, []],
  ["gsub2", "aXbX", "X", 5, null, {"error":"string (\"b\") and number (1) cannot be added"}],
  ["gsub2", "aXbXcX", "X", 8, null, {"error":"string (\"a\") and number (1) cannot be added"}],
  ["gsub2", "aaa", "^a", 0, null, ["XXX"]],
  ["gsub2", "abc", "$", 0, null, ["abcX"]],
  ["gsub2", "abc", "(?<=a)", 0, null, ["aXbc"]],
  ["gsub2", "", "(.*)", 0, null, ["X"]],
  ["gsub2", "é😀é", "é", 0, null, ["X😀X"]],
  ["gsub2", "abcabc", "b(?=c)", 0, null, ["aXcaXc"]],
  ["gsub2", "ab", "\\Gb", 0, null, ["ab"]],
  ["sub3", "abab", "a", 0, "g", ["XbXb"]],
  ["sub3", "abAb", "a", 0, "i", ["XbAb"]],
  ["sub3", "abAb", "a", 0, "gi", ["XbXb"]],
  ["sub3", "abc", "b", 0, null, ["aXc"]],
  ["sub3", "abc", "b", 0, 1, {"error":"Cannot index number with string \"g\""}],
  ["sub3", "abc", "b", 0, true, {"error":"Cannot index boolean with string \"g\""}],
  ["sub3", "abc", "b", 0, {}, {"error":"object ({}) is not a string"}],
  ["sub3", "abc", "b", 0, ["g"], {"error":"explode input must be a string"}],
  ["sub3", "abc", "b", 0, [], {"error":"array ([]) is not a string"}],
  ["sub3", "abc", "b", 0, "q", {"error":"q is not a valid modifier string"}],
  ["sub3", "abc", "b", 0, "gq", {"error":"q is not a valid modifier string"}],
  ["sub3", "abc", ["b"], 0, "", {"error":"array ([\"b\"]) is not a string"}],
  ["sub3", "abc", "b", 0, {"g":[1]}, {"error":"explode input must be a string"}],
  ["sub3", "abc", "b", 0, {"g":"x"}, {"error":"Cannot index string with number"}],
  ["sub3", "a b", "a b", 0, "x", ["a b"]],
  ["gsub3", "aAbB", "a", 0, "i", ["XXbB"]],
  ["gsub3", "abc", "b", 0, null, ["aXc"]],
  ["gsub3", "abc", "b", 0, 1, {"error":"number (1) and string (\"g\") cannot be added"}],
  ["gsub3", "abc", "b", 0, [], {"error":"array ([]) and string (\"g\") cannot be added"}],
  ["gsub3", "abc", "b", 0, "", ["aXc"]],
  ["gsub3", "a\nb", "^.", 0, null, ["X\nb"]],
  ["gsub3", "xaxbx", "x", 3, "g", ["1a1b1","2a1b1","1a2b1","2a2b1","1a1b2","2a1b2","1a2b2","2a2b2"]],
];

function run(kind: string, input: Json, re: Json, replacement: Replacement, flags: Json): Json {
  try {
    const given = kind.endsWith('3') ? flags : undefined;
    return sub(input, re, given, replacement, kind.startsWith('g'));
  } catch (err) {
    if (err instanceof JqError) return { error: err.value };
    throw err;
  }
}

describe('sub/gsub: recorded from jq 1.6', () => {
  it.each(RECORDED)('%s on %j with %j, replacement #%d, flags %j', (kind, input, re, r, flags, expected) => {
    expect(JSON.stringify(run(kind, input, re, REPLACEMENTS[r]![1], flags))).toBe(JSON.stringify(expected));
  });
});

/** A replacement that yields `values` in turn, throwing `error(v)` for an `{error: v}` entry. */
function* outputs(values: Json[]): Generator<Json> {
  for (const v of values) {
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && 'error' in v) throw new JqError(v.error!);
    yield v;
  }
}

/** Collects outputs until an error, like `try ... catch .`. */
function collect(gen: Iterable<Json>): Json[] {
  const out: Json[] = [];
  try {
    for (const v of gen) out.push(v);
  } catch (err) {
    if (!(err instanceof JqError)) throw err;
    out.push(err.value);
  }
  return out;
}

describe('sub/gsub: outputs before an error come first (jackson-jq jq-test-extra-ok.json, checked with jq 1.6)', () => {
  it('try ("abcabc" | sub("a"; "1", "2", error("bar"); "g")) catch .', () => {
    const repl = (): Iterable<Json> => outputs(['1', '2', { error: 'bar' }]);
    expect(collect(subIterate('abcabc', 'a', 'g', repl, false))).toEqual(['1bc1bc', '2bc1bc', 'bar']);
  });

  it('runs a flags filter twice, nested, like 1.6 (`flags | index("g")`, then `flags | subg`)', () => {
    // "abcabc" | sub("a"; "1", "2"; "", "g")
    const flags = (): Iterable<Json> => ['', 'g'];
    expect(sub('abcabc', 'a', flags, () => ['1', '2'], false)).toEqual([
      '1bcabc', '2bcabc', '1bcabc', '2bcabc', '1bc1bc', '2bc1bc', '1bc2bc', '2bc2bc', '1bc1bc', '2bc1bc', '1bc2bc', '2bc2bc',
    ]);
  });

  it('raises an error of the flags filter when it is reached', () => {
    // try ("abcabc" | sub("a"; "1", "2"; "", "g", error("baz"))) catch .
    const flags = (): Iterable<Json> => outputs(['', 'g', { error: 'baz' }]);
    expect(collect(subIterate('abcabc', 'a', flags, () => ['1', '2'], false))).toEqual([
      '1bcabc', '2bcabc', '1bcabc', '2bcabc', 'baz',
    ]);
  });

  it('"gg" | sub("g"; "1"; .)', () => {
    expect(sub('gg', 'g', 'gg', () => ['1'], false)).toEqual(['11']);
  });

  it('re-runs an earlier match\'s replacement for each output of the later ones', () => {
    let calls = 0;
    const repl: Replacement = () => {
      calls++;
      return ['1', '2'];
    };
    expect(sub('aXbXcX', 'X', undefined, repl, true)).toHaveLength(8);
    expect(calls).toBe(1 + 2 + 4);
  });

  it('handles thousands of matches without deep recursion', () => {
    expect(sub('ab'.repeat(20000), 'a', undefined, () => ['x'], true)).toEqual(['xb'.repeat(20000)]);
  });
});

describe('gsub: where jq 1.6 loops forever (docs/regex-differences.md)', () => {
  it.each([
    ['abc', '', '-a-b-c'],
    ['abc', 'x*', '-a-b-c'],
    ['xbc', 'x*', '--b-c'],
    ['abc', '(?=c)', 'ab-c'],
    ['abcc', '(?=c)', 'ab-c-c'],
    ['abc', '^', '-a-b-c'],
    ['é😀', '', '-é-😀'],
  ])('%j | gsub(%j; "-")', (input, re, expected) => {
    expect(sub(input, re, undefined, () => ['-'], true)).toEqual([expected]);
  });
});
