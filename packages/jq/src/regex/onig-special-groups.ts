/**
 * The rarer group forms of Oniguruma's `prs_bag`: callouts `(*NAME)` and `(?{...})`, absence
 * operators `(?~...)` and conditionals `(?(cond)yes|no)`. Split out of onig-parser.ts.
 * @module
 */
import type { OnigNode } from './onig-ast.js';
import { onigError, unsupportedError } from './onig-error.js';
import { readNameWithLevel } from './onig-escapes.js';
import { isDigit, type Scanner } from './onig-scanner.js';

/** What these parsers need from the main parser. @internal */
export interface GroupParser {
  readonly sc: Scanner;
  /** Parses a group body up to and including its `)`. */
  body(): OnigNode;
  /** Records group numbers referred to, checked against the group count after parsing. */
  noteReferences(groups: number[]): void;
}

const FAIL: OnigNode = { kind: 'look', behind: false, negated: true, body: { kind: 'empty' } };
const CALLOUT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const BUILTIN_CALLOUTS = new Set(['MISMATCH', 'ERROR', 'MAX', 'COUNT', 'TOTAL_COUNT', 'CMP', 'SKIP']);

/**
 * After `(*`: `(*NAME[tag]{args})` (`prs_callout_of_name`). Only the built-in `(*FAIL)` can be
 * expressed in JavaScript; the other built-ins (`MAX`, `COUNT`, ...) are refused.
 */
export function parseNamedCallout(sc: Scanner): OnigNode {
  if (sc.end()) throw onigError('INVALID_CALLOUT_PATTERN');
  const start = sc.p;
  let c: number;
  let nameEnd: number;
  for (;;) {
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    nameEnd = sc.p;
    c = sc.fetchS();
    if (c === 0x29 || c === 0x5b || c === 0x7b) break;
  }
  const name = sc.text(start, nameEnd);
  if (!CALLOUT_NAME.test(name)) throw onigError('INVALID_CALLOUT_NAME');
  if (c === 0x5b) {
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    const tagStart = sc.p;
    let tagEnd = sc.p;
    while (!sc.end()) {
      tagEnd = sc.p;
      if (sc.fetchS() === 0x5d) break;
    }
    if (!CALLOUT_NAME.test(sc.text(tagStart, tagEnd))) throw onigError('INVALID_CALLOUT_TAG_NAME');
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    c = sc.fetchS();
  }
  let hasArgs = false;
  if (c === 0x7b) {
    hasArgs = true;
    while (!sc.end() && !sc.peekIs('}')) sc.p++;
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    sc.p++;
    if (name !== 'FAIL' && !BUILTIN_CALLOUTS.has(name)) throw onigError('UNDEFINED_CALLOUT_NAME');
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    c = sc.fetchS();
  }
  if (name !== 'FAIL' && !BUILTIN_CALLOUTS.has(name)) throw onigError('UNDEFINED_CALLOUT_NAME');
  if (name === 'FAIL' && hasArgs) throw onigError('INVALID_CALLOUT_ARG');
  if (c !== 0x29) throw onigError('INVALID_CALLOUT_PATTERN');
  if (name === 'FAIL') return FAIL;
  throw unsupportedError(`the callout (*${name})`);
}

/** `[tag]` of a callout of contents. */
function calloutTag(sc: Scanner): void {
  sc.p++;
  const start = sc.p;
  while (!sc.end() && !sc.peekIs(']')) sc.p++;
  if (sc.end()) throw onigError('INVALID_CALLOUT_PATTERN');
  if (!CALLOUT_NAME.test(sc.text(start, sc.p))) throw onigError('INVALID_CALLOUT_TAG_NAME');
  sc.p++;
}

/**
 * After `(?{`: a callout of contents, `(?{...}[tag]D)` with `{{...}}` nesting. jq installs no
 * callout function, so Oniguruma skips it: it matches the empty string.
 * @internal
 */
