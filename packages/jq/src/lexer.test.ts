// Lexer tests: token types, values and the flex longest-match quirks of jq 1.6's src/lexer.l.
import { describe, expect, it } from 'vitest';
import { tokenDisplayName, tokenize } from './lexer.js';
import { decodeEscapes, numberLiteralError } from './lex-literals.js';

const types = (src: string): string[] => tokenize(src).map((t) => t.type);
const values = (src: string): unknown[] => tokenize(src).slice(0, -1).map((t) => t.value);

describe('tokenize', () => {
  it('ends with $end at the end of the source', () => {
    expect(tokenize('')).toEqual([{ type: '$end', text: '', start: 0, end: 0 }]);
    expect(tokenize('  .').at(-1)).toMatchObject({ type: '$end', start: 3 });
  });

  it('lexes operators, longest first', () => {
    expect(types('| , // //= ?// ? = == != |= += -= *= /= %= < <= > >= + - * / % $ ; :')).toEqual([
      '|', ',', '//', '//=', '?//', '?', '=', '==', '!=', '|=', '+=', '-=', '*=', '/=', '%=', '<', '<=', '>', '>=',
      '+', '-', '*', '/', '%', '$', ';', ':', '$end',
    ]);
    expect(types('.a?//1')).toEqual(['FIELD', '?//', 'LITERAL', '$end']);
    expect(types('a//=b')).toEqual(['IDENT', '//=', 'IDENT', '$end']);
  });

  it('lexes keywords only when the whole identifier is one', () => {
    expect(types('and or if then elif else end as def reduce foreach try catch label import include module break __loc__')).toEqual([
      'and', 'or', 'if', 'then', 'elif', 'else', 'end', 'as', 'def', 'reduce', 'foreach', 'try', 'catch', 'label',
      'import', 'include', 'module', 'break', '__loc__', '$end',
    ]);
    expect(types('android iff end_ _if')).toEqual(['IDENT', 'IDENT', 'IDENT', 'IDENT', '$end']);
  });

  it('lexes identifiers with :: parts, and stops before a dangling ::', () => {
    expect(values('a::b::c x_1 if::x')).toEqual(['a::b::c', 'x_1', 'if::x']);
    expect(types('a::1')).toEqual(['IDENT', ':', ':', 'LITERAL', '$end']);
  });

  it('lexes fields, including keyword names, but not with ::', () => {
    expect(tokenize('.foo .and ._1')).toMatchObject([
      { type: 'FIELD', value: 'foo', text: '.foo' },
      { type: 'FIELD', value: 'and' },
      { type: 'FIELD', value: '_1' },
      { type: '$end' },
    ]);
    expect(types('.a::b')).toEqual(['FIELD', ':', ':', 'IDENT', '$end']);
  });

  it('resolves . / .. / numbers / fields by longest match, earlier rule on ties', () => {
    expect(types('. .. .5 1. .e .e5x')).toEqual(['.', '..', 'LITERAL', 'LITERAL', 'FIELD', 'FIELD', '$end']);
    expect(types('..a')).toEqual(['..', 'IDENT', '$end']);
    expect(types('.[')).toEqual(['.', '[', '$end']);
    // `.e5` and `...` are (invalid) numbers in jq 1.6.
    expect(tokenize('.e5')[0]).toMatchObject({ type: 'LITERAL', error: expect.stringContaining('Invalid numeric literal') });
    expect(tokenize('...')[0]).toMatchObject({ type: 'LITERAL', text: '...' });
  });

  it('reads numbers as jq 1.6 does', () => {
    expect(values('1 .5 1. 00012 1.e3 1e1000 2E-2 1e+2')).toEqual([1, 0.5, 1, 12, 1000, Infinity, 0.02, 100]);
    expect(types('1e')).toEqual(['LITERAL', 'IDENT', '$end']);
    expect(tokenize('1.2.3')[0]).toMatchObject({
      type: 'LITERAL',
      text: '1.2.3',
      error: "Invalid numeric literal at EOF at line 1, column 5 (while parsing '1.2.3')",
    });
  });

  it('lexes formats, and a bare @ as an invalid character', () => {
    expect(tokenize('@base64 @sh')).toMatchObject([{ type: 'FORMAT', value: '@base64' }, { type: 'FORMAT', value: '@sh' }, { type: '$end' }]);
    expect(types('@ x')).toEqual(['INVALID_CHARACTER', 'IDENT', '$end']);
  });

  it('skips comments and whitespace (including \\r)', () => {
    expect(types('1 # comment | 2\n+ 2\r\n')).toEqual(['LITERAL', '+', 'LITERAL', '$end']);
    expect(types('"a#b"')).toEqual(['QQSTRING_START', 'QQSTRING_TEXT', 'QQSTRING_END', '$end']);
  });

  it('matches closers to openers; a mismatched closer is INVALID_CHARACTER', () => {
    expect(types('([{}])')).toEqual(['(', '[', '{', '}', ']', ')', '$end']);
    expect(types('}')).toEqual(['INVALID_CHARACTER', '$end']);
    expect(types('(]')).toEqual(['(', 'INVALID_CHARACTER', '$end']);
    expect(types('!')).toEqual(['INVALID_CHARACTER', '$end']);
    expect(tokenize('😀')).toMatchObject([{ type: 'INVALID_CHARACTER', text: '😀', start: 0, end: 2 }, { type: '$end' }]);
  });

  it('lexes strings with interpolation, nested strings and parens inside', () => {
    expect(types('"a\\(f("x\\(1)") + (2))b"')).toEqual([
      'QQSTRING_START', 'QQSTRING_TEXT', 'QQSTRING_INTERP_START', 'IDENT', '(', 'QQSTRING_START', 'QQSTRING_TEXT',
      'QQSTRING_INTERP_START', 'LITERAL', 'QQSTRING_INTERP_END', 'QQSTRING_END', ')', '+', '(', 'LITERAL', ')',
      'QQSTRING_INTERP_END', 'QQSTRING_TEXT', 'QQSTRING_END', '$end',
    ]);
  });

  it('decodes escape runs together, so surrogate pairs join', () => {
    expect(values('"x\\n\\t\\u00e9\\ud83d\\ude00\\/\\"\\\\y"')).toEqual([undefined, 'x', '\n\t\u00e9\u{1f600}/"\\', 'y', undefined]);
    expect(values('"\\udc00"')[1]).toBe('\ufffd');
  });

  it('keeps raw newlines and an unterminated string ends at $end', () => {
    expect(values('"a\nb"')[1]).toBe('a\nb');
    expect(types('"abc')).toEqual(['QQSTRING_START', 'QQSTRING_TEXT', '$end']);
    expect(types('"\\')).toEqual(['QQSTRING_START', 'INVALID_CHARACTER', '$end']);
  });

  it('attaches jq\'s JSON-parser message to a bad escape', () => {
    expect(tokenize('"a\\ b"')[2]).toMatchObject({ type: 'QQSTRING_TEXT', text: '\\ ', error: `Invalid escape at line 1, column 4 (while parsing '"\\ "')` });
  });

  it('records offsets', () => {
    expect(tokenize('.a | "x"').map((t) => [t.start, t.end])).toEqual([[0, 2], [3, 4], [5, 6], [6, 7], [7, 8], [8, 8]]);
  });
});

