/**
 * Checks Oniguruma makes after parsing, when it compiles: look-behinds must have a fixed length
 * (Perl_NG allows no variable-length look-behind) and may hold only some node kinds; a
 * subexpression call must not recurse forever. JavaScript would accept these patterns.
 * @module
 */
import type { AnchorKind, OnigNode, ParsedPattern } from './onig-ast.js';
import { onigError } from './onig-error.js';

type QuantNode = Extract<OnigNode, { kind: 'quant' }>;

/** How many nested subexpression calls the length analyses follow before giving up. */
const CALL_BUDGET = 9;

/** Throws jq's error for the first offending construct, if any. @internal */
export function checkPattern(parsed: ParsedPattern): void {
  for (const group of groupsCalledIn(parsed.root)) {
    if (new RecursionProbe(parsed, group).alwaysRecurses()) throw onigError('NEVER_ENDING_RECURSION');
  }
  walk(parsed.root, (node) => {
    if (node.kind === 'look' && node.behind && !lookBehindAccepted(node.body, node.negated, parsed)) {
      throw onigError('INVALID_LOOK_BEHIND_PATTERN');
    }
  });
}

// ---- tree helpers --------------------------------------------------------------------------------

/** The direct sub-nodes of a node, in pattern order. */
function childrenOf(node: OnigNode): OnigNode[] {
  switch (node.kind) {
    case 'seq':
      return node.items;
    case 'alt':
      return node.alts;
    case 'look':
    case 'group':
    case 'atomic':
    case 'quant':
      return [node.body];
    case 'absent':
      return node.expr ? [node.body, node.expr] : [node.body];
    case 'condition':
      return [node.yes, node.no].filter((n): n is OnigNode => n !== null);
    case 'conditionPattern':
      return node.no ? [node.cond, node.yes, node.no] : [node.cond, node.yes];
    default:
      return [];
  }
}

/** Calls `visit` on every node, deepest first. */
function walk(node: OnigNode, visit: (n: OnigNode) => void): void {
  for (const child of childrenOf(node)) walk(child, visit);
  visit(node);
}

function groupsCalledIn(root: OnigNode): Set<number> {
  const groups = new Set<number>();
  walk(root, (node) => {
    if (node.kind === 'call') groups.add(node.index);
  });
  return groups;
}

/**
 * Whether a node can match without consuming anything. Calls are followed `budget` levels deep;
 * past that they count as possibly empty. Back-references, anchors and look-arounds are empty.
 */
function mayBeEmpty(node: OnigNode, parsed: ParsedPattern, budget = CALL_BUDGET): boolean {
  switch (node.kind) {
    case 'char':
    case 'class':
    case 'any':
    case 'generalNewline':
    case 'graphemeCluster':
      return false;
    case 'seq':
      return node.items.every((item) => mayBeEmpty(item, parsed, budget));
    case 'alt':
      return node.alts.some((alt) => mayBeEmpty(alt, parsed, budget));
    case 'group':
    case 'atomic':
      return mayBeEmpty(node.body, parsed, budget);
    case 'quant':
      return node.min === 0 || mayBeEmpty(node.body, parsed, budget);
    case 'call':
      return budget <= 0 || mayBeEmpty(parsed.groupBodies[node.index]!, parsed, budget - 1);
    case 'conditionPattern':
      return mayBeEmpty(node.cond, parsed, budget);
    default:
      return true;
  }
}

// ---- never ending recursion ----------------------------------------------------------------------

/**
 * Follows the body of one called group through nested groups and calls, looking for the group
 * itself. Reaching it before anything has been consumed is an endless loop (thrown at once);
 * reaching it on every path means the group can never finish either.
 */
class RecursionProbe {
  /** Other groups being followed right now, so that their own cycles are cut. */
  private readonly open = new Set<number>();

  constructor(
    private readonly parsed: ParsedPattern,
    private readonly target: number,
  ) {}

