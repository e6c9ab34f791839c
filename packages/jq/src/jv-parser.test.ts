// jq 1.6's JSON text parser, ported: every case's output and message were recorded from
// /usr/bin/jq 1.6 running `jq -c .` (or `jq -c --seq .`) on the bytes shown as standard input,
// so they go through InputReader as in the CLI.
import { describe, expect, it } from 'vitest';
import { dumpJson } from './json-dump.js';
import { InputReader } from './cli/input-reader.js';
import { parseAllJson, parseOneJson } from './cli/json-texts.js';
import { JvParser } from './jv-parser.js';
import { encodeString } from './utf8.js';

function hex(h: string): Uint8Array {
  return Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

/** What `jq -c .` prints for these bytes as its standard input: [stdout, stderr]. */
function jqCompact(input: string | Uint8Array, seq: boolean): [string, string] {
  const bytes = typeof input === 'string' ? encodeString(input) : input;
  const reader = new InputReader({
    files: [], open: () => ({ ok: false, error: 'unused' }), stdin: () => bytes,
    raw: false, slurp: false, seq, onError: () => {},
  });
  let out = '';
  let err = '';
  for (let step = reader.next(); step.kind !== 'end'; step = reader.next()) {
    if (step.kind === 'value') {
      out += (seq ? '\x1e' : '') + dumpJson(step.value, { indent: 0 }) + '\n';
    } else if (seq) {
      err += `ignoring parse error: ${step.message}\n`;
    } else {
      err += `parse error: ${step.message}\n`;
      break;
    }
  }
  return [out, err];
}

const CASES: Array<[string | Uint8Array, string, string]> = [
  ["1 2 3", "1\n2\n3\n", ""],
  ["1\n2\n", "1\n2\n", ""],
  ["[1,2] {\"a\":\"b\"}", "[1,2]\n{\"a\":\"b\"}\n", ""],
  ["{\"a\":1,\"a\":2,\"b\":[]}", "{\"a\":2,\"b\":[]}\n", ""],
  ["  \n\t\r ", "", ""],
  ["", "", ""],
  ["\"a\"\"b\"", "\"a\"\n\"b\"\n", ""],
  ["1\"a\"", "1\n\"a\"\n", ""],
  ["3{\"a\":1}", "3\n{\"a\":1}\n", ""],
  ["[1][2]", "[1]\n[2]\n", ""],
  ["true false null", "true\nfalse\nnull\n", ""],
  ["truefalse", "", "parse error: Invalid literal at EOF at line 1, column 9\n"],
  ["nul", "", "parse error: Invalid literal at EOF at line 1, column 3\n"],
  ["nulx 3", "", "parse error: Invalid literal at line 1, column 5\n"],
  ["nan", "", "parse error: Invalid literal at EOF at line 1, column 3\n"],
  ["NaN", "null\n", ""],
  ["-NaN", "null\n", ""],
  ["Infinity -Infinity inf", "1.7976931348623157e+308\n-1.7976931348623157e+308\n1.7976931348623157e+308\n", ""],
  ["01 +1 .5 1. -0 1E2 1.5e-3", "1\n1\n0.5\n1\n-0\n100\n0.0015\n", ""],
  ["0x10", "", "parse error: Invalid numeric literal at EOF at line 1, column 4\n"],
  ["1e", "", "parse error: Invalid numeric literal at EOF at line 1, column 2\n"],
  ["1.2.3", "", "parse error: Invalid numeric literal at EOF at line 1, column 5\n"],
  ["-", "", "parse error: Invalid numeric literal at EOF at line 1, column 1\n"],
  ["1_0", "", "parse error: Invalid numeric literal at EOF at line 1, column 3\n"],
  ["{\"a\":1,}", "", "parse error: Expected another key-value pair at line 1, column 8\n"],
  ["{\"a\":1", "", "parse error: Unfinished JSON term at EOF at line 1, column 6\n"],
  ["[1,2", "", "parse error: Unfinished JSON term at EOF at line 1, column 4\n"],
  ["\"abc", "", "parse error: Unfinished string at EOF at line 1, column 4\n"],
  ["\"abc\\", "", "parse error: Unfinished string at EOF at line 1, column 5\n"],
  ["1 ]", "1\n", "parse error: Unmatched ']' at line 1, column 3\n"],
  ["1 }", "1\n", "parse error: Unmatched '}' at line 1, column 3\n"],
  ["{a:1}", "", "parse error: Invalid numeric literal at line 1, column 3\n"],
  ["'a'", "", "parse error: Invalid numeric literal at EOF at line 1, column 3\n"],
  ["[1,]", "", "parse error: Expected another array element at line 1, column 4\n"],
  ["[,1]", "", "parse error: Expected value before ',' at line 1, column 2\n"],
  ["{,}", "", "parse error: Expected value before ',' at line 1, column 2\n"],
  ["1,2", "", "parse error: Expected value before ',' at line 1, column 2\n"],
  [",", "", "parse error: Expected value before ',' at line 1, column 1\n"],
  [":", "", "parse error: Expected string key before ':' at line 1, column 1\n"],
  ["{1:2}", "", "parse error: Object keys must be strings at line 1, column 3\n"],
  ["[1:2]", "", "parse error: ':' not as part of an object at line 1, column 3\n"],
  ["{\"a\":1 \"b\":2}", "", "parse error: Expected separator between values at line 1, column 10\n"],
  ["{\"a\":1,\"b\"}", "", "parse error: Objects must consist of key:value pairs at line 1, column 11\n"],
  ["{\"a\"}", "", "parse error: Objects must consist of key:value pairs at line 1, column 5\n"],
  ["{\"a\":1]", "", "parse error: Unmatched ']' at line 1, column 7\n"],
  ["[1}", "", "parse error: Objects must consist of key:value pairs at line 1, column 3\n"],
  ["{\"a\":}", "", "parse error: Unmatched '}' at line 1, column 6\n"],
  ["[[]", "", "parse error: Unfinished JSON term at EOF at line 1, column 3\n"],
  ["{\"a\" [1]}", "", "parse error: Expected separator between values at line 1, column 6\n"],
  ["[1 [2]]", "", "parse error: Expected separator between values at line 1, column 4\n"],
  ["\"\\x\"", "", "parse error: Invalid escape at line 1, column 4\n"],
  ["\"\\u12\"", "", "parse error: Invalid \\uXXXX escape at line 1, column 6\n"],
  ["\"\\u12g4\"", "", "parse error: Invalid characters in \\uXXXX escape at line 1, column 8\n"],
  ["\"\\ud800\"", "", "parse error: Invalid \\uXXXX\\uXXXX surrogate pair escape at line 1, column 8\n"],
  ["\"\\udc00x\"", "\"�x\"\n", ""],
  ["\"\\ud800\\u0041\"", "", "parse error: Invalid \\uXXXX\\uXXXX surrogate pair escape at line 1, column 14\n"],
  ["\"\\ud800x\"", "", "parse error: Invalid \\uXXXX\\uXXXX surrogate pair escape at line 1, column 9\n"],
  ["\"\\uD83D\\uDE00\"", "\"😀\"\n", ""],
  ["\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "\"/\\b\\f\\n\\r\\t\\\"\\\\\"\n", ""],
  ["\"a\tb\"", "", "parse error: Invalid string: control characters from U+0000 through U+001F must be escaped at line 1, column 5\n"],
  [hex('22611f6222'), "\"a\\u001fb\"\n", ""],
  [hex('22617f6222'), "\"a\\u007fb\"\n", ""],
  [hex('22fffe22202261c322'), "\"��\"\n\"a�\"\n", ""],
  [hex('22c080222022e08080222022eda080222022f4908080222022e2827822'), "\"��\"\n\"�\"\n\"�\"\n\"�\"\n\"�x\"\n", ""],
  ["﻿[1]", "[1]\n", ""],
  [hex('efbb5b315d'), "", "parse error: Malformed BOM\n"],
  ["﻿﻿1", "", "parse error: Invalid numeric literal at EOF at line 1, column 4\n"],
  [hex('ff'), "", "parse error: Invalid numeric literal at EOF at line 1, column 1\n"],
  ["١", "", "parse error: Invalid numeric literal at EOF at line 1, column 2\n"],
  ["1\n2\n\n[3,\n", "1\n2\n", "parse error: Unfinished JSON term at EOF at line 5, column 0\n"],
  ["{\n  \"a\": [\n    1,\n    x\n  ]\n}", "", "parse error: Invalid numeric literal at line 5, column 0\n"],
  ["\"éé\" x", "\"éé\"\n", "parse error: Invalid numeric literal at EOF at line 1, column 8\n"],
  [hex('5b312c1e325d'), "", ""],
  [hex('1e312032'), "", ""],
  ["{\"__proto__\":1,\"constructor\":2}", "{\"__proto__\":1,\"constructor\":2}\n", ""],
  ["[[[[[[[[[[1]]]]]]]]]]", "[[[[[[[[[[1]]]]]]]]]]\n", ""],
  ["123456789012345678901234567890 1e1000 5e-324 0.1 100000000000000000000", "123456789012345680000000000000\n1.7976931348623157e+308\n5e-324\n0.1\n1e+20\n", ""],
];

const SEQ_CASES: Array<[string | Uint8Array, string, string]> = [
  [hex('1e310a1e5b325d0a'), "\u001e1\n\u001e[2]\n", ""],
  [hex('1e311e5b32'), "", "ignoring parse error: Potentially truncated top-level numeric value at line 1, column 3\nignoring parse error: Unfinished JSON term at EOF at line 1, column 5\n"],
  [hex('1e5b312c1e7b2261223a327d0a'), "\u001e{\"a\":2}\n", "ignoring parse error: Truncated value at line 1, column 5\n"],
  [hex('1e311e5b322c335d2034201e35'), "\u001e[2,3]\n\u001e4\n", "ignoring parse error: Potentially truncated top-level numeric value at line 1, column 3\nignoring parse error: Potentially truncated top-level numeric value at EOF at line 1, column 13\n"],
  [hex('1e31321e'), "", "ignoring parse error: Potentially truncated top-level numeric value at line 1, column 4\n"],
  [hex('31207820321e330a'), "\u001e3\n", ""],
  ["\"a", "", "ignoring parse error: Unfinished abandoned text at EOF at line 1, column 2\n"],
  [hex('1e22611e2262220a'), "\u001e\"b\"\n", "ignoring parse error: Truncated value at line 1, column 4\n"],
  [hex('efbb5b315d1e320a'), "\u001e[1]\n\u001e2\n", ""],
  ["[1,2]", "", "ignoring parse error: Unfinished abandoned text at EOF at line 1, column 5\n"],
];

describe('JvParser (jq 1.6 jv_parse)', () => {
  it.each(CASES)('parses %j like jq -c .', (input, stdout, stderr) => {
    expect(jqCompact(input, false)).toEqual([stdout, stderr]);
  });

  it.each(SEQ_CASES)('parses %j like jq -c --seq .', (input, stdout, stderr) => {
    expect(jqCompact(input, true)).toEqual([stdout, stderr]);
  });

  it('gives the same values and positions when fed one byte at a time', () => {
    const bytes = encodeString('{"a": [1, "é", true]}\n 12 "x"\n[');
    const p = new JvParser();
    const seen: string[] = [];
    for (let i = 0; i <= bytes.length; i++) {
      p.setBuf(bytes.subarray(i, i + 1), i < bytes.length);
      for (let step = p.next(); step.kind !== 'none'; step = p.next()) {
        seen.push(step.kind === 'value' ? dumpJson(step.value, { indent: 0 }) : step.message);
      }
    }
    expect(seen).toEqual(['{"a":[1,"é",true]}', '12', '"x"', 'Unfinished JSON term at EOF at line 3, column 1']);
  });

  it('keeps __proto__ as an ordinary key', () => {
    const r = parseOneJson(encodeString('{"__proto__": {"x": 1}}'));
    expect(r.ok && Object.getPrototypeOf(r.value)).toBe(Object.prototype);
    expect(r.ok && Object.keys(r.value as object)).toEqual(['__proto__']);
  });
});

describe('parseOneJson (--argjson, --jsonargs)', () => {
  it.each([
    [' 1 ', { ok: true, value: 1 }],
    ['1 2', { ok: false, message: 'Unexpected extra JSON values' }],
    ['', { ok: false, message: 'Expected JSON value' }],
    ['{', { ok: false, message: 'Unfinished JSON term at EOF at line 1, column 1' }],
    ['1 {', { ok: false, message: 'Unfinished JSON term at EOF at line 1, column 3' }],
  ])('%j', (text, expected) => {
    expect(parseOneJson(encodeString(text))).toEqual(expected);
  });
});

describe('parseAllJson (--slurpfile)', () => {
  it('reads every text, or stops at the first error', () => {
    expect(parseAllJson(encodeString('1 [2]\n"3"'))).toEqual({ ok: true, values: [1, [2], '3'] });
    expect(parseAllJson(encodeString(''))).toEqual({ ok: true, values: [] });
    expect(parseAllJson(encodeString('1 2 {'))).toEqual({ ok: false, message: 'Unfinished JSON term at EOF at line 1, column 5' });
  });
});
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

describe('more recorded `jq -c .` streams', () => {
  it.each(STREAM_CASES)('reads %j', (text, outputs, error) => {
    const out = outputs.map((o) => `${o}\n`).join('');
    expect(jqCompact(text, false)).toEqual([out, error === null ? '' : `parse error: ${error}\n`]);
  });
});
