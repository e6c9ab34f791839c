/**
 * Prints jq ASTs back to jq 1.6 source that parses to the same tree (spans aside), adding
 * parentheses only where the tree needs them; parsed trees keep theirs as Paren nodes.
 * @module
 */
import { KEYWORDS, type Directive, type Node, type Pattern, type Program, type StringNode } from './ast.js';
import { INFIX, LEVEL } from './parse-cursor.js';
import { FULL, TERM, infixOp, isIndexOnlyTry, isNegativeLiteral, isPostfixTry, needsParens, type PrintContext } from './print-precedence.js';

/**
 * Prints a whole program: directives, then the body. A body that is a zero-width `.` (what the
 * parser gives a program of definitions only, or an empty one) prints as nothing.
 * @example printProgram(parse('include "a";  def f: 1;')) // 'include "a"; def f: 1;'
 */
export function printProgram(p: Program): string {
  const pr = new Printer();
  for (const d of p.directives) pr.directive(d);
  pr.top(p.body);
  return pr.out.trimEnd();
}

/**
 * Prints one expression so that `parse(printNode(n)).body` equals `n` up to spans whenever `n`
 * came from the parser. Throws TypeError on trees no jq source can produce (e.g. `{(e)}`).
 * @example printNode(parse('1 + (2 * 3)').body) // '1 + (2 * 3)'
 */
export function printNode(n: Node): string {
  const pr = new Printer();
  pr.node(n, FULL);
  return pr.out;
}

const IDENT = /^[a-zA-Z_][a-zA-Z0-9_]*(?:::[a-zA-Z_][a-zA-Z0-9_]*)*$/;
/** A name `.name` prints as: an identifier, but not one the number rule would take (`.e5`). */
const FIELD = /^(?![eE][0-9]+$)[a-zA-Z_][a-zA-Z0-9_]*$/;

class Printer {
  out = '';
  /** Line being printed, 1-based: `$__loc__` is moved down to its original line. */
  private line = 1;

  directive(d: Directive): void {
    this.out += d.kind;
    if (d.path !== undefined) this.out += ` ${quote(d.path)}`;
    if (d.alias !== undefined) this.out += ` as ${d.alias}`;
    if (d.metadata !== undefined) {
      this.out += ' ';
      this.node(d.metadata, FULL);
    }
    this.out += '; ';
  }

  /** The program body: definitions scoping over nothing print without their `.`. */
  top(n: Node): void {
    if (n.kind === 'Identity' && n.start === n.end) return;
    if (n.kind !== 'FuncDef') {
      this.node(n, FULL);
      return;
    }
    this.definition(n);
    this.out += ' ';
    this.top(n.rest);
  }

  node(n: Node, ctx: PrintContext): void {
    if (!needsParens(n, ctx)) {
      this.raw(n, ctx);
      return;
    }
    this.out += '(';
    this.raw(n, FULL);
    this.out += ')';
  }

