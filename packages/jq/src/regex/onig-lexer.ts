/**
 * The tokenizer outside character classes: a port of Oniguruma 6.9.8's `fetch_token` for
 * ONIG_SYNTAX_PERL_NG, quirks included (see docs/regex-differences.md).
 * @module
 */
import type { AnchorKind, OnigOptions } from './onig-ast.js';
import { onigError } from './onig-error.js';
import { fetchInterval, scanNumber, scanRadix, type Scanner } from './onig-scanner.js';
import { readCodePointBrace, readCrudeHex, readEscapedValue, readNameWithLevel } from './onig-escapes.js';

/** A token of the pattern outside classes (Oniguruma's TK_*). @internal */
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

const ESCAPE_TOKENS: Readonly<Record<string, Token>> = {
  w: { type: 'charType', ctype: 'word', negated: false },
  W: { type: 'charType', ctype: 'word', negated: true },
  s: { type: 'charType', ctype: 'space', negated: false },
  S: { type: 'charType', ctype: 'space', negated: true },
  d: { type: 'charType', ctype: 'digit', negated: false },
  D: { type: 'charType', ctype: 'digit', negated: true },
  b: { type: 'anchor', anchor: 'wordBoundary' },
  B: { type: 'anchor', anchor: 'notWordBoundary' },
  // Oniguruma tests \y \Y with the wrong flag word, which Perl_NG happens to have: they are on.
  y: { type: 'anchor', anchor: 'grapheme' },
  Y: { type: 'anchor', anchor: 'notGrapheme' },
  A: { type: 'anchor', anchor: 'bos' },
  Z: { type: 'anchor', anchor: 'semiEos' },
  z: { type: 'anchor', anchor: 'eos' },
  G: { type: 'anchor', anchor: 'searchStart' },
  K: { type: 'keep' },
  R: { type: 'generalNewline' },
  N: { type: 'noNewline' },
  O: { type: 'trueAnychar' },
  X: { type: 'textSegment' },
  Q: { type: 'quoteOpen' },
};

const CH = (s: string): number => s.charCodeAt(0);

/**
 * Reads the next token outside a class. `options` decides `^`/`$` and whether `x` mode skips
 * whitespace and comments.
 * @internal
 */
export function fetchToken(sc: Scanner, options: OnigOptions): Token {
  if (sc.codePointContinue) {
    const r = sc.nextSequenceCodePoint(false);
    if (r !== 'end') return { type: 'codePoint', cp: r as number };
  }
  for (;;) {
    if (sc.end()) return { type: 'eot' };
    sc.backp = sc.p;
    const c = sc.fetch();
    if (c === CH('\\')) return fetchEscape(sc);
    switch (c) {
      case CH('.'):
        return { type: 'anychar' };
      case CH('*'):
        return repeatSuffix(sc, 0, Infinity, false);
      case CH('+'):
        return repeatSuffix(sc, 1, Infinity, false);
      case CH('?'):
        return repeatSuffix(sc, 0, 1, false);
      case CH('{'): {
        const iv = fetchInterval(sc);
        if (iv === 'literal') return stringToken(sc);
        return repeatSuffix(sc, iv.lower, iv.upper, true);
      }
      case CH('|'):
        return { type: 'alt' };
      case CH('('): {
        const open = openParen(sc);
        if (open) return open;
        continue;
      }
      case CH(')'):
        return { type: 'close' };
      case CH('^'):
        return { type: 'anchor', anchor: options.singleline ? 'bos' : 'bol' };
      case CH('$'):
        return { type: 'anchor', anchor: options.singleline ? 'semiEos' : 'eol' };
      case CH('['):
        return { type: 'openClass' };
      case CH('#'):
        if (options.extend) {
          while (!sc.end() && sc.fetch() !== 0x0a);
          continue;
        }
        return stringToken(sc);
      case 0x20:
      case 0x09:
      case 0x0a:
      case 0x0d:
      case 0x0c:
        if (options.extend) continue;
        return stringToken(sc);
      default:
        return stringToken(sc);
    }
  }
}

function stringToken(sc: Scanner): Token {
  return { type: 'string', cps: sc.cps.slice(sc.backp, sc.p) };
}

/** `greedy_check`: a `?` makes the repeat lazy, a `+` possessive. */
function repeatSuffix(sc: Scanner, lower: number, upper: number, interval: boolean): Token {
  let greedy = true;
  let possessive = false;
  if (sc.peekIs('?')) {
    sc.fetch();
    greedy = false;
  } else if (sc.peekIs('+')) {
    sc.fetch();
    possessive = true;
  }
  return { type: 'repeat', lower, upper, greedy, possessive, interval };
}

/**
 * `(`: a group, a `(?#...)` comment (undefined: skipped), or one of the Perl call forms `(?&name)`, `(?R)`, `(?1)`.
 * Oniguruma 6.9.8 validates those calls but then rewinds and returns a plain `(` (its
 * PUNFETCH goes back to the last fetched character), so `(?R)` parses as `(R)`, `(?&x)` as
 * `(&x)`, and `(?1)` fails as an undefined group option. We reproduce that.
 */
