/**
 * Random JSON inputs for the differential test: small, mostly objects whose keys the generated
 * programs also use, with the strings and numbers jq builtins care about.
 * @module
 */
import fc from 'fast-check';
import type { Json } from '../../src/ast.js';

/**
 * Object keys. No integer-like keys: JS objects order those first, whatever jq's insertion order,
 * which would make every `keys_unsorted` on them a false mismatch.
 */
export const KEYS = ['a', 'b', 'c', 'foo', 'x', 'a b'] as const;

/** Strings: empty, plain, CSV-ish, with spaces, non-ASCII, numeric, a date, regex-friendly. */
export const STRINGS = ['', 'a', 'b', 'abc', 'a,b', 'A', 'foo', 'Hello World', 'é', '1', '10', '2015-03-05T23:51:47Z', 'x y', 'aXbX', '\n'];

/** Numbers: small integers, halves, negatives, a large one. */
export const NUMBERS = [0, 1, 2, 3, -1, 10, 0.5, 1.5, -2.5, 100, 1e3, 1425599507];

/** A random scalar. */
export const scalarArb: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(...NUMBERS), weight: 3 },
  { arbitrary: fc.integer({ min: -5, max: 20 }), weight: 1 },
  { arbitrary: fc.constantFrom(...STRINGS), weight: 3 },
);

/** A random JSON value, nested at most three levels. */
export const jsonArb: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    { arbitrary: scalarArb, weight: 3 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 2 },
    {
      arbitrary: fc
        .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie('value')), { maxLength: 4, selector: ([k]) => k })
        .map((entries) => Object.fromEntries(entries) as Json),
      weight: 2,
    },
  ),
})).value;

/** A random top-level input: usually an object, sometimes an array or a scalar. */
export const inputArb: fc.Arbitrary<Json> = fc.oneof(
  {
    arbitrary: fc
      .uniqueArray(fc.tuple(fc.constantFrom(...KEYS), jsonArb), { minLength: 1, maxLength: 5, selector: ([k]) => k })
      .map((entries) => Object.fromEntries(entries) as Json),
    weight: 5,
  },
  { arbitrary: fc.array(jsonArb, { maxLength: 5 }), weight: 3 },
  { arbitrary: scalarArb, weight: 2 },
);

/** Smaller variants of an input, for shrinking: null, each child, each one-smaller container. */
export function* shrinkInput(value: Json): Generator<Json> {
  if (value === null) return;
  yield null;
  if (Array.isArray(value)) {
    for (const item of value) yield item;
    for (let i = 0; i < value.length; i++) yield [...value.slice(0, i), ...value.slice(i + 1)];
  } else if (typeof value === 'object') {
    const entries = Object.entries(value);
    for (const [, v] of entries) yield v;
    for (let i = 0; i < entries.length; i++) yield Object.fromEntries([...entries.slice(0, i), ...entries.slice(i + 1)]) as Json;
  }
}