  private raw(n: Node, ctx: PrintContext): void {
    const op = infixOp(n);
    if (op !== undefined && 'left' in n) {
      const { level, assoc } = INFIX[op] as { level: number; assoc: string };
      const { noComma } = ctx;
      this.node(n.left, { ...FULL, min: assoc === 'left' ? level : level + 1, follow: level, noComma });
      this.out += op === ',' ? ', ' : ` ${op} `;
      this.node(n.right, { ...ctx, term: false, min: assoc === 'right' ? level : level + 1 });
      return;
    }
    switch (n.kind) {
      case 'Identity': this.out += '.'; return;
      case 'RecurseDefault': this.out += '..'; return;
      case 'Literal': this.literal(n.value, ctx); return;
      case 'String': this.string(n); return;
      case 'Format': this.out += n.name.startsWith('@') ? n.name : `@${n.name}`; return;
      case 'Index': case 'Slice': case 'Iterate': this.indexing(n); return;
      case 'Try': this.try(n, ctx); return;
      case 'Neg':
        this.out += '-';
        this.node(n.operand, { ...ctx, term: false, min: LEVEL.NEG_OPERAND });
        return;
      case 'If': this.if(n); return;
      case 'Reduce': case 'Foreach': this.fold(n); return;
      case 'FuncDef':
        this.definition(n);
        this.out += ' ';
        this.node(n.rest, { ...ctx, term: false, min: 1 });
        return;
      case 'Call':
        this.out += n.name;
        if (n.args.length > 0) this.list('(', n.args, '; ', ')');
        return;
      case 'Var': this.out += `$${n.name}`; return;
      case 'Loc':
        while (this.line < n.line) {
          this.out += '\n';
          this.line++;
        }
        this.out += '$__loc__';
        return;
      case 'As':
        this.node(n.source, TERM);
        this.out += ' as ';
        this.patterns(n.patterns);
        this.out += ' | ';
        this.node(n.body, { ...ctx, term: false, min: 1 });
        return;
      case 'Label':
        this.out += `label $${n.label} | `;
        this.node(n.body, { ...ctx, term: false, min: 1 });
        return;
      case 'Break': this.out += `break $${n.label}`; return;
      case 'Array':
        if (n.body === null) this.out += '[]';
        else this.list('[', [n.body], '', ']');
        return;
      case 'Object': this.object(n.entries); return;
      case 'Paren': this.list('(', [n.body], '', ')'); return;
    }
  }

  private list(open: string, items: Node[], sep: string, close: string): void {
    this.out += open;
    items.forEach((item, i) => {
      if (i > 0) this.out += sep;
      this.node(item, FULL);
    });
    this.out += close;
  }

  private literal(v: number | boolean | null, ctx: PrintContext): void {
    if (typeof v !== 'number') this.out += String(v);
    else if (Number.isNaN(v)) this.out += 'nan';
    else if (isNegativeLiteral({ kind: 'Literal', value: v, start: 0, end: 0 })) {
      this.out += '-';
      this.literal(-v, { ...ctx, min: LEVEL.NEG_OPERAND });
    } else this.out += v === Infinity ? '1e1000' : String(v);
  }

  private string(s: StringNode): void {
    if (s.format !== null) this.out += `${s.format} `;
    this.out += '"';
    for (const part of s.parts) {
      if (typeof part === 'string') {
        this.out += quote(part).slice(1, -1);
      } else {
        this.out += '\\(';
        this.node(part, FULL);
        this.out += ')';
      }
    }
    this.out += '"';
  }

  /** `t.name`, `t."s"`, `t[e]`, `t[a:b]`, `t[]`; a `.` target prints as the leading dot only. */
  private indexing(n: Node & { kind: 'Index' | 'Slice' | 'Iterate' }): void {
    const implicit = n.target.kind === 'Identity';
    if (!implicit) this.node(n.target, TERM);
    const key = n.kind === 'Index' && n.index.kind === 'String' ? n.index : null;
    if (key !== null) {
      // `1.a` lexes as `1.` then `a`, and `...a` as a number: keep those apart.
      if (n.target.kind === 'Literal' || n.target.kind === 'RecurseDefault') this.out += ' ';
      const name = key.format === null && key.parts.length === 1 ? key.parts[0] : undefined;
      if (typeof name === 'string' && FIELD.test(name)) {
        this.out += `.${name}`;
      } else {
        this.out += '.';
        this.string(key);
      }
      return;
    }
    if (implicit) this.out += '.';
    if (n.kind === 'Index') this.list('[', [n.index], '', ']');
    else if (n.kind === 'Iterate') this.out += '[]';
    else {
      this.out += '[';
      // `[:]` does not parse; `[null:]` means the same.
      if (n.from !== null) this.node(n.from, FULL);
      else if (n.to === null) this.out += 'null';
      this.out += ':';
      if (n.to !== null) this.node(n.to, FULL);
      this.out += ']';
    }
  }

