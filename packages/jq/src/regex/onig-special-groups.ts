/**
 * The less common group forms, read after their opening characters: callouts `(*NAME)` and
 * `(?{...})`, absence groups `(?~...)` and conditionals `(?(cond)yes|no)`.
 * @module
 */
import type { OnigNode } from './onig-ast.js';
import { onigError, unsupportedError } from './onig-error.js';
import { readNameWithLevel } from './onig-escapes.js';
import { isDigit, type Scanner } from './onig-scanner.js';

/** The services of the main parser these forms need. @internal */
export interface GroupParser {
  readonly sc: Scanner;
  /** Parses a group body up to and including its `)`. */
  body(): OnigNode;
  /** Records group numbers referred to, checked against the group count after parsing. */
  noteReferences(groups: number[]): void;
}

/** `(*FAIL)`: a look-ahead that can never succeed. */
const ALWAYS_FAIL: OnigNode = { kind: 'look', behind: false, negated: true, body: { kind: 'empty' } };
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KNOWN_CALLOUTS = new Set(['FAIL', 'MISMATCH', 'ERROR', 'MAX', 'COUNT', 'TOTAL_COUNT', 'CMP', 'SKIP']);

const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;

/** The index of the first `ch` at or after `from`, or -1. */
function indexFrom(sc: Scanner, from: number, ch: number): number {
  for (let i = from; i < sc.cps.length; i++) if (sc.cps[i] === ch) return i;
  return -1;
}

/** Reads one code point, or fails with "end pattern in group" at the end. */
function nextInGroup(sc: Scanner): number {
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  return sc.fetchS();
}

/**
 * After `(*`: `(*NAME[tag]{args})`. Of the built-in callouts only `(*FAIL)` has a JavaScript
 * equivalent; the others (`MAX`, `COUNT`, ...) are refused as unsupported.
 * @internal
 */
export function parseNamedCallout(sc: Scanner): OnigNode {
  if (sc.end()) throw onigError('INVALID_CALLOUT_PATTERN');
  const nameStart = sc.p;
  let nameEnd = nameStart;
  let c = nextInGroup(sc);
  while (c !== CLOSE_PAREN && c !== OPEN_BRACKET && c !== OPEN_BRACE) {
    nameEnd = sc.p;
    c = nextInGroup(sc);
  }
  const name = sc.text(nameStart, nameEnd);
  if (!IDENTIFIER.test(name)) throw onigError('INVALID_CALLOUT_NAME');
  if (c === OPEN_BRACKET) {
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    const tagStart = sc.p;
    const close = indexFrom(sc, tagStart, 0x5d);
    // Without a `]`, the tag is taken to stop before the last character of the pattern.
    const tag = close < 0 ? sc.text(tagStart, sc.cps.length - 1) : sc.text(tagStart, close);
    sc.p = close < 0 ? sc.cps.length : close + 1;
    if (!IDENTIFIER.test(tag)) throw onigError('INVALID_CALLOUT_TAG_NAME');
    c = nextInGroup(sc);
  }
  const known = KNOWN_CALLOUTS.has(name);
  const hasArgs = c === OPEN_BRACE;
  if (hasArgs) {
    const close = indexFrom(sc, sc.p, 0x7d);
    if (close < 0) {
      sc.p = sc.cps.length;
      throw onigError('END_PATTERN_IN_GROUP');
    }
    sc.p = close + 1;
    if (!known) throw onigError('UNDEFINED_CALLOUT_NAME');
    c = nextInGroup(sc);
  }
  if (!known) throw onigError('UNDEFINED_CALLOUT_NAME');
  if (name === 'FAIL' && hasArgs) throw onigError('INVALID_CALLOUT_ARG');
  if (c !== CLOSE_PAREN) throw onigError('INVALID_CALLOUT_PATTERN');
  if (name === 'FAIL') return ALWAYS_FAIL;
  throw unsupportedError(`the callout (*${name})`);
}

/**
 * After `(?{`: a callout of contents, `(?{...}[tag]X)`, where `{{ ... }}` (any number of braces)
 * lets the contents hold braces. jq registers no callout function, so it matches the empty string.
 * @internal
 */
export function parseContentsCallout(sc: Scanner): OnigNode {
  let depth = 1;
  while (sc.peekIs('{')) {
    sc.p++;
    depth++;
  }
  const closing = '}'.repeat(depth);
  while (sc.text(sc.p, sc.p + depth) !== closing) {
    if (sc.end()) throw onigError('INVALID_CALLOUT_PATTERN');
    sc.p++;
  }
  sc.p += depth;
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (sc.peekIs('[')) {
    const close = indexFrom(sc, sc.p + 1, 0x5d);
    if (close < 0) throw onigError('INVALID_CALLOUT_PATTERN');
    if (!IDENTIFIER.test(sc.text(sc.p + 1, close))) throw onigError('INVALID_CALLOUT_TAG_NAME');
    sc.p = close + 1;
  }
  if (sc.peekIs('X') || sc.peekIs('<') || sc.peekIs('>')) sc.p++;
  if (!sc.peekIs(')')) throw onigError('INVALID_CALLOUT_PATTERN');
  sc.p++;
  return { kind: 'empty' };
}

