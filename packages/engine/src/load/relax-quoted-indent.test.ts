import { describe, it, expect } from 'vitest';
import { parseDocument } from 'yaml';
import { reindentContinuation, relaxQuotedIndent } from './relax-quoted-indent.js';

function firstError(text: string): { message: string; offset: number } | undefined {
  const [e] = parseDocument(text, { prettyErrors: false }).errors;
  return e && { message: e.message, offset: e.pos[0] };
}

describe('reindentContinuation', () => {
  it('indents the line after the error one column past the opening quote', () => {
    const text = 'a:\n  b: "x\n  y"\n';
    expect(reindentContinuation(text, text.indexOf('\n', 4), '"')).toBe('a:\n  b: "x\n      y"\n');
  });

  it('finds the opening quote past escaped quotes and doubled single quotes', () => {
    const dq = 'k: "a \\" b\nc"\n';
    expect(reindentContinuation(dq, dq.indexOf('\n'), '"')).toBe('k: "a \\" b\n    c"\n');
    const sq = "k: 'it''s\nx'\n";
    expect(reindentContinuation(sq, sq.indexOf('\n'), "'")).toBe("k: 'it''s\n    x'\n");
  });

  it('refuses other shapes', () => {
    expect(reindentContinuation('k: "abc', 5, '"')).toBeUndefined();
    expect(reindentContinuation('k: x\ny\n', 1, '"')).toBeUndefined();
    expect(reindentContinuation('k: "x\n\ty"\n', 5, '"')).toBeUndefined();
  });
});

describe('relaxQuotedIndent', () => {
  it('repairs every under-indented line and reports their numbers', () => {
    const text = 'a:\n  b: "one\n  two\n  three"\n  c: 1\n';
    const r = relaxQuotedIndent(text, firstError);
    expect(r.lines).toEqual([3, 4]);
    expect(parseDocument(r.text).toJS()).toEqual({ a: { b: 'one two three', c: 1 } });
  });

  it('leaves text without that problem alone', () => {
    expect(relaxQuotedIndent('a: [1,\n', firstError)).toEqual({ text: 'a: [1,\n', lines: [] });
    expect(relaxQuotedIndent('a: 1\n', firstError)).toEqual({ text: 'a: 1\n', lines: [] });
  });
});
