// Case-folding tables: checked against the JavaScript engine's own `iu` matching, which is what they
// stand in for when a pattern is only partly case-insensitive.
import { describe, expect, it } from 'vitest';
import { casedInRange, caseOrbit, multiCharFold, multiCharFoldTargets, rangeHasCase, simpleFold } from './case-fold.js';

const chars = (cps: readonly number[]): string => String.fromCodePoint(...cps);

describe('caseOrbit', () => {
  it('groups the code points that JavaScript iu matching treats as equal', () => {
    expect(chars(caseOrbit(0x6b))).toBe('Kk\u212a');
    expect(chars(caseOrbit(0x73))).toBe('Ss\u017f');
    expect(chars(caseOrbit(0x3c3))).toBe('\u03a3\u03c2\u03c3');
    expect(chars(caseOrbit(0x131))).toBe('\u0131');
    expect(chars(caseOrbit(0x31))).toBe('1');
  });

  it('agrees with the engine for every cased code point', () => {
    const cased = casedInRange(0, 0x10ffff);
    expect(cased.length).toBeGreaterThan(2500);
    for (const cp of cased) {
      const re = new RegExp(`^\\u{${cp.toString(16)}}$`, 'iu');
      for (const other of caseOrbit(cp)) expect(re.test(String.fromCodePoint(other))).toBe(true);
    }
    // and nothing is missing in the Latin, Greek and Cyrillic blocks
    for (let cp = 0; cp < 0x530; cp++) {
      const re = new RegExp(`^\\u{${cp.toString(16)}}$`, 'iu');
      for (let other = 0; other < 0x530; other++) {
        if (re.test(String.fromCodePoint(other))) expect(caseOrbit(cp)).toContain(other);
      }
    }
  });
});

describe('multi-character foldings', () => {
  it('knows ß, ẞ, ﬁ and friends', () => {
    expect(multiCharFold(0xdf)).toBe('ss');
    expect(multiCharFold(0x1e9e)).toBe('ss');
    expect(multiCharFold(0xfb01)).toBe('fi');
    expect(multiCharFold(0x61)).toBeUndefined();
    expect(multiCharFoldTargets().get('ss')).toEqual([0xdf, 0x1e9e]);
  });

  it('folds pattern text for comparison with the targets', () => {
    expect(String.fromCodePoint(simpleFold(0x53), simpleFold(0x212a))).toBe('sk');
  });
});

describe('rangeHasCase', () => {
  it('tells ranges with letters from ranges without', () => {
    expect(rangeHasCase(0x30, 0x39)).toBe(false);
    expect(rangeHasCase(0x20, 0x40)).toBe(false);
    expect(rangeHasCase(0x41, 0x41)).toBe(true);
    expect(rangeHasCase(0x2100, 0x2130)).toBe(true);
    expect(rangeHasCase(0x4e00, 0x9fff)).toBe(false);
  });
});
