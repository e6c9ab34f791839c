/**
 * jq 1.6's `sub` and `gsub` (builtin.jq), including how they combine several or zero outputs of
 * the replacement filter and their error texts.
 * @module
 */
import type { Json } from '../ast.js';
import { cannotIndex } from '../error-dump.js';
import { JqError } from '../errors.js';
import { addValues } from '../operators.js';
import { codepointSlice, typeOf } from '../value.js';
import { captureObject, match } from './builtins.js';
import { matchValues } from './match.js';

/** The replacement filter: its outputs for one capture object (named captures only). */
export type Replacement = (captures: Json) => Json[];

const END = Number.MAX_SAFE_INTEGER;

/**
 * `sub(re; s)`, `sub(re; s; flags)`, `gsub(re; s)`, `gsub(re; s; flags)`.
 *
 * - `flags` undefined with `global` false is `sub/2`, which in 1.6 is a separate definition built
 *   on `match/1`: `re` may be `[re, flags]`, and only the first match is replaced.
 * - Otherwise 1.6's `sub/3` runs (`gsub(re; s; f)` is `sub(re; s; f + "g")`, `gsub(re; s)` is
 *   `sub(re; s; "g")`): with a `g` in the flags it replaces the first match, then matches again
 *   on the rest of the string (so `^` matches at each new start, and a look-behind does not see
 *   the replaced part).
 * - Each output of the replacement gives an output; for several matches the outputs combine
 *   with the first match's replacement varying fastest. A replacement with no output removes
 *   every output. `null` adds nothing; a number, array or object fails like 1.6's `+`:
 *   `string ("a") and number (1) cannot be added`.
 * - Divergence: where 1.6 loops forever (with `g`, an empty match at the start of the rest, e.g.
 *   `gsub(""; "-")`), we insert the replacement, keep one character and go on, giving `-a-b-c`
 *   for `"abc"`.
 * @example sub('abc', 'b', undefined, () => ['X'], false) // ['aXc']
 */
export function sub(input: Json, re: Json, flags: Json | undefined, replacement: Replacement, global: boolean): Json[] {
  if (!global && flags === undefined) return subFirst(input, re, replacement);
  const fullFlags: Json = global ? (flags === undefined ? 'g' : addValues(flags, 'g')) : (flags as Json);
  const gs = indexOfG(fullFlags);
  const repeat = gs !== null && gs !== false;
  const fla = repeat ? withoutG(fullFlags) : fullFlags;

  interface Edit {
    prefix: string;
    captures: Json;
    /** Text copied after the replacement (one character when an empty match would loop). */
    kept: string;
  }
  const edits: Edit[] = [];
  let rest = input;
  let tail: string;
  for (;;) {
    const found = matchValues(rest, re, fla, false) as { offset: number; length: number }[];
    const s = rest as string;
    if (found.length === 0) {
      tail = s;
      break;
    }
    const m = found[0]!;
    const after = m.offset + m.length;
    const edit = { prefix: codepointSlice(s, 0, m.offset), captures: captureObject(m), kept: '' };
    edits.push(edit);
    rest = codepointSlice(s, after, END);
    if (!(rest.length > 0 && repeat)) {
      tail = rest;
      break;
    }
    if (after === 0) {
      edit.kept = codepointSlice(s, 0, 1);
      rest = codepointSlice(s, 1, END);
      if (rest.length === 0) {
        tail = '';
        break;
      }
    }
  }
  let outputs: Json[] = [tail];
  for (let k = edits.length - 1; k >= 0; k--) {
    const { prefix, captures, kept } = edits[k]!;
    let replaced: Json[] | undefined;
    const next: Json[] = [];
    for (const r of outputs) {
      replaced ??= replacement(captures);
      for (const x of replaced) next.push(addValues(addValues(prefix, x), kept + (r as string)));
    }
    outputs = next;
  }
  return outputs;
}

/** 1.6's first `sub/2`: `[match($re)]`, replace `.[0]`. */
function subFirst(input: Json, re: Json, replacement: Replacement): Json[] {
  const found = match(input, re) as { offset: number; length: number }[];
  if (found.length === 0) return [input];
  const m = found[0]!;
  const s = input as string;
  const prefix = codepointSlice(s, 0, m.offset);
  const suffix = codepointSlice(s, m.offset + m.length, END);
  return replacement(captureObject(m)).map((x) => addValues(addValues(prefix, x), suffix));
}

/** `flags | index("g")` with 1.6's `indices`, for every kind of value. */
function indexOfG(flags: Json): Json {
  let found: Json;
  if (typeof flags === 'string') return flags.includes('g') ? flags.indexOf('g') : null;
  if (Array.isArray(flags)) {
    const at = flags.findIndex((x) => x === 'g');
    return at < 0 ? null : at;
  }
  if (flags === null) found = null;
  else if (typeof flags === 'object') found = Object.prototype.hasOwnProperty.call(flags, 'g') ? flags['g']! : null;
  else throw cannotIndex(flags, 'g');
  if (found === null) return null;
  if (Array.isArray(found)) return found.length > 0 ? found[0]! : null;
  if (typeof found === 'object') throw new JqError('Cannot index object with number');
  throw new JqError(`Cannot index ${typeOf(found)} with number`);
}

/** 1.6's `subg`: `[explode[] | select(. != 103)] | implode`. */
function withoutG(flags: Json): Json {
  if (typeof flags !== 'string') throw new JqError('explode input must be a string');
  return flags.replaceAll('g', '');
}
