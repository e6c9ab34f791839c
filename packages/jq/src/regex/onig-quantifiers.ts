/**
 * Quantifier nodes. jq's engine does not simply nest a quantifier applied to a quantified atom:
 * it merges the two, which changes what matches (`b*??` behaves as `b*?`, not `(?:b*?)?`). The
 * merge rules below reproduce the results recorded from jq 1.6.
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

/** The six quantifiers that merge by rule; any other bounds merge only by multiplication. */
type Simple = '?' | '*' | '+' | '??' | '*?' | '+?';

function simpleForm(q: Bounds): Simple | undefined {
  const lazy = q.greedy ? '' : '?';
  if (q.min === 0 && q.max === 1) return `?${lazy}` as Simple;
  if (q.min === 0 && q.max === Infinity) return `*${lazy}` as Simple;
  if (q.min === 1 && q.max === Infinity) return `+${lazy}` as Simple;
  return undefined;
}

/**
 * The result of `outer` applied to `inner`: `keep` leaves the two nested, `inner` drops the outer
 * one, and a quantifier string replaces both (`+?(*)` is a lazy optional around a greedy `+`).
 */
type Merge = 'keep' | 'inner' | '*' | '+' | '*?' | '??' | '+?(*)';

/** `MERGES[inner][outer]`. */
const MERGES: Readonly<Record<Simple, Readonly<Record<Simple, Merge>>>> = {
  '?': { '?': 'inner', '*': '*', '+': '*', '??': '??', '*?': '*?', '+?': 'keep' },
  '*': { '?': 'inner', '*': 'inner', '+': 'inner', '??': '+?(*)', '*?': '+?(*)', '+?': 'inner' },
  '+': { '?': '*', '*': '*', '+': 'inner', '??': 'keep', '*?': '+?(*)', '+?': 'inner' },
  '??': { '?': 'inner', '*': '*?', '+': '*?', '??': 'inner', '*?': '*?', '+?': '*?' },
  '*?': { '?': 'inner', '*': 'inner', '+': 'inner', '??': 'inner', '*?': 'inner', '+?': 'inner' },
  '+?': { '?': 'keep', '*': '*', '+': '+', '??': '*?', '*?': '*?', '+?': 'inner' },
};

const quant = (b: Bounds, body: OnigNode): Quant => ({
  kind: 'quant',
  min: b.min,
  max: b.max,
  greedy: b.greedy,
  possessive: false,
  body,
});

const STAR: Bounds = { min: 0, max: Infinity, greedy: true };
const PLUS: Bounds = { min: 1, max: Infinity, greedy: true };
const LAZY_STAR: Bounds = { min: 0, max: Infinity, greedy: false };
const LAZY_OPTIONAL: Bounds = { min: 0, max: 1, greedy: false };

/** `\R`, possibly inside groups. */
function isNewlineSequence(node: OnigNode): boolean {
  switch (node.kind) {
    case 'generalNewline':
      return true;
    case 'group':
    case 'atomic':
      return isNewlineSequence(node.body);
    case 'seq':
      return node.items.length === 1 && isNewlineSequence(node.items[0]!);
    default:
      return false;
  }
}

/**
 * The node for quantifier `q` on `target`. A possessive quantifier is an atomic group around the
 * result, added by the caller, so it is never merged with a following quantifier.
 * @internal
 */
export function quantify(q: Bounds, target: OnigNode): OnigNode {
  const outer = { ...q };
  // jq 1.6 matches a greedy `\R*` as nothing and `\R+` as one `\R` (`\R{2,}` works).
  if (outer.greedy && outer.max === Infinity && outer.min <= 1 && isNewlineSequence(target)) outer.max = outer.min;
  if (target.kind !== 'quant') return quant(outer, target);
  const inner = target;
  const innerForm = simpleForm(inner);
  const outerForm = simpleForm(outer);
  if (innerForm !== undefined && outerForm !== undefined) return merge(MERGES[innerForm][outerForm], outer, inner);
  if (innerForm !== undefined) {
    // (?:a*){n,m} and (?:a+){n,m} with a bounded greedy interval keep only n (or 1) repeats.
    const unbounded = innerForm === '*' || innerForm === '+';
    if (unbounded && outer.greedy && outer.max !== Infinity && outer.max > 1) outer.max = Math.max(outer.min, 1);
    return quant(outer, inner);
  }
  if (outer.min === outer.max && inner.min === inner.max) {
    const times = outer.min * inner.min;
    if (times > 0x7fffffff) throw onigError('TOO_BIG_NUMBER_FOR_REPEAT_RANGE');
    return quant({ min: times, max: times, greedy: outer.greedy }, inner.body);
  }
  return quant(outer, inner);
}

function merge(how: Merge, outer: Bounds, inner: Quant): OnigNode {
  switch (how) {
    case 'keep':
      return quant(outer, inner);
    case 'inner':
      return inner;
    case '*':
      return quant(STAR, inner.body);
    case '+':
      return quant(PLUS, inner.body);
    case '*?':
      return quant(LAZY_STAR, inner.body);
    case '??':
      return quant(LAZY_OPTIONAL, inner.body);
    case '+?(*)':
      return quant(LAZY_OPTIONAL, quant(PLUS, inner.body));
  }
}
