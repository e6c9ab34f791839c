// Path template matching and OpenAPI parameter decoding, without a server.
import { describe, expect, it } from 'vitest';
import { matchPathTemplate } from '../http/path-template.js';
import { coerceParameterValue } from './parameter-values.js';

const same = (node: Record<string, unknown>): Record<string, unknown> => node;

describe('matchPathTemplate', () => {
  it('fills variables from decoded segments and ignores a trailing slash', () => {
    expect(matchPathTemplate('/p/{id}/i/{iid}', '/p/a%2Fb/i/3/')).toEqual({ id: 'a/b', iid: '3' });
    expect(matchPathTemplate('/p/{id}', '/p/1/x')).toBeUndefined();
    expect(matchPathTemplate('/p/{id}', '/p/%E0%A4%A')).toBeUndefined();
    expect(matchPathTemplate('/p/{id}', '/p/')).toBeUndefined();
  });
});

describe('coerceParameterValue', () => {
  it('converts scalars by schema type and leaves unparsable text for the schema check', () => {
    expect(coerceParameterValue('42', { type: 'integer' }, { in: 'query' }, same)).toBe(42);
    expect(coerceParameterValue('4.5', { type: 'integer' }, { in: 'query' }, same)).toBe('4.5');
    expect(coerceParameterValue('4.5', { type: 'number' }, { in: 'query' }, same)).toBe(4.5);
    expect(coerceParameterValue('true', { type: 'boolean' }, { in: 'query' }, same)).toBe(true);
    expect(coerceParameterValue('yes', { type: 'boolean' }, { in: 'query' }, same)).toBe('yes');
    expect(coerceParameterValue(['a', 'b'], { type: 'string' }, { in: 'query' }, same)).toBe('b');
  });

  it('splits arrays by style and explode', () => {
    const ints = { type: 'array', items: { type: 'integer' } };
    expect(coerceParameterValue(['1', '2'], ints, { in: 'query' }, same)).toEqual([1, 2]);
    expect(coerceParameterValue('1,2', ints, { in: 'query' }, same)).toEqual(['1,2']);
    expect(coerceParameterValue('1,2', ints, { in: 'query', explode: false }, same)).toEqual([1, 2]);
    expect(coerceParameterValue('1|2', ints, { in: 'query', style: 'pipeDelimited', explode: false }, same)).toEqual([1, 2]);
    expect(coerceParameterValue('1,2', ints, { in: 'path' }, same)).toEqual([1, 2]);
  });
});
