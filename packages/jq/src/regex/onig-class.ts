/**
 * Bracket classes `[...]` and `\p{...}` properties. In jq's syntax there is no `&&` and no nested
 * set: a `[` inside a class is an ordinary character unless it starts a POSIX bracket `[:name:]`.
 * @module
 */
import type { CharProperty, ClassItem } from './onig-ast.js';
import { onigError, unsupportedError } from './onig-error.js';
import { readCodePointBrace, readCrudeHex, readEscapedValue } from './onig-escapes.js';
import { scanRadix, type Scanner } from './onig-scanner.js';
import { DIGIT_ATOMS, lookupProperty, POSIX_CLASSES, SPACE_ATOMS, WORD_ATOMS } from './unicode-props.js';
import { decodeUtf8Lead, utf8Length } from './utf8.js';

/** A piece of a class body. */
type Piece =
  | { type: 'eot' | 'close' | 'range' }
  | { type: 'char'; cp: number; escaped: boolean }
  | { type: 'codePoint'; cp: number }
  | { type: 'crudeByte'; byte: number; base: 8 | 16 }
  | { type: 'prop'; prop: CharProperty }
  | { type: 'property'; negated: boolean }
  | { type: 'posixOpen'; backp: number };

const shorthand = (atoms: string[], negated: boolean): CharProperty => ({ kind: 'prop', atoms, negated, caseClosed: true });

const SHORTHANDS = new Map<string, CharProperty>([
  ['w', shorthand(WORD_ATOMS, false)],
  ['W', shorthand(WORD_ATOMS, true)],
  ['d', shorthand(DIGIT_ATOMS, false)],
  ['D', shorthand(DIGIT_ATOMS, true)],
  ['s', shorthand(SPACE_ATOMS, false)],
  ['S', shorthand(SPACE_ATOMS, true)],
]);

const negate = (p: CharProperty, flip: boolean): CharProperty => (flip ? { ...p, negated: !p.negated } : p);

function nextPiece(sc: Scanner): Piece {
  if (sc.codePointContinue) {
    const more = sc.nextSequenceCodePoint(true);
    if (more === 'range') return { type: 'range' };
    if (more !== 'end') return { type: 'codePoint', cp: more };
  }
  if (sc.end()) return { type: 'eot' };
  const c = sc.fetch();
  switch (c) {
    case 0x5d:
      return { type: 'close' };
    case 0x2d:
      return { type: 'range' };
    case 0x5c:
      return escapedPiece(sc);
    case 0x5b:
      if (sc.peekIs(':')) {
        const backp = sc.p;
        sc.inc();
        if (posixCloseAhead(sc)) return { type: 'posixOpen', backp };
        sc.unfetch();
      }
      return { type: 'char', cp: c, escaped: false };
    default:
      return { type: 'char', cp: c, escaped: false };
  }
}

/** After a backslash inside a class. */
function escapedPiece(sc: Scanner): Piece {
  if (sc.end()) throw onigError('END_PATTERN_AT_ESCAPE');
  const e = sc.fetch();
  const ch = String.fromCodePoint(e);
  const known = SHORTHANDS.get(ch);
  if (known) return { type: 'prop', prop: known };
  if (ch === 'p' || ch === 'P') {
    if (sc.peekIs('{')) {
      sc.inc();
      let negated = ch === 'P';
      if (!sc.end()) {
        if (sc.fetch() === 0x5e) negated = !negated;
        else sc.unfetch();
      }
      return { type: 'property', negated };
    }
  } else if (ch === 'x' || ch === 'o') {
    if (!sc.end()) {
      const braced = readCodePointBrace(sc, ch === 'x' ? 16 : 8, true);
      if (typeof braced === 'number') return { type: 'codePoint', cp: braced };
      if (braced === undefined && ch === 'x') return { type: 'crudeByte', byte: readCrudeHex(sc), base: 16 };
    }
  } else if (ch >= '0' && ch <= '7') {
    sc.unfetch();
    const byte = scanRadix(sc, 8, 0, 3);
    if (byte > 0xff) throw onigError('TOO_BIG_NUMBER');
    return { type: 'crudeByte', byte, base: 8 };
  } else {
    sc.unfetch();
    const value = readEscapedValue(sc);
    if (value !== e) return { type: 'codePoint', cp: value };
  }
  return { type: 'char', cp: e, escaped: true };
}