  private try(n: Node & { kind: 'Try' }, ctx: PrintContext): void {
    if (isIndexOnlyTry(n)) {
      this.raw(n.body, TERM);
      this.out += '?';
    } else if (isPostfixTry(n)) {
      this.node(n.body, { ...FULL, min: LEVEL.POSTFIX, follow: LEVEL.POSTFIX, noComma: ctx.noComma });
      this.out += '?';
    } else if (n.handler === null) {
      this.out += 'try ';
      this.node(n.body, { ...ctx, term: false, min: LEVEL.TRY_BODY });
    } else {
      this.out += 'try ';
      this.node(n.body, { ...FULL, min: LEVEL.TRY_BODY, catchFollows: true, noComma: ctx.noComma });
      this.out += ' catch ';
      this.node(n.handler, { ...ctx, term: false, min: LEVEL.CATCH_BODY });
    }
  }

  private if(n: Node & { kind: 'If' }): void {
    n.branches.forEach((b, i) => {
      this.out += i === 0 ? 'if ' : ' elif ';
      this.node(b.cond, FULL);
      this.out += ' then ';
      this.node(b.then, FULL);
    });
    if (n.otherwise !== null) {
      this.out += ' else ';
      this.node(n.otherwise, FULL);
    }
    this.out += ' end';
  }

  private fold(n: Node & { kind: 'Reduce' | 'Foreach' }): void {
    this.out += n.kind === 'Reduce' ? 'reduce ' : 'foreach ';
    this.node(n.source, TERM);
    this.out += ' as ';
    this.patterns(n.patterns ?? [n.pattern]);
    this.list(' (', n.kind === 'Foreach' && n.extract !== null ? [n.init, n.update, n.extract] : [n.init, n.update], '; ', ')');
  }

  private definition(n: Node & { kind: 'FuncDef' }): void {
    this.out += `def ${n.name}`;
    if (n.params.length > 0) this.out += `(${n.params.join('; ')})`;
    this.out += ': ';
    this.node(n.body, FULL);
    this.out += ';';
  }

  private object(entries: (Node & { kind: 'Object' })['entries']): void {
    this.out += '{';
    entries.forEach(({ key, value }, i) => {
      if (i > 0) this.out += ', ';
      if (key.kind === 'var') {
        if (value !== null) throw new TypeError('printNode: {$name: value} is not jq syntax');
        this.out += `$${key.name}`;
        return;
      }
      // A key that is not an identifier, or a keyword without a value (`{if}` does not parse),
      // prints as the string key with the same meaning.
      if (key.kind === 'ident') this.out += IDENT.test(key.name) && (value !== null || !KEYWORDS.has(key.name)) ? key.name : quote(key.name);
      else if (key.kind === 'string') this.string(key.node);
      else if (value === null) throw new TypeError('printNode: {(key)} needs a value');
      else this.list('(', [key.node], '', ')');
      if (value === null) return;
      this.out += ': ';
      this.node(value, { ...FULL, min: 1, noComma: true });
    });
    this.out += '}';
  }

  private patterns(ps: Pattern[]): void {
    ps.forEach((p, i) => {
      if (i > 0) this.out += ' ?// ';
      this.pattern(p);
    });
  }

  private pattern(p: Pattern): void {
    if (p.kind === 'var') {
      this.out += `$${p.name}`;
    } else if (p.kind === 'array') {
      this.out += '[';
      p.elements.forEach((e, i) => {
        if (i > 0) this.out += ', ';
        this.pattern(e);
      });
      this.out += ']';
    } else {
      this.out += '{';
      p.entries.forEach(({ key, value }, i) => {
        if (i > 0) this.out += ', ';
        if (key.kind === 'var') this.out += `$${key.name}`;
        else if (value === null) throw new TypeError('printNode: an object pattern entry needs a pattern');
        else if (key.kind === 'ident') this.out += IDENT.test(key.name) ? key.name : quote(key.name);
        else if (key.kind === 'string') this.string(key.node);
        else this.list('(', [key.node], '', ')');
        if (value === null) return;
        this.out += ': ';
        this.pattern(value);
      });
      this.out += '}';
    }
  }
}

/** A JSON string literal, which jq reads back as the same text. */
function quote(s: string): string {
  return JSON.stringify(s);
}
