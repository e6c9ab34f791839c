/**
 * Splits the pattern outside bracket classes into tokens. Several of jq 1.6's oddities live here
 * (how `(?R)` and `\8` read, octal escapes wrapping at 256); docs/regex-differences.md lists them.
 * @module
 */
import type { AnchorKind, OnigOptions } from './onig-ast.js';
import { onigError } from './onig-error.js';
import { fetchInterval, scanNumber, scanRadix, type Scanner } from './onig-scanner.js';
import { readCodePointBrace, readCrudeHex, readEscapedValue, readNameWithLevel } from './onig-escapes.js';

/** A token of the pattern outside classes. @internal */
export type Token =
  | { type: 'eot' }
  | { type: 'string'; cps: number[] }
  | { type: 'codePoint'; cp: number }
  | { type: 'crudeByte'; byte: number }
  | { type: 'repeat'; lower: number; upper: number; greedy: boolean; possessive: boolean; interval: boolean }
  | { type: 'alt' }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'charType'; ctype: 'word' | 'digit' | 'space'; negated: boolean }
  | { type: 'charProperty'; negated: boolean }
  | { type: 'anchor'; anchor: AnchorKind }
  | { type: 'backref'; groups: number[] }
  | { type: 'call'; gnum: number; name: string | null }
  | { type: 'quoteOpen' }
  | { type: 'keep' }
  | { type: 'generalNewline' }
  | { type: 'noNewline' }
  | { type: 'trueAnychar' }
  | { type: 'textSegment' }
  | { type: 'anychar' }
  | { type: 'openClass' };

/** Backslash-letter escapes that always mean the same token. */
const LETTER_ESCAPES = new Map<string, Token>([
  ['w', { type: 'charType', ctype: 'word', negated: false }],
  ['W', { type: 'charType', ctype: 'word', negated: true }],
  ['s', { type: 'charType', ctype: 'space', negated: false }],
  ['S', { type: 'charType', ctype: 'space', negated: true }],
  ['d', { type: 'charType', ctype: 'digit', negated: false }],
  ['D', { type: 'charType', ctype: 'digit', negated: true }],
  ['b', { type: 'anchor', anchor: 'wordBoundary' }],
  ['B', { type: 'anchor', anchor: 'notWordBoundary' }],
  // jq 1.6 accepts the grapheme boundaries \y and \Y in this syntax.
  ['y', { type: 'anchor', anchor: 'grapheme' }],
  ['Y', { type: 'anchor', anchor: 'notGrapheme' }],
  ['A', { type: 'anchor', anchor: 'bos' }],
  ['Z', { type: 'anchor', anchor: 'semiEos' }],
  ['z', { type: 'anchor', anchor: 'eos' }],
  ['G', { type: 'anchor', anchor: 'searchStart' }],
  ['K', { type: 'keep' }],
  ['R', { type: 'generalNewline' }],
  ['N', { type: 'noNewline' }],
  ['O', { type: 'trueAnychar' }],
  ['X', { type: 'textSegment' }],
  ['Q', { type: 'quoteOpen' }],
]);

/** Single characters that are a token by themselves, whatever the options. */
const PUNCTUATION = new Map<string, Token>([
  ['.', { type: 'anychar' }],
  ['|', { type: 'alt' }],
  [')', { type: 'close' }],
  ['[', { type: 'openClass' }],
]);

const UNBOUNDED = Infinity;

/** Whitespace that `x` mode skips. */
const EXTENDED_SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c]);

/**
 * Reads the next token outside a class. `options` decides what `^`/`$` mean and whether `x` mode
 * skips whitespace and comments.
 * @internal
 */
export function fetchToken(sc: Scanner, options: OnigOptions): Token {
  if (sc.codePointContinue) {
    const more = sc.nextSequenceCodePoint(false);
    if (more !== 'end') return { type: 'codePoint', cp: more as number };
  }
  for (;;) {
    if (sc.end()) return { type: 'eot' };
    sc.backp = sc.p;
    const c = sc.fetch();
    const token = tokenAt(sc, c, options);
    if (token !== undefined) return token;
  }
}

