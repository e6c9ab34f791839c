/**
 * Human messages for JSON Schema failures (ajv's defaults say "must NOT have additional
 * properties" without naming the property); used by the schema explainer.
 */
import type { ErrorObject } from 'ajv';
import type { SchemaNode } from './schema-registry.js';

/** JSON type name of a value, as JSON Schema's `type` keyword names it. @internal */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** True when `value` has one of the schema `type`s (an integer is also a number). @internal */
export function hasType(value: unknown, types: string | readonly string[]): boolean {
  const actual = jsonType(value);
  const wanted = typeof types === 'string' ? [types] : types;
  return wanted.includes(actual) || (actual === 'integer' && wanted.includes('number'));
}

const ARTICLE: Readonly<Record<string, string>> = {
  string: 'a string',
  object: 'an object',
  array: 'an array',
  boolean: 'a boolean',
  number: 'a number',
  integer: 'an integer',
  null: 'null',
};

/** `a string or an object`. @internal */
export function describeTypes(types: readonly string[]): string {
  const unique = [...new Set(types)];
  return unique.map((t) => ARTICLE[t] ?? t).join(' or ');
}

/** How a value reads in a message: `the string "yes"`, `the number 5`, `an object`. @internal */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value === 'number' ? 'the number ' : ''}${String(value)}`;
  return ARTICLE[jsonType(value)] ?? String(value);
}

/** `'a', 'b' and 'c'` / `'a' or 'b'`. @internal */
export function quoteList(items: readonly string[], last: 'and' | 'or'): string {
  const quoted = items.map((i) => `'${i}'`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${last} ${quoted.at(-1)}`;
}

/** The message for one ajv error about the node itself (not about a child). @internal */
export function keywordMessage(error: ErrorObject, node: SchemaNode, value: unknown): string {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${describeTypes(String(p['type']).split(','))}, not ${describeValue(value)}`;
    case 'required':
      return `missing required property '${String(p['missingProperty'])}'`;
    case 'additionalProperties':
      return unknownPropertyMessage(String(p['additionalProperty']), node);
    case 'enum':
      return `must be one of: ${(p['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')} (not ${describeValue(value)})`;
    case 'const':
      return `must be ${JSON.stringify(p['allowedValue'])} (not ${describeValue(value)})`;
    case 'minLength':
      return p['limit'] === 1 ? 'must not be empty' : `must be at least ${String(p['limit'])} characters long`;
    case 'minItems':
      return p['limit'] === 1 ? 'must not be an empty list' : `must have at least ${String(p['limit'])} items`;
    case 'format':
      return `must be a valid ${String(p['format'])} (not ${describeValue(value)})`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p['comparison'])} ${String(p['limit'])}`;
    case 'multipleOf':
      return `must be a multiple of ${String(p['multipleOf'])}`;
    case 'uniqueItems':
      return `must not repeat items (items ${String(p['j'])} and ${String(p['i'])} are equal)`;
    default:
      return error.message ?? `fails '${error.keyword}'`;
  }
}

/** `unknown property 'transtion' (did you mean 'transition'?)`, or the list of allowed ones. @internal */
export function unknownPropertyMessage(name: string, node: SchemaNode): string {
  const allowed = typeof node === 'object' && node.properties ? Object.keys(node.properties as object) : [];
  const close = allowed.filter((a) => editDistance(a.toLowerCase(), name.toLowerCase()) <= Math.min(2, a.length >> 2 || 1));
  if (close.length > 0) return `unknown property '${name}' (did you mean ${quoteList(close, 'or')}?)`;
  return allowed.length > 0 ? `unknown property '${name}' (allowed: ${allowed.join(', ')})` : `unknown property '${name}'`;
}

/** Levenshtein distance; inputs are property names, so the quadratic table is tiny. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
