/**
 * Checks Oniguruma makes after parsing, when it compiles: look-behinds must have a fixed length
 * (Perl_NG allows no variable-length look-behind) and may hold only some node kinds; a
 * subexpression call must not recurse forever. JavaScript would accept these patterns.
 * @module
 */
import type { AnchorKind, OnigNode, ParsedPattern } from './onig-ast.js';
import { onigError } from './onig-error.js';

const INF = Infinity;

/** Throws jq's error for the first offending construct, if any. @internal */
export function checkPattern(parsed: ParsedPattern): void {
  checkRecursion(parsed);
  checkLookBehinds(parsed);
}

/** Groups reached by subexpression calls. */
function calledGroups(node: OnigNode, out: Set<number>): Set<number> {
  forEachChild(node, (child) => calledGroups(child, out));
  if (node.kind === 'call') out.add(node.index);
  return out;
}

function forEachChild(node: OnigNode, f: (n: OnigNode) => void): void {
  switch (node.kind) {
    case 'seq':
      node.items.forEach(f);
      break;
    case 'alt':
      node.alts.forEach(f);
      break;
    case 'look':
    case 'group':
    case 'atomic':
    case 'quant':
      f(node.body);
      break;
    case 'absent':
      f(node.body);
      if (node.expr) f(node.expr);
      break;
    case 'condition':
      if (node.yes) f(node.yes);
      if (node.no) f(node.no);
      break;
    case 'conditionPattern':
      f(node.cond);
      f(node.yes);
      if (node.no) f(node.no);
      break;
    default:
  }
}

/** The least number of characters a node consumes (calls followed up to a depth). */
function minLength(node: OnigNode, parsed: ParsedPattern, depth = 0): number {
  switch (node.kind) {
    case 'char':
    case 'class':
    case 'any':
    case 'generalNewline':
    case 'graphemeCluster':
      return 1;
    case 'seq':
      return node.items.reduce((n, item) => n + minLength(item, parsed, depth), 0);
    case 'alt':
      return Math.min(...node.alts.map((a) => minLength(a, parsed, depth)));
    case 'group':
    case 'atomic':
      return minLength(node.body, parsed, depth);
    case 'quant':
      return node.min === 0 ? 0 : node.min * minLength(node.body, parsed, depth);
    case 'call':
      return depth > 8 ? 0 : minLength(parsed.groupBodies[node.index]!, parsed, depth + 1);
    case 'conditionPattern':
      return minLength(node.cond, parsed, depth);
    default:
      return 0;
  }
}

const EXIST = 1;
const MUST = 2;
const INFINITE = 4;

/** "never ending recursion" for a group that calls itself before consuming anything, or always. */
function checkRecursion(parsed: ParsedPattern): void {
  const called = calledGroups(parsed.root, new Set());
  for (const target of called) {
    const visiting = new Set<number>();
    const check = (node: OnigNode, head: boolean): number => {
      switch (node.kind) {
        case 'seq': {
          let r = 0;
          for (const item of node.items) {
            const ret = check(item, head);
            if (ret & INFINITE) return ret;
            r |= ret;
            if (head && minLength(item, parsed) !== 0) head = false;
          }
          return r;
        }
        case 'alt': {
          let r = 0;
          let must = MUST;
          for (const alt of node.alts) {
            const ret = check(alt, head);
            if (ret & INFINITE) return ret;
            r |= ret & EXIST;
            must &= ret;
          }
          return r | must;
        }
        case 'quant': {
          if (node.max === 0) return 0;
          const r = check(node.body, head);
          return node.min === 0 ? r & ~MUST : r;
        }
        case 'look':
        case 'atomic':
          return check(node.body, head);
        case 'call':
          return enter(node.index, parsed.groupBodies[node.index]!, head);
        case 'group':
          return enter(node.index, node.body, head);
        case 'conditionPattern': {
          let r = check(node.cond, head);
          if (r & INFINITE) return r;
          r |= check(node.yes, head && minLength(node.cond, parsed) === 0);
          if (r & INFINITE) return r;
          const no = node.no ? check(node.no, head) : 0;
          if (no & INFINITE) return no;
          return (r | (no & EXIST)) & (node.no && no & MUST ? ~0 : ~MUST);
        }
        default:
          return 0;
      }
    };
    const enter = (index: number, body: OnigNode, head: boolean): number => {
      if (index === target) return head ? EXIST | MUST | INFINITE : EXIST | MUST;
      if (visiting.has(index)) return 0;
      visiting.add(index);
      const r = check(body, head);
      visiting.delete(index);
      return r;
    };
    const ret = check(parsed.groupBodies[target]!, true);
    if (ret & (MUST | INFINITE)) throw onigError('NEVER_ENDING_RECURSION');
  }
}

const BAD_IN_LOOKBEHIND: ReadonlySet<AnchorKind> = new Set<AnchorKind>(['eos', 'semiEos']);

/** Every look-behind must have a fixed length and allowed contents. */
function checkLookBehinds(parsed: ParsedPattern): void {
  const visit = (node: OnigNode): void => {
    forEachChild(node, visit);
    if (node.kind !== 'look' || !node.behind) return;
    if (!allowedInLookBehind(node.body, node.negated)) throw onigError('INVALID_LOOK_BEHIND_PATTERN');
    const len = charLength(reduceLeading(node.body), parsed, 1);
    if (len.min === 0 && len.sure) return;
    if (len.topAltFixed || len.min === INF || len.min !== len.max) {
      throw onigError('INVALID_LOOK_BEHIND_PATTERN');
    }
  };
  visit(parsed.root);
}

