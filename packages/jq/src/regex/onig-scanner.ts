/**
 * The cursor over a pattern's code points and Oniguruma's small scanning helpers (numbers,
 * intervals, group names), shared by the tokenizers.
 * @module
 */
import { onigError } from './onig-error.js';
import { isWordCodePoint } from './unicode-props.js';

const INT_MAX = 0x7fffffff;
const UINT_MAX = 0xffffffff;
const MAX_REPEAT = 100000;

/** How a group reference is written: a name, an absolute number or a relative (`-1`, `+2`) one. @internal */
export type NumType = 'none' | 'abs' | 'rel';

/**
 * A position in the pattern. `fetch`/`inc` remember the previous position for `unfetch`, like
 * Oniguruma's PFETCH/PINC/PUNFETCH; `fetchS` does not (PFETCH_S). @internal
 */
export class Scanner {
  readonly cps: number[];
  p = 0;
  /** Start of the current token (Oniguruma's `tok->backp`). */
  backp = 0;
  private prev = 0;
  /** Capture groups opened so far. */
  numMem = 0;
  /** Group numbers by name, in definition order. */
  readonly names = new Map<string, number[]>();
  /** Inside `\x{41 42}`: the base of the remaining code points, else 0. */
  codePointContinue = 0;

  constructor(pattern: string) {
    this.cps = Array.from(pattern, (ch) => ch.codePointAt(0)!);
  }

  end(): boolean {
    return this.p >= this.cps.length;
  }
  peek(): number {
    return this.cps[this.p]!;
  }
  peekIs(ch: string): boolean {
    return !this.end() && this.cps[this.p] === ch.charCodeAt(0);
  }
  fetch(): number {
    this.prev = this.p;
    return this.cps[this.p++]!;
  }
  fetchS(): number {
    return this.cps[this.p++]!;
  }
  inc(): void {
    this.prev = this.p;
    this.p++;
  }
  unfetch(): void {
    this.p = this.prev;
  }
  text(from: number, to: number): string {
    return String.fromCodePoint(...this.cps.slice(from, to));
  }
  /** `backref_rel_to_abs`: `-1` is the last group opened, `+1` the next one. */
  relativeToAbsolute(rel: number): number {
    return rel > 0 ? this.numMem + rel : this.numMem + 1 + rel;
  }

  /**
   * `fetch_name`: reads a group name or number up to the closing `>`, `'` or `)` for the opener
   * `open`. Numbers are only allowed when `isRef`.
   */
  fetchName(open: number, isRef: boolean): { numType: NumType; num: number; nameEnd: number } {
    const endCode = closerOf(open);
    const start = this.p;
    let numType: NumType = 'none';
    let sign = 1;
    let numStart = start;
    let digits = 0;
    let error: 'INVALID_GROUP_NAME' | 'INVALID_CHAR_IN_GROUP_NAME' | undefined;
    if (this.end()) throw onigError('EMPTY_GROUP_NAME');
    let c = this.fetchS();
    if (c === endCode) throw onigError('EMPTY_GROUP_NAME');
    if (isDigit(c)) {
      if (isRef) numType = 'abs';
      else error = 'INVALID_GROUP_NAME';
      digits++;
    } else if (c === 0x2d || c === 0x2b) {
      if (isRef) {
        numType = 'rel';
        sign = c === 0x2d ? -1 : 1;
        numStart = this.p;
      } else error = 'INVALID_GROUP_NAME';
    } else if (!isWordCodePoint(c)) {
      error = 'INVALID_CHAR_IN_GROUP_NAME';
    }
    let nameEnd = this.cps.length;
    if (error) {
      while (!this.end()) {
        nameEnd = this.p;
        c = this.fetchS();
        if (c === endCode || c === 0x29) break;
      }
      if (this.end()) nameEnd = this.cps.length;
      throw onigError(error, this.text(start, nameEnd));
    }
    while (!this.end()) {
      nameEnd = this.p;
      c = this.fetchS();
      if (c === endCode || c === 0x29) {
        if (numType !== 'none' && digits === 0) error ??= 'INVALID_GROUP_NAME';
        break;
      }
      if (numType !== 'none') {
        if (isDigit(c)) digits++;
        else {
          error = isWordCodePoint(c) ? 'INVALID_GROUP_NAME' : 'INVALID_CHAR_IN_GROUP_NAME';
          numType = 'none';
        }
      } else if (!isWordCodePoint(c)) {
        error = 'INVALID_CHAR_IN_GROUP_NAME';
      }
    }
    if (c !== endCode) throw onigError('INVALID_GROUP_NAME', this.text(start, nameEnd));
    // Oniguruma records an error found inside a valid-looking name but then returns success.
    let num = 0;
    if (numType !== 'none') {
      num = parseDigits(this.cps, numStart, nameEnd);
      if (num < 0) throw onigError('TOO_BIG_NUMBER');
      if (num === 0 && numType === 'rel') throw onigError('INVALID_GROUP_NAME', this.text(start, nameEnd));
      num *= sign;
    }
    return { numType, num, nameEnd };
  }