  /** True when every way through the group re-enters it; throws when one does so immediately. */
  alwaysRecurses(): boolean {
    return this.reaches(this.parsed.groupBodies[this.target]!, true);
  }

  /** Whether every match of `node` passes through the target group; `atStart`: nothing consumed yet. */
  private reaches(node: OnigNode, atStart: boolean): boolean {
    switch (node.kind) {
      case 'seq': {
        let found = false;
        let fresh = atStart;
        for (const item of node.items) {
          if (this.reaches(item, fresh)) found = true;
          fresh &&= mayBeEmpty(item, this.parsed);
        }
        return found;
      }
      case 'alt': {
        let everyAlt = true;
        for (const alt of node.alts) {
          if (!this.reaches(alt, atStart)) everyAlt = false;
        }
        return everyAlt;
      }
      case 'quant': {
        if (node.max === 0) return false;
        const inBody = this.reaches(node.body, atStart);
        return node.min > 0 && inBody;
      }
      case 'look':
      case 'atomic':
        return this.reaches(node.body, atStart);
      case 'call':
        return this.enter(node.index, this.parsed.groupBodies[node.index]!, atStart);
      case 'group':
        return this.enter(node.index, node.body, atStart);
      case 'conditionPattern': {
        const viaCond = this.reaches(node.cond, atStart);
        const viaYes = this.reaches(node.yes, atStart && mayBeEmpty(node.cond, this.parsed));
        const viaNo = node.no !== null && this.reaches(node.no, atStart);
        return (viaCond || viaYes) && viaNo;
      }
      default:
        return false;
    }
  }

  private enter(index: number, body: OnigNode, atStart: boolean): boolean {
    if (index === this.target) {
      if (atStart) throw onigError('NEVER_ENDING_RECURSION');
      return true;
    }
    if (this.open.has(index)) return false;
    this.open.add(index);
    try {
      return this.reaches(body, atStart);
    } finally {
      this.open.delete(index);
    }
  }
}

// ---- look-behind ---------------------------------------------------------------------------------

const ANCHORS_NOT_BEHIND: ReadonlySet<AnchorKind> = new Set<AnchorKind>(['eos', 'semiEos']);

/** Whether a look-behind with this body compiles: allowed contents, and one length (or surely none). */
function lookBehindAccepted(body: OnigNode, negated: boolean, parsed: ParsedPattern): boolean {
  if (!contentsAllowed(body, negated)) return false;
  const span = measure(pinLeadingRepeats(body), parsed, CALL_BUDGET);
  if (span.min === 0 && span.exact) return true;
  return span.min !== Infinity && span.min === span.max;
}

/** No look-ahead, `\z`/`\Z`/`$`, `\X`, `\R` or absence; no negative inside a positive one; no capture in `(?<!`. */
function contentsAllowed(node: OnigNode, negated: boolean): boolean {
  switch (node.kind) {
    case 'anchor':
      return !ANCHORS_NOT_BEHIND.has(node.anchor);
    case 'absent':
    case 'graphemeCluster':
    case 'generalNewline':
      return false;
    case 'look':
      if (!node.behind || (node.negated && !negated)) return false;
      break;
    case 'group':
      if (negated) return false;
      break;
    default:
  }
  return childrenOf(node).every((child) => contentsAllowed(child, negated));
}

/**
 * Leading repeats of single characters (`x*`, `[ab]+`, `.{2,5}`, `\1?`) count only their minimum
 * in a look-behind: each is pinned to it, moving on past those whose minimum is 0. A greedy open
 * loop that cannot overlap what follows (`a*b`) is left alone, the engine makes it possessive.
 */
function pinLeadingRepeats(body: OnigNode): OnigNode {
  return body.kind === 'alt' ? { kind: 'alt', alts: body.alts.map(pinBranch) } : pinBranch(body);
}

