/**
 * jq 1.6's `_match_impl(re; flags; testmode)` (`f_match` in builtin.c): argument checks, flags,
 * and its global match loop with code point offsets, quirks included.
 * @module
 */
import type { Json } from '../ast.js';
import { typeError } from '../error-dump.js';
import { JqError } from '../errors.js';
import { setKey, type JsonObject } from '../value.js';
import type { OnigOptions } from './onig-ast.js';
import { OnigPatternError } from './onig-error.js';
import { searchFrom, searchTest, type SearchOptions } from './search.js';
import { compilePattern, type CompiledPattern } from './translate.js';
import { PositionMap } from './utf8.js';

/** jq's modifier letters, decoded. */
interface MatchFlags extends SearchOptions {
  global: boolean;
  options: OnigOptions;
}

/** Decodes jq's flags string (`g i x n p s l`, and `m`, which jq 1.6 also accepts). */
function parseFlags(flags: Json): MatchFlags {
  const result: MatchFlags = {
    global: false,
    notEmpty: false,
    longest: false,
    options: { ci: false, dotall: false, singleline: true, extend: false },
  };
  if (flags === null) return result;
  if (typeof flags !== 'string') throw typeError(flags, 'is not a string');
  for (const ch of flags) {
    switch (ch) {
      case 'g':
        result.global = true;
        break;
      case 'i':
        result.options.ci = true;
        break;
      case 'x':
        result.options.extend = true;
        break;
      case 'm':
      case 'p':
        // ONIG_OPTION_MULTILINE (dot matches newline); `p` adds SINGLELINE, already on in Perl_NG.
        result.options.dotall = true;
        break;
      case 's':
        // ONIG_OPTION_SINGLELINE: the Perl_NG default, so a no-op.
        break;
      case 'l':
        result.longest = true;
        break;
      case 'n':
        result.notEmpty = true;
        break;
      default:
        throw new JqError(`${flags} is not a valid modifier string`);
    }
  }
  return result;
}

/** Compiles with jq's error text for a bad pattern: `Regex failure: <Oniguruma message>`. */
function compile(re: string, flags: MatchFlags): CompiledPattern {
  try {
    return compilePattern(re, flags.options);
  } catch (err) {
    if (err instanceof OnigPatternError) throw new JqError(`Regex failure: ${err.message}`);
    throw err;
  }
}

/** Checks `_match_impl`'s arguments in 1.6's order and compiles the regex. */
function prepare(input: Json, re: Json, flags: Json): { text: string; pattern: CompiledPattern; flags: MatchFlags } {
  if (typeof input !== 'string') throw typeError(input, 'cannot be matched, as it is not a string');
  if (typeof re !== 'string') throw typeError(re, 'is not a string');
  const parsedFlags = parseFlags(flags);
  return { text: input, pattern: compile(re, parsedFlags), flags: parsedFlags };
}

/**
 * A reusable `test` for one regex and flags, for callers that test many strings with the same
 * pattern: parses the flags and compiles the pattern once. The caller checks that the input is a
 * string first (jq reports a non-string input before a bad regex).
 */
export function makeTester(re: Json, flags: Json): (text: string) => boolean {
  if (typeof re !== 'string') throw typeError(re, 'is not a string');
  const parsedFlags = parseFlags(flags);
  const pattern = compile(re, parsedFlags);
  return (text) => searchTest(pattern, text, parsedFlags);
}

/**
 * jq 1.6's `_match_impl`: `input` must be a string, `re` a string, `flags` a string or null. In
 * test mode returns whether there is a match; otherwise the array of match objects
 * `{offset, length, string, captures}` (offsets and lengths in code points).
 *
 * Quirks kept from 1.6: an empty match has `captures: []` even when the regex has groups; with
 * `g`, an empty match advances the search start by one UTF-8 byte (not past the match), so an
 * empty match found ahead of the start is reported again (`"ab" | [match("$"; "g")]` gives two
 * matches at 2), and the loop stops when the start reaches the end of the string, so no empty
 * match is reported there (`"abc" | [match(""; "g")]` gives offsets 0, 1, 2). Where 1.6 would
 * step into the middle of a multi-byte character and crash or report garbage, we search from the
 * next character instead.
 * @example matchValues('xyz', 'y', null, true) // true
 */
export function matchValues(input: Json, re: Json, flags: Json, testMode: boolean): Json {
  const { text, pattern, flags: parsedFlags } = prepare(input, re, flags);
  if (testMode) return searchTest(pattern, text, parsedFlags);
  const positions = new PositionMap(text);
  const codePointAt = (i: number): number => positions.codePointAt(i);
  const results: Json[] = [];
  const end = positions.byteLength;
  let startByte = 0;
  do {
    if (startByte > end) break;
    const region = searchFrom(pattern, text, positions.indexAtOrAfterByte(startByte), parsedFlags, () => positions);
    if (!region) break;
    const offset = codePointAt(region.start);
    if (region.end === region.start) {
      results.push({ offset, length: 0, string: '', captures: [] });
      startByte += 1;
      continue;
    }
    const captures: Json[] = [];
    for (let g = 1; g <= pattern.groupCount; g++) {
      const span = region.groups[g];
      if (!span) captures.push({ offset: -1, string: null, length: 0, name: null });
      else if (span[0] === span[1]) captures.push({ offset: codePointAt(span[0]), string: '', length: 0, name: null });
      else {
        captures.push({
          offset: codePointAt(span[0]),
          length: codePointAt(span[1]) - codePointAt(span[0]),
          string: text.slice(span[0], span[1]),
          name: null,
        });
      }
    }
    pattern.parsed.names.forEach((name, g) => {
      if (name !== null && g > 0) (captures[g - 1] as { name: Json }).name = name;
    });
    results.push({
      offset,
      length: codePointAt(region.end) - offset,
      string: text.slice(region.start, region.end),
      captures,
    });
    startByte = positions.byteAt(region.end);
  } while (parsedFlags.global && startByte !== end);
  return results;
}

/** The first match as UTF-16 indices, with the object `sub` passes to its replacement. @internal */
export interface FirstMatch {
  start: number;
  end: number;
  /** Named captures as 1.6's `sub` builds them (`{}` for an empty match, whose captures are `[]`). */
  captures: JsonObject;
}

/**
 * `.[0]` of `[match(re; flags)]`, without the code point bookkeeping: what `sub` needs, in time
 * proportional to where the match is (`gsub` calls it once per match on the rest of the string).
 * @internal
 */
export function firstMatch(input: Json, re: Json, flags: Json): FirstMatch | null {
  const { text, pattern, flags: parsedFlags } = prepare(input, re, flags);
  let positions: PositionMap | undefined;
  const region = searchFrom(pattern, text, 0, parsedFlags, () => (positions ??= new PositionMap(text)));
  if (!region) return null;
  const captures: JsonObject = {};
  if (region.end > region.start) {
    pattern.parsed.names.forEach((name, g) => {
      if (name === null || g === 0) return;
      const span = region.groups[g];
      setKey(captures, name, span ? text.slice(span[0], span[1]) : null);
    });
  }
  return { start: region.start, end: region.end, captures };
}
