/**
 * The compiler: dispatches each AST node to its value-mode or path-mode compiler, and owns what
 * they share (source text for errors, call targets).
 * @module
 */
import type { Node } from '../ast.js';
import { JqCompileError } from '../errors.js';
import * as basic from './compile-basic.js';
import * as control from './compile-control.js';
import { compileObject } from './compile-object.js';
import { compileAssign } from './compile-assign.js';
import { type CallTargets, compileCall, compileCallPath, compileFuncDef, compileVar } from './compile-call.js';
import { breakPath, compilePathNode, opaquePath } from './compile-path.js';
import { type Compiled, type NodeCompiler, constant, fromSingle } from './compiled.js';
import type { PathFilter } from './runtime.js';
import type { Scope } from './scope.js';

/** Compiles nodes of one program (its source and call targets). */
export class Compiler implements NodeCompiler {
  constructor(
    readonly source: string,
    private readonly targets: CallTargets,
  ) {}

  isBuiltin(node: Node): boolean {
    return this.targets.builtinDefs.has(node);
  }

  error(message: string, node: { start: number; end: number }): JqCompileError {
    return new JqCompileError(message, {
      offset: node.start,
      source: this.source,
      token: this.source.slice(node.start, node.end),
    });
  }

  value(node: Node, scope: Scope): Compiled {
    switch (node.kind) {
      case 'Identity':
        return fromSingle((input) => input);
      case 'RecurseDefault':
        return this.value({ kind: 'Call', name: 'recurse', args: [], start: node.start, end: node.end }, scope);
      case 'Literal':
        return constant(node.value);
      case 'String':
        return basic.compileString(this, node, scope);
      case 'Format':
        return basic.compileFormat(node);
      case 'Index':
        return basic.compileIndex(this, node, scope);
      case 'Slice':
        return basic.compileSlice(this, node, scope);
      case 'Iterate':
        return basic.compileIterate(this, node, scope);
      case 'Try':
        return control.compileTry(this, node, scope);
      case 'Pipe':
        return basic.compilePipe(this, node, scope);
      case 'Comma':
        return basic.compileComma(this, node, scope);
      case 'Neg':
        return basic.compileNeg(this, node, scope);
      case 'Binary':
        return basic.compileBinary(this, node, scope);
      case 'And':
      case 'Or':
        return basic.compileLogic(this, node, scope);
      case 'Alternative':
        return basic.compileAlternative(this, node, scope);
      case 'Assign':
        return compileAssign(this, node, scope);
      case 'If':
        return basic.compileIf(this, node, scope);
      case 'Reduce':
        return control.compileReduce(this, node, scope);
      case 'Foreach':
        return control.compileForeach(this, node, scope);
      case 'FuncDef':
        return compileFuncDef(this, node, scope, false);
      case 'Call':
        return compileCall(this, node, scope, this.targets);
      case 'Var':
        return compileVar(this, node, scope, this.targets);
      case 'Loc': {
        const loc = { file: '<top-level>', line: node.line };
        return fromSingle(() => loc);
      }
      case 'As':
        return control.compileAs(this, node, scope);
      case 'Label':
        return control.compileLabel(this, node, scope);
      case 'Break':
        return control.compileBreak(this, node, scope);
      case 'Array':
        return basic.compileArray(this, node, scope);
      case 'Object':
        return compileObject(this, node, scope);
      case 'Paren':
        return this.value(node.body, scope);
    }
  }

  path(node: Node, scope: Scope): PathFilter {
    const direct = compilePathNode(this, node, scope);
    if (direct) return direct;
    switch (node.kind) {
      case 'FuncDef':
        return compileFuncDef(this, node, scope, true);
      case 'Call':
        return compileCallPath(this, node, scope, this.targets, opaquePath);
      case 'Break': {
        const depth = scope.findLabel(node.label);
        if (depth < 0) throw this.error(`$*label-${node.label} is not defined`, node);
        return breakPath(depth);
      }
      default:
        return opaquePath(this.value(node, scope));
    }
  }
}
