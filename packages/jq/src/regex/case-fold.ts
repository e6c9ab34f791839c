/**
 * Case-folding tables for emulating Oniguruma's `i` where JavaScript's own `i` flag cannot be
 * used: the simple-fold "orbit" of a code point (all code points JavaScript's `iu` treats as
 * equal to it) and Unicode's multi-character full foldings (`ß` ~ `ss`), which Oniguruma applies
 * and JavaScript does not. Built lazily from the engine's own case mappings (a few ms, once).
 * @module
 */

interface FoldTables {
  /** Sorted code points that have case variants. */
  cased: number[];
  /** Orbit of each cased code point (shared arrays, sorted). */
  orbit: Map<number, number[]>;
  /** Full folding of a code point when it is longer than one code point. */
  multi: Map<number, string>;
  /** Reverse of `multi`: folded string to the code points that fold to it. */
  targets: Map<string, number[]>;
}

let tables: FoldTables | undefined;

const single = (s: string): boolean => s.length === 1 || (s.length === 2 && s.codePointAt(0)! > 0xffff);

/**
 * The ranges that hold every code point with a case mapping (found by scanning all of Unicode
 * with this Node's mappings, gaps under 48 merged): scanning only these keeps the build ~5 ms.
 */
const CASED_RANGES =
  '41-7a b5-29e 345-587 10a0-10ff 13a0-13fd 1c80-1cbf 1d79-1d8e 1e00-1ffc 2126-2184 24b6-24e9 ' +
  '2c00-2d2d a640-a69b a722-a7f6 ab53-abbf fb00-fb17 ff21-ff5a 10400-1044f 104b0-104fb ' +
  '10570-105bc 10c80-10cf2 10d50-10d85 118a0-118df 16e40-16ed3 1e900-1e943';

function* casedCandidates(): Generator<number> {
  for (const range of CASED_RANGES.split(' ')) {
    const [from, to] = range.split('-').map((h) => parseInt(h, 16)) as [number, number];
    for (let cp = from; cp <= to; cp++) yield cp;
  }
}

/** Dotless ı folds to nothing; ΐ ΰ fold to their U+0390/U+03B0 twins (CaseFolding.txt `S`). */
const KEY_OVERRIDES = new Map([
  [0x131, 0x131],
  [0x1fd3, 0x390],
  [0x1fe3, 0x3b0],
]);

function build(): FoldTables {
  const byKey = new Map<number, number[]>();
  const multi = new Map<number, string>();
  for (const cp of casedCandidates()) {
    const s = String.fromCodePoint(cp);
    const upper = s.toUpperCase();
    const lower = s.toLowerCase();
    if (upper === s && lower === s) continue;
    const full = upper.toLowerCase();
    if (!single(full)) multi.set(cp, full);
    // lower(upper(x)) groups code points like JavaScript's simple case folding (checked against
    // the engine in case-fold.test.ts), except for the few letters listed in KEY_OVERRIDES.
    const key =
      KEY_OVERRIDES.get(cp) ??
      (single(upper) && single(full) ? full.codePointAt(0)! : single(lower) ? lower.codePointAt(0)! : cp);
    const list = byKey.get(key) ?? [];
    list.push(cp);
    byKey.set(key, list);
  }
  const orbit = new Map<number, number[]>();
  for (const list of byKey.values()) {
    list.sort((a, b) => a - b);
    for (const cp of list) orbit.set(cp, list);
  }
  for (const [cp, fold] of [...multi]) {
    for (const other of orbit.get(cp) ?? []) if (!multi.has(other)) multi.set(other, fold);
  }
  const targets = new Map<string, number[]>();
  for (const [cp, fold] of multi) {
    const list = targets.get(fold) ?? [];
    list.push(cp);
    targets.set(fold, list);
  }
  const cased = [...orbit.keys()].sort((a, b) => a - b);
  return { cased, orbit, multi, targets };
}

function get(): FoldTables {
  tables ??= build();
  return tables;
}

/** The code points that match `cp` case-insensitively under simple folding (at least `[cp]`). @internal */
export function caseOrbit(cp: number): readonly number[] {
  return get().orbit.get(cp) ?? [cp];
}

/** Whether `cp` has any case variant. @internal */
export function hasCaseVariants(cp: number): boolean {
  return (get().orbit.get(cp)?.length ?? 1) > 1 || get().multi.has(cp);
}

/** The full case folding of `cp` when it is several code points (`ß` → `ss`), else undefined. @internal */
export function multiCharFold(cp: number): string | undefined {
  return get().multi.get(cp);
}

/** Every multi-character folding and the code points that fold to it (`ss` → ß, ẞ). @internal */
export function multiCharFoldTargets(): ReadonlyMap<string, readonly number[]> {
  return get().targets;
}

/** The simple folding of `cp` used to compare pattern text with folding targets (lower case). @internal */
export function simpleFold(cp: number): number {
  const o = get().orbit.get(cp);
  if (!o) return cp;
  const lower = String.fromCodePoint(cp).toLowerCase();
  return single(lower) && o.includes(lower.codePointAt(0)!) ? lower.codePointAt(0)! : o[0]!;
}

/**
 * The code points with case variants in `[from, to]`, for widening a class range under `i`.
 * @internal
 */
export function casedInRange(from: number, to: number): number[] {
  const { cased } = get();
  let lo = 0;
  let hi = cased.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cased[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  const out: number[] = [];
  for (let i = lo; i < cased.length && cased[i]! <= to; i++) out.push(cased[i]!);
  return out;
}

/** Whether any code point of `[from, to]` has case variants (cheap pre-check for classes). @internal */
export function rangeHasCase(from: number, to: number): boolean {
  if (to < 0x41) return false;
  if (to < 0x61 && from > 0x5a) return false;
  if (from > 0x7a && to < 0xaa) return false;
  return casedInRange(from, to).length > 0;
}
