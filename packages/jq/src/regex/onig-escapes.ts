/**
 * Escape sequences shared by both tokenizers: `\x{...}`/`\o{...}` code points and code point
 * sequences, `\xHH` bytes, `\cX` and control escapes, and `\k<name+level>` names.
 * @module
 */
import { onigError } from './onig-error.js';
import { isDigit, isHexDigit, scanNumber, scanRadix, type NumType, type Scanner } from './onig-scanner.js';
import { isWordCodePoint } from './unicode-props.js';

const isDivide = (c: number): boolean => c === 0x20 || c === 0x0a;
const isOctal = (c: number): boolean => c >= 0x30 && c <= 0x37;

/**
 * After `\x` or `\o`: a braced code point. Returns the first code point (a `\x{41 42}` sequence
 * leaves the rest pending on the scanner), `'empty'` for `\x{}` (then read as the letter), or
 * undefined when no brace follows.
 * @internal
 */
export function readCodePointBrace(sc: Scanner, base: 8 | 16, inClass: boolean): number | 'empty' | undefined {
  if (!sc.peekIs('{')) return undefined;
  const brace = sc.p;
  sc.inc();
  const first = scanRadix(sc, base, 0, base === 16 ? 8 : 11);
  // A digit still following means the value has too many of them (for `\o`, any decimal digit).
  const tooLong = base === 16 ? isHexDigit : isDigit;
  if (!sc.end() && tooLong(sc.peek())) throw onigError('TOO_LONG_WIDE_CHAR_VALUE');
  if (sc.p === brace + 1) {
    // `\x{}` and `\x{g`: no digits, the letter stands alone.
    sc.p = brace;
    return 'empty';
  }
  if (sc.end()) throw onigError('INVALID_CODE_POINT_VALUE');
  if (sc.peekIs('}')) {
    sc.inc();
    return first;
  }
  // More values follow (`\x{41 42}`): check them all now, hand them out one by one later.
  if (checkSequence(sc, base, inClass) === 0) throw onigError('INVALID_CODE_POINT_VALUE');
  sc.codePointContinue = base;
  return first;
}

/**
 * Validates the rest of a `\x{41 42}` sequence (in a class also `\x{41-43}`) without consuming
 * it; returns how many more values it holds.
 */
function checkSequence(sc: Scanner, base: 8 | 16, inClass: boolean): number {
  const { cps } = sc;
  const isBaseDigit = base === 16 ? isHexDigit : isOctal;
  const invalid = () => onigError('INVALID_CODE_POINT_VALUE');
  const saved = sc.p;
  let values = 0;
  /** A value ended right before this point (no separator since). */
  let adjacent = true;
  /** 'value' after a plain value, 'dash' after a range's `-`, 'range' after its end. */
  let last: 'value' | 'dash' | 'range' = 'value';
  try {
    while (!sc.end()) {
      let c = cps[sc.p]!;
      if (isDivide(c)) {
        while (!sc.end() && isDivide(cps[sc.p]!)) sc.p++;
        if (sc.end()) throw invalid();
        c = cps[sc.p]!;
        adjacent = false;
      }
      const isDash = inClass && c === 0x2d;
      if (c === 0x7d) {
        if (last === 'dash') throw invalid();
        return values;
      }
      if (isDash) {
        sc.p++;
        if (last !== 'value' || sc.end()) throw invalid();
        last = 'dash';
        adjacent = false;
        continue;
      }
      if (adjacent) throw isBaseDigit(c) ? onigError('TOO_LONG_WIDE_CHAR_VALUE') : invalid();
      scanRadix(sc, base, 1, base === 16 ? 8 : 11);
      values++;
      adjacent = true;
      last = last === 'dash' ? 'range' : 'value';
    }
    throw invalid();
  } finally {
    sc.p = saved;
  }
}

/** After `\x` without a brace: up to two hex digits as a byte (none reads as byte 0). @internal */
export function readCrudeHex(sc: Scanner): number {
  const maxDigits = 2;
  return scanRadix(sc, 16, 0, maxDigits);
}

/**
 * The character after a backslash, with `\cX` control escapes and the
 * Perl_NG control characters `\n \t \r \f \a \b \e` (no `\v`, `\C-x` or `\M-x` in this syntax).
 * @internal
 */
export function readEscapedValue(sc: Scanner): number {
  if (sc.end()) throw onigError('END_PATTERN_AT_ESCAPE');
  const letter = sc.fetchS();
  return letter === 0x63 ? readControlTarget(sc) : (CONTROL_ESCAPES.get(letter) ?? letter);
}

