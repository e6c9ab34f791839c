/**
 * jq 1.6's `sub` and `gsub` (builtin.jq), including how they combine several or zero outputs of
 * the replacement filter (and of the flags), lazily, so errors come where 1.6 raises them.
 * @module
 */
import type { Json } from '../ast.js';
import { cannotIndex } from '../error-dump.js';
import { JqError } from '../errors.js';
import { addValues } from '../operators.js';
import { codepointSlice, typeOf } from '../value.js';
import { captureObject, match } from './builtins.js';
import { firstMatch } from './match.js';

/** The replacement filter: its outputs for one capture object (named captures only). */
export type Replacement = (captures: Json) => Iterable<Json>;

/**
 * The flags argument: one value, or the flags filter itself (a function yielding its outputs),
 * which 1.6's `sub/3` evaluates twice, nested (see {@link subIterate}); undefined when not given.
 */
export type FlagsArgument = Json | undefined | (() => Iterable<Json>);

const END = Number.MAX_SAFE_INTEGER;

/**
 * `sub(re; s)`, `sub(re; s; flags)`, `gsub(re; s)`, `gsub(re; s; flags)`, all outputs at once.
 * See {@link subIterate} for the semantics; use that to get outputs before a later error.
 * @example sub('abc', 'b', undefined, () => ['X'], false) // ['aXc']
 */
export function sub(input: Json, re: Json, flags: FlagsArgument, replacement: Replacement, global: boolean): Json[] {
  return [...subIterate(input, re, flags, replacement, global)];
}

/**
 * The outputs of `sub`/`gsub`, produced lazily in jq 1.6's order.
 *
 * - `flags` undefined with `global` false is `sub/2`, which in 1.6 is a separate definition built
 *   on `match/1`: `re` may be `[re, flags]`, and only the first match is replaced.
 * - Otherwise 1.6's `sub/3` runs (`gsub(re; s; f)` is `sub(re; s; f + "g")`, `gsub(re; s)` is
 *   `sub(re; s; "g")`): `(flags | index("g")) as $gs | (flags | if $gs then subg else . end) as
 *   $fla`, so a flags filter with several outputs is run twice, nested. With a `g` it replaces the
 *   first match, then matches again on the rest of the string (so `^` matches at each new start,
 *   and a look-behind does not see the replaced part).
 * - Each output of the replacement gives an output; for several matches the outputs combine with
 *   the first match's replacement varying fastest, and the replacement is re-run for each
 *   combination of the later ones (1.6 evaluates `$in[0:off] + s + (rest)` right operand first).
 *   A replacement with no output removes every output. `null` adds nothing; a number, array or
 *   object fails like 1.6's `+`: `string ("a") and number (1) cannot be added`.
 * - Divergence: where 1.6 loops forever (with `g`, an empty match at the start of the rest, e.g.
 *   `gsub(""; "-")`), we insert the replacement once per position, keep one character and go on:
 *   `-a-b-c` for `"abc"`, `ab-c` for `gsub("(?=c)"; "-")`.
 */
export function* subIterate(
  input: Json,
  re: Json,
  flags: FlagsArgument,
  replacement: Replacement,
  global: boolean,
): Generator<Json, void, undefined> {
  if (!global && flags === undefined) {
    yield* subFirst(input, re, replacement);
    return;
  }
  const given = typeof flags === 'function' ? flags : (): Iterable<Json> => [flags ?? null];
  const values: () => Iterable<Json> = !global
    ? given
    : flags === undefined
      ? () => ['g']
      : function* () {
          for (const f of given()) yield addValues(f, 'g');
        };
  for (const f1 of values()) {
    const gs = indexOfG(f1);
    const repeat = gs !== null && gs !== false;
    for (const f2 of values()) yield* subWith(input, re, repeat ? withoutG(f2) : f2, repeat, replacement);
  }
}

/** One edit of the string: the text before the match, its captures, text kept after the replacement. */
interface Edit {
  prefix: string;
  captures: Json;
  kept: string;
}

