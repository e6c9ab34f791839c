/**
 * The jq-level regex builtins of jq 1.6 (`test`, `match`, `capture`, `scan`, `split/2`,
 * `splits`), defined in 1.6's builtin.jq on top of `_match_impl`, with already-evaluated
 * arguments. `flags` undefined means the one-argument form.
 * @module
 */
import type { Json } from '../ast.js';
import { JqError } from '../errors.js';
import { addValues } from '../operators.js';
import { codepointLength, codepointSlice, setKey, typeOf, type JsonObject } from '../value.js';
import { matchValues } from './match.js';

/**
 * The one-argument forms accept a string or an array `[re, flags]` (1.6's `test($val)` etc.):
 * `[re]` means no flags, anything else is `<type> not a string or array`.
 */
function regexAndFlags(val: Json): [Json, Json] {
  if (typeof val === 'string') return [val, null];
  if (Array.isArray(val) && val.length > 1) return [val[0]!, val[1]!];
  if (Array.isArray(val) && val.length > 0) return [val[0]!, null];
  throw new JqError(`${typeOf(val)} not a string or array`);
}

function matches(input: Json, re: Json, flags: Json | undefined): Json[] {
  const [r, f] = flags === undefined ? regexAndFlags(re) : [re, flags];
  return matchValues(input, r, f, false) as Json[];
}

/**
 * `test(re)` / `test(re; flags)`: whether `input` matches.
 * @example test('abc', 'B', 'i') // true
 */
export function test(input: Json, re: Json, flags?: Json): Json {
  const [r, f] = flags === undefined ? regexAndFlags(re) : [re, flags];
  return matchValues(input, r, f, true);
}

/** `match(re)` / `match(re; flags)`: one match object per match. */
export function match(input: Json, re: Json, flags?: Json): Json[] {
  return matches(input, re, flags);
}

/**
 * The object of named captures of a match object, as 1.6 builds it:
 * `reduce (.captures[] | select(.name != null) | {(.name): .string}) as $p ({}; . + $p)`.
 * With a name used twice the later group wins, even when it did not match (null).
 * @internal
 */
export function captureObject(matchObject: Json): JsonObject {
  const out: JsonObject = {};
  const captures = (matchObject as { captures: { name: Json; string: Json }[] }).captures;
  for (const c of captures) if (typeof c.name === 'string') setKey(out, c.name, c.string);
  return out;
}

/** `capture(re)` / `capture(re; flags)`: one object of named captures per match. */
export function capture(input: Json, re: Json, flags?: Json): Json[] {
  return matches(input, re, flags).map(captureObject);
}

/**
 * `scan(re)`: `match(re; "g")`, each match as its string, or as the array of its captures'
 * strings when the regex has groups. jq 1.6 has no `scan/2`; given `flags`, this is jq 1.7's
 * `match(re; "g" + flags)`.
 */
export function scan(input: Json, re: Json, flags?: Json): Json[] {
  const mode = flags === undefined ? 'g' : addValues('g', flags);
  return (matchValues(input, re, mode, false) as Json[]).map((m) => {
    const { captures, string } = m as { captures: { string: Json }[]; string: Json };
    return captures.length > 0 ? captures.map((c) => c.string) : string;
  });
}

/**
 * `splits(re; flags)`: the pieces of `input` between the matches of `match(re; "g" + flags)`.
 * The repeated empty matches of 1.6's match loop give empty pieces (`"ab" | [splits("$")]` is
 * `["ab", "", ""]`).
 */
export function splits(input: Json, re: Json, flags: Json = null): Json[] {
  const mode = addValues('g', flags);
  const found = matchValues(input, re, mode, false) as { offset: number; length: number }[];
  const s = input as string;
  const bounds = [0];
  for (const m of found) bounds.push(m.offset, m.offset + m.length);
  bounds.push(codepointLength(s));
  const out: Json[] = [];
  for (let i = 0; i < bounds.length; i += 2) out.push(codepointSlice(s, bounds[i]!, bounds[i + 1]!));
  return out;
}

/** `split(re; flags)` (split/2): `[splits(re; flags)]`. */
export function splitRegex(input: Json, re: Json, flags: Json): Json {
  return splits(input, re, flags);
}
