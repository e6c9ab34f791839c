/**
 * Object construction `{...}` (jq 1.6's `MkDict`/`MkDictPair`), with one deliberate superset taken
 * from jackson-jq: a value may be any expression without a top-level comma, not only `ExpD`.
 * @module
 */
import { KEYWORDS, type Node, type ObjectEntry } from './ast.js';
import { LEVEL, type Cursor } from './parse-cursor.js';
import { objectKeyError } from './parse-const.js';
import { atString, parseString } from './parse-string.js';

/**
 * Parses `{...}` at the cursor (on `{`). Keys are as in jq 1.6: `ident`, keyword, `"string"`
 * (maybe interpolated or formatted), `$var`, `(expr)`; shorthands `{a}`, `{$a}`, `{"a"}` get a
 * null value; a trailing comma is allowed (`{a: 1,}`), as in jq 1.6.
 *
 * jq 1.6 takes only `ExpD` as a value (a term, `-ExpD`, `ExpD | ExpD`); we take any expression
 * that has no top-level comma, so `{msg: "n=" + .n, b: .x // 1, c: .a | length}` parses, as
 * Serverless Workflow files written for jackson-jq expect. `{a: 1, b: 2}` still splits at the comma.
 * @internal
 */
export function parseObject(c: Cursor): Node {
  const open = c.expect('{');
  const entries: ObjectEntry[] = [];
  for (;;) {
    if (c.accept('}')) break;
    entries.push(parseEntry(c));
    if (c.accept(',')) continue;
    if (c.accept('}')) break;
    throw c.syntaxError(c.peek(), c.afterExp(['}']));
  }
  return { kind: 'Object', entries, start: open.start, end: c.lastEnd };
}

const value = (c: Cursor): Node => c.expression(LEVEL.PIPE, true);

function parseEntry(c: Cursor): ObjectEntry {
  const t = c.peek();
  if (t.type === 'IDENT') {
    c.next();
    return { key: { kind: 'ident', name: t.text }, value: c.accept(':') ? value(c) : null };
  }
  if (KEYWORDS.has(t.type)) {
    c.next();
    c.expect(':', [':']);
    return { key: { kind: 'ident', name: t.text }, value: value(c) };
  }
  if (atString(c)) {
    const node = parseString(c);
    return { key: { kind: 'string', node }, value: c.accept(':') ? value(c) : null };
  }
  if (c.accept('$')) {
    const name = c.expect('IDENT', ['IDENT']).value as string;
    return { key: { kind: 'var', name }, value: null };
  }
  const open = c.accept('(');
  if (open) {
    const node = c.expression(LEVEL.PIPE, false);
    const close = c.expect(')');
    c.expect(':', [':']);
    const v = value(c);
    const error = objectKeyError(node);
    // jq 1.6 places this error at the parenthesized key, `(` included.
    if (error !== undefined) throw c.fail(error, { start: open.start, end: close.end });
    return { key: { kind: 'expr', node }, value: v };
  }
  throw c.syntaxError(t);
}
