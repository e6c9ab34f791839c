/**
 * The jq 1.6 parser: program text to the AST of ast.ts, by recursive descent and precedence
 * climbing that reproduce the precedences and shift/reduce choices of jq 1.6's src/parser.y.
 * @module
 */
import type { AssignOp, BinaryOp, Directive, Node, Program } from './ast.js';
import type { Token } from './lexer.js';
import { Cursor, INFIX, LEVEL } from './parse-cursor.js';
import { constantValue } from './parse-const.js';
import { parsePatterns } from './parse-pattern.js';
import { parseString } from './parse-string.js';
import { parseTerm } from './parse-term.js';

const EXP_START = new Set([
  '.', '..', 'FIELD', 'LITERAL', 'FORMAT', 'QQSTRING_START', '(', '[', '{', '$', 'IDENT', 'break',
  'def', 'reduce', 'foreach', 'if', 'try', 'label', '-',
]);

/**
 * Parses a jq 1.6 program. Throws JqCompileError with jq 1.6's message for syntax errors (e.g.
 * `syntax error, unexpected INVALID_CHARACTER, expecting $end (Unix shell quoting issues?)`) and
 * for what jq 1.6's parser itself rejects: invalid number and escape literals, `1/0`
 * (`Division by zero?`), constant non-string object keys, non-constant module metadata or import
 * paths. The error's offset and token are those of the offending token or construct.
 *
 * A program of only definitions (or only directives, or nothing) has body `.`, as in jq.
 *
 * Deliberate divergences from jq 1.6, all supersets but the last: an object value may be any
 * expression without a top-level comma (jackson-jq's rule, see parse-object.ts); `if` without
 * `else` is accepted (jq 1.7); `\r` is whitespace (jq 1.8); nesting too deep for the JS stack
 * (about a thousand levels) fails with `memory exhausted`, which jq 1.6 reports past 10000.
 * Expectation lists of syntax errors follow bison's where tests showed them, else best effort.
 * @example parse('.a + 1').body // { kind: 'Binary', op: '+', left: { kind: 'Index', ... }, ... }
 */
export function parse(source: string): Program {
  const c = new Cursor(source);
  c.expression = (min, noComma) => parseExp(c, min, noComma);
  try {
    const directives = parseDirectives(c);
    const body = parseTopLevel(c);
    if (!c.at('$end')) throw c.syntaxError(c.peek(), c.afterExp(['$end']));
    return { directives, body };
  } catch (e) {
    // Nesting deeper than the JS stack allows (about a thousand levels): jq 1.6 reports its
    // parser stack overflow (10000 levels) the same way.
    if (e instanceof RangeError) throw c.errorAt('memory exhausted', (c.tokens[c.pos] as Token).start, undefined);
    throw e;
  }
}

function parseDirectives(c: Cursor): Directive[] {
  const out: Directive[] = [];
  if (c.at('module')) {
    const kw = c.next();
    const metadata = parseExp(c, LEVEL.PIPE, false);
    c.expect(';');
    if (constantValue(metadata) === undefined) throw c.fail('Module metadata must be constant', metadata);
    out.push({ kind: 'module', metadata, start: kw.start, end: c.lastEnd });
  }
  while (c.at('import') || c.at('include')) {
    const kw = c.next();
    const path = parseString(c);
    if (path.parts.some((p) => typeof p !== 'string')) throw c.fail('Import path must be constant', path);
    const d: Directive = { kind: kw.type === 'import' ? 'import' : 'include', path: path.parts.join(''), start: kw.start, end: 0 };
    if (kw.type === 'import') {
      c.expect('as', ['as']);
      d.alias = c.accept('$') ? `$${c.expect('IDENT', ['IDENT']).value as string}` : (c.expect('IDENT', ['IDENT', '$']).value as string);
    }
    if (!c.accept(';')) {
      const metadata = parseExp(c, LEVEL.PIPE, false);
      c.expect(';');
      const v = constantValue(metadata);
      if (v === undefined) throw c.fail('Module metadata must be constant', metadata);
      if (v === null || typeof v !== 'object' || Array.isArray(v)) throw c.fail('Module metadata must be an object', metadata);
      d.metadata = metadata;
    }
    d.end = c.lastEnd;
    out.push(d);
  }
  return out;
}

/** The main expression, or jq's `FuncDefs` alternative: definitions only, then `.`. */
function parseTopLevel(c: Cursor): Node {
  const t = c.peek();
  if (t.type === '$end') return { kind: 'Identity', start: t.start, end: t.start };
  if (t.type === 'def') {
    const def = parseDefinition(c);
    const rest = parseTopLevel(c);
    return { kind: 'FuncDef', ...def, rest, start: def.start, end: Math.max(rest.end, def.end) };
  }
  // At the start, bison has reduced to "definitions only" and wants the end of the program.
  if (!EXP_START.has(t.type)) throw c.syntaxError(t, ['$end']);
  return parseExp(c, LEVEL.PIPE, false);
}

/**
 * An expression whose infix operators bind at least as tightly as `min` (a LEVEL or an INFIX
 * level). Prefix forms (`def`, `-`, `try`, `label`, `Term as ...`) take their operand at their own
 * level, whatever `min` is, as yacc reduces the innermost rule first.
 */
function parseExp(c: Cursor, min: number, noComma: boolean): Node {
  let lhs = parsePrefix(c, noComma);
  let lastLevel = 0;
  for (;;) {
    const t = c.peek();
    if (t.type === '?') {
      if (LEVEL.POSTFIX < min) break;
      c.next();
      lhs = { kind: 'Try', body: lhs, handler: null, start: lhs.start, end: t.end };
      continue;
    }
    const op = INFIX[t.type];
    if (op === undefined || op.level < min || (noComma && t.type === ',')) break;
    // `%nonassoc`: `1 == 2 == 3` and `.a = 1 = 2` are syntax errors.
    if (op.assoc === 'none' && op.level === lastLevel) throw c.syntaxError(t);
    c.next();
    const rhs = parseExp(c, op.assoc === 'right' ? op.level : op.level + 1, noComma);
    lhs = infix(c, t.type, lhs, rhs);
    lastLevel = op.level;
  }
  return lhs;
}

