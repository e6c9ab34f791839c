/**
 * Tests of json-dump.ts against recorded jq 1.6 output (`jq [flags] .` on the given text).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json } from './ast.js';
import { DEPTH_MARKER, dumpJson, formatNumber, quoteString, type DumpOptions } from './json-dump.js';

const NUMBER_CASES: [string, string][] = [
  ["1.0", "1"],
  ["1e1000", "1.7976931348623157e+308"],
  ["-1e1000", "-1.7976931348623157e+308"],
  ["-0", "-0"],
  ["0", "0"],
  ["1e17", "1e+17"],
  ["1e16", "1e+16"],
  ["1e15", "1000000000000000"],
  ["1e-5", "1e-05"],
  ["0.0001", "0.0001"],
  ["0.00001234", "1.234e-05"],
  ["100000000000000000000", "1e+20"],
  ["3.14159", "3.14159"],
  ["0.30000000000000004", "0.30000000000000004"],
  ["1e300", "1e+300"],
  ["1.5e-300", "1.5e-300"],
  ["5e-324", "5e-324"],
  ["123456789012345678", "123456789012345680"],
  ["12345678901234567890123", "12345678901234568000000"],
  ["1.7976931348623157e308", "1.7976931348623157e+308"],
  ["0.1", "0.1"],
  ["1e21", "1e+21"],
  ["1e22", "1e+22"],
  ["123e-20", "1.23e-18"],
  ["1000000000000000", "1000000000000000"],
  ["10000000000000000", "1e+16"],
  ["12000000000000000", "12000000000000000"],
  ["120000000000000000", "1.2e+17"],
  ["1.5e16", "15000000000000000"],
  ["0.001", "0.001"],
  ["4.35", "4.35"],
  ["2.5e-5", "2.5e-05"],
  ["1e100", "1e+100"],
  ["-1.5", "-1.5"],
  ["999999999999999.9", "999999999999999.9"],
  ["9.999999999999999e-5", "9.999999999999999e-05"],
  ["2e-7", "2e-07"],
  ["-123.456e10", "-1234560000000"],
  ["1e-400", "0"],
  ["4.9406564584124654e-324", "5e-324"],
  ["2.2250738585072014e-308", "2.2250738585072014e-308"],
];
const DUMP_CASES: [string, DumpOptions, string][] = [
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { indent: 0 }, "{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { indent: 2 }, "{\n  \"a\": [\n    1,\n    {\n      \"b\": []\n    },\n    {}\n  ],\n  \"c\": \"x\",\n  \"d\": {\n    \"e\": null\n  }\n}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { indent: 1 }, "{\n \"a\": [\n  1,\n  {\n   \"b\": []\n  },\n  {}\n ],\n \"c\": \"x\",\n \"d\": {\n  \"e\": null\n }\n}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { indent: 7 }, "{\n       \"a\": [\n              1,\n              {\n                     \"b\": []\n              },\n              {}\n       ],\n       \"c\": \"x\",\n       \"d\": {\n              \"e\": null\n       }\n}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { indent: 'tab' }, "{\n\t\"a\": [\n\t\t1,\n\t\t{\n\t\t\t\"b\": []\n\t\t},\n\t\t{}\n\t],\n\t\"c\": \"x\",\n\t\"d\": {\n\t\t\"e\": null\n\t}\n}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { sortKeys: true }, "{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { sortKeys: true, indent: 2 }, "{\n  \"a\": [\n    1,\n    {\n      \"b\": []\n    },\n    {}\n  ],\n  \"c\": \"x\",\n  \"d\": {\n    \"e\": null\n  }\n}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { ascii: true }, "{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { ascii: true, sortKeys: true, indent: 3 }, "{\n   \"a\": [\n      1,\n      {\n         \"b\": []\n      },\n      {}\n   ],\n   \"c\": \"x\",\n   \"d\": {\n      \"e\": null\n   }\n}"],
  ["{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}", { indent: 0 }, "{\"a\":[1,{\"b\":[]},{}],\"c\":\"x\",\"d\":{\"e\":null}}"],
  ["[]", { indent: 0 }, "[]"],
  ["[]", { indent: 2 }, "[]"],
  ["[]", { indent: 1 }, "[]"],
  ["[]", { indent: 7 }, "[]"],
  ["[]", { indent: 'tab' }, "[]"],
  ["[]", { sortKeys: true }, "[]"],
  ["[]", { sortKeys: true, indent: 2 }, "[]"],
  ["[]", { ascii: true }, "[]"],
  ["[]", { ascii: true, sortKeys: true, indent: 3 }, "[]"],
  ["[]", { indent: 0 }, "[]"],
  ["{}", { indent: 0 }, "{}"],
  ["{}", { indent: 2 }, "{}"],
  ["{}", { indent: 1 }, "{}"],
  ["{}", { indent: 7 }, "{}"],
  ["{}", { indent: 'tab' }, "{}"],
  ["{}", { sortKeys: true }, "{}"],
  ["{}", { sortKeys: true, indent: 2 }, "{}"],
  ["{}", { ascii: true }, "{}"],
  ["{}", { ascii: true, sortKeys: true, indent: 3 }, "{}"],
  ["{}", { indent: 0 }, "{}"],
  ["[[],{},[[]],[{}]]", { indent: 0 }, "[[],{},[[]],[{}]]"],
  ["[[],{},[[]],[{}]]", { indent: 2 }, "[\n  [],\n  {},\n  [\n    []\n  ],\n  [\n    {}\n  ]\n]"],
  ["[[],{},[[]],[{}]]", { indent: 1 }, "[\n [],\n {},\n [\n  []\n ],\n [\n  {}\n ]\n]"],
  ["[[],{},[[]],[{}]]", { indent: 7 }, "[\n       [],\n       {},\n       [\n              []\n       ],\n       [\n              {}\n       ]\n]"],
  ["[[],{},[[]],[{}]]", { indent: 'tab' }, "[\n\t[],\n\t{},\n\t[\n\t\t[]\n\t],\n\t[\n\t\t{}\n\t]\n]"],
  ["[[],{},[[]],[{}]]", { sortKeys: true }, "[[],{},[[]],[{}]]"],
  ["[[],{},[[]],[{}]]", { sortKeys: true, indent: 2 }, "[\n  [],\n  {},\n  [\n    []\n  ],\n  [\n    {}\n  ]\n]"],
  ["[[],{},[[]],[{}]]", { ascii: true }, "[[],{},[[]],[{}]]"],
  ["[[],{},[[]],[{}]]", { ascii: true, sortKeys: true, indent: 3 }, "[\n   [],\n   {},\n   [\n      []\n   ],\n   [\n      {}\n   ]\n]"],
  ["[[],{},[[]],[{}]]", { indent: 0 }, "[[],{},[[]],[{}]]"],
  ["\"x\"", { indent: 0 }, "\"x\""],
  ["\"x\"", { indent: 2 }, "\"x\""],
  ["\"x\"", { indent: 1 }, "\"x\""],
  ["\"x\"", { indent: 7 }, "\"x\""],
  ["\"x\"", { indent: 'tab' }, "\"x\""],
  ["\"x\"", { sortKeys: true }, "\"x\""],
  ["\"x\"", { sortKeys: true, indent: 2 }, "\"x\""],
  ["\"x\"", { ascii: true }, "\"x\""],
  ["\"x\"", { ascii: true, sortKeys: true, indent: 3 }, "\"x\""],
  ["\"x\"", { indent: 0 }, "\"x\""],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { indent: 0 }, "{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { indent: 2 }, "{\n  \"b\": {\n    \"d\": 1,\n    \"c\": [\n      3,\n      {\n        \"z\": 1,\n        \"y\": 2\n      }\n    ]\n  },\n  \"a\": true\n}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { indent: 1 }, "{\n \"b\": {\n  \"d\": 1,\n  \"c\": [\n   3,\n   {\n    \"z\": 1,\n    \"y\": 2\n   }\n  ]\n },\n \"a\": true\n}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { indent: 7 }, "{\n       \"b\": {\n              \"d\": 1,\n              \"c\": [\n                     3,\n                     {\n                            \"z\": 1,\n                            \"y\": 2\n                     }\n              ]\n       },\n       \"a\": true\n}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { indent: 'tab' }, "{\n\t\"b\": {\n\t\t\"d\": 1,\n\t\t\"c\": [\n\t\t\t3,\n\t\t\t{\n\t\t\t\t\"z\": 1,\n\t\t\t\t\"y\": 2\n\t\t\t}\n\t\t]\n\t},\n\t\"a\": true\n}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { sortKeys: true }, "{\"a\":true,\"b\":{\"c\":[3,{\"y\":2,\"z\":1}],\"d\":1}}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { sortKeys: true, indent: 2 }, "{\n  \"a\": true,\n  \"b\": {\n    \"c\": [\n      3,\n      {\n        \"y\": 2,\n        \"z\": 1\n      }\n    ],\n    \"d\": 1\n  }\n}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { ascii: true }, "{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { ascii: true, sortKeys: true, indent: 3 }, "{\n   \"a\": true,\n   \"b\": {\n      \"c\": [\n         3,\n         {\n            \"y\": 2,\n            \"z\": 1\n         }\n      ],\n      \"d\": 1\n   }\n}"],
  ["{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}", { indent: 0 }, "{\"b\":{\"d\":1,\"c\":[3,{\"z\":1,\"y\":2}]},\"a\":true}"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { indent: 0 }, "[\"\u00e9\ud83d\ude00\\u0001\\u001f\\u007f\u0080/\u2028<>&\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { indent: 2 }, "[\n  \"\u00e9\ud83d\ude00\\u0001\\u001f\\u007f\u0080/\u2028<>&\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"\n]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { indent: 1 }, "[\n \"\u00e9\ud83d\ude00\\u0001\\u001f\\u007f\u0080/\u2028<>&\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"\n]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { indent: 7 }, "[\n       \"\u00e9\ud83d\ude00\\u0001\\u001f\\u007f\u0080/\u2028<>&\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"\n]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { indent: 'tab' }, "[\n\t\"\u00e9\ud83d\ude00\\u0001\\u001f\\u007f\u0080/\u2028<>&\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"\n]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { sortKeys: true }, "[\"\u00e9\ud83d\ude00\\u0001\\u001f\\u007f\u0080/\u2028<>&\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { sortKeys: true, indent: 2 }, "[\n  \"\u00e9\ud83d\ude00\\u0001\\u001f\\u007f\u0080/\u2028<>&\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"\n]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { ascii: true }, "[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { ascii: true, sortKeys: true, indent: 3 }, "[\n   \"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"\n]"],
  ["[\"\\u00e9\\ud83d\\ude00\\u0001\\u001f\\u007f\\u0080/\\u2028<>&\\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]", { indent: 0 }, "[\"\u00e9\ud83d\ude00\\u0001\\u001f\\u007f\u0080/\u2028<>&\u00a0\\b\\f\\t\\r\\n\\\"\\\\\"]"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { indent: 0 }, "{\"\u00e9\":\"\ud83d\ude00\",\"k\\n\":[1e-07,-0,1e+17]}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { indent: 2 }, "{\n  \"\u00e9\": \"\ud83d\ude00\",\n  \"k\\n\": [\n    1e-07,\n    -0,\n    1e+17\n  ]\n}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { indent: 1 }, "{\n \"\u00e9\": \"\ud83d\ude00\",\n \"k\\n\": [\n  1e-07,\n  -0,\n  1e+17\n ]\n}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { indent: 7 }, "{\n       \"\u00e9\": \"\ud83d\ude00\",\n       \"k\\n\": [\n              1e-07,\n              -0,\n              1e+17\n       ]\n}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { indent: 'tab' }, "{\n\t\"\u00e9\": \"\ud83d\ude00\",\n\t\"k\\n\": [\n\t\t1e-07,\n\t\t-0,\n\t\t1e+17\n\t]\n}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { sortKeys: true }, "{\"k\\n\":[1e-07,-0,1e+17],\"\u00e9\":\"\ud83d\ude00\"}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { sortKeys: true, indent: 2 }, "{\n  \"k\\n\": [\n    1e-07,\n    -0,\n    1e+17\n  ],\n  \"\u00e9\": \"\ud83d\ude00\"\n}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { ascii: true }, "{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-07,-0,1e+17]}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { ascii: true, sortKeys: true, indent: 3 }, "{\n   \"k\\n\": [\n      1e-07,\n      -0,\n      1e+17\n   ],\n   \"\\u00e9\": \"\\ud83d\\ude00\"\n}"],
  ["{\"\\u00e9\":\"\\ud83d\\ude00\",\"k\\n\":[1e-7,-0,1e17]}", { indent: 0 }, "{\"\u00e9\":\"\ud83d\ude00\",\"k\\n\":[1e-07,-0,1e+17]}"],
];

describe('formatNumber', () => {
  it.each(NUMBER_CASES)('prints %s as %s', (input, expected) => {
    const n = input === '-0' ? -0 : Number(input);
    expect(formatNumber(n)).toBe(expected);
  });

  it('prints NaN as null and clamps infinities (jq -n "nan, infinite, -infinite")', () => {
    expect([NaN, Infinity, -Infinity].map(formatNumber)).toEqual(['null', '1.7976931348623157e+308', '-1.7976931348623157e+308']);
  });

  it('always round-trips finite numbers', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(Number(formatNumber(x)), x)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dumpJson', () => {
  it.each(DUMP_CASES)('prints %s with %o like jq', (input, opts, expected) => {
    const v = JSON.parse(input) as Json;
    if (input.includes('"k\\n"')) (v as { [k: string]: Json[] })['k\n']![1] = -0; // JSON.parse loses -0
    expect(dumpJson(v, opts)).toBe(expected);
  });

  it('cuts values inside more than 256 containers (jq: reduce range(n) as $i (0; [.]) | tojson)', () => {
    let v: Json = 0;
    for (let i = 0; i < 256; i++) v = [v];
    expect(dumpJson(v)).toBe('['.repeat(256) + '0' + ']'.repeat(256));
    expect(dumpJson([v])).toBe('['.repeat(257) + DEPTH_MARKER + ']'.repeat(257));
    let o: Json = {};
    for (let i = 0; i < 257; i++) o = { a: o };
    expect(dumpJson(o)).toBe('{"a":'.repeat(256) + '{"a":' + DEPTH_MARKER + '}'.repeat(257));
    expect(dumpJson([v], { indent: 1 })).toContain(DEPTH_MARKER);
  });

  it('prints __proto__ own keys and keeps insertion order', () => {
    const o = JSON.parse('{"b":1,"__proto__":2,"a":3}') as Json;
    expect(dumpJson(o)).toBe('{"b":1,"__proto__":2,"a":3}');
    expect(dumpJson(o, { sortKeys: true })).toBe('{"__proto__":2,"a":3,"b":1}');
  });

  it('prints lone surrogates (which jq strings cannot hold) as U+FFFD', () => {
    expect(dumpJson(['a\ud800', '\udc00b'])).toBe('["a\ufffd","\ufffdb"]');
    expect(dumpJson(['a\ud800'], { ascii: true })).toBe('["a\\ufffd"]');
  });

  it('lays out ordinary documents as JSON.stringify does (same indentation rules as jq)', () => {
    const doc = fc.jsonValue({ maxDepth: 4 }).filter((v) => plain(v));
    fc.assert(
      fc.property(doc, fc.constantFrom<number | 'tab'>(0, 1, 2, 4, 'tab'), (v, indent) => {
        const expected = JSON.stringify(v, null, indent === 'tab' ? '\t' : indent);
        expect(dumpJson(v as Json, { indent })).toBe(expected);
        expect(dumpJson(v as Json, { indent, sortKeys: true }).length).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });
});

/** Documents whose numbers and strings JS and jq print alike. */
function plain(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e15 && !Object.is(v, -0);
  if (typeof v === 'string') return !/[\u007f\ud800-\udfff]/.test(v);
  if (typeof v === 'object' && v !== null) return Object.entries(v).every(([k, x]) => plain(k) && plain(x));
  return true;
}

describe('quoteString', () => {
  it('escapes like jq: control characters, DEL, quotes and backslashes; not "/"', () => {
    expect(quoteString('a"b\\c/\u0000\u001f\u007f\u0080')).toBe('"a\\"b\\\\c/\\u0000\\u001f\\u007f\u0080"');
    expect(quoteString('é😀', true)).toBe('"\\u00e9\\ud83d\\ude00"');
  });
});