/** The token starting with `c` (already read), or undefined for text that is skipped. */
function tokenAt(sc: Scanner, c: number, options: OnigOptions): Token | undefined {
  const ch = String.fromCodePoint(c);
  const fixed = PUNCTUATION.get(ch);
  if (fixed) return fixed;
  switch (ch) {
    case '\\':
      return escapeToken(sc);
    case '*':
      return withModifier(sc, 0, UNBOUNDED, false);
    case '+':
      return withModifier(sc, 1, UNBOUNDED, false);
    case '?':
      return withModifier(sc, 0, 1, false);
    case '{': {
      const bounds = fetchInterval(sc);
      return bounds === 'literal' ? literalToken(sc) : withModifier(sc, bounds.lower, bounds.upper, true);
    }
    case '(':
      return afterOpenParen(sc);
    case '^':
      return { type: 'anchor', anchor: options.singleline ? 'bos' : 'bol' };
    case '$':
      return { type: 'anchor', anchor: options.singleline ? 'semiEos' : 'eol' };
    case '#':
      if (!options.extend) return literalToken(sc);
      while (!sc.end() && sc.fetch() !== 0x0a);
      return undefined;
    default:
      if (options.extend && EXTENDED_SPACE.has(c)) return undefined;
      return literalToken(sc);
  }
}

/** The text of the current token as literal characters. */
function literalToken(sc: Scanner): Token {
  return { type: 'string', cps: sc.cps.slice(sc.backp, sc.p) };
}

/** A quantifier token; a following `?` makes it lazy, a following `+` possessive. */
function withModifier(sc: Scanner, lower: number, upper: number, interval: boolean): Token {
  const lazy = sc.peekIs('?');
  const possessive = !lazy && sc.peekIs('+');
  if (lazy || possessive) sc.fetch();
  return { type: 'repeat', lower, upper, greedy: !lazy, possessive, interval };
}

/** Skips a `(?#...)` comment after its `#`. */
function skipComment(sc: Scanner): void {
  for (;;) {
    if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
    const c = sc.fetch();
    if (c === 0x29) return;
    if (c === 0x5c && !sc.end()) sc.fetch();
  }
}

/**
 * After `(`: a group opener, or nothing for a `(?#...)` comment. The Perl call forms `(?&name)`,
 * `(?R)` and `(?1)` are validated but then read as a plain `(` followed by the rest, as jq 1.6
 * does: `(?R)` parses as `(R)`, `(?&x)` as `(&x)`, and `(?1)` fails as an undefined group option.
 */
function afterOpenParen(sc: Scanner): Token | undefined {
  const open: Token = { type: 'open' };
  if (!sc.peekIs('?')) return open;
  sc.inc();
  if (sc.end()) {
    sc.unfetch();
    return open;
  }
  const c = sc.peek();
  if (c === 0x23) {
    sc.fetch();
    skipComment(sc);
    return undefined;
  }
  if (c === 0x26) {
    sc.inc();
    sc.fetchName(0x28, false);
  } else if (c === 0x52) {
    sc.inc();
    if (!sc.peekIs(')')) throw onigError('UNDEFINED_GROUP_OPTION');
  } else if (c === 0x2d || c === 0x2b || (c >= 0x30 && c <= 0x39)) {
    checkNumberedCall(sc);
  }
  sc.unfetch();
  return open;
}

/** `(?1)`, `(?-1)`, `(?+1)`: the reference must be well formed and a relative one must exist. */
function checkNumberedCall(sc: Scanner): void {
  const start = sc.p;
  const ref = sc.fetchName(0x28, true);
  if (ref.numType === 'none') throw onigError('INVALID_GROUP_NAME');
  if (ref.numType === 'rel' && sc.relativeToAbsolute(ref.num) < 0) {
    throw onigError('UNDEFINED_GROUP_REFERENCE', sc.text(start, ref.nameEnd));
  }
}