/** Splits the top alternation of a group body into its first branch and the rest. */
function firstAndRest(alts: OnigNode[]): [OnigNode, OnigNode] {
  const [first, ...rest] = alts;
  return [first!, rest.length === 1 ? rest[0]! : { kind: 'alt', alts: rest }];
}

/**
 * After `(?~`: `(?~absent)` or `(?~|absent|expr)`. The stopper `(?~|absent)` and the range clear
 * `(?~|)` are refused as unsupported.
 * @internal
 */
export function parseAbsent(parser: GroupParser): OnigNode {
  const { sc } = parser;
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (!sc.peekIs('|')) return { kind: 'absent', body: parser.body(), expr: null };
  sc.p++;
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (sc.peekIs(')')) throw unsupportedError('the range clear (?~|)');
  const inner = parser.body();
  if (inner.kind !== 'alt') throw unsupportedError('the absent stopper (?~|absent)');
  const [body, expr] = firstAndRest(inner.alts);
  return { kind: 'absent', body, expr };
}

/**
 * After `(?(`: a conditional. A group reference (`1`, `-1`, `+1`, `<name>`, `'name'`) tests
 * whether that group matched; anything else is a pattern, matched atomically and consumed.
 * @internal
 */
export function parseCondition(parser: GroupParser): OnigNode {
  const { sc } = parser;
  const lead = nextInGroup(sc);
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  const quoted = lead === 0x3c || lead === 0x27;
  if (lead === 0x2a || (lead === 0x3f && sc.peekIs('{'))) throw unsupportedError('a callout condition');
  const numeric = isDigit(lead) || lead === 0x2d || lead === 0x2b;
  if (!quoted) sc.p--;
  if (!quoted && !numeric) return conditionOnPattern(parser);
  const ref = quoted ? readReference(sc, lead) : tryBareReference(sc);
  if (ref === undefined) return conditionOnPattern(parser);
  const groups = resolveReference(sc, ref);
  if (quoted && (sc.end() || sc.fetch() !== CLOSE_PAREN)) throw onigError('END_PATTERN_IN_GROUP');
  parser.noteReferences(groups);
  if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (sc.peekIs(')')) {
    sc.p++;
    return { kind: 'condition', groups, yes: null, no: null };
  }
  return { kind: 'condition', groups, ...branches(parser) };
}

type Reference = ReturnType<typeof readNameWithLevel> & { start: number };

/** Reads a group reference up to its closer (`open` is the opener it pairs with). */
function readReference(sc: Scanner, open: number): Reference {
  const start = sc.p;
  return { ...readNameWithLevel(sc, open), start };
}

/** A reference written without quotes, up to `)`; undefined (position restored) when it is not one. */
function tryBareReference(sc: Scanner): Reference | undefined {
  const start = sc.p;
  try {
    return readReference(sc, OPEN_PAREN);
  } catch {
    sc.p = start;
    return undefined;
  }
}

/** The groups a reference names, the last defined first. */
function resolveReference(sc: Scanner, ref: Reference): number[] {
  if (ref.numType === 'none') {
    const name = sc.text(ref.start, ref.nameEnd);
    const found = sc.names.get(name);
    if (!found) throw onigError('UNDEFINED_NAME_REFERENCE', name);
    return [...found].reverse();
  }
  const num = ref.numType === 'rel' ? sc.relativeToAbsolute(ref.num) : ref.num;
  if (num <= 0) throw onigError('INVALID_BACKREF');
  return [num];
}

/** A condition that is a pattern, read up to its `)`, then the branches. */
function conditionOnPattern(parser: GroupParser): OnigNode {
  const cond = parser.body();
  if (parser.sc.end()) throw onigError('END_PATTERN_IN_GROUP');
  if (parser.sc.peekIs(')')) throw onigError('INVALID_IF_ELSE_SYNTAX');
  return { kind: 'conditionPattern', cond, ...branches(parser) };
}

/** The `yes|no` part of a conditional, up to its `)`. */
function branches(parser: GroupParser): { yes: OnigNode; no: OnigNode | null } {
  const emptyYes = parser.sc.peekIs('|');
  if (emptyYes) parser.sc.p++;
  const rest = parser.body();
  if (emptyYes) return { yes: { kind: 'empty' }, no: rest };
  if (rest.kind !== 'alt') return { yes: rest, no: null };
  const [yes, no] = firstAndRest(rest.alts);
  return { yes, no };
}
