// jq 1.6's own regex tests, run on our functions: every case of tests/onig.test (also in jackson-jq's
// jq-1.6-onig.yaml), the regex examples of the 1.6 manual, and jackson-jq's extra regex cases.
// Each jq program is written out as calls; inputs and expected outputs are copied from the files.
import { describe, expect, it } from 'vitest';
import type { Json } from '../ast.js';
import { capture, match, scan, splitRegex, sub, test } from './index.js';

const field = (c: Json, k: string): Json => (c as Record<string, Json>)[k] ?? null;
const strings = (input: Json): string[] => input as string[];
/** jq's string interpolation of a capture (`"\(.x)"`). */
const interp = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v));

describe('jq-1.6/tests/onig.test', () => {
  it('[match("( )*"; "g")] on "abc"', () => {
    expect(match('abc', '( )*', 'g')).toEqual([
      { offset: 0, length: 0, string: '', captures: [] },
      { offset: 1, length: 0, string: '', captures: [] },
      { offset: 2, length: 0, string: '', captures: [] },
    ]);
  });

  it('[match("( )*"; "gn")] on "abc"', () => {
    expect(match('abc', '( )*', 'gn')).toEqual([]);
  });

  it('[match("a"; "gi")] on "āáàä"', () => {
    expect(match('āáàä', 'a', 'gi')).toEqual([]);
  });

  it('[match(["(bar)"])] on "foo bar"', () => {
    expect(match('foo bar', ['(bar)'])).toEqual([
      { offset: 4, length: 3, string: 'bar', captures: [{ offset: 4, length: 3, string: 'bar', name: null }] },
    ]);
  });

  it('offsets account for combining codepoints and multi-byte UTF-8', () => {
    expect(match('a\u0304 bar with a combining codepoint U+0304', 'bar')).toEqual([
      { offset: 3, length: 3, string: 'bar', captures: [] },
    ]);
  });

  it('matches with combining codepoints still count them in their length', () => {
    expect(match('a ba\u0304r', 'ba\u0304r')).toEqual([{ offset: 2, length: 4, string: 'ba\u0304r', captures: [] }]);
  });

  it('[match(".+?\\\\b")] on a two-codepoint grapheme', () => {
    expect(match('a\u0304 two-codepoint grapheme', '.+?\\b')).toEqual([
      { offset: 0, length: 2, string: 'a\u0304', captures: [] },
    ]);
  });

  it('[match(["foo (?<bar123>bar)? foo", "ig"])]', () => {
    expect(match('foo bar foo foo  foo', ['foo (?<bar123>bar)? foo', 'ig'])).toEqual([
      { offset: 0, length: 11, string: 'foo bar foo', captures: [{ offset: 4, length: 3, string: 'bar', name: 'bar123' }] },
      { offset: 12, length: 8, string: 'foo  foo', captures: [{ offset: -1, length: 0, string: null, name: 'bar123' }] },
    ]);
  });

  it('[test("( )*"; "gn")] and [test("ā")]', () => {
    expect(test('abc', '( )*', 'gn')).toBe(false);
    expect(test('a\u0304', 'a\u0304')).toBe(true);
  });

  it('capture("(?<a>[a-z]+)-(?<n>[0-9]+)")', () => {
    expect(capture('xyzzy-14', '(?<a>[a-z]+)-(?<n>[0-9]+)')).toEqual([{ a: 'xyzzy', n: '14' }]);
  });

  const PAIR = ['a,b, c, d, e,f', ', a,b, c, d, e,f, '];

  it('[.[] | sub(", "; ":")]', () => {
    expect(PAIR.flatMap((s) => sub(s, ', ', undefined, () => [':'], false))).toEqual([
      'a,b:c, d, e,f',
      ':a,b, c, d, e,f, ',
    ]);
  });

  it('sub("^(?<head>.)"; "Head=\\(.head) Tail=")', () => {
    const repl = (c: Json): Json[] => [`Head=${interp(field(c, 'head'))} Tail=`];
    expect(sub('abcdef', '^(?<head>.)', undefined, repl, false)).toEqual(['Head=a Tail=bcdef']);
  });

  it('[.[] | gsub(", "; ":")]', () => {
    expect(PAIR.flatMap((s) => sub(s, ', ', undefined, () => [':'], true))).toEqual([
      'a,b:c:d:e,f',
      ':a,b:c:d:e,f:',
    ]);
  });

  it('gsub("(?<d>\\\\d)"; ":\\(.d);")', () => {
    expect(sub('a1b2', '(?<d>\\d)', undefined, (c) => [`:${interp(field(c, 'd'))};`], true)).toEqual(['a:1;b:2;']);
  });

  it('gsub("a";"b") and gsub("(.*)"; ""; "x")', () => {
    expect(sub('aaaaa', 'a', undefined, () => ['b'], true)).toEqual(['bbbbb']);
    expect(sub('', '(.*)', 'x', () => [''], true)).toEqual(['']);
  });

  it('[.[] | scan(", ")]', () => {
    expect(PAIR.flatMap((s) => scan(s, ', '))).toEqual([', ', ', ', ', ', ', ', ', ', ', ', ', ', ', ']);
  });

  it('[.[]|[[sub(", *";":")], [gsub(", *";":")], [scan(", *")]]]', () => {
    const each = (re: string): Json[] =>
      strings(PAIR).map((s) => [sub(s, re, undefined, () => [':'], false), sub(s, re, undefined, () => [':'], true), scan(s, re)]);
    expect(each(', *')).toEqual([
      [['a:b, c, d, e,f'], ['a:b:c:d:e:f'], [',', ', ', ', ', ', ', ',']],
      [[':a,b, c, d, e,f, '], [':a:b:c:d:e:f:'], [', ', ',', ', ', ', ', ', ', ',', ', ']],
    ]);
    expect(each(', +')).toEqual([
      [['a,b:c, d, e,f'], ['a,b:c:d:e,f'], [', ', ', ', ', ']],
      [[':a,b, c, d, e,f, '], [':a,b:c:d:e,f:'], [', ', ', ', ', ', ', ', ', ']],
    ]);
  });

  it('reference to named captures: gsub("(?<x>.)[^a]*"; "+\\(.x)-")', () => {
    expect(sub('Abcabc', '(?<x>.)[^a]*', undefined, (c) => [`+${interp(field(c, 'x'))}-`], true)).toEqual(['+A-+a-']);
  });

  it('utf-8: sub("(?<x>.)"; "\\(.x)!")', () => {
    expect(sub('’', '(?<x>.)', undefined, (c) => [`${interp(field(c, 'x'))}!`], false)).toEqual(['’!']);
  });
});

