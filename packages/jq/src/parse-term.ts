/**
 * Terms of jq 1.6's grammar (`Term`): the operands that take postfix indexing (`.a`, `[e]`,
 * `[a:b]`, `[]`, `."s"`, each optionally followed by `?`) and can be the source of `as`.
 * @module
 */
import type { Node, StringNode } from './ast.js';
import { LEVEL, type Cursor } from './parse-cursor.js';
import { parseObject } from './parse-object.js';
import { atString, parseString } from './parse-string.js';

/**
 * Parses a term and its postfix indexing at the cursor. A `?` right after an indexing step is
 * jq 1.6's `INDEX_OPT` form: a Try with `indexOnly: true` around that step. Any other `?` is the
 * infix parser's `Exp ?`, so `f?.a` does not parse, as in jq 1.6.
 * @internal
 */
export function parseTerm(c: Cursor): Node {
  return parsePostfix(c, parsePrimary(c));
}

const TERM_START = new Set(['.', '..', 'FIELD', 'LITERAL', 'FORMAT', '(', '[', '$', 'IDENT', 'break']);

function parsePrimary(c: Cursor): Node {
  const t = c.peek();
  if (t.type === 'QQSTRING_START' || (t.type === 'FORMAT' && c.peekNext().type === 'QQSTRING_START')) return parseString(c);
  if (t.type === '{') return parseObject(c);
  if (!TERM_START.has(t.type)) throw c.syntaxError(t);
  c.next();
  const span = { start: t.start, end: t.end };
  switch (t.type) {
    case '.':
      if (atString(c)) return optional(c, index(c, { kind: 'Identity', ...span }, parseString(c)));
      // jq 1.6 has an error rule `'.' IDENT error`: bison shifts the name and reports what follows.
      if (c.peek().type === 'IDENT') throw c.syntaxError(c.peekNext());
      return { kind: 'Identity', ...span };
    case '..':
      return { kind: 'RecurseDefault', ...span };
    case 'FIELD':
      return optional(c, index(c, { kind: 'Identity', start: t.start, end: t.start }, fieldName(t.value as string, t.start + 1, t.end)));
    case 'LITERAL':
      return { kind: 'Literal', value: t.value as number, ...span };
    case 'FORMAT':
      return { kind: 'Format', name: t.value as string, ...span };
    case '(': {
      const body = c.expression(LEVEL.PIPE, false);
      c.expect(')');
      return { kind: 'Paren', body, start: t.start, end: c.lastEnd };
    }
    case '[': {
      const body = c.at(']') ? null : c.expression(LEVEL.PIPE, false);
      c.expect(']');
      return { kind: 'Array', body, start: t.start, end: c.lastEnd };
    }
    case '$':
      if (c.accept('__loc__')) return { kind: 'Loc', line: c.lineOf(t.start), start: t.start, end: c.lastEnd };
      return { kind: 'Var', name: c.expect('IDENT', ['IDENT', '__loc__']).value as string, start: t.start, end: c.lastEnd };
    case 'IDENT':
      return parseCall(c, t.value as string, t.start);
    case 'break':
      c.expect('$', ['$']);
      return { kind: 'Break', label: c.expect('IDENT', ['IDENT']).value as string, start: t.start, end: c.lastEnd };
    default:
      throw c.syntaxError(t);
  }
}

function parseCall(c: Cursor, name: string, start: number): Node {
  if (!c.accept('(')) {
    if (name === 'true' || name === 'false') return { kind: 'Literal', value: name === 'true', start, end: c.lastEnd };
    if (name === 'null') return { kind: 'Literal', value: null, start, end: c.lastEnd };
    return { kind: 'Call', name, args: [], start, end: c.lastEnd };
  }
  const args: Node[] = [];
  for (;;) {
    args.push(c.expression(LEVEL.PIPE, false));
    if (c.accept(')')) break;
    c.expect(';', c.afterExp([';', ')']));
  }
  return { kind: 'Call', name, args, start, end: c.lastEnd };
}

function parsePostfix(c: Cursor, term: Node): Node {
  for (;;) {
    const t = c.peek();
    if (t.type === 'FIELD') {
      c.next();
      term = optional(c, index(c, term, fieldName(t.value as string, t.start + 1, t.end)));
    } else if (t.type === '.') {
      c.next();
      term = optional(c, index(c, term, parseString(c)));
    } else if (t.type === '[') {
      c.next();
      term = optional(c, parseBracket(c, term));
    } else {
      return term;
    }
  }
}

/** After `term[`: `]`, `e]`, `e:]`, `:e]` or `e:e]`. */
function parseBracket(c: Cursor, target: Node): Node {
  const start = target.start;
  if (c.accept(']')) return { kind: 'Iterate', target, start, end: c.lastEnd };
  let from: Node | null = null;
  if (!c.accept(':')) {
    from = c.expression(LEVEL.PIPE, false);
    if (c.accept(']')) return { kind: 'Index', target, index: from, start, end: c.lastEnd };
    c.expect(':');
    if (c.accept(']')) return { kind: 'Slice', target, from, to: null, start, end: c.lastEnd };
  }
  const to = c.expression(LEVEL.PIPE, false);
  c.expect(']');
  return { kind: 'Slice', target, from, to, start, end: c.lastEnd };
}

function fieldName(name: string, start: number, end: number): StringNode {
  return { kind: 'String', parts: [name], format: null, start, end };
}

function index(c: Cursor, target: Node, key: Node): Node {
  return { kind: 'Index', target, index: key, start: target.start, end: c.lastEnd };
}

/** A `?` right after an indexing step. */
function optional(c: Cursor, node: Node): Node {
  if (!c.at('?')) return node;
  c.next();
  return { kind: 'Try', body: node, handler: null, indexOnly: true, start: node.start, end: c.lastEnd };
}
