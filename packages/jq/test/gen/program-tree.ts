/**
 * The random programs of the differential test, as small trees that know jq 1.6's operator
 * precedence: printing adds exactly the parentheses a child needs, and shrinking swaps a subtree
 * for one of its children.
 * @module
 */

/**
 * Binding strength of a node's outermost form, after jq 1.6's `parser.y` (higher binds tighter):
 * `|`, `def`, `as`, `label` and `try` (whose body runs on to the right) are loosest; a TERM can take
 * postfix `.a`, `[e]`, `?` and can be an object value; an ATOM (number literal, `reduce`,
 * `foreach`, `if`, `..`, `@format`) can be an operand but takes no postfix.
 */
export const PREC = {
  PIPE: 1,
  COMMA: 2,
  ALT: 3,
  ASSIGN: 4,
  OR: 5,
  AND: 6,
  COMPARE: 7,
  ADD: 8,
  MUL: 9,
  ATOM: 12,
  TERM: 13,
} as const;

/** A subexpression and the least precedence it may have without parentheses. */
export interface GenSlot {
  node: GenNode;
  min: number;
}

/** Text pieces and subexpression slots, printed in order. */
export type GenPart = string | GenSlot;

/** One node of a generated program. */
export interface GenNode {
  prec: number;
  parts: GenPart[];
}

/** A leaf node. */
export function leaf(text: string, prec: number = PREC.TERM): GenNode {
  return { prec, parts: [text] };
}

/** A slot helper: `slot(node, min)`. */
export function slot(node: GenNode, min: number): GenSlot {
  return { node, min };
}

/** Prints a node as jq source, parenthesizing children whose precedence is below their slot's. */
export function printNode(node: GenNode): string {
  let out = '';
  for (const part of node.parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const text = printNode(part.node);
    out += part.node.prec < part.min ? `(${text})` : text;
  }
  return out;
}

/** Number of nodes, a size measure for shrinking. */
export function nodeSize(node: GenNode): number {
  let size = 1;
  for (const part of node.parts) if (typeof part !== 'string') size += nodeSize(part.node);
  return size;
}

function slotsOf(node: GenNode): GenSlot[] {
  return node.parts.filter((p): p is GenSlot => typeof p !== 'string');
}

/** `node` with the subtree at `path` (slot indices from the root) replaced. */
function replaceAt(node: GenNode, path: readonly number[], replacement: GenNode): GenNode {
  if (path.length === 0) return replacement;
  let index = 0;
  const parts = node.parts.map((part) => {
    if (typeof part === 'string') return part;
    const mine = index++;
    return mine === path[0] ? { node: replaceAt(part.node, path.slice(1), replacement), min: part.min } : part;
  });
  return { prec: node.prec, parts };
}

/**
 * Smaller variants of a program, most aggressive first: every subtree replaced by one of its
 * direct subexpressions, by `.`, or by `null`.
 */
export function* shrinkProgram(root: GenNode): Generator<GenNode> {
  const queue: { node: GenNode; path: number[] }[] = [{ node: root, path: [] }];
  while (queue.length > 0) {
    const { node, path } = queue.shift() as { node: GenNode; path: number[] };
    const children = slotsOf(node);
    for (const child of children) yield replaceAt(root, path, child.node);
    if (node.parts.length > 1 || node.parts[0] !== '.') yield replaceAt(root, path, leaf('.'));
    if (node.parts.length > 1 || node.parts[0] !== 'null') yield replaceAt(root, path, leaf('null'));
    children.forEach((child, i) => queue.push({ node: child.node, path: [...path, i] }));
  }
}