/** What a look-behind may hold: no look-ahead, `\z`/`\Z`/`$`, `\X`, absence; no capture in `(?<!`. */
function allowedInLookBehind(node: OnigNode, negated: boolean): boolean {
  switch (node.kind) {
    case 'anchor':
      return !BAD_IN_LOOKBEHIND.has(node.anchor);
    case 'look':
      if (!node.behind || (node.negated && !negated)) return false;
      break;
    case 'group':
      if (negated) return false;
      break;
    case 'absent':
    case 'graphemeCluster':
    case 'generalNewline':
      return false;
    default:
  }
  let ok = true;
  forEachChild(node, (child) => {
    ok &&= allowedInLookBehind(child, negated);
  });
  return ok;
}

/**
 * A leading `x*`/`x+`/`x{n,m}` of single characters only needs its
 * minimum count to decide a look-behind, so the rest is dropped. A greedy loop the engine
 * makes possessive (it is followed by something it cannot match) is not reduced.
 */
function reduceLeading(body: OnigNode): OnigNode {
  const reduceQuant = (n: OnigNode, next: OnigNode | undefined): OnigNode | undefined => {
    if (n.kind !== 'quant') return undefined;
    const b = n.body;
    const simple = b.kind === 'char' || b.kind === 'class' || b.kind === 'any' || b.kind === 'backref' ||
      (b.kind === 'seq' && b.items.every((i) => i.kind === 'char'));
    if (!simple) return undefined;
    if (next && n.greedy && n.max === Infinity && n.min <= 1 && exclusiveHeads(b, next)) return undefined;
    return { ...n, max: n.min };
  };
  const reduceList = (n: OnigNode): OnigNode => {
    if (n.kind === 'quant') return reduceQuant(n, undefined) ?? n;
    if (n.kind !== 'seq') return n;
    const items = [...n.items];
    for (let i = 0; i < items.length; i++) {
      const reduced = reduceQuant(items[i]!, items[i + 1]);
      if (!reduced) break;
      items[i] = reduced;
      if (reduced.kind !== 'quant' || reduced.max !== 0) break;
    }
    return { kind: 'seq', items };
  };
  return body.kind === 'alt' ? { kind: 'alt', alts: body.alts.map(reduceList) } : reduceList(body);
}

/** Two different literal characters cannot both start here (a rough check). */
function exclusiveHeads(a: OnigNode, b: OnigNode): boolean {
  const head = (n: OnigNode): OnigNode | undefined => {
    if (n.kind === 'char') return n;
    if (n.kind === 'seq') return n.items.length > 0 ? head(n.items[0]!) : undefined;
    if (n.kind === 'quant' && n.min > 0) return head(n.body);
    if (n.kind === 'group') return head(n.body);
    return undefined;
  };
  const x = head(a);
  const y = head(b);
  return x?.kind === 'char' && y?.kind === 'char' && !x.ci && !y.ci && x.cp !== y.cp;
}

interface CharLength {
  min: number;
  max: number;
  sure: boolean;
  topAltFixed: boolean;
}

const fixed = (n: number): CharLength => ({ min: n, max: n, sure: true, topAltFixed: false });

/** The length range of a node in characters. */
function charLength(node: OnigNode, parsed: ParsedPattern, level: number, depth = 0): CharLength {
  const sub = (n: OnigNode): CharLength => charLength(n, parsed, level + 1, depth);
  switch (node.kind) {
    case 'empty':
    case 'keep':
      return fixed(0);
    case 'char':
    case 'class':
    case 'any':
      return fixed(1);
    case 'seq': {
      const out = fixed(0);
      for (const item of node.items) {
        const l = sub(item);
        out.min += l.min;
        out.max += l.max;
        out.sure &&= l.sure;
      }
      return out;
    }
    case 'alt': {
      const lens = node.alts.map(sub);
      const out = { ...lens[0]!, topAltFixed: false };
      let allFixed = true;
      for (const l of lens.slice(1)) {
        if (l.min !== l.max) allFixed = false;
        if (out.min > l.min) [out.min, out.sure] = [l.min, l.sure];
        else if (out.min === l.min && l.sure) out.sure = true;
        if (out.max < l.max) out.max = l.max;
      }
      out.topAltFixed = out.min !== out.max && allFixed && level === 1;
      return out;
    }
    case 'quant': {
      if (node.max === 0) return fixed(0);
      const l = sub(node.body);
      return { min: l.min * node.min, max: node.max === INF ? INF : l.max * node.max, sure: l.sure, topAltFixed: false };
    }
    case 'group':
      return { ...sub(node.body), sure: false, topAltFixed: false };
    case 'atomic':
      return sub(node.body);
    case 'call':
      if (depth > 8) return { min: 0, max: INF, sure: false, topAltFixed: false };
      return charLength(parsed.groupBodies[node.index]!, parsed, level + 1, depth + 1);
    case 'backref': {
      const lens = node.groups.map((g) => sub(parsed.groupBodies[g]!));
      const min = Math.min(...lens.map((l) => l.min));
      const max = Math.max(...lens.map((l) => l.max));
      return { min, max, sure: min === max, topAltFixed: false };
    }
    case 'condition':
      return { ...fixed(0), sure: false };
    case 'conditionPattern': {
      const c = sub(node.cond);
      const y = sub(node.yes);
      const n = node.no ? sub(node.no) : fixed(0);
      return { min: Math.min(c.min + y.min, n.min), max: Math.max(c.max + y.max, n.max), sure: false, topAltFixed: false };
    }
    default:
      return { ...fixed(0), sure: false };
  }
}