/** Length in UTF-16 units of the code point at `i`. */
function unitsAt(s: string, i: number): number {
  return (s.charCodeAt(i) & 0xfc00) === 0xd800 && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

/**
 * 1.6's `sub1($fla; $gs)`: all the matches first (each on the rest of the string after the
 * previous one), then the outputs. Where 1.6 would loop forever, an empty match at the start of
 * the rest, we insert the replacement once per position, keep one character and go on.
 */
function* subWith(input: Json, re: Json, fla: Json, repeat: boolean, replacement: Replacement): Generator<Json> {
  const edits: Edit[] = [];
  let rest = input;
  let emptyAt = -1; // where, in `input`, the last empty match was
  let restAt = 0; // where the rest starts, in `input` (UTF-16)
  for (;;) {
    const m = firstMatch(rest, re, fla);
    const s = rest as string;
    if (!m) break;
    if (m.end === 0 && repeat) {
      const keep = s.slice(0, unitsAt(s, 0));
      if (emptyAt === restAt) edits[edits.length - 1]!.kept += keep;
      else edits.push({ prefix: '', captures: m.captures, kept: keep });
      emptyAt = restAt;
      rest = s.slice(keep.length);
      restAt += keep.length;
    } else {
      edits.push({ prefix: s.slice(0, m.start), captures: m.captures, kept: '' });
      if (m.end === m.start) emptyAt = restAt + m.start;
      rest = s.slice(m.end);
      restAt += m.end;
    }
    if (rest.length === 0 || !repeat) break;
  }
  yield* combine(edits, rest as string, replacement);
}

/**
 * Every combination of replacement outputs, the last edit varying slowest: an odometer that
 * restarts an edit's replacement each time a later edit moves on (iterative, so thousands of
 * matches do not nest generators).
 */
function* combine(edits: Edit[], tail: string, replacement: Replacement): Generator<Json> {
  const n = edits.length;
  if (n === 0) {
    yield tail;
    return;
  }
  const iterators: Iterator<Json>[] = new Array<Iterator<Json>>(n);
  const suffix: Json[] = new Array<Json>(n + 1);
  suffix[n] = tail;
  let level = n;
  for (;;) {
    let j: number;
    if (level === 0) {
      yield suffix[0]!;
      j = 0;
    } else {
      j = level - 1;
      iterators[j] = replacement(edits[j]!.captures)[Symbol.iterator]();
    }
    for (;;) {
      const next = iterators[j]!.next();
      if (!next.done) {
        const { prefix, kept } = edits[j]!;
        suffix[j] = addValues(addValues(prefix, next.value), kept + (suffix[j + 1] as string));
        level = j;
        break;
      }
      if (++j >= n) return;
    }
  }
}

/** 1.6's first `sub/2`: `[match($re)]`, replace `.[0]`. */
function* subFirst(input: Json, re: Json, replacement: Replacement): Generator<Json> {
  const found = match(input, re) as { offset: number; length: number }[];
  if (found.length === 0) {
    yield input;
    return;
  }
  const m = found[0]!;
  const s = input as string;
  const prefix = codepointSlice(s, 0, m.offset);
  const suffix = codepointSlice(s, m.offset + m.length, END);
  for (const x of replacement(captureObject(m))) yield addValues(addValues(prefix, x), suffix);
}

/** `flags | index("g")` with 1.6's `indices`, for every kind of value. */
function indexOfG(flags: Json): Json {
  if (typeof flags === 'string') return flags.includes('g') ? flags.indexOf('g') : null;
  if (Array.isArray(flags)) {
    const at = flags.findIndex((x) => x === 'g');
    return at < 0 ? null : at;
  }
  if (flags === null) return null;
  if (typeof flags !== 'object') throw cannotIndex(flags, 'g');
  const found = Object.prototype.hasOwnProperty.call(flags, 'g') ? flags['g']! : null;
  if (found === null) return null;
  if (Array.isArray(found)) return found.length > 0 ? found[0]! : null;
  throw new JqError(`Cannot index ${typeOf(found)} with number`);
}

/** 1.6's `subg`: `[explode[] | select(. != 103)] | implode`. */
function withoutG(flags: Json): Json {
  if (typeof flags !== 'string') throw new JqError('explode input must be a string');
  return flags.replaceAll('g', '');
}
