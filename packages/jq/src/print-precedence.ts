/**
 * When the printer must parenthesize a node: the binding facts of jq 1.6's grammar seen from the
 * tree (how tightly a node binds at its top, and what its open right end would swallow).
 * @module
 */
import type { Node } from './ast.js';
import { INFIX, LEVEL } from './parse-cursor.js';

/** Where a node is printed. @internal */
export interface PrintContext {
  /** The loosest infix level the node may have at its top (1 = `|`, see INFIX). */
  min: number;
  /** Level of the infix operator or postfix `?` printed right after the node, 0 if none. */
  follow: number;
  /** `catch` is printed right after the node (it is the body of `try ... catch`). */
  catchFollows: boolean;
  /** Only a term fits (indexing target, source of `as`, `reduce`, `foreach`). */
  term: boolean;
  /** A top-level `,` would end the node (an object value). */
  noComma: boolean;
}

/** A whole expression between brackets or at the top. @internal */
export const FULL: PrintContext = { min: 0, follow: 0, catchFollows: false, term: false, noComma: false };
/** A term position. @internal */
export const TERM: PrintContext = { ...FULL, term: true };

/** The level of terms and prefix forms (`-`, `try`, `if`, `def`, ...): above every operator. */
const PRIMARY = 100;

/** The infix operator at the top of a node, if any, as its jq spelling. @internal */
export function infixOp(n: Node): string | undefined {
  switch (n.kind) {
    case 'Pipe': return '|';
    case 'Comma': return ',';
    case 'Alternative': return '//';
    case 'And': return 'and';
    case 'Or': return 'or';
    case 'Assign':
    case 'Binary': return n.op;
    default: return undefined;
  }
}

/** A number literal jq cannot write as a literal (`-1` parses as a negation). @internal */
export function isNegativeLiteral(n: Node): boolean {
  return n.kind === 'Literal' && typeof n.value === 'number' && (n.value < 0 || Object.is(n.value, -0));
}

const isIndexing = (n: Node): boolean => n.kind === 'Index' || n.kind === 'Slice' || n.kind === 'Iterate';

/** A Try that prints as jq 1.6's term-level `t.a?` / `t[e]?` / `t[]?` / `t[a:b]?`. @internal */
export function isIndexOnlyTry(n: Node & { kind: 'Try' }): boolean {
  return n.handler === null && n.indexOnly === true && isIndexing(n.body);
}

/** Whether a Try prints as a postfix `body?` (else as `try body`). @internal */
export function isPostfixTry(n: Node & { kind: 'Try' }): boolean {
  if (n.handler !== null) return false;
  // An indexing body followed by `?` parses as jq 1.6's index-only form, so only that prints so.
  if (isIndexing(n.body)) return n.indexOnly === true;
  // Otherwise keep the spelling the source used, as far as spans tell.
  return n.start === n.body.start && n.end > n.body.end;
}

/** Whether a node is a jq 1.6 Term (takes postfix indexing, can be the source of `as`). @internal */
export function isTerm(n: Node): boolean {
  switch (n.kind) {
    case 'Identity': case 'RecurseDefault': case 'String': case 'Format': case 'Index': case 'Slice':
    case 'Iterate': case 'Call': case 'Var': case 'Loc': case 'Break': case 'Array': case 'Object': case 'Paren':
      return true;
    case 'Literal':
      return !isNegativeLiteral(n);
    case 'Try':
      return isIndexOnlyTry(n);
    default:
      return false;
  }
}

function levelOf(n: Node): number {
  const op = infixOp(n);
  if (op !== undefined) return (INFIX[op] as { level: number }).level;
  if (n.kind === 'Try' && isPostfixTry(n) && !isIndexOnlyTry(n)) return LEVEL.POSTFIX;
  return PRIMARY;
}

/** The loosest operator level that the open right end of `n` would take in if printed after it. */
function openLevel(n: Node): number {
  switch (n.kind) {
    case 'Pipe': case 'Comma': case 'Alternative': case 'And': case 'Or': case 'Assign': case 'Binary': {
      const { level, assoc } = INFIX[infixOp(n) as string] as { level: number; assoc: string };
      return Math.min(assoc === 'right' ? level : level + 1, openLevel(n.right));
    }
    case 'Neg': return Math.min(LEVEL.NEG_OPERAND, openLevel(n.operand));
    case 'Literal': return isNegativeLiteral(n) ? LEVEL.NEG_OPERAND : Infinity;
    case 'Try':
      if (isPostfixTry(n)) return Infinity;
      return openLevel(n.handler ?? n.body);
    case 'FuncDef': case 'As': case 'Label': return 1;
    default: return Infinity;
  }
}

/** Whether the open right end of `n` is a `try` without `catch`, which would take a `catch` in. */
function absorbsCatch(n: Node): boolean {
  switch (n.kind) {
    case 'Try':
      if (isPostfixTry(n)) return false;
      return n.handler === null ? true : absorbsCatch(n.handler);
    case 'Neg': return absorbsCatch(n.operand);
    case 'FuncDef': return absorbsCatch(n.rest);
    case 'As': case 'Label': return absorbsCatch(n.body);
    case 'Pipe': case 'Comma': case 'Alternative': case 'And': case 'Or': case 'Assign': case 'Binary':
      return absorbsCatch(n.right);
    default: return false;
  }
}

/** Whether `n` printed in `ctx` would parse back differently unless parenthesized. @internal */
export function needsParens(n: Node, ctx: PrintContext): boolean {
  if (ctx.term && !isTerm(n)) return true;
  if (levelOf(n) < ctx.min) return true;
  if (ctx.noComma && n.kind === 'Comma') return true;
  if (openLevel(n) <= ctx.follow) return true;
  return ctx.catchFollows && absorbsCatch(n);
}
