/**
 * Tests of value.ts against recorded jq 1.6 outputs (`jq -c`, Debian jq 1.6-2.1+deb12u1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from './ast.js';
import { dumpJson } from './json-dump.js';
import {
  codepointLength,
  codepointSlice,
  compareJson,
  compareStrings,
  equalJson,
  hasKey,
  setKey,
  sortedKeys,
  stringIndices,
  typeOf,
  utf8ByteLength,
  type JsonObject,
} from './value.js';

// Recorded with: jq -c '<program>' <<< '<input>'
const SORT_CASES: [string, string][] = [
  ["[{}, [], \"a\", 1, true, false, null]", "[null,false,true,1,\"a\",[],{}]"],
  ["[3, -1, 2.5, -0, 0, 1e300, -1e300]", "[-1e+300,-1,-0,0,2.5,3,1e+300]"],
  ["[\"b\", \"a\", \"\", \"ab\", \"aa\", \"B\", \"\u00e9\", \"z\", \"\\ue000\", \"\\ud83d\\ude00\", \"\\uffff\"]", "[\"\",\"B\",\"a\",\"aa\",\"ab\",\"b\",\"z\",\"\u00e9\",\"\ue000\",\"\uffff\",\"\ud83d\ude00\"]"],
  ["[[1,2],[1],[0,5],[],[1,1,1],[[0]],[\"a\"]]", "[[],[0,5],[1],[1,1,1],[1,2],[\"a\"],[[0]]]"],
  ["[{\"b\":1},{\"a\":2},{\"a\":1,\"b\":0},{},{\"a\":[1]},{\"a\":{}},{\"c\":0},{\"a\":1},{\"a\":null}]", "[{},{\"a\":null},{\"a\":1},{\"a\":2},{\"a\":[1]},{\"a\":{}},{\"a\":1,\"b\":0},{\"b\":1},{\"c\":0}]"],
  ["[{\"a\":1,\"b\":2},{\"b\":2,\"a\":1},{\"a\":1,\"b\":1},{\"b\":1,\"c\":1}]", "[{\"a\":1,\"b\":1},{\"a\":1,\"b\":2},{\"b\":2,\"a\":1},{\"b\":1,\"c\":1}]"],
];
const EQUAL_CASES: [string, string, boolean][] = [
  ["1", "1.0", true],
  ["0", "-0", true],
  ["\"a\"", "\"a\"", true],
  ["[1,[2]]", "[1,[2]]", true],
  ["{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}", true],
  ["{\"a\":1}", "{\"a\":1,\"b\":null}", false],
  ["null", "false", false],
  ["[]", "{}", false],
  ["1", "\"1\"", false],
  ["[1,2]", "[2,1]", false],
  ["{\"a\":{\"b\":[1]}}", "{\"a\":{\"b\":[1]}}", true],
  ["{\"a\":{\"b\":[1]}}", "{\"a\":{\"b\":[2]}}", false],
];
const LESS_CASES: [string, string, [boolean, boolean, boolean]][] = [
  ["1", "2", [true, false, false]],
  ["\"a\"", "\"b\"", [true, false, false]],
  ["\"\\ue000\"", "\"\\ud83d\\ude00\"", [true, false, false]],
  ["[1,2]", "[1]", [false, false, true]],
  ["{\"a\":2}", "{\"a\":1,\"b\":0}", [true, false, false]],
  ["{\"b\":1}", "{\"a\":5}", [false, false, true]],
  ["{\"a\":1,\"b\":2}", "{\"a\":1,\"b\":1}", [false, false, true]],
  ["null", "false", [true, false, false]],
  ["false", "true", [true, false, false]],
  ["true", "0", [true, false, false]],
  ["0", "\"\"", [true, false, false]],
  ["\"\"", "[]", [true, false, false]],
  ["[]", "{}", [true, false, false]],
  ["-0", "0", [false, true, false]],
];
const NAN_CASES: [string, string][] = [
  ["nan < 1", "true"],
  ["1 < nan", "false"],
  ["nan < nan", "true"],
  ["nan > nan", "false"],
  ["nan == nan", "false"],
  ["[nan] == [nan]", "false"],
  ["[nan] < [nan]", "true"],
  ["[1] < [nan]", "false"],
  ["[nan, 1] | sort | tojson", "\"[null,1]\""],
  ["[1, nan] | min | tojson", "\"null\""],
  ["[nan, 1] | max", "1"],
];
const KEYS_CASES: [string, string][] = [
  ["{\"b\":1,\"a\":2,\"A\":3,\"\u00e9\":4,\"\\ud83d\\ude00\":5,\"\\uffff\":6,\"\":7,\"aa\":8}", "[\"\",\"A\",\"a\",\"aa\",\"b\",\"\u00e9\",\"\uffff\",\"\ud83d\ude00\"]"],
];
const LENGTH_CASES: [string, number, number][] = [
  ["\"abc\"", 3, 3],
  ["\"\"", 0, 0],
  ["\"a\u00e9\ud83d\ude00b\"", 4, 8],
  ["\"\ud83d\ude00\ud83d\ude00\"", 2, 8],
  ["\"\\u0000x\"", 2, 2],
  ["\"\u65e5\u672c\u8a9e\"", 3, 9],
];
const SLICE_CASES: [string, number, number, string][] = [
  ["\"a\u00e9\ud83d\ude00b\"", 1, 3, "\"\u00e9\ud83d\ude00\""],
  ["\"a\u00e9\ud83d\ude00b\"", 2, 4, "\"\ud83d\ude00b\""],
  ["\"a\u00e9\ud83d\ude00b\"", 0, 10, "\"a\u00e9\ud83d\ude00b\""],
  ["\"a\u00e9\ud83d\ude00b\"", 3, 2, "\"\""],
  ["\"abc\"", 0, 0, "\"\""],
  ["\"\ud83d\ude00\ud83d\ude00\ud83d\ude00\"", 1, 2, "\"\ud83d\ude00\""],
  ["\"\"", 0, 1, "\"\""],
];
const INDICES_CASES: [string, string, string][] = [
  ["\"a\u00e9,b\"", "\",\"", "[3]"],
  ["\"a\u00e9,b,\u00e9,x\"", "\"\u00e9\"", "[1,6]"],
  ["\"a\ud83d\ude00b\ud83d\ude00\"", "\"b\"", "[5]"],
  ["\"aaa\"", "\"aa\"", "[0]"],
  ["\"abab\"", "\"aba\"", "[0]"],
  ["\"abc\"", "\"z\"", "[]"],
  ["\"\"", "\"a\"", "[]"],
  ["\"x,y,z\"", "\",\"", "[1,3]"],
];

const parse = (s: string): Json => JSON.parse(s) as Json;

describe('typeOf', () => {
  it('names every kind as jq `type` does', () => {
    expect([null, true, false, 0, NaN, '', [], {}].map(typeOf)).toEqual([
      'null', 'boolean', 'boolean', 'number', 'number', 'string', 'array', 'object',
    ]);
  });
});

describe('compareJson', () => {
  it.each(SORT_CASES)('sorts %s like jq `sort`', (input, expected) => {
    const arr = parse(input) as Json[];
    expect(dumpJson([...arr].sort(compareJson))).toBe(expected);
    expect(arr).toEqual(parse(input)); // input untouched
  });

  it.each(LESS_CASES)('orders %s against %s like jq < == >', (a, b, [lt, eq, gt]) => {
    const r = compareJson(parse(a), parse(b));
    expect([r < 0, r === 0, r > 0]).toEqual([lt, eq, gt]);
  });

  it('treats NaN as below every number, itself included (jq 1.6 `jv_cmp`)', () => {
    // NAN_CASES records jq; these are the same questions asked of compareJson/equalJson.
    const results: Record<string, string> = {
      'nan < 1': String(compareJson(NaN, 1) < 0),
      '1 < nan': String(compareJson(1, NaN) < 0),
      'nan < nan': String(compareJson(NaN, NaN) < 0),
      'nan > nan': String(compareJson(NaN, NaN) > 0),
      'nan == nan': String(equalJson(NaN, NaN)),
      '[nan] == [nan]': String(equalJson([NaN], [NaN])),
      '[nan] < [nan]': String(compareJson([NaN], [NaN]) < 0),
      '[1] < [nan]': String(compareJson([1], [NaN]) < 0),
      '[nan, 1] | sort | tojson': JSON.stringify(dumpJson([NaN, 1].sort(compareJson))),
      '[1, nan] | min | tojson': JSON.stringify(dumpJson([1, NaN].sort(compareJson)[0]!)),
      '[nan, 1] | max': dumpJson([NaN, 1].sort(compareJson)[1]!),
    };
    for (const [prog, expected] of NAN_CASES) expect([prog, results[prog]]).toEqual([prog, expected]);
  });

  it('compares strings by code point, not UTF-16 unit', () => {
    expect(compareStrings('\ue000', '\ud83d\ude00')).toBeLessThan(0);
    expect(compareStrings('\uffff', '\ud800\udc00')).toBeLessThan(0);
    expect(compareStrings('a', 'ab')).toBeLessThan(0);
    expect(compareStrings('b', 'ab')).toBeGreaterThan(0);
    expect(compareStrings('same', 'same')).toBe(0);
  });

  const json = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>;
  it('is a total order on NaN-free values (antisymmetric, transitive, consistent with ==)', () => {
    fc.assert(
      fc.property(json, json, json, (a, b, c) => {
        const ab = Math.sign(compareJson(a, b));
        expect(Math.sign(compareJson(b, a))).toBe(-ab || 0);
        expect(ab === 0).toBe(equalJson(a, b));
        if (ab <= 0 && compareJson(b, c) <= 0) expect(compareJson(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('equalJson', () => {
  it.each(EQUAL_CASES)('%s == %s', (a, b, expected) => {
    expect(equalJson(parse(a), parse(b))).toBe(expected);
  });

  it('is true for the same container even with NaN inside, as jq (identity short cut)', () => {
    const x: Json = [NaN];
    expect(equalJson(x, x)).toBe(true);
    expect(equalJson({ a: x }, { a: x })).toBe(true);
    expect(equalJson([NaN], [NaN])).toBe(false);
  });
});

describe('sortedKeys', () => {
  it.each(KEYS_CASES)('orders the keys of %s like jq `keys`', (input, expected) => {
    expect(JSON.stringify(sortedKeys(parse(input) as JsonObject))).toBe(expected);
  });
});

describe('setKey / hasKey', () => {
  it('stores __proto__ as an own key without touching the prototype', () => {
    const o: JsonObject = {};
    setKey(o, '__proto__', 1);
    setKey(o, 'a', 2);
    expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
    expect(Object.keys(o)).toEqual(['__proto__', 'a']);
    expect(hasKey(o, '__proto__')).toBe(true);
    expect(hasKey(o, 'toString')).toBe(false);
    expect(dumpJson(o)).toBe('{"__proto__":1,"a":2}');
  });
});

describe('string measures', () => {
  it.each(LENGTH_CASES)('%s has jq length %i and utf8bytelength %i', (input, length, bytes) => {
    const s = parse(input) as string;
    expect(codepointLength(s)).toBe(length);
    expect(utf8ByteLength(s)).toBe(bytes);
  });

  it('counts a lone surrogate as one code point of 3 bytes (jq stores U+FFFD)', () => {
    expect(codepointLength('a\ud800')).toBe(2);
    expect(utf8ByteLength('a\ud800')).toBe(4);
  });

  it.each(SLICE_CASES)('%s | .[%i:%i] is %s', (input, from, to, expected) => {
    expect(JSON.stringify(codepointSlice(parse(input) as string, from, to))).toBe(expected);
  });

  it.each(INDICES_CASES)('%s | indices(%s) gives UTF-8 byte offsets %s', (input, needle, expected) => {
    expect(JSON.stringify(stringIndices(parse(input) as string, parse(needle) as string))).toBe(expected);
  });

  it('gives [] for an empty needle (jq 1.6 loops forever)', () => {
    expect(stringIndices('abc', '')).toEqual([]);
  });
});