function pinBranch(branch: OnigNode): OnigNode {
  if (branch.kind === 'quant') return pinned(branch, undefined) ?? branch;
  if (branch.kind !== 'seq') return branch;
  const items = branch.items.slice();
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const fixedItem = item.kind === 'quant' ? pinned(item, items[i + 1]) : undefined;
    if (!fixedItem) break;
    items[i] = fixedItem;
    if (fixedItem.min > 0) break;
  }
  return { kind: 'seq', items };
}

/** `quant` repeated exactly its minimum, or undefined when it is not to be pinned. */
function pinned(quant: QuantNode, following: OnigNode | undefined): QuantNode | undefined {
  const unit = quant.body;
  const singleUnit =
    unit.kind === 'char' ||
    unit.kind === 'class' ||
    unit.kind === 'any' ||
    unit.kind === 'backref' ||
    (unit.kind === 'seq' && unit.items.every((item) => item.kind === 'char'));
  if (!singleUnit) return undefined;
  const possessive = quant.greedy && quant.max === Infinity && quant.min <= 1;
  if (following && possessive && startsDiffer(unit, following)) return undefined;
  return { ...quant, max: quant.min };
}

/** Both nodes surely begin with a case-sensitive literal, and not the same one. */
function startsDiffer(a: OnigNode, b: OnigNode): boolean {
  const x = leadingLiteral(a);
  const y = leadingLiteral(b);
  return x !== undefined && y !== undefined && !x.ci && !y.ci && x.cp !== y.cp;
}

function leadingLiteral(node: OnigNode): { cp: number; ci: boolean } | undefined {
  switch (node.kind) {
    case 'char':
      return node;
    case 'seq':
      return node.items[0] && leadingLiteral(node.items[0]);
    case 'quant':
      return node.min > 0 ? leadingLiteral(node.body) : undefined;
    case 'group':
      return leadingLiteral(node.body);
    default:
      return undefined;
  }
}

/** A node's length range in characters; `exact` when that range is known for sure. */
interface Span {
  min: number;
  max: number;
  exact: boolean;
}

const exactly = (n: number): Span => ({ min: n, max: n, exact: true });
const unsure = (min: number, max: number): Span => ({ min, max, exact: false });

function measure(node: OnigNode, parsed: ParsedPattern, budget: number): Span {
  const inner = (n: OnigNode): Span => measure(n, parsed, budget);
  switch (node.kind) {
    case 'empty':
    case 'keep':
      return exactly(0);
    case 'char':
    case 'class':
    case 'any':
      return exactly(1);
    case 'seq':
      return node.items.map(inner).reduce((acc, s) => ({ min: acc.min + s.min, max: acc.max + s.max, exact: acc.exact && s.exact }), exactly(0));
    case 'alt': {
      const spans = node.alts.map(inner);
      const min = Math.min(...spans.map((s) => s.min));
      return {
        min,
        max: Math.max(...spans.map((s) => s.max)),
        exact: spans.some((s) => s.min === min && s.exact),
      };
    }
    case 'quant': {
      if (node.max === 0) return exactly(0);
      const unit = inner(node.body);
      return { min: unit.min * node.min, max: node.max === Infinity ? Infinity : unit.max * node.max, exact: unit.exact };
    }
    case 'group':
      return { ...inner(node.body), exact: false };
    case 'atomic':
      return inner(node.body);
    case 'call':
      return budget <= 0 ? unsure(0, Infinity) : measure(parsed.groupBodies[node.index]!, parsed, budget - 1);
    case 'backref': {
      const spans = node.groups.map((g) => inner(parsed.groupBodies[g]!));
      const min = Math.min(...spans.map((s) => s.min));
      const max = Math.max(...spans.map((s) => s.max));
      return { min, max, exact: min === max };
    }
    case 'conditionPattern': {
      const cond = inner(node.cond);
      const yes = inner(node.yes);
      const no = node.no ? inner(node.no) : exactly(0);
      return unsure(Math.min(cond.min + yes.min, no.min), Math.max(cond.max + yes.max, no.max));
    }
    default:
      return unsure(0, 0);
  }
}
