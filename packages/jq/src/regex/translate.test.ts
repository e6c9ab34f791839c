// Pattern translation: the RegExp cache, the JavaScript source for the constructs JavaScript lacks,
// and when JavaScript's own `i` flag can stand for Oniguruma's case folding.
import { beforeEach, describe, expect, it } from 'vitest';
import type { OnigOptions } from './onig-ast.js';
import { OnigPatternError } from './onig-error.js';
import { clearPatternCache, compilePattern } from './translate.js';

const OPTIONS: OnigOptions = { ci: false, dotall: false, singleline: true, extend: false };
const CI: OnigOptions = { ...OPTIONS, ci: true };

const source = (pattern: string, options = OPTIONS): string => compilePattern(pattern, options).variant('search', 0, 0).regex.source;
const flags = (pattern: string, options = OPTIONS): string => compilePattern(pattern, options).variant('test', 0, 0).regex.flags;

describe('compilePattern cache', () => {
  beforeEach(() => clearPatternCache());

  it('returns the same compiled pattern for the same pattern and options', () => {
    const a = compilePattern('a+b', OPTIONS);
    expect(compilePattern('a+b', OPTIONS)).toBe(a);
    expect(compilePattern('a+b', CI)).not.toBe(a);
  });

  it('keeps each RegExp variant', () => {
    const p = compilePattern('a+b', OPTIONS);
    expect(p.variant('test', 0, 0).regex).toBe(p.variant('test', 0, 0).regex);
    expect(p.variant('search', 0, 0).regex.flags).toBe('dgu');
    expect(p.variant('sticky', 2, 0).regex.flags).toBe('duy');
  });

  it('remembers a pattern error too', () => {
    const first = (() => {
      try {
        compilePattern('(', OPTIONS);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(first).toBeInstanceOf(OnigPatternError);
    expect(() => compilePattern('(', OPTIONS)).toThrow(first as Error);
  });

  it('evicts the least recently used pattern past 512', () => {
    const keep = compilePattern('keep', OPTIONS);
    for (let i = 0; i < 600; i++) {
      compilePattern(`p${i}`, OPTIONS);
      if (i % 100 === 0) compilePattern('keep', OPTIONS);
    }
    expect(compilePattern('keep', OPTIONS)).toBe(keep);
    const evicted = compilePattern('p0', OPTIONS);
    expect(compilePattern('p0', OPTIONS)).toBe(evicted);
  });
});

describe('JavaScript source', () => {
  it('writes Oniguruma anchors without the m flag', () => {
    expect(source('^a$')).toBe('^a(?=\\n?$)');
    expect(source('\\Aa\\z')).toBe('^a$');
    expect(source('(?m)^a$')).toBe('(?:^|(?<=\\n)(?!$))a(?=\\n|$)');
    expect(source('.')).toBe('[^\\n]');
    expect(source('(?s).')).toBe('[\\s\\S]');
  });

  it('emulates atomic groups and possessive quantifiers with a look-ahead capture', () => {
    expect(source('(?>a+)b')).toBe('(?=(a+))(?:\\1)b');
    expect(source('a*+b')).toBe('(?=(a*))(?:\\1)b');
  });

  it('maps groups to JavaScript groups behind the hidden ones', () => {
    const p = compilePattern('(?>(a))(b)', OPTIONS);
    expect(p.variant('search', 0, 0).emitted.groupSlots).toEqual([[], [2], [3]]);
  });

  it('checks that a possibly unset group took part before a back-reference to it', () => {
    expect(source('(a)\\1')).toBe('(a)(?:(?:\\1))');
    expect(source('(a)?\\1')).toContain('(?<=^([\\s\\S]*))(?=([\\s\\S]*))');
  });

  it('adds a minimum length for the n flag', () => {
    expect(compilePattern('a*', OPTIONS).variant('search', 1, 0).regex.source).toBe(
      '(?=[\\s\\S]{1}([\\s\\S]*))(?:a*)(?![\\s\\S]+(?:\\1)$)',
    );
  });

  it('writes \\G for the start of the search', () => {
    const p = compilePattern('\\Ga', OPTIONS);
    expect(p.variant('search', 0, 0).regex.source).toBe('^a');
    expect(p.variant('search', 0, 3).regex.source).toBe('(?<=^[\\s\\S]{3})a');
  });
});

describe('case-insensitive patterns', () => {
  it('use the i flag when everything case-relevant is case-insensitive', () => {
    expect(flags('abc', CI)).toBe('iu');
    expect(flags('[a-z]\\d+', CI)).toBe('iu');
    expect(flags('(?i)a1', OPTIONS)).toBe('iu');
    expect(flags('a(?i)1', OPTIONS)).toBe('u');
  });

  it('expand characters by hand when only a part is case-insensitive', () => {
    expect(flags('a(?i)b', OPTIONS)).toBe('u');
    expect(source('a(?i)k', OPTIONS)).toBe('a[Kk\\u{212a}]');
  });

  it('do not fold \\p{Lu} outside brackets, as Oniguruma', () => {
    expect(flags('\\p{Lu}', CI)).toBe('u');
    expect(flags('[\\p{Lu}]', CI)).toBe('iu');
  });

  it('add multi-character foldings', () => {
    expect(source('ß', CI)).toBe('(?:\\u{df}|ss)');
    expect(source('ss', CI)).toBe('(?:ss|[\\u{df}\\u{1e9e}])');
  });
});
