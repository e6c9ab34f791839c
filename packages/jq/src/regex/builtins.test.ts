// The jq-level regex builtins (test, match, capture, scan, split/2, splits) with every arity, argument
// kind and error, recorded from jq 1.6 with `$in | try [<builtin>] catch {error: .}`.
import { describe, expect, it } from 'vitest';
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { capture, match, scan, splitRegex, splits, test } from './builtins.js';

/** [builtin and arity, input, regex argument, flags argument (unused for arity 1), jq 1.6's outputs or {error}] */
type Case = [string, Json, Json, Json, Json];

const RECORDED: Case[] = [
  ["test1", "foo", "foo", null, [true]],
  ["test1", "xabcd", ["a b c # spaces are ignored","ix"], null, [true]],
  ["test1", "Foobar", ["foo","i"], null, [true]],
  ["test1", "baz", ["foo","i"], null, [false]],
  ["test1", "a", ["a"], null, [true]],
  ["test1", "a", [], null, {"error":"array not a string or array"}],
  ["test1", "a", {}, null, {"error":"object not a string or array"}],
  ["test1", "a", 1, null, {"error":"number not a string or array"}],
  ["test1", "a", null, null, {"error":"null not a string or array"}],
  ["test1", 1, "a", null, {"error":"number (1) cannot be matched, as it is not a string"}],
  ["test1", 1, 1, null, {"error":"number not a string or array"}],
  ["test1", "a", ["a",1], null, {"error":"number (1) is not a string"}],
  ["test1", "a", [1], null, {"error":"number (1) is not a string"}],
  ["test1", "a", ["A","i","x"], null, [true]],
  ["test2", "ABC", "b", "i", [true]],
  ["test2", "a", ["a"], null, {"error":"array ([\"a\"]) is not a string"}],
  ["test2", "a", "a", "gq", {"error":"gq is not a valid modifier string"}],
  ["test2", "a", "a", 1, {"error":"number (1) is not a string"}],
  ["test2", "a\nb", "a.b", "p", [true]],
  ["test2", "aB", "a(?i)b", null, [true]],
  ["match1", "foo bar foo", "foo", null, [{"offset":0,"length":3,"string":"foo","captures":[]}]],
  ["match1", "foo bar FOO", ["foo","ig"], null, [{"offset":0,"length":3,"string":"foo","captures":[]},{"offset":8,"length":3,"string":"FOO","captures":[]}]],
  ["match1", "abc", ["(b)","gx"], null, [{"offset":1,"length":1,"string":"b","captures":[{"offset":1,"length":1,"string":"b","name":null}]}]],
  ["match1", "a", 1, null, {"error":"number not a string or array"}],
  ["match2", "abc abc", "(abc)+", "g", [{"offset":0,"length":3,"string":"abc","captures":[{"offset":0,"length":3,"string":"abc","name":null}]},{"offset":4,"length":3,"string":"abc","captures":[{"offset":4,"length":3,"string":"abc","name":null}]}]],
  ["match2", "foo bar foo foo  foo", "foo (?<bar123>bar)? foo", "ig", [{"offset":0,"length":11,"string":"foo bar foo","captures":[{"offset":4,"length":3,"string":"bar","name":"bar123"}]},{"offset":12,"length":8,"string":"foo  foo","captures":[{"offset":-1,"string":null,"length":0,"name":"bar123"}]}]],
  ["match2", "test 😀 x", "\\S+", "g", [{"offset":0,"length":4,"string":"test","captures":[]},{"offset":5,"length":1,"string":"😀","captures":[]},{"offset":7,"length":1,"string":"x","captures":[]}]],
  ["match2", "a", "(?<x>b)?a", null, [{"offset":0,"length":1,"string":"a","captures":[{"offset":-1,"string":null,"length":0,"name":"x"}]}]],
  ["capture1", "xyzzy-14", "(?<a>[a-z]+)-(?<n>[0-9]+)", null, [{"a":"xyzzy","n":"14"}]],
  ["capture1", "a", ["(?<x>a)|(?<x>b)"], null, [{"x":null}]],
  ["capture1", "b", ["(?<x>a)|(?<x>b)"], null, [{"x":"b"}]],
  ["capture1", "ab", ["(?<x>.)","g"], null, [{"x":"a"},{"x":"b"}]],
  ["capture1", "ab", "(.)(?<y>.)", null, [{"y":"b"}]],
  ["capture2", "ab cd", "(?<l>[a-z])(?<r>[a-z])", "g", [{"l":"a","r":"b"},{"l":"c","r":"d"}]],
  ["capture2", "", "(?<x>a)?", null, [{}]],
  ["capture2", "b", "(?<x>a*)", null, [{}]],
  ["scan1", "a,b, c, d, e,f", ", ", null, [", ",", ",", "]],
  ["scan1", "abab", "(a)(b)", null, [["a","b"],["a","b"]]],
  ["scan1", "abc", "x*", null, ["","",""]],
  ["scan1", "abc", ["b"], null, {"error":"array ([\"b\"]) is not a string"}],
  ["scan1", "test 123 45", "\\d+", null, ["123","45"]],
  ["scan1", "a1b2", "(?<l>[a-z])(\\d)?", null, [["a","1"],["b","2"]]],
  ["split2", "ab,cd, ef", ", *", null, [["ab","cd","ef"]]],
  ["split2", "ab", "$", null, [["ab","",""]]],
  ["split2", "abc", "", null, [["","a","b","c"]]],
  ["split2", "a1b22c", "\\d+", "g", [["a","b","c"]]],
  ["split2", "a", "a", 1, {"error":"string (\"g\") and number (1) cannot be added"}],
  ["split2", "aXbxc", "x", "i", [["a","b","c"]]],
  ["splits1", "ab,cd, ef", ", *", null, ["ab","cd","ef"]],
  ["splits1", "é😀,x", ",", null, ["é😀","x"]],
  ["splits1", 1, ",", null, {"error":"number (1) cannot be matched, as it is not a string"}],
  ["splits2", "aXbxc", "x", "gi", ["a","b","c"]],
  ["splits2", "abc", "b", {}, {"error":"string (\"g\") and object ({}) cannot be added"}],
];

