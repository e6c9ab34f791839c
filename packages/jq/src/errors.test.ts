// Every jq error code is documented in docs/errors.md, and the error classes carry what they promise.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JQ_ERROR_CODES, JqCompileError, JqError, JqLimitError, errorMessageOf, lineColumn } from './errors.js';

describe('errors', () => {
  it('documents every code in docs/errors.md', () => {
    const doc = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of Object.values(JQ_ERROR_CODES)) expect(doc).toContain(`\`${code}\``);
  });

  it('JqCompileError reports 1-based line and column of the offset', () => {
    const e = new JqCompileError('foo/0 is not defined', { offset: 6, source: '.a |\n foo', token: 'foo' });
    expect([e.code, e.line, e.column, e.token]).toEqual(['JQ_COMPILE_ERROR', 2, 2, 'foo']);
  });

  it('JqError keeps the value and uses jq 1.6 wording for non-strings', () => {
    expect(new JqError('x').message).toBe('x');
    expect(new JqError({ a: 1 }).value).toEqual({ a: 1 });
    expect(errorMessageOf({ a: 1 })).toBe('{"a":1} (not a string)');
    expect(new JqLimitError('too deep').code).toBe('JQ_LIMIT_EXCEEDED');
  });

  it('computes positions across lines', () => {
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab', 99)).toEqual({ line: 1, column: 3 });
  });
});