/** After `\c`: `?` is DEL, anything else (itself possibly escaped) keeps its low five bits and bit 7. */
function readControlTarget(sc: Scanner): number {
  if (sc.end()) throw onigError('END_PATTERN_AT_CONTROL');
  const target = sc.fetchS();
  if (target === 0x3f) return 0x7f;
  const value = target === 0x5c ? readEscapedValue(sc) : target;
  return value & 0x9f;
}

/** `\n` and friends: the letter's code point to the control character's (`\b` only reached inside classes). */
const CONTROL_ESCAPES: ReadonlyMap<number, number> = new Map(
  (
    [
      ['n', '\n'],
      ['t', '\t'],
      ['r', '\r'],
      ['f', '\f'],
      ['a', '\x07'],
      ['b', '\b'],
      ['e', '\x1b'],
    ] as const
  ).map(([letter, control]) => [letter.charCodeAt(0), control.charCodeAt(0)]),
);

type NameFault = 'INVALID_GROUP_NAME' | 'INVALID_CHAR_IN_GROUP_NAME';

const isSign = (c: number): boolean => c === 0x2b || c === 0x2d;

/**
 * Classifies the text of a reference: a number (`abs`), a signed number (`rel`) or a name, and the
 * fault found in it, if any (the last one met wins, as in jq 1.6).
 */
function classifyReference(first: number, rest: number[], terminated: boolean): { numType: NumType; fault?: NameFault } {
  let numType: NumType = isDigit(first) ? 'abs' : isSign(first) ? 'rel' : 'none';
  let fault: NameFault | undefined = numType === 'none' && !isWordCodePoint(first) ? 'INVALID_CHAR_IN_GROUP_NAME' : undefined;
  let digits = numType === 'abs' ? 1 : 0;
  for (const c of rest) {
    if (numType === 'none') {
      if (!isWordCodePoint(c)) fault = 'INVALID_CHAR_IN_GROUP_NAME';
    } else if (isDigit(c)) digits++;
    else {
      fault = 'INVALID_GROUP_NAME';
      numType = 'none';
    }
  }
  if (terminated && numType !== 'none' && digits === 0) fault = 'INVALID_GROUP_NAME';
  return fault === undefined ? { numType } : { numType, fault };
}

/**
 * The reference of `\k<...>` (and of conditionals): a name, number or relative number, optionally
 * followed by a recursion level (`\k<n+1>`) that is read and ignored. `open` is the opener read
 * just before; the position ends after the closer.
 * @internal
 */
export function readNameWithLevel(sc: Scanner, open: number): { numType: NumType; num: number; nameEnd: number } {
  const closer = open === 0x3c ? 0x3e : open === 0x28 ? 0x29 : 0x27;
  const { cps } = sc;
  const len = cps.length;
  const start = sc.p;
  if (start >= len || cps[start] === closer) throw onigError('EMPTY_GROUP_NAME');
  const first = cps[start]!;
  // The name stops at the closer, a `)`, or the sign of a level.
  let stop = start + 1;
  while (stop < len && cps[stop] !== closer && cps[stop] !== 0x29 && !isSign(cps[stop]!)) stop++;
  const terminated = stop < len;
  const { numType, fault: nameFault } = classifyReference(first, cps.slice(start + 1, stop), terminated);
  let fault = nameFault;
  // Without a terminator the last character read is the last of the pattern (or the first of the name).
  const last = terminated ? cps[stop]! : len - start > 1 ? cps[len - 1]! : first;
  let nameEnd = terminated ? stop : len - start > 1 ? len - 1 : len;
  sc.p = terminated ? stop + 1 : len;
  if (fault === undefined && last !== closer) {
    if (isSign(last) && !sc.end()) {
      const levelOk = isDigit(sc.peek()) && readLevel(sc, closer);
      if (!levelOk) {
        nameEnd = len;
        fault = 'INVALID_GROUP_NAME';
      }
    } else if (isSign(last)) {
      fault = 'INVALID_CHAR_IN_GROUP_NAME';
    } else {
      nameEnd = len;
      fault = 'INVALID_GROUP_NAME';
    }
  }
  let num = 0;
  if (fault === undefined && numType !== 'none') {
    for (let i = numType === 'rel' ? start + 1 : start; i < nameEnd && isDigit(cps[i]!); i++) num = num * 10 + cps[i]! - 0x30;
    if (num > 0x7fffffff) throw onigError('TOO_BIG_NUMBER');
    if (num === 0 && numType === 'rel') fault = 'INVALID_GROUP_NAME';
    if (first === 0x2d) num = -num;
  }
  if (fault !== undefined) throw onigError(fault, sc.text(start, nameEnd));
  return { numType, num, nameEnd };
}

/** The digits of a level and the closer after them. */
function readLevel(sc: Scanner, closer: number): boolean {
  if (scanNumber(sc) < 0) throw onigError('TOO_BIG_NUMBER');
  return !sc.end() && sc.fetch() === closer;
}
