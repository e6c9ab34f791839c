/**
 * One Oniguruma `onig_search` on a JavaScript string: the first match at or after a position,
 * with jq's `n` (no empty match) and `l` (longest match) options, `\K` and `\G`.
 * @module
 */
import type { CompiledPattern, RegexVariant } from './translate.js';
import type { PositionMap } from './utf8.js';

/** A match as UTF-16 indices: the whole match and each group (undefined when unset). @internal */
export interface Region {
  start: number;
  end: number;
  /** `groups[g]` for g = 1..groupCount; index 0 unused. */
  groups: ([number, number] | undefined)[];
}

/** Search options from jq's flags. @internal */
export interface SearchOptions {
  /** `n`: ONIG_OPTION_FIND_NOT_EMPTY. */
  notEmpty: boolean;
  /** `l`: ONIG_OPTION_FIND_LONGEST. */
  longest: boolean;
}

/** Whether `text` has a match at all (jq's test mode searches from the start). @internal */
export function searchTest(pattern: CompiledPattern, text: string, options: SearchOptions): boolean {
  const { regex } = pattern.variant('test', options.notEmpty ? 1 : 0, 0);
  return regex.test(text);
}

/** Whether UTF-16 index `i` falls between the two halves of a surrogate pair. */
function insidePair(text: string, i: number): boolean {
  return (text.charCodeAt(i) & 0xfc00) === 0xdc00 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800;
}

/**
 * `exec` from `from`. V8 can report a match starting between the halves of a surrogate pair
 * (seen with patterns that start with a look-behind, e.g. `\B`) although `u` mode forbids it;
 * such a match is skipped and the search goes on from the next character.
 */
function execFrom(regex: RegExp, text: string, from: number): RegExpExecArray | null {
  regex.lastIndex = from;
  let m = regex.exec(text);
  while (m && insidePair(text, m.index)) {
    regex.lastIndex = m.index + 1;
    m = regex.exec(text);
  }
  return m;
}

/**
 * The first match starting at or after UTF-16 index `from`, or null. With `longest`, the search
 * continues like Oniguruma's FIND_LONGEST: at each later start it takes the first match (in
 * backtracking order) longer in UTF-8 bytes than the best so far, and returns the best; a match
 * reaching the end of the string ends the search. `getPositions` gives the position tables of
 * `text`, built only when needed.
 * @internal
 */
export function searchFrom(
  pattern: CompiledPattern,
  text: string,
  from: number,
  options: SearchOptions,
  getPositions: () => PositionMap,
): Region | null {
  const searchStart = pattern.analysis.usesSearchStart && from > 0 ? getPositions().codePointAt(from) : 0;
  const minimum = options.notEmpty ? 1 : 0;
  if (!options.longest) {
    const variant = pattern.variant('search', minimum, searchStart);
    const m = execFrom(variant.regex, text, from);
    return m ? toRegion(m, variant, pattern.groupCount) : null;
  }
  const positions = getPositions();
  let best: Region | null = null;
  let bestBytes = -1;
  for (let s = from; s <= text.length; ) {
    // "Longer than bestBytes bytes" is "ending at or after endAt": a code point count from s.
    const target = positions.byteAt(s) + bestBytes + 1;
    if (target > positions.byteLength) break;
    const endAt = positions.indexAtOrAfterByte(target);
    const need = Math.max(minimum, positions.codePointAt(endAt) - positions.codePointAt(s));
    const variant = pattern.variant('sticky', need, searchStart);
    variant.regex.lastIndex = s;
    const m = variant.regex.exec(text);
    if (m) {
      const end = m.index + m[0].length;
      best = toRegion(m, variant, pattern.groupCount);
      bestBytes = positions.byteAt(end) - positions.byteAt(s);
      if (end >= text.length) break;
    }
    s += (text.charCodeAt(s) & 0xfc00) === 0xd800 && (text.charCodeAt(s + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return best;
}

/**
 * Reads captures out of a match. A group copied for subexpression calls lands in several JS
 * groups; its value is the one that ended last (the call that finished last in Oniguruma). A
 * copy in the extra last iteration of a loop wins when set.
 */
function toRegion(m: RegExpExecArray, variant: RegexVariant, groupCount: number): Region {
  const indices = m.indices!;
  const { groupSlots, tailSlots, keepSlots } = variant.emitted;
  const groups: ([number, number] | undefined)[] = [undefined];
  for (let g = 1; g <= groupCount; g++) {
    let chosen: [number, number] | undefined;
    for (const slot of tailSlots[g] ?? []) {
      const span = indices[slot];
      if (span) chosen = [span[0], span[1]];
    }
    if (chosen) {
      groups.push(chosen);
      continue;
    }
    for (const slot of groupSlots[g] ?? []) {
      const span = indices[slot];
      if (span && (!chosen || span[1] > chosen[1] || (span[1] === chosen[1] && span[0] < chosen[0]))) {
        chosen = [span[0], span[1]];
      }
    }
    groups.push(chosen);
  }
  const end = m.index + m[0].length;
  let start = m.index;
  for (const slot of keepSlots) {
    const span = indices[slot];
    if (span && span[0] > start) start = Math.min(span[0], end);
  }
  return { start, end, groups };
}
