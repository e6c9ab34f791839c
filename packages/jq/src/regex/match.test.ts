// matchValues (jq 1.6's _match_impl): answers recorded from jq 1.6 (/usr/bin/jq, Oniguruma 6.9.8),
// compared as JSON text so that key order counts too.
import { describe, expect, it } from 'vitest';
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { matchValues } from './match.js';

/** [regex, flags, input, jq 1.6's `[match(regex; flags)]` or {error}] */
type Case = [string, string | null, string, Json];

/** Recorded with `.[] | . as [$re, $fl, $in] | try ($in | [match($re; $fl)]) catch {error: .}`. */
const RECORDED: Case[] = [
  ["","g","abc",[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]],
  ["","g","",[{"offset":0,"length":0,"string":"","captures":[]}]],
  ["$","g","ab",[{"offset":2,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]],
  ["$","g","abc",[{"offset":3,"length":0,"string":"","captures":[]},{"offset":3,"length":0,"string":"","captures":[]},{"offset":3,"length":0,"string":"","captures":[]}]],
  ["a*","g","abc",[{"offset":0,"length":1,"string":"a","captures":[]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]],
  ["x*$","g","abc",[{"offset":3,"length":0,"string":"","captures":[]},{"offset":3,"length":0,"string":"","captures":[]},{"offset":3,"length":0,"string":"","captures":[]}]],
  ["b*","g","ab",[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":1,"string":"b","captures":[]}]],
  ["a|$","g","éaé",[{"offset":1,"length":1,"string":"a","captures":[]},{"offset":3,"length":0,"string":"","captures":[]},{"offset":3,"length":0,"string":"","captures":[]}]],
  ["$","g","é",[{"offset":1,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]}]],
  ["a","g","éaé",[{"offset":1,"length":1,"string":"a","captures":[]}]],
  ["( )*","g","abc",[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]],
  ["( )*","gn","abc",[]],
  ["(a*)",null,"b",[{"offset":0,"length":0,"string":"","captures":[]}]],
  ["(a)|(x)?","g","abc",[{"offset":0,"length":1,"string":"a","captures":[{"offset":0,"length":1,"string":"a","name":null},{"offset":-1,"string":null,"length":0,"name":null}]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]],
  [".","g","é😀a",[{"offset":0,"length":1,"string":"é","captures":[]},{"offset":1,"length":1,"string":"😀","captures":[]},{"offset":2,"length":1,"string":"a","captures":[]}]],
  ["a",null,"é😀a",[{"offset":2,"length":1,"string":"a","captures":[]}]],
  ["😀+",null,"x😀😀y",[{"offset":1,"length":2,"string":"😀😀","captures":[]}]],
  ["(?<e>😀)(.)",null,"ab😀c",[{"offset":2,"length":2,"string":"😀c","captures":[{"offset":2,"length":1,"string":"😀","name":"e"},{"offset":3,"length":1,"string":"c","name":null}]}]],
  ["bar",null,"ā bar",[{"offset":2,"length":3,"string":"bar","captures":[]}]],
  ["bār",null,"a bār",[{"offset":2,"length":3,"string":"bār","captures":[]}]],
  [".+?\\b",null,"ā two-codepoint grapheme",[{"offset":0,"length":1,"string":"ā","captures":[]}]],
  ["\\w+","g","naïve café",[{"offset":0,"length":5,"string":"naïve","captures":[]},{"offset":6,"length":4,"string":"café","captures":[]}]],
  ["[^a]","g","𝄞a𝄞",[{"offset":0,"length":1,"string":"𝄞","captures":[]},{"offset":2,"length":1,"string":"𝄞","captures":[]}]],
  ["(a)(b)?",null,"ac",[{"offset":0,"length":1,"string":"a","captures":[{"offset":0,"length":1,"string":"a","name":null},{"offset":-1,"string":null,"length":0,"name":null}]}]],
  ["(?<x>a)(b)?(?<y>c)",null,"ac",[{"offset":0,"length":2,"string":"ac","captures":[{"offset":0,"length":1,"string":"a","name":"x"},{"offset":-1,"string":null,"length":0,"name":null},{"offset":1,"length":1,"string":"c","name":"y"}]}]],
  ["()",null,"a",[{"offset":0,"length":0,"string":"","captures":[]}]],
  ["(?<x>)a",null,"a",[{"offset":0,"length":1,"string":"a","captures":[{"offset":0,"string":"","length":0,"name":"x"}]}]],
  ["(a)|(b)","g","ab",[{"offset":0,"length":1,"string":"a","captures":[{"offset":0,"length":1,"string":"a","name":null},{"offset":-1,"string":null,"length":0,"name":null}]},{"offset":1,"length":1,"string":"b","captures":[{"offset":-1,"string":null,"length":0,"name":null},{"offset":1,"length":1,"string":"b","name":null}]}]],
  ["(?<x>a)|(?<x>b)","g","ab",[{"offset":0,"length":1,"string":"a","captures":[{"offset":0,"length":1,"string":"a","name":"x"},{"offset":-1,"string":null,"length":0,"name":"x"}]},{"offset":1,"length":1,"string":"b","captures":[{"offset":-1,"string":null,"length":0,"name":"x"},{"offset":1,"length":1,"string":"b","name":"x"}]}]],
  ["((a)(b))",null,"ab",[{"offset":0,"length":2,"string":"ab","captures":[{"offset":0,"length":2,"string":"ab","name":null},{"offset":0,"length":1,"string":"a","name":null},{"offset":1,"length":1,"string":"b","name":null}]}]],
  ["(^)*a",null,"a",[{"offset":0,"length":1,"string":"a","captures":[{"offset":0,"string":"","length":0,"name":null}]}]],
  ["(a|)+",null,"a",[{"offset":0,"length":1,"string":"a","captures":[{"offset":1,"string":"","length":0,"name":null}]}]],
  ["(a?)?b",null,"b",[{"offset":0,"length":1,"string":"b","captures":[{"offset":0,"string":"","length":0,"name":null}]}]],
  ["(?<n>a)\\k<n>",null,"xaa",[{"offset":1,"length":2,"string":"aa","captures":[{"offset":1,"length":1,"string":"a","name":"n"}]}]],
  ["(a)?\\1",null,"b",[]],
  ["(?:(?<q>\")|(?<q>'))x\\k<q>","g","\"x\" 'x' \"x'",[{"offset":0,"length":3,"string":"\"x\"","captures":[{"offset":0,"length":1,"string":"\"","name":"q"},{"offset":-1,"string":null,"length":0,"name":"q"}]},{"offset":4,"length":3,"string":"'x'","captures":[{"offset":-1,"string":null,"length":0,"name":"q"},{"offset":4,"length":1,"string":"'","name":"q"}]}]],
  ["(a)(?(1)b|c)","g","ab c ac",[{"offset":0,"length":2,"string":"ab","captures":[{"offset":0,"length":1,"string":"a","name":null}]}]],
  ["(a)?(?(1)b|c)","g","abac",[{"offset":0,"length":2,"string":"ab","captures":[{"offset":0,"length":1,"string":"a","name":null}]},{"offset":3,"length":1,"string":"c","captures":[{"offset":-1,"string":null,"length":0,"name":null}]}]],
  ["(?(a)b|c)","g","abc",[{"offset":0,"length":2,"string":"ab","captures":[]},{"offset":2,"length":1,"string":"c","captures":[]}]],
  ["(?<x>a)\\g<x>",null,"aaa",[{"offset":0,"length":2,"string":"aa","captures":[{"offset":1,"length":1,"string":"a","name":"x"}]}]],
  ["\\((?:[^()]|\\g<0>)*\\)",null,"x(a(b)c)y",[{"offset":1,"length":7,"string":"(a(b)c)","captures":[]}]],
  ["A","i","xa",[{"offset":1,"length":1,"string":"a","captures":[]}]],
  ["a b c # spaces","ix","xabcd",[{"offset":1,"length":3,"string":"abc","captures":[]}]],
  ["a.b",null,"a\nb",[]],
  ["a.b","m","a\nb",[{"offset":0,"length":3,"string":"a\nb","captures":[]}]],
  ["a.b","s","a\nb",[]],
  ["a.b","p","a\nb",[{"offset":0,"length":3,"string":"a\nb","captures":[]}]],
  ["^b","g","a\nb",[]],
  ["(?m)^b","g","a\nb",[{"offset":2,"length":1,"string":"b","captures":[]}]],
  ["a$",null,"a\n",[{"offset":0,"length":1,"string":"a","captures":[]}]],
  ["a\\z",null,"a\n",[]],
  ["a|ab|abc","l","abcd",[{"offset":0,"length":1,"string":"a","captures":[]}]],
  ["ab|abcd","l","xab abcd",[{"offset":4,"length":4,"string":"abcd","captures":[]}]],
  ["ab|abcd|abc","gl","ab abcd abc",[{"offset":3,"length":4,"string":"abcd","captures":[]},{"offset":8,"length":2,"string":"ab","captures":[]}]],
  [".","gl","ÉéE",[{"offset":0,"length":1,"string":"É","captures":[]},{"offset":1,"length":1,"string":"é","captures":[]},{"offset":2,"length":1,"string":"E","captures":[]}]],
  ["a*?","l","aaa",[{"offset":1,"length":1,"string":"a","captures":[]}]],
  ["x*","n","axx",[{"offset":1,"length":2,"string":"xx","captures":[]}]],
  ["x*|a","gn","axx",[{"offset":0,"length":1,"string":"a","captures":[]},{"offset":1,"length":2,"string":"xx","captures":[]}]],
  ["straße","i","STRASSE",[{"offset":0,"length":7,"string":"STRASSE","captures":[]}]],
  ["ss","gi","ß ẞ SS",[{"offset":0,"length":1,"string":"ß","captures":[]},{"offset":2,"length":1,"string":"ẞ","captures":[]},{"offset":4,"length":2,"string":"SS","captures":[]}]],
  ["ﬁ","gi","fi FI ﬁ",[{"offset":0,"length":2,"string":"fi","captures":[]},{"offset":3,"length":2,"string":"FI","captures":[]},{"offset":6,"length":1,"string":"ﬁ","captures":[]}]],
  ["k","gi","kKK",[{"offset":0,"length":1,"string":"k","captures":[]},{"offset":1,"length":1,"string":"K","captures":[]},{"offset":2,"length":1,"string":"K","captures":[]}]],
  ["\\p{Lu}","gi","aA",[{"offset":1,"length":1,"string":"A","captures":[]}]],
  ["[[:upper:]]","gi","aA",[{"offset":0,"length":1,"string":"a","captures":[]},{"offset":1,"length":1,"string":"A","captures":[]}]],
  ["a(?i)b|c","g","aBC",[{"offset":0,"length":2,"string":"aB","captures":[]},{"offset":2,"length":1,"string":"C","captures":[]}]],
  ["\\bx","g","x xx ½x",[{"offset":0,"length":1,"string":"x","captures":[]},{"offset":2,"length":1,"string":"x","captures":[]}]],
  ["\\Ka","g","ba",[{"offset":1,"length":1,"string":"a","captures":[]}]],
  ["a\\Kb","g","abab",[{"offset":1,"length":1,"string":"b","captures":[]},{"offset":3,"length":1,"string":"b","captures":[]}]],
  ["\\Gab","g","ababxab",[{"offset":0,"length":2,"string":"ab","captures":[]},{"offset":2,"length":2,"string":"ab","captures":[]}]],
  ["\\h","g","h1f",[{"offset":0,"length":1,"string":"h","captures":[]}]],
  ["[[:punct:]]","g","$a!_-",[{"offset":2,"length":1,"string":"!","captures":[]},{"offset":3,"length":1,"string":"_","captures":[]},{"offset":4,"length":1,"string":"-","captures":[]}]],
  ["\\s","g","a ﻿",[{"offset":1,"length":1,"string":" ","captures":[]},{"offset":2,"length":1,"string":"","captures":[]}]],
  ["\\d","g","1٣x",[{"offset":0,"length":1,"string":"1","captures":[]},{"offset":1,"length":1,"string":"٣","captures":[]}]],
  ["\\x{1F600}",null,"a😀",[{"offset":1,"length":1,"string":"😀","captures":[]}]],
  ["\\xc3\\xa9",null,"é",[{"offset":0,"length":1,"string":"é","captures":[]}]],
  ["\\101\\x42",null,"AB",[{"offset":0,"length":2,"string":"AB","captures":[]}]],
  ["\\Q.*\\E+",null,".**",[{"offset":0,"length":3,"string":".**","captures":[]}]],
  ["a{,2}",null,"a{,2}",[{"offset":0,"length":5,"string":"a{,2}","captures":[]}]],
  ["(?~abc)","g","xabcyab",[{"offset":0,"length":1,"string":"x","captures":[]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":5,"string":"bcyab","captures":[]}]],
  ["(?~|345|\\d*)","g","12345678",[{"offset":0,"length":2,"string":"12","captures":[]},{"offset":2,"length":0,"string":"","captures":[]},{"offset":3,"length":5,"string":"45678","captures":[]}]],
  ["(?<=a+)b","g","aab",[{"offset":2,"length":1,"string":"b","captures":[]}]],
  ["\\X","g","é👍🏽",[{"offset":0,"length":2,"string":"é","captures":[]},{"offset":2,"length":2,"string":"👍🏽","captures":[]}]],
  ["\\R","g","a\r\nb\nc",[{"offset":1,"length":2,"string":"\r\n","captures":[]},{"offset":4,"length":1,"string":"\n","captures":[]}]],
  ["(*FAIL)|a","g","aa",[{"offset":0,"length":1,"string":"a","captures":[]},{"offset":1,"length":1,"string":"a","captures":[]}]],
  ["(?{x})a",null,"a",[{"offset":0,"length":1,"string":"a","captures":[]}]],
  ["b*??","g","aab",[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]],
  ["a+?*","g","aab",[{"offset":0,"length":2,"string":"aa","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]],
  ["a*?*","g","aab",[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]}]],
  ["(?:b*?)??","g","ab",[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]}]],
  ["a{2}{3}",null,"aaaaaaa",[{"offset":0,"length":6,"string":"aaaaaa","captures":[]}]],
  ["\\w??{1,2}","g","ab",[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]}]],
  ["(a?){0,2}",null,"aa",[{"offset":0,"length":2,"string":"aa","captures":[{"offset":1,"length":1,"string":"a","name":null}]}]],
  ["(a|)+",null,"aa",[{"offset":0,"length":2,"string":"aa","captures":[{"offset":2,"string":"","length":0,"name":null}]}]],
  ["\\R*","g","a\n\nb",[{"offset":0,"length":0,"string":"","captures":[]},{"offset":1,"length":0,"string":"","captures":[]},{"offset":2,"length":0,"string":"","captures":[]},{"offset":3,"length":0,"string":"","captures":[]}]],
  ["\\R+","g","a\n\nb",[{"offset":1,"length":1,"string":"\n","captures":[]},{"offset":2,"length":1,"string":"\n","captures":[]}]],
  ["\\R{2,}","g","a\n\n\nb",[{"offset":1,"length":3,"string":"\n\n\n","captures":[]}]],
  ["(\\R)+",null,"\n\n",[{"offset":0,"length":1,"string":"\n","captures":[{"offset":0,"length":1,"string":"\n","name":null}]}]],
  ["(",null,"a",{"error":"Regex failure: end pattern with unmatched parenthesis"}],
  ["[a",null,"a",{"error":"Regex failure: premature end of char-class"}],
  ["a{2,1}",null,"a",{"error":"Regex failure: upper is smaller than lower in repeat range"}],
  ["\\p{Foo}",null,"a",{"error":"Regex failure: invalid character property name {Foo}"}],
  ["(?<a-b>x)",null,"x",[{"offset":0,"length":1,"string":"x","captures":[{"offset":0,"length":1,"string":"x","name":"a-b"}]}]],
  ["(?-i)a",null,"a",{"error":"Regex failure: invalid group name <>"}],
  ["a","q","a",{"error":"q is not a valid modifier string"}],
  ["a","gz","a",{"error":"gz is not a valid modifier string"}],
  ["(?<=a|bc)",null,"a",{"error":"Regex failure: invalid pattern in look-behind"}],
  ["(?<a>a\\g<a>)",null,"a",{"error":"Regex failure: never ending recursion"}],
];

function run(re: Json, flags: Json, input: Json, testMode = false): Json {
  try {
    return matchValues(input, re, flags, testMode);
  } catch (err) {
    if (err instanceof JqError) return { error: err.value };
    throw err;
  }
}

describe('matchValues: recorded from jq 1.6', () => {
  it.each(RECORDED)('%j with flags %j on %j', (re, flags, input, expected) => {
    expect(JSON.stringify(run(re, flags, input))).toBe(JSON.stringify(expected));
  });
});

describe('matchValues: test mode', () => {
  it('returns a boolean and ignores g', () => {
    expect(run('b', null, 'abc', true)).toBe(true);
    expect(run('x', 'g', 'abc', true)).toBe(false);
    expect(run('( )*', 'gn', 'abc', true)).toBe(false);
    expect(run('ā', null, 'ā', true)).toBe(true);
  });
});

describe('matchValues: argument errors (jq 1.6 texts)', () => {
  it('checks the input, then the regex, then the flags', () => {
    expect(run('a', null, 1)).toEqual({ error: 'number (1) cannot be matched, as it is not a string' });
    expect(run(1, 2, 3)).toEqual({ error: 'number (3) cannot be matched, as it is not a string' });
    expect(run(['a'], null, 'a')).toEqual({ error: 'array (["a"]) is not a string' });
    expect(run('a', 1, 'a')).toEqual({ error: 'number (1) is not a string' });
    expect(run('a', { g: 1 }, 'a')).toEqual({ error: 'object ({"g":1}) is not a string' });
    expect(run('a', 'gq', 'a')).toEqual({ error: 'gq is not a valid modifier string' });
    expect(run('(', 'q', 'a')).toEqual({ error: 'q is not a valid modifier string' });
    expect(run('a', null, { k: 'abcdefghijklm' })).toEqual({
      error: 'object ({"k":"abcde...) cannot be matched, as it is not a string',
    });
  });
});

describe('matchValues: accepted differences (docs/regex-differences.md)', () => {
  it('JavaScript resets a loop body\'s captures at each iteration', () => {
    // jq 1.6 keeps group 1 = "a" from the first iteration.
    expect(run('(?:(a)|b)+', null, 'ab')).toEqual([
      { offset: 0, length: 2, string: 'ab', captures: [{ offset: -1, string: null, length: 0, name: null }] },
    ]);
  });

  it('an unbounded loop whose body can match empty by a lazy choice', () => {
    // jq 1.6 gives ["", ""]: Oniguruma ends the loop at the empty iteration.
    expect((run('(?:a??|b)*', 'g', 'aa') as { string: string }[]).map((m) => m.string)).toEqual(['aa']);
  });

  it('steps over a multi-byte character where jq 1.6 crashes', () => {
    // jq 1.6 segfaults on these (its byte step lands inside a character).
    const offsets = (re: string, input: string): Json =>
      (run(re, 'g', input) as { offset: number }[]).map((m) => m.offset);
    expect(offsets('', 'éa')).toEqual([0, 1, 1]);
    expect(offsets('', '😀')).toEqual([0, 1, 1, 1]);
    expect(offsets('\\b', 'é b')).toEqual([0, 1, 1, 2]);
  });
});
