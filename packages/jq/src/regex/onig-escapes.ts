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
  const prev = sc.p;
  if (!sc.peekIs('{')) return undefined;
  sc.inc();
  const code = scanRadix(sc, base, 0, base === 16 ? 8 : 11);
  if (!sc.end() && (base === 16 ? isHexDigit(sc.peek()) : isDigit(sc.peek()))) {
    throw onigError('TOO_LONG_WIDE_CHAR_VALUE');
  }
  if (sc.p <= prev + 1) {
    sc.p = prev;
    return 'empty';
  }
  if (sc.end()) throw onigError('INVALID_CODE_POINT_VALUE');
  if (sc.peekIs('}')) sc.inc();
  else {
    if (checkSequence(sc, base, inClass) === 0) throw onigError('INVALID_CODE_POINT_VALUE');
    sc.codePointContinue = base;
  }
  return code;
}

/** `check_code_point_sequence(_cc)`: validates the rest of `\x{41 42}` without consuming it. */
function checkSequence(sc: Scanner, base: 8 | 16, inClass: boolean): number {
  const saved = sc.p;
  let endDigit = false;
  let n = 0;
  let state: 'start' | 'range' | 'empty' = 'start';
  const invalid = () => onigError('INVALID_CODE_POINT_VALUE');
  try {
    while (!sc.end()) {
      let c = sc.fetch();
      if (c !== 0x7d && isDivide(c)) {
        while (!sc.end() && isDivide(c)) c = sc.fetch();
        if (isDivide(c)) throw invalid();
      } else if (c !== 0x7d && !(inClass && c === 0x2d) && endDigit) {
        if (base === 16 ? isHexDigit(c) : isOctal(c)) throw onigError('TOO_LONG_WIDE_CHAR_VALUE');
        throw invalid();
      }
      if (c === 0x7d) {
        if (state === 'range') throw invalid();
        return n;
      }
      if (inClass && c === 0x2d) {
        if (state !== 'start' || sc.end()) throw invalid();
        endDigit = false;
        state = 'range';
        continue;
      }
      sc.p--;
      scanRadix(sc, base, 1, base === 16 ? 8 : 11);
      n++;
      endDigit = true;
      state = state === 'range' ? 'empty' : 'start';
    }
    throw invalid();
  } finally {
    sc.p = saved;
  }
}

/** After `\x` without a brace: up to two hex digits as a byte (none reads as byte 0). @internal */
export function readCrudeHex(sc: Scanner): number {
  return scanRadix(sc, 16, 0, 2);
}

/**
 * `fetch_escaped_value`: the character after a backslash, with `\cX` control escapes and the
 * Perl_NG control characters `\n \t \r \f \a \b \e` (no `\v`, `\C-x` or `\M-x` in this syntax).
 * @internal
 */
export function readEscapedValue(sc: Scanner): number {
  if (sc.end()) throw onigError('END_PATTERN_AT_ESCAPE');
  const c = sc.fetchS();
  if (c === 0x63) {
    if (sc.end()) throw onigError('END_PATTERN_AT_CONTROL');
    let d = sc.fetchS();
    if (d === 0x3f) return 0x7f;
    if (d === 0x5c) d = readEscapedValue(sc);
    return d & 0x9f;
  }
  return CONTROL_ESCAPES[c] ?? c;
}

const CONTROL_ESCAPES: Readonly<Record<number, number>> = {
  0x6e: 0x0a, // n
  0x74: 0x09, // t
  0x72: 0x0d, // r
  0x66: 0x0c, // f
  0x61: 0x07, // a
  0x62: 0x08, // b (backspace; only reached inside classes)
  0x65: 0x1b, // e
};

/**
 * `fetch_name_with_level` for `\k<...>`: a name, number or relative number, optionally with a
 * recursion level (`\k<n+1>`) that we read and ignore.
 * @internal
 */
export function readNameWithLevel(sc: Scanner, open: number): { numType: NumType; num: number; nameEnd: number } {
  const endCode = open === 0x3c ? 0x3e : open === 0x28 ? 0x29 : 0x27;
  const start = sc.p;
  let numType: NumType = 'none';
  let sign = 1;
  let numStart = start;
  let digits = 0;
  let error: 'INVALID_GROUP_NAME' | 'INVALID_CHAR_IN_GROUP_NAME' | undefined;
  if (sc.end()) throw onigError('EMPTY_GROUP_NAME');
  let c = sc.fetch();
  if (c === endCode) throw onigError('EMPTY_GROUP_NAME');
  if (isDigit(c)) {
    numType = 'abs';
    digits++;
  } else if (c === 0x2d || c === 0x2b) {
    numType = 'rel';
    sign = c === 0x2d ? -1 : 1;
    numStart = sc.p;
  } else if (!isWordCodePoint(c)) error = 'INVALID_CHAR_IN_GROUP_NAME';
  let nameEnd = sc.cps.length;
  while (!sc.end()) {
    nameEnd = sc.p;
    c = sc.fetch();
    if (c === endCode || c === 0x29 || c === 0x2b || c === 0x2d) {
      if (numType !== 'none' && digits === 0) error = 'INVALID_GROUP_NAME';
      break;
    }
    if (numType !== 'none') {
      if (isDigit(c)) digits++;
      else {
        error = 'INVALID_GROUP_NAME';
        numType = 'none';
      }
    } else if (!isWordCodePoint(c)) error = 'INVALID_CHAR_IN_GROUP_NAME';
  }
  if (!error && c !== endCode) {
    let ok = false;
    if ((c === 0x2b || c === 0x2d) && !sc.end()) {
      if (isDigit(sc.fetch())) {
        sc.unfetch();
        if (scanNumber(sc) < 0) throw onigError('TOO_BIG_NUMBER');
        ok = !sc.end() && sc.fetch() === endCode;
      }
      if (!ok) nameEnd = sc.cps.length;
    } else if (c === 0x2b || c === 0x2d) {
      error = 'INVALID_CHAR_IN_GROUP_NAME';
      ok = true;
    } else nameEnd = sc.cps.length;
    if (!ok) error = 'INVALID_GROUP_NAME';
  }
  let num = 0;
  if (!error && numType !== 'none') {
    num = 0;
    for (let i = numStart; i < nameEnd && isDigit(sc.cps[i]!); i++) num = num * 10 + sc.cps[i]! - 0x30;
    if (num > 0x7fffffff) throw onigError('TOO_BIG_NUMBER');
    if (num === 0 && numType === 'rel') error = 'INVALID_GROUP_NAME';
    num *= sign;
  }
  if (error) throw onigError(error, sc.text(start, nameEnd));
  return { numType, num, nameEnd };
}
