/**
 * Tests of error-dump.ts against recorded jq 1.6 error messages (`jq -c '<program>' <<< '<input>'`).
 */
import { describe, expect, it } from 'vitest';
import type { Json } from './ast.js';
import {
  cannotBeNegated,
  cannotBeParsedAsNumber,
  cannotBeSorted,
  cannotCheckHas,
  cannotDelete,
  cannotIndex,
  cannotIterate,
  cannotSlice,
  cannotUpdateField,
  cannotUseAsObjectKey,
  dumpForError,
  hasNoKeys,
  hasNoLength,
  invalidPathAccess,
  invalidPathExpression,
  invalidPathIterate,
  numberRequired,
  onlyStringsCanBeParsed,
  sliceBoundsMustBeNumbers,
  typeError2,
} from './error-dump.js';
import { JqError } from './errors.js';

// DUMP15_CASES: `. - {}` (type_error2, 15-byte buffers); DUMP30_CASES: `path(tojson|fromjson)`
// ("Invalid path expression with result", a 30-byte buffer); MESSAGE_CASES: input, program, message.
const DUMP15_CASES: [string, string][] = [
  ["null", "null (null) and object ({}) cannot be subtracted"],
  ["true", "boolean (true) and object ({}) cannot be subtracted"],
  ["1", "number (1) and object ({}) cannot be subtracted"],
  ["-1.5", "number (-1.5) and object ({}) cannot be subtracted"],
  ["1e1000", "number (1.797693134...) and object ({}) cannot be subtracted"],
  ["\"abc\"", "string (\"abc\") and object ({}) cannot be subtracted"],
  ["\"abcdefghijkl\"", "string (\"abcdefghijkl\") and object ({}) cannot be subtracted"],
  ["\"abcdefghijklm\"", "string (\"abcdefghij...) and object ({}) cannot be subtracted"],
  ["\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"", "string (\"\u00e9\u00e9\u00e9\u00e9\u00e9...) and object ({}) cannot be subtracted"],
  ["\"a\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\"", "string (\"a\ud83d\ude00\ud83d\ude00\ufffd...) and object ({}) cannot be subtracted"],
  ["\"ab\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\"", "string (\"ab\ud83d\ude00\ud83d\ude00...) and object ({}) cannot be subtracted"],
  ["\"abc\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\"", "string (\"abc\ud83d\ude00\ufffd...) and object ({}) cannot be subtracted"],
  ["\"a\\u0000b\\n\"", "string (\"a\\u0000b\\n\") and object ({}) cannot be subtracted"],
  ["\"\\u007f\\u001f\"", "string (\"\\u007f\\u001f\") and object ({}) cannot be subtracted"],
  ["[1,2,3,4,5,6,7,8]", "array ([1,2,3,4,5,...) and object ({}) cannot be subtracted"],
  ["[]", "array ([]) and object ({}) cannot be subtracted"],
  ["{}", "object ({}) and object ({}) cannot be subtracted"],
  ["{\"a\":\"b\"}", "object ({\"a\":\"b\"}) and object ({}) cannot be subtracted"],
  ["{\"abcdefghij\":[1,2,3]}", "object ({\"abcdefghi...) and object ({}) cannot be subtracted"],
  ["[[[[[[[[[[1]]]]]]]]]]", "array ([[[[[[[[[[1...) and object ({}) cannot be subtracted"],
  ["\"\u65e5\u672c\u8a9e\u65e5\u672c\u8a9e\"", "string (\"\u65e5\u672c\u8a9e\ufffd...) and object ({}) cannot be subtracted"],
  ["\"x\u65e5\u672c\u8a9e\u65e5\u672c\u8a9e\"", "string (\"x\u65e5\u672c\u8a9e...) and object ({}) cannot be subtracted"],
];
const DUMP30_CASES: [string, string][] = [
  ["1e1000", "Invalid path expression with result 1.7976931348623157e+308"],
  ["\"abc\"", "Invalid path expression with result \"abc\""],
  ["\"abcdefghijkl\"", "Invalid path expression with result \"abcdefghijkl\""],
  ["\"abcdefghijklm\"", "Invalid path expression with result \"abcdefghijklm\""],
  ["\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"", "Invalid path expression with result \"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\""],
  ["\"a\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\"", "Invalid path expression with result \"a\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\""],
  ["\"ab\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\"", "Invalid path expression with result \"ab\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\""],
  ["\"abc\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\"", "Invalid path expression with result \"abc\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00\""],
  ["\"a\\u0000b\\n\"", "Invalid path expression with result \"a\\u0000b\\n\""],
  ["\"\\u007f\\u001f\"", "Invalid path expression with result \"\\u007f\\u001f\""],
  ["[1,2,3,4,5,6,7,8]", "Invalid path expression with result [1,2,3,4,5,6,7,8]"],
  ["[]", "Invalid path expression with result []"],
  ["{}", "Invalid path expression with result {}"],
  ["{\"a\":\"b\"}", "Invalid path expression with result {\"a\":\"b\"}"],
  ["{\"abcdefghij\":[1,2,3]}", "Invalid path expression with result {\"abcdefghij\":[1,2,3]}"],
  ["[[[[[[[[[[1]]]]]]]]]]", "Invalid path expression with result [[[[[[[[[[1]]]]]]]]]]"],
  ["\"\u65e5\u672c\u8a9e\u65e5\u672c\u8a9e\"", "Invalid path expression with result \"\u65e5\u672c\u8a9e\u65e5\u672c\u8a9e\""],
  ["\"x\u65e5\u672c\u8a9e\u65e5\u672c\u8a9e\"", "Invalid path expression with result \"x\u65e5\u672c\u8a9e\u65e5\u672c\u8a9e\""],
  ["[1,2,3,4,5,6,7,8,9,10,11,12,13]", "Invalid path expression with result [1,2,3,4,5,6,7,8,9,10,11,1..."],
  ["\"abcdefghijklmnopqrstuvwxyz0123\"", "Invalid path expression with result \"abcdefghijklmnopqrstuvwxy..."],
  ["\"abcdefghijklmnopqrstuvwxy\ud83d\ude00\"", "Invalid path expression with result \"abcdefghijklmnopqrstuvwxy..."],
];
const MESSAGE_CASES: [string, string, string][] = [
  ["1", ".[\"a\"]", "Cannot index number with string \"a\""],
  ["1", ".[\"abcdefghijklmnopqrstuvwxyzabc\"]", "Cannot index number with string \"abcdefghijklmnopqrstuvwxyzabc\""],
  ["1", ".[\"abcdefghijklmnopqrstuvwxyzabcd\"]", "Cannot index number with string"],
  ["1", ".[\"a\\\"b\"]", "Cannot index number with string \"a\"b\""],
  ["1", ".[\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"]", "Cannot index number with string \"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\""],
  ["1", ".[\"\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\"]", "Cannot index number with string"],
  ["[]", ".[\"a\"]", "Cannot index array with string \"a\""],
  ["{}", ".[0]", "Cannot index object with number"],
  ["null", ".[true]", "Cannot index null with boolean"],
  ["\"x\"", ".a", "Cannot index string with string \"a\""],
  ["[]", ".[true]", "Cannot index array with boolean"],
  ["{}", ".[null]", "Cannot index object with null"],
  ["{}", ".[{}]", "Cannot index object with object"],
  ["1", ".[[]]", "Cannot index number with array"],
  ["true", ".[[]]", "Cannot index boolean with array"],
  ["1", ".[1:2]", "Cannot index number with object"],
  ["{}", ".[1:2]", "Cannot index object with object"],
  ["true", ".[1:]", "Cannot index boolean with object"],
  ["[1]", ".[\"a\":]", "Start and end indices of an array slice must be numbers"],
  ["\"abc\"", ".[\"a\":]", "Start and end indices of an string slice must be numbers"],
  ["[1]", ".[:{}]", "Start and end indices of an array slice must be numbers"],
  ["1", ".[]", "Cannot iterate over number (1)"],
  ["\"abc\"", ".[]", "Cannot iterate over string (\"abc\")"],
  ["null", ".[]", "Cannot iterate over null (null)"],
  ["true", ".[]", "Cannot iterate over boolean (true)"],
  ["\"abcdefghijklmnop\"", ".[]", "Cannot iterate over string (\"abcdefghij...)"],
  ["null", "path(1)", "Invalid path expression with result 1"],
  ["[[1,2,3,4,5,6,7,8,9,10,11,12,13]]", "path(.[0]|reverse)", "Invalid path expression with result [13,12,11,10,9,8,7,6,5,4,3..."],
  ["{\"a\":{\"b\":1}}", "path(tojson|fromjson|.a)", "Invalid path expression near attempt to access element \"a\" of {\"a\":{\"b\":1}}"],
  ["[1,2]", "path(tojson|fromjson|.[0])", "Invalid path expression near attempt to access element 0 of [1,2]"],
  ["{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]}", "path(tojson|fromjson|.a)", "Invalid path expression near attempt to access element \"a\" of {\"a\":[1,2,3,4,5,6,7,8,9,10..."],
  ["{\"abcdefghijklmnopqrstuvwxyz\":1}", "path(tojson|fromjson|.abcdefghijklmnopqrstuvwxyz)", "Invalid path expression near attempt to access element \"abcdefghij... of {\"abcdefghijklmnopqrstuvwx..."],
  ["[1,2]", "path(tojson|fromjson|.[])", "Invalid path expression near attempt to iterate through [1,2]"],
  ["{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]}", "path(tojson|fromjson|.[])", "Invalid path expression near attempt to iterate through {\"a\":[1,2,3,4,5,6,7,8,9,10..."],
  ["1", "has(1)", "Cannot check whether number has a number key"],
  ["{}", "has(0)", "Cannot check whether object has a number key"],
  ["[]", "has(\"a\")", "Cannot check whether array has a string key"],
  ["\"a\"", "has(\"a\")", "Cannot check whether string has a string key"],
  ["true", "has(true)", "Cannot check whether boolean has a boolean key"],
  ["1", "keys", "number (1) has no keys"],
  ["\"abc\"", "keys", "string (\"abc\") has no keys"],
  ["true", "length", "boolean (true) has no length"],
  ["false", "length", "boolean (false) has no length"],
  ["\"abc\"", "tonumber", "Invalid numeric literal at EOF at line 1, column 3 (while parsing 'abc')"],
  ["{}", "tonumber", "object ({}) cannot be parsed as a number"],
  ["[1,2]", "tonumber", "array ([1,2]) cannot be parsed as a number"],
  ["true", "tonumber", "boolean (true) cannot be parsed as a number"],
  ["\"[1]\"", "tonumber", "string (\"[1]\") cannot be parsed as a number"],
  ["1", "fromjson", "number (1) only strings can be parsed"],
  ["[1]", "fromjson", "array ([1]) only strings can be parsed"],
  ["\"a\"", "-.", "string (\"a\") cannot be negated"],
  ["[]", "-.", "array ([]) cannot be negated"],
  ["{\"a\":1}", "-.", "object ({\"a\":1}) cannot be negated"],
  ["1", ". as $k | {($k): 1}", "Cannot use number (1) as object key"],
  ["[1,2,3,4,5,6,7,8]", ". as $k | {($k): 1}", "Cannot use array ([1,2,3,4,5,...) as object key"],
  ["null", ". as $k | {($k): 1}", "Cannot use null (null) as object key"],
  ["[]", "setpath([\"a\"]; 1)", "Cannot index array with string \"a\""],
  ["{}", "setpath([0]; 1)", "Cannot index object with number"],
  ["1", "setpath([\"a\"]; 1)", "Cannot index number with string \"a\""],
  ["true", "setpath([0]; 1)", "Cannot index boolean with number"],
  ["{}", "setpath([true]; 1)", "Cannot index object with boolean"],
  ["[1]", "delpaths([[\"a\"]])", "Cannot delete string element of array"],
  ["{}", "delpaths([[0]])", "Cannot delete number field of object"],
  ["1", "delpaths([[\"a\"]])", "Cannot delete fields from number"],
  ["\"x\"", "delpaths([[0]])", "Cannot delete fields from string"],
  ["[1]", "delpaths([[true]])", "Cannot delete boolean element of array"],
  ["{}", "delpaths([[null]])", "Cannot delete null field of object"],
  ["1", "sort", "number (1) cannot be sorted, as it is not an array"],
  ["\"x\"", "sort", "string (\"x\") cannot be sorted, as it is not an array"],
  ["\"a\"", "floor", "string (\"a\") number required"],
  ["[1]", "sqrt", "array ([1]) number required"],
  ["{}", "pow(.;2)", "object ({}) number required"],
];

