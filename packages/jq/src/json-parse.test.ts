/**
 * Tests of json-parse.ts against recorded jq 1.6 behaviour: `$t | fromjson` (FROMJSON_CASES).
 */
import { describe, expect, it } from 'vitest';
import { JqError } from './errors.js';
import { dumpJson } from './json-dump.js';
import { parseJson } from './json-parse.js';
import { parseNumberToken } from './jv-parser.js';

const FROMJSON_CASES: [string, { out: string } | { error: string }][] = [
  ["nan", { error: "Invalid literal at EOF at line 1, column 3 (while parsing 'nan')" }],
  ["NaN", { out: "null" }],
  ["-nan", { out: "null" }],
  ["Infinity", { out: "1.7976931348623157e+308" }],
  ["-Infinity", { out: "-1.7976931348623157e+308" }],
  ["infinity", { out: "1.7976931348623157e+308" }],
  ["inf", { out: "1.7976931348623157e+308" }],
  ["INF", { out: "1.7976931348623157e+308" }],
  ["infin", { error: "Invalid numeric literal at EOF at line 1, column 5 (while parsing 'infin')" }],
  ["0x10", { error: "Invalid numeric literal at EOF at line 1, column 4 (while parsing '0x10')" }],
  [".5", { out: "0.5" }],
  ["1.", { out: "1" }],
  ["+1", { out: "1" }],
  ["01", { out: "1" }],
  ["00", { out: "0" }],
  ["-0", { out: "-0" }],
  ["1e5x", { error: "Invalid numeric literal at EOF at line 1, column 4 (while parsing '1e5x')" }],
  ["1e1000", { out: "1.7976931348623157e+308" }],
  ["-1e1000", { out: "-1.7976931348623157e+308" }],
  ["1e-400", { out: "0" }],
  ["", { error: "Expected JSON value (while parsing '')" }],
  [" ", { error: "Expected JSON value (while parsing ' ')" }],
  ["  1  ", { out: "1" }],
  ["1 2", { error: "Unexpected extra JSON values (while parsing '1 2')" }],
  ["[1] x", { error: "Invalid numeric literal at EOF at line 1, column 5 (while parsing '[1] x')" }],
  ["1 ]", { error: "Unmatched ']' at line 1, column 3 (while parsing '1 ]')" }],
  ["[1 2]", { error: "Expected separator between values at line 1, column 5 (while parsing '[1 2]')" }],
  ["truefalse", { error: "Invalid literal at EOF at line 1, column 9 (while parsing 'truefalse')" }],
  ["nul", { error: "Invalid literal at EOF at line 1, column 3 (while parsing 'nul')" }],
  ["true", { out: "true" }],
  ["{\"a\":1,}", { error: "Expected another key-value pair at line 1, column 8 (while parsing '{\"a\":1,}')" }],
  ["[1,]", { error: "Expected another array element at line 1, column 4 (while parsing '[1,]')" }],
  ["{\"a\"}", { error: "Objects must consist of key:value pairs at line 1, column 5 (while parsing '{\"a\"}')" }],
  ["{\"a\":}", { error: "Unmatched '}' at line 1, column 6 (while parsing '{\"a\":}')" }],
  ["{1:2}", { error: "Object keys must be strings at line 1, column 3 (while parsing '{1:2}')" }],
  ["\"\\ud800\"", { error: "Invalid \\uXXXX\\uXXXX surrogate pair escape at line 1, column 8 (while parsing '\"\\ud800\"')" }],
  ["\"\\udc00x\"", { out: "\"\ufffdx\"" }],
  ["\"\\ud800\\u0041\"", { error: "Invalid \\uXXXX\\uXXXX surrogate pair escape at line 1, column 14 (while parsing '\"\\ud800\\u0041\"')" }],
  ["\"\\ud83d\\ude00\"", { out: "\"\ud83d\ude00\"" }],
  ["\"a\\u0000b\"", { out: "\"a\\u0000b\"" }],
  ["\"\\x\"", { error: "Invalid escape at line 1, column 4 (while parsing '\"\\x\"')" }],
  ["\"abc", { error: "Unfinished string at EOF at line 1, column 4 (while parsing '\"abc')" }],
  ["[", { error: "Unfinished JSON term at EOF at line 1, column 1 (while parsing '[')" }],
  ["{", { error: "Unfinished JSON term at EOF at line 1, column 1 (while parsing '{')" }],
  ["]", { error: "Unmatched ']' at line 1, column 1 (while parsing ']')" }],
  ["}", { error: "Unmatched '}' at line 1, column 1 (while parsing '}')" }],
  [":", { error: "Expected string key before ':' at line 1, column 1 (while parsing ':')" }],
  [",", { error: "Expected value before ',' at line 1, column 1 (while parsing ',')" }],
  ["[1:2]", { error: "':' not as part of an object at line 1, column 3 (while parsing '[1:2]')" }],
  ["{\"a\",1}", { error: "Objects must consist of key:value pairs at line 1, column 5 (while parsing '{\"a\",1}')" }],
  ["@", { error: "Invalid numeric literal at EOF at line 1, column 1 (while parsing '@')" }],
  ["\"\\u12\"", { error: "Invalid \\uXXXX escape at line 1, column 6 (while parsing '\"\\u12\"')" }],
  ["\"\\u12zz\"", { error: "Invalid characters in \\uXXXX escape at line 1, column 8 (while parsing '\"\\u12zz\"')" }],
  ["1e", { error: "Invalid numeric literal at EOF at line 1, column 2 (while parsing '1e')" }],
  ["-", { error: "Invalid numeric literal at EOF at line 1, column 1 (while parsing '-')" }],
  ["- 1", { error: "Invalid numeric literal at line 1, column 2 (while parsing '- 1')" }],
  ["1E+2", { out: "100" }],
  ["1e+", { error: "Invalid numeric literal at EOF at line 1, column 3 (while parsing '1e+')" }],
  ["[1]2", { error: "Unexpected extra JSON values (while parsing '[1]2')" }],
  ["\"a\"\"b\"", { error: "Unexpected extra JSON values (while parsing '\"a\"\"b\"')" }],
  ["{\"a\":1}{\"b\":2}", { error: "Unexpected extra JSON values (while parsing '{\"a\":1}{\"b\":2}')" }],
  ["\"\\/\"", { out: "\"/\"" }],
  ["{\"a\":1,\"a\":2,\"b\":3}", { out: "{\"a\":2,\"b\":3}" }],
  ["[1,[2,[3,{\"x\":null}]]]", { out: "[1,[2,[3,{\"x\":null}]]]" }],
  ["\u000b1", { out: "1" }],
  ["1\u000b", { error: "Invalid numeric literal at EOF at line 1, column 2 (while parsing '1\u000b')" }],
  ["\"\u0001\"", { error: "Invalid string: control characters from U+0000 through U+001F must be escaped at line 1, column 3 (while parsing '\"\u0001\"')" }],
  ["\"\u001f\"", { out: "\"\\u001f\"" }],
  ["\"\u001e\"", { error: "Expected JSON value (while parsing '\"\u001e\"')" }],
  ["\"\\\\u0001\"", { out: "\"\\\\u0001\"" }],
  ["\ufeff[1]", { out: "[1]" }],
  ["{\"__proto__\":1}", { out: "{\"__proto__\":1}" }],
  [" \t\r\n{\"a\" : [ true , false , null ] }\n", { out: "{\"a\":[true,false,null]}" }],
  ["NaN(1)", { error: "Invalid numeric literal at EOF at line 1, column 6 (while parsing 'NaN(1)')" }],
  ["\"\\t\"", { out: "\"\\t\"" }],
  ['['.repeat(257) + ']'.repeat(257), { error: `Exceeds depth limit for parsing at line 1, column 257 (while parsing '${'['.repeat(257) + ']'.repeat(257)}')` }],
  ['['.repeat(256) + ']'.repeat(256), { out: '['.repeat(256) + ']'.repeat(256) }],
  ['{"a":'.repeat(128) + '1' + '}'.repeat(128), { out: '{"a":'.repeat(128) + '1' + '}'.repeat(128) }],
  ['{"a":'.repeat(129) + '1' + '}'.repeat(129), { error: `Exceeds depth limit for parsing at line 1, column 641 (while parsing '${'{"a":'.repeat(129) + '1' + '}'.repeat(129)}')` }],
  ["\"\\uD83D\\uDE00\"", { out: "\"\ud83d\ude00\"" }],
  ["\"\\uDFFF\"", { out: "\"\ufffd\"" }],
];
describe('parseJson (fromjson)', () => {
  it.each(FROMJSON_CASES)('parses %j', (text, expected) => {
    let got: { out: string } | { error: string };
    try {
      got = { out: dumpJson(parseJson(text)) };
    } catch (e) {
      expect(e).toBeInstanceOf(JqError);
      got = { error: (e as JqError).message };
    }
    expect(got).toEqual(expected);
  });

  it('keeps __proto__ as an own key and NaN as NaN', () => {
    const v = parseJson('{"__proto__": [NaN]}') as { [k: string]: unknown };
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.keys(v)).toEqual(['__proto__']);
    expect(Number.isNaN((v['__proto__'] as number[])[0])).toBe(true);
  });

  it('cuts the quoted text at a NUL in the message, as jq prints a C string', () => {
    // jq -n '"1 x\u0000y" | try fromjson catch .'
    expect(() => parseJson('1 x\u0000y')).toThrow("Invalid numeric literal at EOF at line 1, column 5 (while parsing '1 x')");
  });
});

describe('parseNumberToken', () => {
  it("reads numbers as jq's strtod does", () => {
    expect(['1', '-0', '+1', '.5', '1.', '01', '1E+2', '\u000b7', 'INF', '-Infinity'].map(parseNumberToken)).toEqual([
      1, -0, 1, 0.5, 1, 1, 100, 7, Infinity, -Infinity,
    ]);
    expect(Number.isNaN(parseNumberToken('NaN'))).toBe(true);
    expect(['1e', '-', '0x10', 'infin', '1_0', '', '- 1', '7\u000b'].map(parseNumberToken)).toEqual(Array(8).fill(undefined));
  });
});
