/**
 * Bracket classes `[...]` and `\p{...}` properties: a port of Oniguruma 6.9.8's
 * `fetch_token_cc`, `prs_cc` and `prs_posix_bracket` for ONIG_SYNTAX_PERL_NG (no `&&`, no nested
 * sets: a `[` inside a class is an ordinary character).
 * @module
 */
import type { CharProperty, ClassItem } from './onig-ast.js';
import { onigError, unsupportedError } from './onig-error.js';
import { readCodePointBrace, readCrudeHex, readEscapedValue } from './onig-escapes.js';
import { scanRadix, type Scanner } from './onig-scanner.js';
import { DIGIT_ATOMS, lookupProperty, POSIX_CLASSES, SPACE_ATOMS, WORD_ATOMS } from './unicode-props.js';
import { decodeUtf8Lead, utf8Length } from './utf8.js';

type CcToken =
  | { type: 'eot' | 'close' | 'range' }
  | { type: 'char'; cp: number; escaped: boolean }
  | { type: 'codePoint'; cp: number }
  | { type: 'crudeByte'; byte: number; base: 8 | 16 }
  | { type: 'prop'; prop: CharProperty }
  | { type: 'property'; negated: boolean }
  | { type: 'posixOpen'; backp: number };

const CTYPES: Readonly<Record<string, CharProperty>> = {
  w: { kind: 'prop', atoms: WORD_ATOMS, negated: false, caseClosed: true },
  W: { kind: 'prop', atoms: WORD_ATOMS, negated: true, caseClosed: true },
  d: { kind: 'prop', atoms: DIGIT_ATOMS, negated: false, caseClosed: true },
  D: { kind: 'prop', atoms: DIGIT_ATOMS, negated: true, caseClosed: true },
  s: { kind: 'prop', atoms: SPACE_ATOMS, negated: false, caseClosed: true },
  S: { kind: 'prop', atoms: SPACE_ATOMS, negated: true, caseClosed: true },
};

function fetchCcToken(sc: Scanner): CcToken {
  if (sc.codePointContinue) {
    const r = sc.nextSequenceCodePoint(true);
    if (r === 'range') return { type: 'range' };
    if (r !== 'end') return { type: 'codePoint', cp: r };
  }
  if (sc.end()) return { type: 'eot' };
  const c = sc.fetch();
  if (c === 0x5d) return { type: 'close' };
  if (c === 0x2d) return { type: 'range' };
  if (c === 0x5b && sc.peekIs(':')) {
    const backp = sc.p;
    sc.inc();
    if (colonBracketAhead(sc)) return { type: 'posixOpen', backp };
    sc.unfetch();
    return { type: 'char', cp: c, escaped: false };
  }
  if (c !== 0x5c) return { type: 'char', cp: c, escaped: false };
  if (sc.end()) throw onigError('END_PATTERN_AT_ESCAPE');
  const e = sc.fetch();
  const ch = String.fromCodePoint(e);
  if (Object.hasOwn(CTYPES, ch)) return { type: 'prop', prop: CTYPES[ch]! };
  switch (ch) {
    case 'p':
    case 'P': {
      if (!sc.peekIs('{')) break;
      sc.inc();
      let negated = ch === 'P';
      if (!sc.end()) {
        if (sc.fetch() === 0x5e) negated = !negated;
        else sc.unfetch();
      }
      return { type: 'property', negated };
    }
    case 'o':
    case 'x': {
      if (sc.end()) break;
      const brace = readCodePointBrace(sc, ch === 'x' ? 16 : 8, true);
      if (typeof brace === 'number') return { type: 'codePoint', cp: brace };
      if (brace === undefined && ch === 'x') return { type: 'crudeByte', byte: readCrudeHex(sc), base: 16 };
      break;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      sc.unfetch();
      const code = scanRadix(sc, 8, 0, 3);
      if (code >= 256) throw onigError('TOO_BIG_NUMBER');
      return { type: 'crudeByte', byte: code, base: 8 };
    }
    default: {
      sc.unfetch();
      const value = readEscapedValue(sc);
      if (value !== e) return { type: 'codePoint', cp: value };
    }
  }
  return { type: 'char', cp: e, escaped: true };
}

/** `str_exist_check_with_esc(":]")`: does `:]` come before the next unescaped `]`? */
function colonBracketAhead(sc: Scanner): boolean {
  let inEscape = false;
  for (let i = sc.p; i < sc.cps.length; i++) {
    const c = sc.cps[i]!;
    if (inEscape) inEscape = false;
    else if (c === 0x3a && sc.cps[i + 1] === 0x5d) return true;
    else if (c === 0x5d) return false;
    else if (c === 0x5c) inEscape = true;
  }
  return false;
}

/**
 * `fetch_char_property_to_ctype`, after `\p{`: reads the name up to `}` and looks it up.
 * @internal
 */
export function readProperty(sc: Scanner, negated: boolean): CharProperty {
  const start = sc.p;
  while (!sc.end()) {
    const prev = sc.p;
    const c = sc.fetchS();
    if (c === 0x7d) {
      const name = sc.text(start, prev);
      const found = lookupProperty(name);
      if (found === 'unsupported') throw unsupportedError(`the property \\p{${name}}`);
      if (!found) throw onigError('INVALID_CHAR_PROPERTY_NAME', name);
      return negated ? { ...found, negated: !found.negated } : found;
    }
    if (c === 0x28 || c === 0x29 || c === 0x7b || c === 0x7c) break;
  }
  throw onigError('END_PATTERN_WITH_UNMATCHED_PARENTHESIS');
}

