/**
 * Tests of json-parse.ts against recorded jq 1.6 behaviour: `$t | fromjson` (FROMJSON_CASES),
 * `jq -c .` on a text (STREAM_CASES: outputs and the `parse error: ` message), and
 * `jq -c '[(tostring|.[0:10]), input_line_number]'` (LINE_CASES).
 */
import { describe, expect, it } from 'vitest';
import { JqError } from './errors.js';
import { dumpJson } from './json-dump.js';
import { JsonParseError, JsonStreamParser, parseJson, parseNumberToken } from './json-parse.js';

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
const STREAM_CASES: [string, string[], string | null][] = [
  ["1 2 {\n", ["1", "2"], "Unfinished JSON term at EOF at line 2, column 0"],
  ["1 2 [1,\n2,x]\n", ["1", "2"], "Invalid numeric literal at line 2, column 4"],
  ["\ufeff[1]", ["[1]"], null],
  ["\"\u00e9\" x", ["\"\u00e9\""], "Invalid numeric literal at EOF at line 1, column 6"],
  ["\"\u00e9\ud83d\ude00\"x ", ["\"\u00e9\ud83d\ude00\""], "Invalid numeric literal at line 1, column 10"],
  ["[1,\n\n   2", [], "Unfinished JSON term at EOF at line 3, column 4"],
  ["1]", [], "Unmatched ']' at line 1, column 2"],
  ["1,", [], "Expected value before ',' at line 1, column 2"],
  ["1:", [], "Expected string key before ':' at line 1, column 2"],
  ["\"a\":", ["\"a\""], "Expected string key before ':' at line 1, column 4"],
  ["1[2]", ["1", "[2]"], null],
  ["1{\"a\":1}", ["1", "{\"a\":1}"], null],
  ["1\"x\"", ["1", "\"x\""], null],
  ["true]", [], "Unmatched ']' at line 1, column 5"],
  ["[1]]", ["[1]"], "Unmatched ']' at line 1, column 4"],
  ["{\"a\":1}\n{\"a\":\"x\"}\n", ["{\"a\":1}", "{\"a\":\"x\"}"], null],
  ["NaN -Infinity [nan]", ["null", "-1.7976931348623157e+308"], "Invalid literal at line 1, column 19"],
  ["[NaN, 01, .5]", ["[null,1,0.5]"], null],
  ["\u001e :", [], null],
  ["\"\\ud83d\\ude00\"\"\\udc00\"\u001e.5\"\\x\"", ["\"\ud83d\ude00\"", "\"\ufffd\"", "0.5"], "Invalid escape at line 1, column 29"],
  ["1\u001e{\"\\udc00\"\u001e1e1000", ["1", "1.7976931348623157e+308"], null],
  ["\u001e\n01\"\\x\"", ["1"], "Invalid escape at line 2, column 6"],
  ["\"\n}[1,2]\u001e01", [], "Invalid numeric literal at line 2, column 7"],
  ["", [], null],
  ["   \n\t ", [], null],
  ["\"abc", [], "Unfinished string at EOF at line 1, column 4"],
  ["{\"a\":[1,2", [], "Unfinished JSON term at EOF at line 1, column 9"],
  ["[1,2]  [\"x\"]\n\n{}", ["[1,2]", "[\"x\"]", "{}"], null],
  ["\"\u0001\"", [], "Invalid string: control characters from U+0000 through U+001F must be escaped at line 1, column 3"],
  ["123", ["123"], null],
  ["[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", [], "Exceeds depth limit for parsing at line 1, column 257"],
  ["tru e", [], "Invalid literal at line 1, column 4"],
];
const LINE_CASES: [string, [string, number][]][] = [
  ["1\n2\n3", [["1", 1], ["2", 2], ["3", 2]]],
  ["[1,\n2]\n[3]", [["[1,2]", 2], ["[3]", 2]]],
  ["{\"a\":1}\n{\"a\":\"x\"}\n", [["{\"a\":1}", 1], ["{\"a\":\"x\"}", 2]]],
  ["1 2\n", [["1", 1], ["2", 1]]],
  ["1\n\n\n\"a\"", [["1", 1], ["a", 3]]],
  ["\n\n[1]\n", [["[1]", 3]]],
  ['"x"' + ' '.repeat(5000) + '1\n2', [["x", 0], ["1", 1], ["2", 1]]],
  ['"' + 'y'.repeat(5000) + '" 1\n2', [["yyyyyyyyyy", 1], ["1", 1], ["2", 1]]],
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

describe('JsonStreamParser', () => {
  it.each(STREAM_CASES)('reads %j', (text, outputs, error) => {
    const got: string[] = [];
    let err: string | null = null;
    try {
      for (const v of new JsonStreamParser(text)) got.push(dumpJson(v));
    } catch (e) {
      expect(e).toBeInstanceOf(JsonParseError);
      err = (e as JsonParseError).message;
    }
    expect({ got, err }).toEqual({ got: outputs, err: error });
  });

  it('reports the position of an error', () => {
    try {
      Array.from(new JsonStreamParser('[1,\n2,x]'));
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ line: 2, column: 4, message: 'Invalid numeric literal at line 2, column 4' });
    }
  });

  it('ends after an error', () => {
    const p = new JsonStreamParser('1 ] 2');
    expect(p.next()).toEqual({ done: false, value: 1 });
    expect(() => p.next()).toThrow("Unmatched ']' at line 1, column 3");
    expect(p.next()).toEqual({ done: true, value: undefined });
  });

  it.each(LINE_CASES)('counts input lines of %j like input_line_number', (text, expected) => {
    const p = new JsonStreamParser(text);
    const got: [string, number][] = [];
    for (const v of p) got.push([(typeof v === 'string' ? v : dumpJson(v)).slice(0, 10), p.inputLine]);
    expect(got).toEqual(expected);
  });

  it('reads large inputs through JSON.parse (a 4 MB array, 20000 NDJSON rows)', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => ({ id: i, name: `n${i}`, tags: ['a', 'é'], x: i / 3 }));
    const big = JSON.stringify(rows);
    expect([...new JsonStreamParser(big)]).toEqual([rows]);
    const nd = rows.map((r) => JSON.stringify(r)).join('\n');
    const p = new JsonStreamParser(nd);
    let n = 0;
    for (const v of p) expect(v).toEqual(rows[n++]);
    expect(n).toBe(20000);
    expect(p.inputLine).toBe(19999);
  });
});
