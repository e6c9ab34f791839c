/**
 * JavaScript source for single characters and classes, including Oniguruma's case folding
 * where the JavaScript `i` flag is not used, and its multi-character foldings (`ß` ~ `ss`).
 * @module
 */
import { casedInRange, caseOrbit, multiCharFold, multiCharFoldTargets, simpleFold } from './case-fold.js';
import type { CharProperty, OnigNode } from './onig-ast.js';

/** How characters are being written. @internal */
export interface CharContext {
  /** The regex carries JavaScript's `i` flag, which then does the simple folding. */
  ciFlag: boolean;
  /** Inside a look-behind, where Oniguruma applies no multi-character folding. */
  inLookbehind: boolean;
}

const MAX_CP = 0x10ffff;
const NEVER = '(?!)';

/** A code point as a `u`-mode pattern character (also valid inside a class). @internal */
export function literal(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || cp === 0x5f) {
    return String.fromCharCode(cp);
  }
  return `\\u{${cp.toString(16)}}`;
}

/** One character of the pattern; `ci` when it matches case-insensitively. @internal */
export function charSource(cp: number, ci: boolean, ctx: CharContext, withMulti = true): string {
  if (cp > MAX_CP) return NEVER;
  let base = literal(cp);
  if (ci && !ctx.ciFlag) {
    const orbit = caseOrbit(cp);
    if (orbit.length > 1) base = `[${orbit.map(literal).join('')}]`;
  }
  if (!ci || !withMulti || ctx.inLookbehind) return base;
  const fold = multiCharFold(cp);
  if (!fold) return base;
  const expansion = Array.from(fold, (ch) => charSource(ch.codePointAt(0)!, true, ctx, false)).join('');
  return `(?:${base}|${expansion})`;
}

/**
 * A run of case-insensitive characters, with every way Oniguruma also matches it through a
 * multi-character folding: `ss` also matches `ß`, `ffi` also `ﬃ`, `ﬀi` and `fﬁ`.
 * @internal
 */
export function ciRunSource(cps: number[], ctx: CharContext): string {
  const folded = cps.map(simpleFold);
  const byFirst = new Map<number, [string, readonly number[]][]>();
  for (const [target, sources] of multiCharFoldTargets()) {
    const first = target.codePointAt(0)!;
    const list = byFirst.get(first) ?? [];
    list.push([target, sources]);
    byFirst.set(first, list);
  }
  const memo = new Map<number, string>();
  let budget = 4000;
  const from = (i: number): string => {
    if (i >= cps.length) return '';
    const cached = memo.get(i);
    if (cached !== undefined) return cached;
    const options = [charSource(cps[i]!, true, ctx) + from(i + 1)];
    for (const [target, sources] of byFirst.get(folded[i]!) ?? []) {
      const t = Array.from(target, (ch) => ch.codePointAt(0)!);
      if (t.length < 2 || i + t.length > cps.length || t.some((c, k) => folded[i + k] !== c)) continue;
      const alts = new Set(sources.flatMap((s) => (ctx.ciFlag ? [s] : caseOrbit(s))));
      options.push(`[${[...alts].map(literal).join('')}]` + from(i + t.length));
    }
    const out = options.length === 1 ? options[0]! : `(?:${options.join('|')})`;
    budget -= out.length;
    memo.set(i, out);
    return out;
  };
  const text = from(0);
  return budget >= 0 ? text : cps.map((cp) => charSource(cp, true, ctx)).join('');
}

/** Class atoms of a property, or `undefined` when its complement cannot be written inside `[...]`. */
function propertyAtoms(p: CharProperty): string[] | undefined {
  if (!p.negated) return p.atoms;
  if (p.atoms.length === 1 && /^\\p\{[^}]+\}$/.test(p.atoms[0]!)) return [p.atoms[0]!.replace('\\p', '\\P')];
  return undefined;
}

/** A character class: bracket classes, `\w`, `\p{...}` and friends. @internal */
export function classSource(node: Extract<OnigNode, { kind: 'class' }>, ctx: CharContext): string {
  const ranges: [number, number][] = [];
  const positive: string[] = [];
  const complements: string[][] = [];
  const folding = node.ci && node.fold;
  for (const item of node.items) {
    if (item.kind === 'range') {
      if (item.from > MAX_CP) continue;
      ranges.push([item.from, Math.min(item.to, MAX_CP)]);
      continue;
    }
    const atoms = propertyAtoms(item);
    if (atoms) positive.push(...atoms);
    else complements.push(item.atoms);
  }
  const extra: number[] = [];
  const multi: string[] = [];
  if (folding) {
    for (const [from, to] of ranges) {
      for (const cp of casedInRange(from, to)) {
        if (!ctx.ciFlag) extra.push(...caseOrbit(cp));
        const fold = !node.negated && !ctx.inLookbehind ? multiCharFold(cp) : undefined;
        if (fold) multi.push(fold);
      }
    }
  }
  for (const [from, to] of ranges) positive.push(from === to ? literal(from) : `${literal(from)}-${literal(to)}`);
  for (const cp of new Set(extra)) positive.push(literal(cp));
  const set = positive.join('');
  let out: string;
  if (complements.length === 0) {
    out = node.negated ? `[^${set}]` : `[${set}]`;
  } else if (node.negated) {
    const musts = complements.map((u) => `(?=[${u.join('')}])`).join('');
    out = `(?:${set ? `(?![${set}])` : ''}${musts}[\\s\\S])`;
  } else {
    const alts = complements.map((u) => `(?![${u.join('')}])[\\s\\S]`);
    if (set) alts.unshift(`[${set}]`);
    out = alts.length === 1 ? alts[0]! : `(?:${alts.join('|')})`;
  }
  if (multi.length === 0) return out;
  const expansions = [...new Set(multi)].map((f) =>
    Array.from(f, (ch) => charSource(ch.codePointAt(0)!, true, ctx, false)).join(''),
  );
  return `(?:${out}|${expansions.join('|')})`;
}