export function parseContentsCallout(sc: Scanner): OnigNode {
  let braces = 1;
  while (sc.peekIs('{')) {
    sc.p++;
    braces++;
  }
  const closer = '}'.repeat(braces);
  for (;;) {
    if (sc.end()) throw onigError('INVALID_CALLOUT_PATTERN');
    if (sc.text(sc.p, sc.p + braces) === closer) break;
    sc.p++;
  }
  sc.p += braces;
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (sc.peekIs('[')) calloutTag(sc);
  if (sc.peekIs('X') || sc.peekIs('<') || sc.peekIs('>')) sc.p++;
  if (sc.end() || !sc.peekIs(')')) throw onigError('INVALID_CALLOUT_PATTERN');
  sc.p++;
  return { kind: 'empty' };
}

/** After `(?~`: `(?~absent)` and `(?~|absent|expr)`; the stopper `(?~|absent)` and `(?~|)` are refused. @internal */
export function parseAbsent(parser: GroupParser): OnigNode {
  const { sc } = parser;
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (!sc.peekIs('|')) return { kind: 'absent', body: parser.body(), expr: null };
  sc.p++;
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (sc.peekIs(')')) throw unsupportedError('the range clear (?~|)');
  const top = parser.body();
  if (top.kind !== 'alt') throw unsupportedError('the absent stopper (?~|absent)');
  const [absent, ...rest] = top.alts;
  const expr: OnigNode = rest.length === 1 ? rest[0]! : { kind: 'alt', alts: rest };
  return { kind: 'absent', body: absent!, expr };
}

/**
 * After `(?(`: a conditional. A group number or name (`1`, `-1`, `<name>`, `'name'`) tests that
 * the group took part; anything else is a pattern, matched atomically and consumed.
 * @internal
 */
export function parseCondition(parser: GroupParser): OnigNode {
  const { sc } = parser;
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  const c = sc.fetch();
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  const enclosed = c === 0x3c || c === 0x27;
  if (c === 0x2a || (c === 0x3f && sc.peekIs('{'))) throw unsupportedError('a callout condition');
  if (!(isDigit(c) || c === 0x2d || c === 0x2b || enclosed)) {
    sc.unfetch();
    return patternCondition(parser);
  }
  if (!enclosed) sc.unfetch();
  const nameStart = sc.p;
  let r: ReturnType<typeof readNameWithLevel>;
  try {
    r = readNameWithLevel(sc, enclosed ? c : 0x28);
  } catch (err) {
    if (enclosed) throw err;
    sc.p = nameStart;
    return patternCondition(parser);
  }
  let groups: number[];
  if (r.numType !== 'none') {
    const num = r.numType === 'rel' ? sc.relativeToAbsolute(r.num) : r.num;
    if (num <= 0) throw onigError('INVALID_BACKREF');
    groups = [num];
  } else {
    const name = sc.text(nameStart, r.nameEnd);
    const found = sc.names.get(name);
    if (!found) throw onigError('UNDEFINED_NAME_REFERENCE', name);
    groups = [...found].reverse();
  }
  if (enclosed && (sc.end() || sc.fetch() !== 0x29)) throw onigError('END_PATTERN_IN_GROUP');
  parser.noteReferences(groups);
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (sc.peekIs(')')) {
    sc.fetch();
    return { kind: 'condition', groups, yes: null, no: null };
  }
  const { yes, no } = thenElse(parser);
  return { kind: 'condition', groups, yes, no };
}

/** `any_condition`: a pattern as the condition, read up to its `)`. */
function patternCondition(parser: GroupParser): OnigNode {
  const cond = parser.body();
  if (parser.sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (parser.sc.peekIs(')')) throw onigError('INVALID_IF_ELSE_SYNTAX');
  const { yes, no } = thenElse(parser);
  return { kind: 'conditionPattern', cond, yes, no };
}

/** The `yes|no` part of a conditional group, up to its `)`. */
function thenElse(parser: GroupParser): { yes: OnigNode; no: OnigNode | null } {
  let thenEmpty = false;
  if (parser.sc.peekIs('|')) {
    parser.sc.fetch();
    thenEmpty = true;
  }
  const target = parser.body();
  if (thenEmpty) return { yes: { kind: 'empty' }, no: target };
  if (target.kind === 'alt') {
    const [yes, ...rest] = target.alts;
    return { yes: yes!, no: rest.length === 1 ? rest[0]! : { kind: 'alt', alts: rest } };
  }
  return { yes: target, no: null };
}