describe('decodeEscapes', () => {
  it('reproduces jq 1.6 messages and positions', () => {
    expect(decodeEscapes('\\ ')).toEqual({ error: `Invalid escape at line 1, column 4 (while parsing '"\\ "')` });
    expect(decodeEscapes('\\ \\ ')).toEqual({ error: `Invalid escape at line 1, column 6 (while parsing '"\\ \\ "')` });
    expect(decodeEscapes('\\u12')).toEqual({ error: `Invalid \\uXXXX escape at line 1, column 6 (while parsing '"\\u12"')` });
    expect(decodeEscapes('\\uZZZZ')).toEqual({ error: `Invalid characters in \\uXXXX escape at line 1, column 8 (while parsing '"\\uZZZZ"')` });
    expect(decodeEscapes('\\ud800')).toEqual({ error: `Invalid \\uXXXX\\uXXXX surrogate pair escape at line 1, column 8 (while parsing '"\\ud800"')` });
    expect(decodeEscapes('\\\n')).toEqual({ error: `Invalid escape at line 2, column 1 (while parsing '"\\\n"')` });
    // `\u12\n` is one run, and jq reads `12\n` as the four hex digits.
    expect(decodeEscapes('\\u12\\n')).toMatchObject({ error: expect.stringMatching(/^Invalid characters in \\uXXXX escape/) });
  });

  it('decodes valid runs', () => {
    expect(decodeEscapes('\\b\\f\\r\\u0000\\u0041')).toBe('\b\f\r\u0000A');
  });
});

describe('numberLiteralError', () => {
  it('accepts what jq 1.6\'s strtod accepts', () => {
    for (const ok of ['0', '1.', '.5', '1.5e3', '1.e3', '00012', '1E+5', '1e1000']) expect(numberLiteralError(ok)).toBeUndefined();
    for (const bad of ['1.2.3', '..5', '.e5', '...']) expect(numberLiteralError(bad)).toMatch(/^Invalid numeric literal at EOF/);
  });
});

describe('tokenDisplayName', () => {
  it('quotes one-character tokens only, as bison does', () => {
    expect(['|', '$', '//', 'and', 'IDENT', '$end'].map(tokenDisplayName)).toEqual(["'|'", "'$'", '//', 'and', 'IDENT', '$end']);
  });
});
