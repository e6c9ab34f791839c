// UTF-8 helpers: Oniguruma's view of `\xHH` byte sequences and the position tables of the match loop.
import { describe, expect, it } from 'vitest';
import { decodeUtf8Lead, isValidUtf8, PositionMap, utf8Length } from './utf8.js';

describe('Oniguruma byte sequences', () => {
  it('reads lengths from lead bytes (RFC 3629: F5..FF are single bytes)', () => {
    expect([0x41, 0x80, 0xc3, 0xe2, 0xf0, 0xf4, 0xf5, 0xff].map(utf8Length)).toEqual([1, 1, 2, 3, 4, 4, 1, 1]);
  });

  it('decodes without validating, and validates separately', () => {
    expect(decodeUtf8Lead([0xc3, 0xa9])).toBe(0xe9);
    expect(decodeUtf8Lead([0xf0, 0x9f, 0x98, 0x80])).toBe(0x1f600);
    expect(isValidUtf8([0xc3, 0xa9])).toBe(true);
    expect(isValidUtf8([0xc3, 0x41])).toBe(false);
    expect(isValidUtf8([0x80])).toBe(false);
    expect(isValidUtf8([0xff])).toBe(true);
  });
});

describe('PositionMap', () => {
  it('maps UTF-16 indices to UTF-8 bytes and code points', () => {
    const p = new PositionMap('aé😀b');
    expect(p.ascii).toBe(false);
    expect(p.byteLength).toBe(8);
    expect([0, 1, 2, 4, 5].map((i) => p.byteAt(i))).toEqual([0, 1, 3, 7, 8]);
    expect([0, 1, 2, 4, 5].map((i) => p.codePointAt(i))).toEqual([0, 1, 2, 3, 4]);
  });

  it('rounds a byte inside a character up to the next character', () => {
    const p = new PositionMap('aé😀b');
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((b) => p.indexAtOrAfterByte(b))).toEqual([0, 1, 2, 2, 4, 4, 4, 4, 5]);
  });

  it('is the identity for ASCII', () => {
    const p = new PositionMap('abc');
    expect(p.ascii).toBe(true);
    expect([p.byteAt(2), p.codePointAt(2), p.indexAtOrAfterByte(2), p.byteLength]).toEqual([2, 2, 2, 3]);
  });
});
