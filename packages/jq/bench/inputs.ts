/**
 * Benchmark inputs, generated deterministically: an order document with a customer and line
 * items, small (~300 bytes, 2 items) and medium (~20 KB, 200 items).
 * @module
 */
import type { Json } from '../src/ast.js';

/** A line item of the order. */
export interface Item {
  sku: string;
  name: string;
  category: string;
  qty: number;
  price: number;
  tags: string[];
}

/** The order document every benchmark expression reads. */
export interface Order {
  id: string;
  status: string;
  customer: { name: string; tier: string; age: number; address: { city: string; zip: string } };
  items: Item[];
}

const CATEGORIES = ['books', 'games', 'tools', 'food', 'garden'];
const WORDS = ['red', 'blue', 'small', 'large', 'eco', 'fast', 'smart', 'classic'];

/** A small deterministic PRNG (mulberry32), so inputs are identical on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An order with `itemCount` items; the same count always gives the same document. */
export function makeOrder(itemCount: number): Order {
  const rnd = prng(itemCount * 7919 + 17);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const items: Item[] = [];
  for (let i = 0; i < itemCount; i++) {
    const letter = 'ABC'[i % 3]!;
    items.push({
      sku: `${letter}-${100 + i}`,
      name: `${pick(WORDS)} ${pick(WORDS)}`,
      category: pick(CATEGORIES),
      qty: 1 + Math.floor(rnd() * 5),
      price: Math.round(rnd() * 10000) / 100,
      tags: [pick(WORDS), pick(WORDS)],
    });
  }
  return {
    id: `ord-${itemCount}`,
    status: 'open',
    customer: { name: 'Ada', tier: 'gold', age: 36, address: { city: 'London', zip: 'W1' } },
    items,
  };
}

/** A named benchmark input with its JSON text (what jq-web is given). */
export interface BenchInput {
  name: 'small' | 'medium';
  value: Json;
  text: string;
}

/** The two inputs: small (~300 B) and medium (~20 KB). */
export function benchInputs(): BenchInput[] {
  return [
    { name: 'small', count: 2 },
    { name: 'medium', count: 200 },
  ].map(({ name, count }) => {
    const value = makeOrder(count) as unknown as Json;
    return { name: name as BenchInput['name'], value, text: JSON.stringify(value) };
  });
}