const parse = (s: string): Json => JSON.parse(s) as Json;

describe('dumpForError', () => {
  it.each(DUMP15_CASES)('dumps %s as jq does in `. - {}`', (input, expected) => {
    const v = input === '1e1000' ? Infinity : parse(input);
    expect(typeError2(v, {}, 'cannot be subtracted').message).toBe(expected);
  });

  it.each(DUMP30_CASES)('dumps %s with a 30-byte buffer', (input, expected) => {
    const v = input === '1e1000' ? Infinity : parse(input);
    expect(invalidPathExpression(v).message).toBe(expected);
  });

  it('cuts long values without dumping them whole', () => {
    const big = Array.from({ length: 100000 }, (_, i) => i);
    expect(dumpForError(big)).toBe('[0,1,2,3,4,...');
    expect(dumpForError('x'.repeat(1e6))).toBe('"xxxxxxxxxx...');
    expect(dumpForError({ ['k'.repeat(100)]: 1 })).toBe('{"kkkkkkkkk...');
    expect(dumpForError(NaN)).toBe('null');
    expect(dumpForError(-0)).toBe('-0');
  });
});

/** Build the message for one recorded case with the matching builder. */
function build(input: Json, prog: string): JqError {
  const key = (p: string): Json => parse(p.slice(2, -1));
  if (prog.startsWith('.[') && prog.includes(':')) {
    if (Array.isArray(input) || typeof input === 'string') return sliceBoundsMustBeNumbers(input);
    return cannotSlice(input);
  }
  if (prog.startsWith('.[') && prog !== '.[]') return cannotIndex(input, key(prog));
  if (prog === '.a') return cannotIndex(input, 'a');
  if (prog === '.[]') return cannotIterate(input);
  if (prog === 'path(1)') return invalidPathExpression(1);
  if (prog === 'path(.[0]|reverse)') return invalidPathExpression([...((input as Json[])[0] as Json[])].reverse());
  if (prog.startsWith('path(tojson|fromjson|.[])')) return invalidPathIterate(input);
  if (prog.startsWith('path(tojson|fromjson|.[0])')) return invalidPathAccess(0, input);
  if (prog.startsWith('path(tojson|fromjson|.')) return invalidPathAccess(prog.slice(22, -1), input);
  if (prog.startsWith('has(')) return cannotCheckHas(input, parse(prog.slice(4, -1)));
  if (prog === 'keys') return hasNoKeys(input);
  if (prog === 'length') return hasNoLength(input);
  if (prog === 'tonumber') return cannotBeParsedAsNumber(input);
  if (prog === 'fromjson') return onlyStringsCanBeParsed(input);
  if (prog === '-.') return cannotBeNegated(input);
  if (prog.includes('as $k')) return cannotUseAsObjectKey(input);
  if (prog.startsWith('setpath(')) return cannotIndex(input, parse(prog.slice(9, -5)));
  if (prog.startsWith('delpaths(')) return cannotDelete(input, parse(prog.slice(11, -3)));
  if (prog === 'sort') return cannotBeSorted(input);
  return numberRequired(input);
}

describe('message builders', () => {
  const cases = MESSAGE_CASES.filter(([input, prog]) => !(prog === 'tonumber' && input.startsWith('"') && input !== '"[1]"'));
  it.each(cases)('%s | %s', (input, prog, expected) => {
    const e = build(parse(input), prog);
    expect(e).toBeInstanceOf(JqError);
    expect(e.message).toBe(expected);
    expect(e.value).toBe(expected);
  });

  it('reports an unreachable-in-practice setpath failure like jv_set', () => {
    expect(cannotUpdateField({}, [1]).message).toBe('Cannot update field at object index of array');
  });
});
