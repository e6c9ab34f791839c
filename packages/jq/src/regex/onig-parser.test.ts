// Pattern syntax: what jq 1.6 (Oniguruma 6.9.8, ONIG_SYNTAX_PERL_NG) accepts, and its exact error for
// what it rejects, recorded with `try ("" | test($re) | "ok") catch .`.
import { describe, expect, it } from 'vitest';
import type { OnigOptions } from './onig-ast.js';
import { OnigPatternError } from './onig-error.js';
import { parseOnigPattern } from './onig-parser.js';

const OPTIONS: OnigOptions = { ci: false, dotall: false, singleline: true, extend: false };

/** [pattern, Oniguruma's message, or null when the pattern is valid] */
const RECORDED: [string, string | null][] = [
  ["(", "end pattern with unmatched parenthesis"],
  [")", "unmatched close parenthesis"],
  ["(?", "end pattern in group"],
  ["(?<", "end pattern with unmatched parenthesis"],
  ["(?<>a)", "group name is empty"],
  ["(?<1>a)", "invalid group name <1>"],
  ["(?<a b>x)", null],
  ["(?<a-b>x)", null],
  ["[", "premature end of char-class"],
  ["[a", "premature end of char-class"],
  ["[]", "empty char-class"],
  ["[]a", "empty char-class"],
  ["[b-a]", "empty range in char class"],
  ["[[:foo:]]", "invalid POSIX bracket type"],
  ["[[:alpha:]", "premature end of char-class"],
  ["[\\w-a]", "unmatched range specifier in char-class"],
  ["[a-\\w]", "char-class value at end of range"],
  ["*", "target of repeat operator is not specified"],
  ["+a", "target of repeat operator is not specified"],
  ["a|*", "target of repeat operator is not specified"],
  ["a**", null],
  ["a{2,1}", "upper is smaller than lower in repeat range"],
  ["a{100001}", "too big number for repeat range"],
  ["a{100000}", null],
  ["\\", "end pattern at escape"],
  ["a\\", "end pattern at escape"],
  ["\\k<x>", "undefined name <x> reference"],
  ["\\k<1>", "invalid backref number/name"],
  ["\\k<>", "group name is empty"],
  ["\\k'x", "invalid group name <x>"],
  ["\\k<-1>", "invalid backref number/name"],
  ["\\1", "invalid backref number/name"],
  ["\\2(a)", "invalid backref number/name"],
  ["\\g<1>", "undefined group <1> reference"],
  ["\\g<x>", "undefined name <x> reference"],
  ["\\g<-1>", "never ending recursion"],
  ["(?i", "end pattern in group"],
  ["(?z)", "undefined group option"],
  ["(?#x", "end pattern in group"],
  ["(?-i)", "invalid group name <>"],
  ["(?i-)", null],
  ["(?a)", "undefined group option"],
  ["(?p)", "undefined group option"],
  ["(?P<x>a)", "undefined group option"],
  ["(?@a)", "undefined group option"],
  ["\\p{Foo}", "invalid character property name {Foo}"],
  ["\\p{L", "end pattern with unmatched parenthesis"],
  ["\\p{}", "invalid character property name {}"],
  ["\\x{110000}", null],
  ["\\x{140000}", "invalid code point value"],
  ["\\x{7fffffff}", "invalid code point value"],
  ["\\x{123456789}", "too long wide-char value"],
  ["\\xe9", "too short multibyte code string"],
  ["\\x80", "invalid code point value"],
  ["\\xc3\\x41", "invalid code point value"],
  ["\\o{8}", "too long wide-char value"],
  ["\\c", "end pattern at control"],
  ["(?R)", null],
  ["(?&x)", null],
  ["(?&)", "group name is empty"],
  ["(?1)", "undefined group option"],
  ["(?-1)", "undefined group option"],
  ["(?+1)", "undefined group option"],
  ["(?(1)a)", "invalid backref number/name"],
  ["(?(x)a)", null],
  ["(?(<x>)a)", "undefined name <x> reference"],
  ["(?(1)a|b|c)", "invalid backref number/name"],
  ["(?(a))", "invalid if-else syntax"],
  ["(*FAIL)", null],
  ["(*FAIL{1})", "invalid callout arg"],
  ["(*)", "invalid callout name"],
  ["(*1)", "invalid callout name"],
  ["(*FOO)", "undefined callout name"],
  ["(?{x", "invalid callout pattern"],
  ["(?{x}", "end pattern in group"],
  ["(?{x}Q)", "invalid callout pattern"],
  ["(?:^)*", "target of repeat operator is invalid"],
  ["\\b*", "target of repeat operator is invalid"],
  ["\\K+", "target of repeat operator is invalid"],
  ["(?=a)*", "target of repeat operator is invalid"],
  ["(?<=a|bc)", "invalid pattern in look-behind"],
  ["(?<=a+)", null],
  ["(?<=xa+)", "invalid pattern in look-behind"],
  ["(?<!(a))", "invalid pattern in look-behind"],
  ["(?<=a$)", "invalid pattern in look-behind"],
  ["(?<a>a\\g<a>)", "never ending recursion"],
  ["(?<a>a|\\g<a>)", "never ending recursion"],
  ["(?<a>a\\g<a>?)", null],
  ["\\g<0>", "never ending recursion"],
  ["a\\g<0>?", null],
  ["\\Q", null],
  ["\\Qab", null],
  ["[\\Q]", null],
  ["x{,2}", null],
  ["(?x)#(", null],
  ["(?x:#)", "end pattern with unmatched parenthesis"],
  ["[[:^alpha:]]", null],
  ["[[:]]", null],
];

