/**
 * Node type aliases used by the builtin library.
 * @module
 */
import type { Node } from '../ast.js';

export type { Node };
/** A `def` node. */
export type FuncDefNode = Extract<Node, { kind: 'FuncDef' }>;