function run(kind: string, input: Json, re: Json, flags: Json): Json {
  try {
    switch (kind) {
      case 'test1':
        return [test(input, re)];
      case 'test2':
        return [test(input, re, flags)];
      case 'match1':
        return match(input, re);
      case 'match2':
        return match(input, re, flags);
      case 'capture1':
        return capture(input, re);
      case 'capture2':
        return capture(input, re, flags);
      case 'scan1':
        return scan(input, re);
      case 'split2':
        return [splitRegex(input, re, flags)];
      case 'splits1':
        return splits(input, re);
      case 'splits2':
        return splits(input, re, flags);
    }
  } catch (err) {
    if (err instanceof JqError) return { error: err.value };
    throw err;
  }
  throw new Error(`unknown kind ${kind}`);
}

describe('regex builtins: recorded from jq 1.6', () => {
  it.each(RECORDED)('%s on %j with %j, %j', (kind, input, re, flags, expected) => {
    expect(JSON.stringify(run(kind, input, re, flags))).toBe(JSON.stringify(expected));
  });
});

describe('capture', () => {
  it('stores a group named __proto__ as an own key', () => {
    const [obj] = capture('a', '(?<__proto__>a)') as [Record<string, Json>];
    expect(Object.keys(obj)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
  });
});

describe('scan with flags (jq 1.7; jq 1.6 has no scan/2)', () => {
  it('is match(re; "g" + flags)', () => {
    expect(scan('aAbB', 'a', 'i')).toEqual(['a', 'A']);
    expect(scan('aAbB', 'a', null)).toEqual(['a']);
    expect(() => scan('a', 'a', 1)).toThrow('string ("g") and number (1) cannot be added');
  });
});