function parseError(pattern: string, options = OPTIONS): OnigPatternError | null {
  try {
    parseOnigPattern(pattern, options);
    return null;
  } catch (err) {
    if (err instanceof OnigPatternError) return err;
    throw err;
  }
}

describe('parseOnigPattern: errors recorded from jq 1.6', () => {
  it.each(RECORDED)('%j', (pattern, message) => {
    expect(parseError(pattern)?.message ?? null).toBe(message);
  });
});

describe('parseOnigPattern: structure', () => {
  it('numbers named and unnamed groups together and keeps names', () => {
    const p = parseOnigPattern('(a)(?<x>b)(c)(?<x>d)', OPTIONS);
    expect(p.groupCount).toBe(4);
    expect(p.names).toEqual([null, null, 'x', null, 'x']);
  });

  it('applies a quantifier to the last character of a literal run only', () => {
    expect(parseOnigPattern('abc+', OPTIONS).root).toMatchObject({
      kind: 'seq',
      items: [{ cp: 0x61 }, { cp: 0x62 }, { kind: 'quant', min: 1, body: { cp: 0x63 } }],
    });
  });

  it('resolves ^ and $ by the options in force', () => {
    expect(parseOnigPattern('^$', OPTIONS).root).toMatchObject({ items: [{ anchor: 'bos' }, { anchor: 'semiEos' }] });
    expect(parseOnigPattern('(?m)^$', OPTIONS).root).toMatchObject({ items: [{ anchor: 'bol' }, { anchor: 'eol' }] });
  });

  it('lets an isolated option run on across alternatives, up to the end of its group', () => {
    const text = JSON.stringify(parseOnigPattern('(a(?i)b|c)d', OPTIONS).root);
    expect(text).toContain('{"kind":"char","cp":99,"ci":true}');
    expect(text).toContain('{"kind":"char","cp":100,"ci":false}');
  });

  it('skips whitespace and comments in x mode, but not inside classes', () => {
    expect(parseOnigPattern('a b # c\n[ ]', { ...OPTIONS, extend: true }).root).toMatchObject({
      kind: 'seq',
      items: [{ kind: 'seq', items: [{ cp: 0x61 }, { cp: 0x62 }] }, { kind: 'class', items: [{ from: 0x20 }] }],
    });
  });
});

describe('parseOnigPattern: valid in Oniguruma, refused here (docs/regex-differences.md)', () => {
  it.each([
    ['(?~|abc)', 'the absent stopper (?~|absent)'],
    ['(?~|)', 'the range clear (?~|)'],
    ['(*MAX{2})a', 'the callout (*MAX)'],
    ['\\p{Other_Alphabetic}', 'the property \\p{Other_Alphabetic}'],
  ])('%j', (pattern, what) => {
    const err = parseError(pattern);
    expect(err?.message).toBe(`${what} is not supported by this jq (see docs/regex-differences.md)`);
    expect(err?.unsupported).toBe(true);
  });
});