/** `prs_posix_bracket` after `[:`: the class, or undefined when this is not a POSIX bracket. */
function readPosixBracket(sc: Scanner): CharProperty | undefined {
  let negated = false;
  if (sc.peekIs('^')) {
    sc.p++;
    negated = true;
  }
  if (sc.cps.length - sc.p >= 7) {
    for (const [name, value] of Object.entries(POSIX_CLASSES)) {
      if (sc.text(sc.p, sc.p + name.length) !== name) continue;
      sc.p += name.length;
      if (sc.text(sc.p, sc.p + 2) !== ':]') throw onigError('INVALID_POSIX_BRACKET_TYPE');
      sc.p += 2;
      return negated ? { ...value, negated: !value.negated } : value;
    }
  }
  let c = 0;
  for (let i = 0; !sc.end() && (c = sc.peek()) !== 0x3a && c !== 0x5d; ) {
    sc.p++;
    if (++i > 20) break;
  }
  if (c === 0x3a && !sc.end()) {
    sc.p++;
    if (!sc.end() && sc.fetchS() === 0x5d) throw onigError('INVALID_POSIX_BRACKET_TYPE');
  }
  return undefined;
}

/** Value types of `prs_cc`: single-byte, multibyte, or a class (CV_SB, CV_MB, CV_CPROP). */
type ValueType = 'sb' | 'mb' | 'cprop' | 'undef';

/**
 * `prs_cc`, after `[`: the items of the class and whether it is negated. A crude byte above
 * 0x7F that stays a single byte (e.g. `[\x80]`) can never match valid UTF-8 and is dropped.
 * @internal
 */
export function parseClass(sc: Scanner): { items: ClassItem[]; negated: boolean } {
  const items: ClassItem[] = [];
  let state = 'start' as 'start' | 'value' | 'range' | 'complete';
  let curr = 0;
  let currType: ValueType = 'undef';
  const commit = (cp: number, type: ValueType): void => {
    if (type === 'mb' || (type === 'sb' && cp < 0x80)) items.push({ kind: 'range', from: cp, to: cp });
  };
  const charNext = (to: number, type: ValueType): void => {
    if (state === 'value') commit(curr, currType);
    else if (state === 'range') {
      if (curr > to) throw onigError('EMPTY_RANGE_IN_CHAR_CLASS');
      items.push({ kind: 'range', from: curr, to });
      state = 'complete';
    } else state = 'value';
    curr = to;
    currType = type;
  };
  const propNext = (p: CharProperty): void => {
    if (state === 'range') throw onigError('CHAR_CLASS_VALUE_AT_END_OF_RANGE');
    if (state === 'value') commit(curr, currType);
    items.push(p);
    state = 'value';
    currType = 'cprop';
  };
  let tok = fetchCcToken(sc);
  let negated = false;
  if (tok.type === 'char' && tok.cp === 0x5e && !tok.escaped) {
    negated = true;
    tok = fetchCcToken(sc);
  }
  if (tok.type === 'close') {
    if (!sc.cps.slice(sc.p).includes(0x5d)) throw onigError('EMPTY_CHAR_CLASS');
    tok = { type: 'char', cp: 0x5d, escaped: false };
  }
  while (tok.type !== 'close') {
    let next: CcToken | undefined;
    switch (tok.type) {
      case 'char':
        charNext(tok.cp, tok.cp < 0x80 ? 'sb' : 'mb');
        break;
      case 'codePoint':
        if (tok.cp >= 0x200000) throw onigError('INVALID_CODE_POINT_VALUE');
        charNext(tok.cp, tok.cp < 0x80 ? 'sb' : 'mb');
        break;
      case 'crudeByte': {
        const bytes = [tok.byte];
        const save = sc.p;
        while (bytes.length < 4) {
          const t = fetchCcToken(sc);
          if (t.type !== 'crudeByte' || t.base !== tok.base) {
            next = t;
            break;
          }
          bytes.push(t.byte);
        }
        const len = utf8Length(tok.byte);
        if (bytes.length < len) throw onigError('TOO_SHORT_MULTI_BYTE_STRING');
        if (bytes.length > len) {
          sc.p = save;
          for (let i = 1; i < len; i++) fetchCcToken(sc);
          next = undefined;
        }
        if (len === 1) charNext(tok.byte, 'sb');
        else charNext(decodeUtf8Lead(bytes.slice(0, len)), 'mb');
        break;
      }
      case 'posixOpen': {
        const posix = readPosixBracket(sc);
        if (posix) propNext(posix);
        else {
          sc.p = tok.backp;
          charNext(0x5b, 'sb');
        }
        break;
      }
      case 'prop':
        propNext(tok.prop);
        break;
      case 'property':
        propNext(readProperty(sc, tok.negated));
        break;
      case 'range':
        next = rangeToken();
        break;
      case 'eot':
        throw onigError('PREMATURE_END_OF_CHAR_CLASS');
    }
    tok = next ?? fetchCcToken(sc);
  }
  if (state === 'value') commit(curr, currType);
  return { items, negated };

  /** A `-`: a range operator, or an ordinary `-` where a range cannot be. */
  function rangeToken(): CcToken | undefined {
    if (state === 'value') {
      const t = fetchCcToken(sc);
      if (t.type === 'close') {
        charNext(0x2d, 'sb');
        return t;
      }
      if (currType === 'cprop') throw onigError('UNMATCHED_RANGE_SPECIFIER_IN_CHAR_CLASS');
      state = 'range';
      return t;
    }
    if (state === 'start') {
      const t = fetchCcToken(sc);
      charNext(0x2d, 'sb');
      return t;
    }
    if (state === 'range') {
      charNext(0x2d, 'sb');
      return undefined;
    }
    const t = fetchCcToken(sc);
    charNext(0x2d, 'sb');
    return t;
  }
}
