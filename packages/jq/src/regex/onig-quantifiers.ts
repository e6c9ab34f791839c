/**
 * Building quantifier nodes the way Oniguruma 6.9.8 does (`assign_quantifier_body`,
 * `onig_reduce_nested_quantifier`): a quantifier applied to a quantifier is merged by a fixed
 * table, which changes what matches (`b*??` is `b*?`, not `(?:b*?)?`).
 * @module
 */
import type { OnigNode } from './onig-ast.js';
import { onigError } from './onig-error.js';

/** The bounds and greediness of a quantifier token. @internal */
export interface Bounds {
  min: number;
  max: number;
  greedy: boolean;
}

type Quant = Extract<OnigNode, { kind: 'quant' }>;

/** `quantifier_type_num`: ? 0, * 1, + 2, ?? 3, *? 4, +? 5, anything else -1. */
function typeNum(q: Bounds): number {
  const base = q.greedy ? 0 : 3;
  if (q.min === 0 && q.max === 1) return base;
  if (q.min === 0 && q.max === Infinity) return base + 1;
  if (q.min === 1 && q.max === Infinity) return base + 2;
  return -1;
}

/** How a quantifier (column) on a quantifier (row) is merged: `ReduceTypeTable` in regparse.c. */
type Reduce = 'asis' | 'del' | 'a' | 'p' | 'aq' | 'qq' | 'pqq';
const REDUCE: readonly (readonly Reduce[])[] = [
  ['del', 'a', 'a', 'qq', 'aq', 'asis'], // ?
  ['del', 'del', 'del', 'pqq', 'pqq', 'del'], // *
  ['a', 'a', 'del', 'asis', 'pqq', 'del'], // +
  ['del', 'aq', 'aq', 'del', 'aq', 'aq'], // ??
  ['del', 'del', 'del', 'del', 'del', 'del'], // *?
  ['asis', 'a', 'p', 'aq', 'aq', 'del'], // +?
];

const make = (b: Bounds, body: OnigNode): Quant => ({ kind: 'quant', min: b.min, max: b.max, greedy: b.greedy, possessive: false, body });

/** Strips the group wrappers Oniguruma sees through when it spots `\R`. */
function isGeneralNewline(node: OnigNode): boolean {
  if (node.kind === 'generalNewline') return true;
  if (node.kind === 'group' || node.kind === 'atomic') return isGeneralNewline(node.body);
  return node.kind === 'seq' && node.items.length === 1 && isGeneralNewline(node.items[0]!);
}

/**
 * The node for quantifier `q` on `target`. A possessive quantifier is an atomic group around the
 * result, added by the caller, so it is not merged with a following quantifier.
 */
export function quantify(q: Bounds, target: OnigNode): OnigNode {
  const parent = { ...q };
  // Oniguruma 6.9.8 matches a greedy `\R*` as nothing and `\R+` as one `\R` (`\R{2,}` works).
  if (parent.greedy && parent.max === Infinity && parent.min <= 1 && isGeneralNewline(target)) parent.max = parent.min;
  if (target.kind !== 'quant') return make(parent, target);
  const child = target;
  const c = typeNum(child);
  const p = typeNum(parent);
  if (c >= 0 && p < 0) {
    // (?:a*){n,m} and (?:a+){n,m} with a bounded greedy interval keep only n (or 1) repeats.
    if ((c === 1 || c === 2) && parent.max !== Infinity && parent.max > 1 && parent.greedy) {
      parent.max = parent.min === 0 ? 1 : parent.min;
    }
    return make(parent, child);
  }
  if (c < 0 || p < 0) {
    if (parent.min === parent.max && child.min === child.max) {
      const n = parent.min * child.min;
      if (n > 0x7fffffff) throw onigError('TOO_BIG_NUMBER_FOR_REPEAT_RANGE');
      return make({ min: n, max: n, greedy: parent.greedy }, child.body);
    }
    return make(parent, child);
  }
  switch (REDUCE[c]![p]!) {
    case 'del':
      return child;
    case 'a':
      return make({ min: 0, max: Infinity, greedy: true }, child.body);
    case 'p':
      return make({ min: 1, max: Infinity, greedy: true }, child.body);
    case 'aq':
      return make({ min: 0, max: Infinity, greedy: false }, child.body);
    case 'qq':
      return make({ min: 0, max: 1, greedy: false }, child.body);
    case 'pqq':
      return make({ min: 0, max: 1, greedy: false }, make({ min: 1, max: Infinity, greedy: true }, child.body));
    case 'asis':
      return make(parent, child);
  }
}
