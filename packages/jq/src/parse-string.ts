/**
 * String literals: `"text \(interpolation) more"`, optionally after a format (`@base64 "..."`),
 * as jq 1.6's `String` and `QQString` rules.
 * @module
 */
import type { Node, StringNode, StringPart } from './ast.js';
import { LEVEL, type Cursor } from './parse-cursor.js';

/** Whether the current token starts a string literal (`"` or a format). @internal */
export function atString(c: Cursor): boolean {
  const t = c.peek().type;
  return t === 'QQSTRING_START' || t === 'FORMAT';
}

/**
 * Parses `"..."` or `@fmt "..."` at the cursor. Adjacent text is merged into one part and the
 * empty string has no parts. `expected` is what bison lists when neither token is there.
 * @internal
 */
export function parseString(c: Cursor, expected: readonly string[] = ['FORMAT', 'QQSTRING_START']): StringNode {
  const first = c.peek();
  let format: string | null = null;
  if (first.type === 'FORMAT') {
    format = c.next().value as string;
    c.expect('QQSTRING_START', ['QQSTRING_START']);
  } else {
    c.expect('QQSTRING_START', expected);
  }
  const parts: StringPart[] = [];
  for (;;) {
    const t = c.peek();
    if (t.type === 'QQSTRING_TEXT') {
      c.next();
      const prev = parts[parts.length - 1];
      if (typeof prev === 'string') parts[parts.length - 1] = prev + (t.value as string);
      else parts.push(t.value as string);
    } else if (t.type === 'QQSTRING_INTERP_START') {
      c.next();
      const e: Node = c.expression(LEVEL.PIPE, false);
      c.expect('QQSTRING_INTERP_END');
      parts.push(e);
    } else if (t.type === 'QQSTRING_END') {
      c.next();
      return { kind: 'String', parts, format, start: first.start, end: t.end };
    } else {
      throw c.syntaxError(t, ['QQSTRING_TEXT', 'QQSTRING_INTERP_START', 'QQSTRING_END']);
    }
  }
}