describe('jq 1.6 manual, regular expressions', () => {
  it('test', () => {
    expect(test('foo', 'foo')).toBe(true);
    expect(['xabcd', 'ABC'].map((s) => test(s, 'a b c # spaces are ignored', 'ix'))).toEqual([true, true]);
  });

  it('match', () => {
    expect(match('abc abc', '(abc)+', 'g')).toEqual([
      { offset: 0, length: 3, string: 'abc', captures: [{ offset: 0, length: 3, string: 'abc', name: null }] },
      { offset: 4, length: 3, string: 'abc', captures: [{ offset: 4, length: 3, string: 'abc', name: null }] },
    ]);
    expect(match('foo bar foo', 'foo')).toEqual([{ offset: 0, length: 3, string: 'foo', captures: [] }]);
    expect(match('foo bar FOO', ['foo', 'ig'])).toEqual([
      { offset: 0, length: 3, string: 'foo', captures: [] },
      { offset: 8, length: 3, string: 'FOO', captures: [] },
    ]);
    expect(match('foo bar foo foo  foo', 'foo (?<bar123>bar)? foo', 'ig')).toHaveLength(2);
    expect(match('abc', '.', 'g')).toHaveLength(3);
  });

  it('capture', () => {
    expect(capture('xyzzy-14', '(?<a>[a-z]+)-(?<n>[0-9]+)')).toEqual([{ a: 'xyzzy', n: '14' }]);
  });
});

describe('jackson-jq jq-test-extra-ok.json (regex cases)', () => {
  it('.[] | test(["foo","i"])', () => {
    expect(['Foobar', 'baz'].map((s) => test(s, ['foo', 'i']))).toEqual([true, false]);
  });

  it('sub, gsub and scan with ","', () => {
    expect(sub('a,b,c', ',', undefined, () => [':'], false)).toEqual(['a:b,c']);
    expect(sub('a,b,c', ',', undefined, () => [':'], true)).toEqual(['a:b:c']);
    expect(scan('a,b,c', ',')).toEqual([',', ',']);
    expect(sub('\t', '\t', undefined, () => ['\\t'], true)).toEqual(['\\t']);
  });

  it('.[]|gsub("(?<d>\\\\d)"; "\\(.d|tonumber+1)")', () => {
    const repl = (c: Json): Json[] => [String(Number(field(c, 'd')) + 1)];
    expect(['1a2b3', '1a2b'].flatMap((s) => sub(s, '(?<d>\\d)', undefined, repl, true))).toEqual(['2a3b4', '2a3b']);
  });

  it('"abcabc" | match("a", "b"; "", "g"): jq runs the first argument fastest', () => {
    const out = ['', 'g'].flatMap((flags) => ['a', 'b'].flatMap((re) => match('abcabc', re, flags)));
    expect(out.map((m) => field(m, 'offset'))).toEqual([0, 1, 0, 3, 1, 4]);
  });

  it('split/2', () => {
    expect(splitRegex('ab,cd, ef', ', *', null)).toEqual(['ab', 'cd', 'ef']);
  });
});
