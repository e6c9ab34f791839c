// InputReader against jq 1.6: values, `input_filename` and `input_line_number` (the position in
// error messages) recorded from /usr/bin/jq 1.6 with `jq -c '[., input_filename, input_line_number]'`.
import { describe, expect, it } from 'vitest';
import type { Json } from '../ast.js';
import { InputReader, type InputReaderOptions } from './input-reader.js';
import { encodeString } from '../utf8.js';

const FILES: Record<string, string> = {
  'a': '1',
  'b': '2',
  'f1.json': '{"a":1}\n',
  'f2.json': '2\n3',
  'raw.txt': 'a\nb',
};

function reader(stdin: string, opts: Partial<InputReaderOptions> = {}): { r: InputReader; errors: string[] } {
  const errors: string[] = [];
  const r = new InputReader({
    files: [],
    open: (name) =>
      FILES[name] === undefined ? { ok: false, error: 'No such file or directory' } : { ok: true, input: encodeString(FILES[name]) },
    stdin: () => encodeString(stdin),
    raw: false,
    slurp: false,
    seq: false,
    onError: (text) => errors.push(text),
    ...opts,
  });
  return { r, errors };
}

/** `[value, input_filename, input_line_number]` for each input, as jq's main loop reads them. */
function drain(r: InputReader): Array<[Json, string | null, number]> {
  const out: Array<[Json, string | null, number]> = [];
  while (r.failures === 0) {
    const step = r.next();
    if (step.kind !== 'value') break;
    out.push([step.value, r.filename, r.line]);
  }
  return out;
}

describe('InputReader (jq_util_input)', () => {
  it('counts lines read so far, including the one a value ends on', () => {
    expect(drain(reader('1\n2\n3').r)).toEqual([[1, '<stdin>', 1], [2, '<stdin>', 2], [3, '<stdin>', 2]]);
  });

  it('reads files through one parser, so texts run across file ends', () => {
    expect(drain(reader('', { files: ['a', 'b'] }).r)).toEqual([[12, 'b', 0]]);
    expect(drain(reader('', { files: ['f2.json', 'f1.json'] }).r)).toEqual([
      [2, 'f2.json', 1], [3, 'f1.json', 1], [{ a: 1 }, 'f1.json', 1],
    ]);
  });

  it('reads standard input once, even when named twice', () => {
    expect(drain(reader('7 8', { files: ['-', 'f2.json', '-'] }).r)).toEqual([
      [7, '<stdin>', 0], [82, 'f2.json', 1], [3, '<stdin>', 0],
    ]);
  });

  it('reads lines of at most 4095 bytes, like fgets into jq\'s buffer', () => {
    const { r } = reader(`${'1 '.repeat(2500)}\n5\n`);
    const lines = drain(r).map(([, , line]) => line);
    expect([lines.filter((l) => l === 0).length, lines.filter((l) => l === 1).length, lines.filter((l) => l === 2).length])
      .toEqual([2047, 453, 1]);
  });

  it('reports a missing file, then stops after the next value (jq checks failures per value)', () => {
    const { r, errors } = reader('', { files: ['f2.json', 'nonexist.json', 'f1.json'] });
    expect(drain(r)).toEqual([[2, 'f2.json', 1], [3, 'f1.json', 1]]);
    expect(errors).toEqual(['jq: error: Could not open file nonexist.json: No such file or directory\n']);
    expect(r.failures).toBe(1);
  });

  it('reads raw lines across files with -R', () => {
    expect(drain(reader('', { files: ['raw.txt', 'f2.json'], raw: true }).r)).toEqual([
      ['a', 'raw.txt', 1], ['b2', 'f2.json', 1], ['3', 'f2.json', 1],
    ]);
    expect(drain(reader('', { raw: true }).r)).toEqual([]);
  });

  it('slurps everything into one array or string with -s', () => {
    expect(drain(reader('', { files: ['f1.json', 'f2.json'], slurp: true }).r)).toEqual([[[{ a: 1 }, 2, 3], 'f2.json', 1]]);
    expect(drain(reader('x\ny\n', { raw: true, slurp: true }).r)).toEqual([['x\ny\n', '<stdin>', 2]]);
    expect(drain(reader('', { raw: true, slurp: true }).r)).toEqual([['', '<stdin>', 0]]);
    expect(drain(reader('', { slurp: true }).r)).toEqual([[[], '<stdin>', 0]]);
  });

  it('forgets the file name once the last input is exhausted', () => {
    const { r } = reader('1 2 3');
    expect(drain(r).map(([v]) => v)).toEqual([1, 2, 3]);
    expect(r.position()).toBe('<unknown>');
  });

  it('turns a parse error into a thrown error for `input`, then ends', () => {
    const it = reader('1 {').r.iterator((m) => new Error(m));
    expect(it.next()).toEqual({ done: false, value: 1 });
    expect(() => it.next()).toThrow('Unfinished JSON term at EOF at line 1, column 3');
    expect(it.next()).toEqual({ done: true, value: undefined });
  });

  it('reads pulled standard input piece by piece', () => {
    const pieces = [encodeString('[1,'), encodeString('2]\n"a'), encodeString('b"')];
    const r = new InputReader({
      files: [], open: () => ({ ok: false, error: 'x' }), stdin: () => ({ read: () => pieces.shift() ?? null }),
      raw: false, slurp: false, seq: false, onError: () => {},
    });
    expect(drain(r)).toEqual([[[1, 2], '<stdin>', 1], ['ab', '<stdin>', 1]]);
  });
});