function openParen(sc: Scanner): Token | undefined {
  if (!sc.peekIs('?')) return { type: 'open' };
  sc.inc();
  if (!sc.end()) {
    const c = sc.peek();
    if (c === CH('#')) {
      sc.fetch();
      for (;;) {
        if (sc.end()) throw onigError('END_PATTERN_IN_GROUP');
        const d = sc.fetch();
        if (d === CH('\\')) {
          if (!sc.end()) sc.fetch();
        } else if (d === CH(')')) break;
      }
      return undefined;
    }
    if (c === CH('&')) {
      sc.inc();
      sc.fetchName(CH('('), false);
    } else if (c === CH('R')) {
      sc.inc();
      if (!sc.peekIs(')')) throw onigError('UNDEFINED_GROUP_OPTION');
    } else if (c === CH('-') || c === CH('+') || (c >= 0x30 && c <= 0x39)) {
      const nameStart = sc.p;
      const r = sc.fetchName(CH('('), true);
      if (r.numType === 'none') throw onigError('INVALID_GROUP_NAME');
      if (r.numType === 'rel' && sc.relativeToAbsolute(r.num) < 0) {
        throw onigError('UNDEFINED_GROUP_REFERENCE', sc.text(nameStart, r.nameEnd));
      }
    }
  }
  sc.unfetch();
  return { type: 'open' };
}

function fetchEscape(sc: Scanner): Token {
  if (sc.end()) throw onigError('END_PATTERN_AT_ESCAPE');
  sc.backp = sc.p;
  const c = sc.fetch();
  const ch = String.fromCodePoint(c);
  const fixed = Object.hasOwn(ESCAPE_TOKENS, ch) ? ESCAPE_TOKENS[ch] : undefined;
  if (fixed) return fixed;
  switch (ch) {
    case 'o':
    case 'x': {
      if (sc.end()) break;
      const brace = readCodePointBrace(sc, ch === 'x' ? 16 : 8, false);
      if (typeof brace === 'number') return { type: 'codePoint', cp: brace };
      if (brace === undefined && ch === 'x') return { type: 'crudeByte', byte: readCrudeHex(sc) };
      break;
    }
    case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9': {
      sc.unfetch();
      const prev = sc.p;
      const r = scanNumber(sc);
      if (r >= 0 && r <= 1000 && (r <= sc.numMem || r <= 9)) return { type: 'backref', groups: [r] };
      if (ch === '8' || ch === '9') {
        sc.p = prev;
        sc.inc();
        break;
      }
      sc.p = prev;
      return octalByte(sc, 3);
    }
    case '0':
      return octalByte(sc, 2);
    case 'k':
    case 'g': {
      if (sc.end()) break;
      const open = sc.fetch();
      if (open !== CH('<') && open !== CH("'")) {
        sc.unfetch();
        break;
      }
      return ch === 'k' ? backrefToken(sc, open) : callToken(sc, open);
    }
    case 'p':
    case 'P': {
      if (!sc.peekIs('{')) break;
      sc.inc();
      let negated = ch === 'P';
      if (!sc.end()) {
        if (sc.fetch() === CH('^')) negated = !negated;
        else sc.unfetch();
      }
      return { type: 'charProperty', negated };
    }
    default: {
      sc.unfetch();
      const value = readEscapedValue(sc);
      if (value !== c) return { type: 'codePoint', cp: value };
      sc.p = sc.backp + 1;
      return stringToken(sc);
    }
  }
  return stringToken(sc);
}

/** `\0`, `\1`..`\7` as octal: Oniguruma checks the wrong variable, so `\400` is byte 0. */
function octalByte(sc: Scanner, maxDigits: number): Token {
  return { type: 'crudeByte', byte: scanRadix(sc, 8, 0, maxDigits) & 0xff };
}

function backrefToken(sc: Scanner, open: number): Token {
  const nameStart = sc.p;
  const r = readNameWithLevel(sc, open);
  if (r.numType !== 'none') {
    const num = r.numType === 'rel' ? sc.relativeToAbsolute(r.num) : r.num;
    if (num <= 0) throw onigError('INVALID_BACKREF');
    return { type: 'backref', groups: [num] };
  }
  const name = sc.text(nameStart, r.nameEnd);
  const groups = sc.names.get(name);
  if (!groups) throw onigError('UNDEFINED_NAME_REFERENCE', name);
  return { type: 'backref', groups: [...groups].reverse() };
}

function callToken(sc: Scanner, open: number): Token {
  const nameStart = sc.p;
  const r = sc.fetchName(open, true);
  const name = sc.text(nameStart, r.nameEnd);
  if (r.numType === 'none') return { type: 'call', gnum: 0, name };
  const gnum = r.numType === 'rel' ? sc.relativeToAbsolute(r.num) : r.num;
  if (gnum < 0) throw onigError('UNDEFINED_GROUP_REFERENCE', name);
  return { type: 'call', gnum, name: null };
}
