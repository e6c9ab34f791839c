/**
 * The benchmark's expressions: twelve shapes that workflow expressions use, each with its
 * hand-written JavaScript equivalent.
 * @module
 */
import type { Json } from '../src/ast.js';
import * as hand from './hand-written.js';

/** One benchmark expression. */
export interface BenchCase {
  /** Short label for the table. */
  name: string;
  /** The jq program. */
  jq: string;
  /** The same computation written by hand. */
  hand: (doc: Json) => Json;
}

/** The expressions, in table order. */
export const CASES: readonly BenchCase[] = [
  { name: 'path', jq: '.customer.address.city', hand: hand.path },
  { name: 'object', jq: '{id, name: .customer.name, city: .customer.address.city, items: (.items | length)}', hand: hand.construct },
  { name: 'interpolation', jq: '"order \\(.id) for \\(.customer.name): \\(.items | length) items"', hand: hand.interpolate },
  { name: 'select/map', jq: '.items | map(select(.qty > 2) | .sku)', hand: hand.selectMap },
  { name: 'reduce', jq: 'reduce .items[] as $i (0; . + $i.qty * $i.price)', hand: hand.reduceTotal },
  { name: 'regex test', jq: '.items | map(select(.sku | test("^B-[0-9]+$"))) | length', hand: hand.regexTest },
  { name: 'tostring', jq: '.items | map(tostring)', hand: hand.toStrings },
  { name: 'sort_by', jq: '.items | sort_by(.price) | map(.sku)', hand: hand.sortBy },
  { name: 'group_by', jq: '.items | group_by(.category) | map({category: .[0].category, count: length})', hand: hand.groupBy },
  { name: 'to_entries', jq: '.customer | to_entries | map(select(.value | type == "string") | .key)', hand: hand.entries },
  { name: '..', jq: '[.. | numbers] | length', hand: hand.recurseNumbers },
  { name: 'update |=', jq: '.items[].qty |= . + 1', hand: hand.updateQty },
];