  /** `get_next_code_point`: the next code point of a `\x{41 42}` sequence, or its end. */
  nextSequenceCodePoint(inClass: boolean): number | 'end' | 'range' {
    while (!this.end()) {
      const c = this.fetch();
      if (c !== 0x20 && c !== 0x0a) {
        if (c === 0x7d) {
          this.codePointContinue = 0;
          return 'end';
        }
        if (c === 0x2d && inClass) return 'range';
        this.unfetch();
        break;
      }
      if (this.end()) throw onigError('INVALID_CODE_POINT_VALUE');
    }
    return scanRadix(this, this.codePointContinue, 1, this.codePointContinue === 16 ? 8 : 11);
  }
}

function closerOf(open: number): number {
  return open === 0x3c ? 0x3e : open === 0x27 ? 0x27 : open === 0x28 ? 0x29 : 0;
}

/** ASCII digit. @internal */
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** ASCII hex digit. @internal */
export function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function parseDigits(cps: number[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && isDigit(cps[i]!); i++) {
    n = n * 10 + cps[i]! - 0x30;
    if (n > INT_MAX) return -1;
  }
  return n;
}

/** `scan_number`: a decimal number, -1 on overflow. @internal */
export function scanNumber(sc: Scanner): number {
  let n = 0;
  while (!sc.end() && isDigit(sc.peek())) {
    const v = sc.fetch() - 0x30;
    if ((INT_MAX - v) / 10 < n) return -1;
    n = n * 10 + v;
  }
  return n;
}

/** `scan_hexadecimal_number` / `scan_octal_number` with `min`..`max` digits. @internal */
export function scanRadix(sc: Scanner, base: number, min: number, max: number): number {
  let code = 0;
  let n = 0;
  while (!sc.end() && n < max) {
    const c = sc.peek();
    const ok = base === 16 ? isHexDigit(c) : c >= 0x30 && c <= 0x37;
    if (!ok) break;
    sc.fetch();
    n++;
    const v = parseInt(String.fromCharCode(c), 16);
    if ((UINT_MAX - v) / base < code) throw onigError('TOO_BIG_NUMBER');
    code = code * base + v;
  }
  if (n < min) throw onigError('INVALID_CODE_POINT_VALUE');
  return code;
}

/**
 * `fetch_interval` after `{`: the bounds, or `'literal'` when the brace does not start a valid
 * interval (Perl_NG then reads `{` as an ordinary character, e.g. `a{,2}`).
 * @internal
 */
export function fetchInterval(sc: Scanner): { lower: number; upper: number } | 'literal' {
  const start = sc.p;
  if (sc.end()) return 'literal';
  const lower = scanNumber(sc);
  if (lower < 0 || lower > MAX_REPEAT) throw onigError('TOO_BIG_NUMBER_FOR_REPEAT_RANGE');
  const invalid = (): 'literal' => {
    sc.p = start;
    return 'literal';
  };
  if (sc.p === start || sc.end()) return invalid();
  let upper = lower;
  if (sc.fetch() === 0x2c) {
    const before = sc.p;
    upper = scanNumber(sc);
    if (upper < 0 || upper > MAX_REPEAT) throw onigError('TOO_BIG_NUMBER_FOR_REPEAT_RANGE');
    if (sc.p === before) upper = Infinity;
  } else {
    sc.unfetch();
  }
  if (sc.end() || sc.fetch() !== 0x7d) return invalid();
  if (upper < lower) throw onigError('UPPER_SMALLER_THAN_LOWER_IN_REPEAT_RANGE');
  return { lower, upper };
}
