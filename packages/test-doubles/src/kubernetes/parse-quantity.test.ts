// parseQuantity: the suffixes Kubernetes accepts, and the texts it rejects.
import { describe, expect, it } from 'vitest';
import { parseQuantity } from './parse-quantity.js';

describe('parseQuantity', () => {
  it.each([
    ['1', 1],
    ['500m', 0.5],
    ['1.5', 1.5],
    ['2Gi', 2 * 1024 ** 3],
    ['10G', 10e9],
    ['128Mi', 128 * 1024 ** 2],
    ['1e3', 1000],
    ['-1', -1],
    ['.5', 0.5],
    [4, 4],
  ])('reads %s', (text, value) => expect(parseQuantity(text)).toBe(value));

  it.each(['', 'abc', '2 Gi', '1Gb', '1.5.2', 'Gi', '10mi', null, true, Number.NaN])('rejects %s', (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});