function infix(c: Cursor, op: string, left: Node, right: Node): Node {
  const span = { start: left.start, end: right.end };
  switch (op) {
    case '|': return { kind: 'Pipe', left, right, ...span };
    case ',': return { kind: 'Comma', left, right, ...span };
    case '//': return { kind: 'Alternative', left, right, ...span };
    case 'and': return { kind: 'And', left, right, ...span };
    case 'or': return { kind: 'Or', left, right, ...span };
  }
  if (INFIX[op]?.level === 4) return { kind: 'Assign', op: op as AssignOp, left, right, ...span };
  const node: Node = { kind: 'Binary', op: op as BinaryOp, left, right, ...span };
  if (op === '/') {
    // jq 1.6 folds constant arithmetic at parse time and rejects a constant infinite quotient.
    const v = constantValue(node);
    if (typeof v === 'number' && !Number.isFinite(v) && !Number.isNaN(v)) throw c.fail('Division by zero?', node);
  }
  return node;
}

function parsePrefix(c: Cursor, noComma: boolean): Node {
  const t = c.peek();
  switch (t.type) {
    case 'def': {
      const def = parseDefinition(c);
      const rest = parseExp(c, LEVEL.PIPE, noComma);
      return { kind: 'FuncDef', ...def, rest, start: t.start, end: rest.end };
    }
    case 'reduce':
    case 'foreach':
      return parseFold(c);
    case 'if':
      return parseIf(c);
    case 'try': {
      c.next();
      const body = parseExp(c, LEVEL.TRY_BODY, noComma);
      const handler = c.accept('catch') ? parseExp(c, LEVEL.CATCH_BODY, noComma) : null;
      return { kind: 'Try', body, handler, start: t.start, end: c.lastEnd };
    }
    case 'label': {
      c.next();
      c.expect('$', ['$']);
      const label = c.expect('IDENT', ['IDENT']).value as string;
      c.expect('|', ['|']);
      const body = parseExp(c, LEVEL.PIPE, noComma);
      return { kind: 'Label', label, body, start: t.start, end: body.end };
    }
    case '-': {
      c.next();
      const operand = parseExp(c, LEVEL.NEG_OPERAND, noComma);
      return { kind: 'Neg', operand, start: t.start, end: operand.end };
    }
  }
  const source = parseTerm(c);
  if (!c.accept('as')) return source;
  const patterns = parsePatterns(c);
  c.expect('|', ['|']);
  const body = parseExp(c, LEVEL.PIPE, noComma);
  return { kind: 'As', source, patterns, body, start: source.start, end: body.end };
}

/** `def name(params): body;` (the scope it applies to is parsed by the caller). */
function parseDefinition(c: Cursor): { name: string; params: string[]; body: Node; start: number; end: number } {
  const start = c.expect('def').start;
  const name = c.expect('IDENT', ['IDENT']).value as string;
  const params: string[] = [];
  if (c.accept('(')) {
    for (;;) {
      if (c.accept('$')) params.push(`$${c.expect('IDENT', ['IDENT']).value as string}`);
      else params.push(c.expect('IDENT', ['IDENT', '$']).value as string);
      if (c.accept(')')) break;
      c.expect(';', [';', ')']);
    }
    c.expect(':', [':']);
  } else {
    c.expect(':', ['(', ':']);
  }
  const body = parseExp(c, LEVEL.PIPE, false);
  c.expect(';');
  return { name, params, body, start, end: c.lastEnd };
}

/** `reduce Term as Patterns (init; update)` and `foreach Term as Patterns (init; update[; extract])`. */
function parseFold(c: Cursor): Node {
  const kw = c.next();
  const source = parseTerm(c);
  c.expect('as', c.afterExp(['FIELD', 'as', '.', '[']));
  const patterns = parsePatterns(c);
  c.expect('(', ['(']);
  const init = parseExp(c, LEVEL.PIPE, false);
  c.expect(';');
  const update = parseExp(c, LEVEL.PIPE, false);
  if (kw.type === 'reduce') {
    c.expect(')');
    const [pattern] = patterns as [(typeof patterns)[0]];
    return { kind: 'Reduce', source, pattern, patterns, init, update, start: kw.start, end: c.lastEnd };
  }
  const extract = c.accept(';') ? parseExp(c, LEVEL.PIPE, false) : null;
  c.expect(')');
  const [pattern] = patterns as [(typeof patterns)[0]];
  return { kind: 'Foreach', source, pattern, patterns, init, update, extract, start: kw.start, end: c.lastEnd };
}

/** `if c then t (elif c then t)* (else e)? end`; a missing `else` is jq 1.7's, accepted here. */
function parseIf(c: Cursor): Node {
  const kw = c.next();
  const branches: { cond: Node; then: Node }[] = [];
  let otherwise: Node | null = null;
  do {
    const cond = parseExp(c, LEVEL.PIPE, false);
    c.expect('then');
    branches.push({ cond, then: parseExp(c, LEVEL.PIPE, false) });
  } while (c.accept('elif'));
  if (c.accept('else')) {
    otherwise = parseExp(c, LEVEL.PIPE, false);
    c.expect('end');
  } else if (!c.accept('end')) {
    throw c.syntaxError(c.peek());
  }
  return { kind: 'If', branches, otherwise, start: kw.start, end: c.lastEnd };
}