/** Whether `:]` occurs before the next unescaped `]`. */
function posixCloseAhead(sc: Scanner): boolean {
  const { cps } = sc;
  for (let i = sc.p; i < cps.length; i++) {
    const c = cps[i]!;
    if (c === 0x5c) i++;
    else if (c === 0x3a && cps[i + 1] === 0x5d) return true;
    else if (c === 0x5d) return false;
  }
  return false;
}

/**
 * After `\p{`: reads the property name up to `}` and looks it up.
 * @internal
 */
export function readProperty(sc: Scanner, negated: boolean): CharProperty {
  const start = sc.p;
  for (let i = start; i < sc.cps.length; i++) {
    const c = sc.cps[i]!;
    if (c === 0x7d) {
      sc.p = i + 1;
      const name = sc.text(start, i);
      const found = lookupProperty(name);
      if (found === 'unsupported') throw unsupportedError(`the property \\p{${name}}`);
      if (!found) throw onigError('INVALID_CHAR_PROPERTY_NAME', name);
      return negate(found, negated);
    }
    if (c === 0x28 || c === 0x29 || c === 0x7b || c === 0x7c) break;
  }
  throw onigError('END_PATTERN_WITH_UNMATCHED_PARENTHESIS');
}

/** After `[:`: a POSIX bracket, or undefined when the text is not one (then read literally). */
function posixBracket(sc: Scanner): CharProperty | undefined {
  const negated = sc.peekIs('^');
  if (negated) sc.p++;
  if (sc.cps.length - sc.p >= 7) {
    for (const [name, value] of Object.entries(POSIX_CLASSES)) {
      if (sc.text(sc.p, sc.p + name.length) !== name) continue;
      sc.p += name.length;
      if (sc.text(sc.p, sc.p + 2) !== ':]') throw onigError('INVALID_POSIX_BRACKET_TYPE');
      sc.p += 2;
      return negate(value, negated);
    }
  }
  // An unknown name: `[:foo:]` is an error, anything else is plain text.
  let stop = 0;
  for (let skipped = 0; !sc.end(); ) {
    stop = sc.peek();
    if (stop === 0x3a || stop === 0x5d) break;
    sc.p++;
    if (++skipped > 20) break;
  }
  if (stop === 0x3a && !sc.end()) {
    sc.p++;
    if (!sc.end() && sc.fetchS() === 0x5d) throw onigError('INVALID_POSIX_BRACKET_TYPE');
  }
  return undefined;
}

/** How the pending value was written: a one-byte or a longer character, or a property. */
type Width = 'byte' | 'wide' | 'set';

/**
 * Collects the members of a class body. Ranges are built from a pending start value, so the
 * builder remembers what came last: nothing yet, a value, a value and `-`, or a finished range.
 */
class ClassBuilder {
  readonly items: ClassItem[] = [];
  phase: 'empty' | 'value' | 'dash' | 'done' = 'empty';
  pending = 0;
  width: Width = 'byte';

  /**
   * A crude byte above 0x7F that stays a single byte (e.g. `[\x80]`) can never match valid UTF-8
   * and is dropped.
   */
  private flush(): void {
    if (this.width === 'wide' || (this.width === 'byte' && this.pending < 0x80)) {
      this.items.push({ kind: 'range', from: this.pending, to: this.pending });
    }
  }

  char(cp: number, width: Width): void {
    if (this.phase === 'value') this.flush();
    else if (this.phase === 'dash') {
      if (this.pending > cp) throw onigError('EMPTY_RANGE_IN_CHAR_CLASS');
      this.items.push({ kind: 'range', from: this.pending, to: cp });
      this.phase = 'done';
    } else this.phase = 'value';
    this.pending = cp;
    this.width = width;
  }

