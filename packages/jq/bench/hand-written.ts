/**
 * The benchmark expressions written by hand in plain JavaScript, the way a careful programmer
 * would: plain loops, no input mutation, and jq's type checks where they are cheap (indexing a
 * non-object raises jq's error, comparisons of mixed types follow jq's type order). They are the
 * "how fast could this be" column of the benchmark.
 * @module
 */
import type { Json } from '../src/ast.js';

type Obj = { [key: string]: Json };

/** jq's type name, for error messages. */
function typeName(v: Json): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** `.key` with jq's rules: null gives null, an object gives its value or null, else an error. */
function field(v: Json, key: string): Json {
  if (v === null) return null;
  if (typeof v === 'object' && !Array.isArray(v)) {
    const r = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
    return r === undefined ? null : r;
  }
  throw new Error(`Cannot index ${typeName(v)} with "${key}"`);
}

function array(v: Json, what: string): Json[] {
  if (Array.isArray(v)) return v;
  throw new Error(`Cannot iterate over ${typeName(v)} (${what})`);
}

function object(v: Json): Obj {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v;
  throw new Error(`${typeName(v)} has no keys`);
}

/** jq's order of types: null < false < true < numbers < strings < arrays < objects. */
function typeRank(v: Json): number {
  if (v === null) return 0;
  if (v === false) return 1;
  if (v === true) return 2;
  if (typeof v === 'number') return 3;
  if (typeof v === 'string') return 4;
  return Array.isArray(v) ? 5 : 6;
}

/** `a > b` for the common number case, falling back to jq's type order (deep values are not needed here). */
function greater(a: Json, b: number): boolean {
  if (typeof a === 'number') return a > b;
  return typeRank(a) > 3;
}

/** Compares sort keys that are all numbers or all strings (what the benchmark uses); jq's type order otherwise. */
function compareKeys(a: Json, b: Json): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return typeRank(a) - typeRank(b);
}

function length(v: Json): number {
  if (Array.isArray(v)) return v.length;
  if (typeof v === 'string') return v.length;
  if (v === null) return 0;
  if (typeof v === 'object') return Object.keys(v).length;
  if (typeof v === 'number') return Math.abs(v);
  throw new Error('boolean has no length');
}

/** `.customer.address.city` */
export function path(doc: Json): Json {
  return field(field(field(doc, 'customer'), 'address'), 'city');
}

/** `{id, name: .customer.name, city: .customer.address.city, items: (.items | length)}` */
export function construct(doc: Json): Json {
  const customer = field(doc, 'customer');
  return {
    id: field(doc, 'id'),
    name: field(customer, 'name'),
    city: field(field(customer, 'address'), 'city'),
    items: length(field(doc, 'items')),
  };
}

/** jq's `tostring` for the values the benchmark interpolates: strings as is, others as JSON. */
function tostring(v: Json): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** `"order \(.id) for \(.customer.name): \(.items | length) items"` */
export function interpolate(doc: Json): Json {
  return `order ${tostring(field(doc, 'id'))} for ${tostring(field(field(doc, 'customer'), 'name'))}: ${length(field(doc, 'items'))} items`;
}

/** `.items | map(select(.qty > 2) | .sku)` */
export function selectMap(doc: Json): Json {
  const items = array(field(doc, 'items'), 'items');
  const out: Json[] = [];
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (greater(field(it, 'qty'), 2)) out.push(field(it, 'sku'));
  }
  return out;
}

/** `reduce .items[] as $i (0; . + $i.qty * $i.price)` */
export function reduceTotal(doc: Json): Json {
  const items = array(field(doc, 'items'), 'items');
  let total = 0;
  for (let i = 0; i < items.length; i++) {
    const qty = field(items[i]!, 'qty');
    const price = field(items[i]!, 'price');
    if (typeof qty !== 'number' || typeof price !== 'number') throw new Error('qty and price must be numbers');
    total += qty * price;
  }
  return total;
}

const SKU_B = /^B-[0-9]+$/;

/** `.items | map(select(.sku | test("^B-[0-9]+$"))) | length` */
export function regexTest(doc: Json): Json {
  const items = array(field(doc, 'items'), 'items');
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const sku = field(items[i]!, 'sku');
    if (typeof sku !== 'string') throw new Error(`${typeName(sku)} cannot be matched, as it is not a string`);
    if (SKU_B.test(sku)) n++;
  }
  return n;
}

/** `.items | map(tostring)` */
export function toStrings(doc: Json): Json {
  const items = array(field(doc, 'items'), 'items');
  const out: Json[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = tostring(items[i]!);
  return out;
}

/** `.items | sort_by(.price) | map(.sku)` */
export function sortBy(doc: Json): Json {
  const items = array(field(doc, 'items'), 'items');
  const keyed = items.map((it, i) => ({ key: field(it, 'price'), i, it }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.i - b.i);
  return keyed.map((k) => field(k.it, 'sku'));
}

/** `.items | group_by(.category) | map({category: .[0].category, count: length})` */
export function groupBy(doc: Json): Json {
  const items = array(field(doc, 'items'), 'items');
  const keyed = items.map((it, i) => ({ key: field(it, 'category'), i }));
  keyed.sort((a, b) => compareKeys(a.key, b.key) || a.i - b.i);
  const out: Json[] = [];
  let start = 0;
  for (let i = 1; i <= keyed.length; i++) {
    if (i === keyed.length || compareKeys(keyed[i]!.key, keyed[start]!.key) !== 0) {
      out.push({ category: keyed[start]!.key, count: i - start });
      start = i;
    }
  }
  return out;
}

/** `.customer | to_entries | map(select(.value | type == "string") | .key)` */
export function entries(doc: Json): Json {
  const customer = object(field(doc, 'customer'));
  const out: Json[] = [];
  for (const key of Object.keys(customer)) {
    if (typeof customer[key] === 'string') out.push(key);
  }
  return out;
}

function countNumbers(v: Json): number {
  if (typeof v === 'number') return 1;
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) n += countNumbers(v[i]!);
  } else {
    for (const key in v) n += countNumbers(v[key]!);
  }
  return n;
}

/** `[.. | numbers] | length` */
export function recurseNumbers(doc: Json): Json {
  return countNumbers(doc);
}

/** `.items[].qty |= . + 1` (a new document; the input is not changed) */
export function updateQty(doc: Json): Json {
  const d = object(doc);
  const items = array(field(d, 'items'), 'items');
  const next: Json[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const it = object(items[i]!);
    const qty = field(it, 'qty');
    if (qty !== null && typeof qty !== 'number') throw new Error(`${typeName(qty)} and number cannot be added`);
    next[i] = { ...it, qty: (qty ?? 0) + 1 };
  }
  return { ...d, items: next };
}
