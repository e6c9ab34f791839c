/**
 * Destructuring patterns after `as` (jq 1.6's `Patterns`, `Pattern`, `ArrayPats`, `ObjPats`):
 * `$x`, `[$a, $b]`, `{$a, b: $c, "d": [$e], (expr): $f, $g: {...}}`, alternatives joined by `?//`.
 * @module
 */
import { KEYWORDS, type ObjectPatternEntry, type Pattern } from './ast.js';
import { LEVEL, type Cursor } from './parse-cursor.js';
import { objectKeyError } from './parse-const.js';
import { atString, parseString } from './parse-string.js';

const PATTERN_START = ['$', '[', '{'];

/** Parses `p1 ?// p2 ?// ...`: one pattern or more. @internal */
export function parsePatterns(c: Cursor): Pattern[] {
  const patterns = [parsePattern(c)];
  while (c.accept('?//')) patterns.push(parsePattern(c));
  return patterns;
}

function parsePattern(c: Cursor): Pattern {
  const start = c.peek();
  if (c.accept('$')) {
    const name = c.expect('IDENT', ['IDENT']).value as string;
    return { kind: 'var', name, start: start.start, end: c.lastEnd };
  }
  if (c.accept('[')) {
    const elements: Pattern[] = [];
    for (;;) {
      elements.push(parsePattern(c));
      if (c.accept(']')) break;
      c.expect(',', [',', ']']);
    }
    return { kind: 'array', elements, start: start.start, end: c.lastEnd };
  }
  if (c.accept('{')) {
    const entries: ObjectPatternEntry[] = [];
    for (;;) {
      entries.push(parseObjectPatternEntry(c));
      if (c.accept('}')) break;
      c.expect(',', [',', '}']);
    }
    return { kind: 'object', entries, start: start.start, end: c.lastEnd };
  }
  throw c.syntaxError(start, PATTERN_START);
}

function parseObjectPatternEntry(c: Cursor): ObjectPatternEntry {
  const t = c.peek();
  if (c.accept('$')) {
    const name = c.expect('IDENT', ['IDENT']).value as string;
    const value = c.accept(':') ? parsePattern(c) : null;
    return { key: { kind: 'var', name }, value };
  }
  if (t.type === 'IDENT' || KEYWORDS.has(t.type)) {
    c.next();
    c.expect(':', [':']);
    return { key: { kind: 'ident', name: t.text }, value: parsePattern(c) };
  }
  if (atString(c)) {
    const node = parseString(c);
    c.expect(':', [':']);
    return { key: { kind: 'string', node }, value: parsePattern(c) };
  }
  if (c.accept('(')) {
    const node = c.expression(LEVEL.PIPE, false);
    c.expect(')');
    c.expect(':', [':']);
    const value = parsePattern(c);
    const error = objectKeyError(node);
    if (error !== undefined) throw c.fail(error, node);
    return { key: { kind: 'expr', node }, value };
  }
  throw c.syntaxError(t);
}
