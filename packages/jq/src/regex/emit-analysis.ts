/**
 * What the emitter must know about a parsed pattern before writing it out: whether JavaScript's
 * `i` flag can stand for Oniguruma's case-insensitivity, which groups need a "did it match"
 * check, and whether `\G` is used.
 * @module
 */
import { rangeHasCase, hasCaseVariants } from './case-fold.js';
import type { OnigNode, ParsedPattern } from './onig-ast.js';

/** The result of {@link analyzePattern}. @internal */
export interface PatternAnalysis {
  /**
   * Use JavaScript's `i` flag: every case-relevant part of the pattern is case-insensitive, and no
   * part needs Oniguruma's narrower rules (e.g. `\p{Lu}` outside brackets is not folded by
   * Oniguruma but would be by JavaScript). Otherwise `i` parts are expanded by hand.
   */
  ciFlag: boolean;
  /**
   * Groups whose back-references must first check that the group took part in the match:
   * Oniguruma fails a back-reference to an unset group, JavaScript matches it as empty.
   */
  participation: Set<number>;
  /** Groups named by a back-reference or a condition. */
  referenced: Set<number>;
  /** The pattern contains `\G`. */
  usesSearchStart: boolean;
}

/** Walks the pattern once, in the order the emitter will. @internal */
export function analyzePattern(parsed: ParsedPattern): PatternAnalysis {
  const participation = new Set<number>();
  const referenced = new Set<number>();
  const closedMandatory = new Set<number>();
  let anyCi = false;
  let usesSearchStart = false;
  const ciNodes: OnigNode[] = [];
  const csNodes: OnigNode[] = [];

  const walk = (node: OnigNode, mandatory: boolean): void => {
    switch (node.kind) {
      case 'char':
      case 'class':
        if (node.ci) anyCi = true;
        (node.ci ? ciNodes : csNodes).push(node);
        return;
      case 'backref':
        if (node.ci) anyCi = true;
        (node.ci ? ciNodes : csNodes).push(node);
        for (const g of node.groups) {
          referenced.add(g);
          if (node.groups.length > 1 || !closedMandatory.has(g)) participation.add(g);
        }
        return;
      case 'condition':
        for (const g of node.groups) {
          referenced.add(g);
          if (!closedMandatory.has(g)) participation.add(g);
        }
        if (node.yes) walk(node.yes, false);
        if (node.no) walk(node.no, false);
        return;
      case 'conditionPattern':
        walk(node.cond, false);
        walk(node.yes, false);
        if (node.no) walk(node.no, false);
        return;
      case 'anchor':
        if (node.anchor === 'searchStart') usesSearchStart = true;
        return;
      case 'seq':
        for (const item of node.items) walk(item, mandatory);
        return;
      case 'alt':
        for (const alt of node.alts) walk(alt, mandatory && node.alts.length === 1);
        return;
      case 'group':
        walk(node.body, mandatory);
        if (mandatory) closedMandatory.add(node.index);
        return;
      case 'atomic':
        walk(node.body, mandatory);
        return;
      case 'quant':
        walk(node.body, mandatory && node.min > 0);
        return;
      case 'look':
        walk(node.body, false);
        return;
      case 'absent':
        walk(node.body, false);
        if (node.expr) walk(node.expr, false);
        return;
      default:
        return;
    }
  };
  walk(parsed.root, true);
  return { ciFlag: anyCi && canUseCiFlag(ciNodes, csNodes), participation, referenced, usesSearchStart };
}

/**
 * JavaScript's `i` can be used when no case-sensitive part has case variants, and every
 * case-insensitive class is one Oniguruma folds too (brackets), or is closed under folding.
 */
function canUseCiFlag(ciNodes: OnigNode[], csNodes: OnigNode[]): boolean {
  for (const node of ciNodes) {
    if (node.kind === 'class' && !node.fold && node.items.some((i) => i.kind === 'prop' && !i.caseClosed)) {
      return false;
    }
  }
  for (const node of csNodes) {
    if (node.kind === 'char' && hasCaseVariants(node.cp)) return false;
    if (node.kind === 'backref') return false;
    if (node.kind === 'class') {
      for (const item of node.items) {
        if (item.kind === 'prop' ? !item.caseClosed : rangeHasCase(item.from, item.to)) return false;
      }
    }
  }
  return true;
}
