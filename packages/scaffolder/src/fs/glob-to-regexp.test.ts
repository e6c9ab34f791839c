import { describe, expect, it } from 'vitest';
import { globToRegExp, matchesAnyGlob } from './glob-to-regexp.js';

describe('globToRegExp', () => {
  it.each([
    ['*.ts', 'a.ts', true],
    ['*.ts', 'src/a.ts', false],
    ['**/*.ts', 'src/a/b.ts', true],
    ['**/*.ts', 'a.ts', true],
    ['src/**', 'src/a/b', true],
    ['./docs/*.{md,txt}', 'docs/a.txt', true],
    ['file?.txt', 'file1.txt', true],
    ['[ab].txt', 'c.txt', false],
    ['.github/*', '.github/x', true],
    ['a.b', 'axb', false],
  ])('%s matches %s: %s', (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it('matches a file under a matched directory', () => {
    expect(matchesAnyGlob('raw/x/y.md', [globToRegExp('raw')])).toBe(true);
    expect(matchesAnyGlob('other/y.md', [globToRegExp('raw')])).toBe(false);
  });
});