/** After a backslash outside classes. */
function escapeToken(sc: Scanner): Token {
  if (sc.end()) throw onigError('END_PATTERN_AT_ESCAPE');
  sc.backp = sc.p;
  const c = sc.fetch();
  const ch = String.fromCodePoint(c);
  const fixed = LETTER_ESCAPES.get(ch);
  if (fixed) return fixed;
  if (ch >= '1' && ch <= '9') return numberedEscape(sc, ch);
  switch (ch) {
    case 'x':
    case 'o':
      return sc.end() ? literalToken(sc) : codeEscape(sc, ch === 'x' ? 16 : 8);
    case '0':
      return octalByte(sc, 2);
    case 'k':
    case 'g': {
      if (sc.end()) return literalToken(sc);
      const open = sc.fetch();
      if (open === 0x3c || open === 0x27) return ch === 'k' ? backrefByName(sc, open) : subexpCall(sc, open);
      sc.unfetch();
      return literalToken(sc);
    }
    case 'p':
    case 'P':
      if (!sc.peekIs('{')) return literalToken(sc);
      sc.inc();
      return { type: 'charProperty', negated: readCaret(sc) !== (ch === 'P') };
    default: {
      sc.unfetch();
      const value = readEscapedValue(sc);
      if (value !== c) return { type: 'codePoint', cp: value };
      sc.p = sc.backp + 1;
      return literalToken(sc);
    }
  }
}

/** Consumes a `^` if one follows. */
function readCaret(sc: Scanner): boolean {
  if (sc.end()) return false;
  if (sc.fetch() === 0x5e) return true;
  sc.unfetch();
  return false;
}

/** `\x{...}`, `\o{...}`, `\xHH`; a letter without a usable brace stands for itself. */
function codeEscape(sc: Scanner, base: 8 | 16): Token {
  const braced = readCodePointBrace(sc, base, false);
  if (typeof braced === 'number') return { type: 'codePoint', cp: braced };
  if (braced === undefined && base === 16) return { type: 'crudeByte', byte: readCrudeHex(sc) };
  return literalToken(sc);
}

/**
 * `\1`..`\9...`: a back-reference when the number is at most 9 or names an opened group (and is
 * at most 1000); otherwise an octal byte, or the digit itself for `\8` and `\9`.
 */
function numberedEscape(sc: Scanner, first: string): Token {
  sc.unfetch();
  const start = sc.p;
  const n = scanNumber(sc);
  if (n >= 0 && n <= 1000 && (n <= 9 || n <= sc.numMem)) return { type: 'backref', groups: [n] };
  sc.p = start;
  if (first === '8' || first === '9') {
    sc.inc();
    return literalToken(sc);
  }
  return octalByte(sc, 3);
}

/** An octal escape as a byte; values of 256 and more wrap around (`\400` is byte 0). */
function octalByte(sc: Scanner, maxDigits: number): Token {
  return { type: 'crudeByte', byte: scanRadix(sc, 8, 0, maxDigits) & 0xff };
}

/** `\k<...>` after its opener. A name used by several groups tries the last one first. */
function backrefByName(sc: Scanner, open: number): Token {
  const start = sc.p;
  const ref = readNameWithLevel(sc, open);
  if (ref.numType === 'none') {
    const name = sc.text(start, ref.nameEnd);
    const groups = sc.names.get(name);
    if (!groups) throw onigError('UNDEFINED_NAME_REFERENCE', name);
    return { type: 'backref', groups: [...groups].reverse() };
  }
  const num = ref.numType === 'rel' ? sc.relativeToAbsolute(ref.num) : ref.num;
  if (num <= 0) throw onigError('INVALID_BACKREF');
  return { type: 'backref', groups: [num] };
}

/** `\g<...>` after its opener: names are resolved once the whole pattern is read. */
function subexpCall(sc: Scanner, open: number): Token {
  const start = sc.p;
  const ref = sc.fetchName(open, true);
  const text = sc.text(start, ref.nameEnd);
  if (ref.numType === 'none') return { type: 'call', gnum: 0, name: text };
  const gnum = ref.numType === 'rel' ? sc.relativeToAbsolute(ref.num) : ref.num;
  if (gnum < 0) throw onigError('UNDEFINED_GROUP_REFERENCE', text);
  return { type: 'call', gnum, name: null };
}
