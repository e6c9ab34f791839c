// Parameter serialization: OpenAPI styles for query, path and header values, and strict encoding.
import { describe, expect, it } from 'vitest';
import { encodeComponent, queryPairs, scalarText, simpleStyle, withQuery } from './param-style.js';

describe('param-style', () => {
  it('scalarText keeps strings and writes other values as compact JSON', () => {
    expect([scalarText('a b'), scalarText(true), scalarText(42), scalarText(null), scalarText({ a: [1] })]).toEqual([
      'a b',
      'true',
      '42',
      'null',
      '{"a":[1]}',
    ]);
  });

  it('encodeComponent leaves only unreserved characters unencoded', () => {
    expect(encodeComponent("a b/c?d&e=f!'()*~-._")).toBe('a%20b%2Fc%3Fd%26e%3Df%21%27%28%29%2A~-._');
    expect(encodeComponent('ü')).toBe('%C3%BC');
  });

  it('queryPairs: form/explode (default) repeats keys, explode false joins with commas', () => {
    expect(queryPairs('a', ['x', 'y'], 'form', true)).toEqual(['a=x', 'a=y']);
    expect(queryPairs('a', ['x', 'y'], 'form', false)).toEqual(['a=x,y']);
    expect(queryPairs('a', ['x', 'y'], 'pipeDelimited', false)).toEqual(['a=x|y']);
    expect(queryPairs('a', ['x', 'y'], 'spaceDelimited', false)).toEqual(['a=x%20y']);
    expect(queryPairs('a', [], 'form', true)).toEqual([]);
    expect(queryPairs('a', null, 'form', true)).toEqual([]);
  });

  it('queryPairs: objects by style', () => {
    expect(queryPairs('o', { k: 1, j: 'v w' }, 'form', true)).toEqual(['k=1', 'j=v%20w']);
    expect(queryPairs('o', { k: 1, j: 'v' }, 'form', false)).toEqual(['o=k,1,j,v']);
    expect(queryPairs('o', { k: 1 }, 'deepObject', true)).toEqual(['o%5Bk%5D=1']);
  });

  it('simpleStyle: arrays and objects as comma lists, null left out', () => {
    const id = (s: string) => s;
    expect(simpleStyle(['a', 1], false, id)).toBe('a,1');
    expect(simpleStyle({ k: 'v' }, false, id)).toBe('k,v');
    expect(simpleStyle({ k: 'v' }, true, id)).toBe('k=v');
    expect(simpleStyle('a/b', false, encodeComponent)).toBe('a%2Fb');
    expect(simpleStyle(null, false, id)).toBeUndefined();
  });

  it('withQuery appends to an existing query', () => {
    expect(withQuery('/p', [])).toBe('/p');
    expect(withQuery('/p', ['a=1', 'b=2'])).toBe('/p?a=1&b=2');
    expect(withQuery('/p?x=0', ['a=1'])).toBe('/p?x=0&a=1');
  });
});