  set(p: CharProperty): void {
    if (this.phase === 'dash') throw onigError('CHAR_CLASS_VALUE_AT_END_OF_RANGE');
    if (this.phase === 'value') this.flush();
    this.items.push(p);
    this.phase = 'value';
    this.width = 'set';
  }

  finish(): ClassItem[] {
    if (this.phase === 'value') this.flush();
    return this.items;
  }
}

const byWidth = (cp: number): Width => (cp < 0x80 ? 'byte' : 'wide');

/**
 * After `[`: the members of the class and whether it is negated.
 * @internal
 */
export function parseClass(sc: Scanner): { items: ClassItem[]; negated: boolean } {
  const b = new ClassBuilder();
  let piece = nextPiece(sc);
  const negated = piece.type === 'char' && piece.cp === 0x5e && !piece.escaped;
  if (negated) piece = nextPiece(sc);
  if (piece.type === 'close') {
    // A `]` right after `[` or `[^` is literal when another `]` follows somewhere.
    if (!sc.cps.slice(sc.p).includes(0x5d)) throw onigError('EMPTY_CHAR_CLASS');
    piece = { type: 'char', cp: 0x5d, escaped: false };
  }
  while (piece.type !== 'close') {
    piece = member(sc, b, piece) ?? nextPiece(sc);
  }
  return { items: b.finish(), negated };
}

/** Adds one member starting with `piece`; returns a piece already read past it, if any. */
function member(sc: Scanner, b: ClassBuilder, piece: Piece): Piece | undefined {
  switch (piece.type) {
    case 'char':
      b.char(piece.cp, byWidth(piece.cp));
      return undefined;
    case 'codePoint':
      if (piece.cp >= 0x200000) throw onigError('INVALID_CODE_POINT_VALUE');
      b.char(piece.cp, byWidth(piece.cp));
      return undefined;
    case 'crudeByte':
      return bytesMember(sc, b, piece);
    case 'posixOpen': {
      const posix = posixBracket(sc);
      if (posix) b.set(posix);
      else {
        sc.p = piece.backp;
        b.char(0x5b, 'byte');
      }
      return undefined;
    }
    case 'prop':
      b.set(piece.prop);
      return undefined;
    case 'property':
      b.set(readProperty(sc, piece.negated));
      return undefined;
    case 'range':
      return dash(sc, b);
    case 'eot':
      throw onigError('PREMATURE_END_OF_CHAR_CLASS');
    case 'close':
      return piece;
  }
}

/** Consecutive byte escapes of the same base (`\xE3\x81\x82`) form one UTF-8 character. */
function bytesMember(sc: Scanner, b: ClassBuilder, lead: Extract<Piece, { type: 'crudeByte' }>): Piece | undefined {
  const bytes = [lead.byte];
  const mark = sc.p;
  let after: Piece | undefined;
  while (bytes.length < 4) {
    const p = nextPiece(sc);
    if (p.type !== 'crudeByte' || p.base !== lead.base) {
      after = p;
      break;
    }
    bytes.push(p.byte);
  }
  const need = utf8Length(lead.byte);
  if (bytes.length < need) throw onigError('TOO_SHORT_MULTI_BYTE_STRING');
  if (bytes.length > need) {
    // Read too far: go back and consume just the bytes of this character.
    sc.p = mark;
    for (let i = 1; i < need; i++) nextPiece(sc);
    after = undefined;
  }
  if (need === 1) b.char(lead.byte, 'byte');
  else b.char(decodeUtf8Lead(bytes.slice(0, need)), 'wide');
  return after;
}

/** A `-`: a range operator after a value, an ordinary `-` elsewhere. */
function dash(sc: Scanner, b: ClassBuilder): Piece | undefined {
  if (b.phase === 'dash') {
    b.char(0x2d, 'byte');
    return undefined;
  }
  const following = nextPiece(sc);
  if (b.phase !== 'value') {
    b.char(0x2d, 'byte');
    return following;
  }
  if (following.type === 'close') {
    b.char(0x2d, 'byte');
    return following;
  }
  if (b.width === 'set') throw onigError('UNMATCHED_RANGE_SPECIFIER_IN_CHAR_CLASS');
  b.phase = 'dash';
  return following;
}
