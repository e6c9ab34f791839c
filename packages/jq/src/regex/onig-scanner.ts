/**
 * The cursor over a pattern's code points, with the small readers both tokenizers share
 * (numbers, intervals, group names).
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
 * A position in the pattern. `fetch`/`inc` remember the position they started from, which
 * `unfetch` returns to; `fetchS` reads without touching that mark. @internal
 */
export class Scanner {
  readonly cps: number[];
  p = 0;
  /** Where the current token starts. */
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
    return this.cps[this.p] === ch.charCodeAt(0);
  }
  fetch(): number {
    return this.advance(true);
  }
  fetchS(): number {
    return this.advance(false);
  }
  inc(): void {
    this.advance(true);
  }
  unfetch(): void {
    this.p = this.prev;
  }
  /** Steps over one code point and returns it; `remember` records where it stood, for `unfetch`. */
  private advance(remember: boolean): number {
    const at = this.p;
    if (remember) this.prev = at;
    this.p = at + 1;
    return this.cps[at]!;
  }
  text(from: number, to: number): string {
    return String.fromCodePoint(...this.cps.slice(from, to));
  }
  /** A relative group number as an absolute one: `-1` is the last group opened, `+1` the next one. */
  relativeToAbsolute(rel: number): number {
    return rel > 0 ? this.numMem + rel : this.numMem + 1 + rel;
  }

  /**
   * Reads a group name (or, when `isRef`, a number like `2`, `-1`, `+1`) after the opener `open`,
   * up to its closer (`>`, `'` or `)`), and leaves the position after the closer.
   */
  fetchName(open: number, isRef: boolean): { numType: NumType; num: number; nameEnd: number } {
    const closer = closerOf(open);
    const { cps } = this;
    const len = cps.length;
    const start = this.p;
    if (start >= len || cps[start] === closer) throw onigError('EMPTY_GROUP_NAME');
    const first = cps[start]!;
    const sign = first === 0x2d ? -1 : first === 0x2b ? 1 : 0;
    let stop = start + 1;
    while (stop < len && cps[stop] !== closer && cps[stop] !== 0x29) stop++;
    const found = stop < len;
    const badStart = isDigit(first) || sign !== 0 ? (isRef ? undefined : 'INVALID_GROUP_NAME') : isWordCodePoint(first) ? undefined : 'INVALID_CHAR_IN_GROUP_NAME';
    if (badStart) {
      // The reported name runs to the terminator, or to the end when that is the last character.
      throw onigError(badStart, this.text(start, found && stop < len - 1 ? stop : len));
    }
    if (!found) {
      // Unterminated: the reported name stops before the last character.
      this.p = len;
      throw onigError('INVALID_GROUP_NAME', this.text(start, start + 1 < len ? len - 1 : len));
    }
    this.p = stop + 1;
    if (cps[stop] !== closer) throw onigError('INVALID_GROUP_NAME', this.text(start, stop));
    // Other faults inside a terminated name (`(?<a b>`) are let through, as jq 1.6 does.
    const numeric = (isDigit(first) || sign !== 0) && cps.slice(start + 1, stop).every(isDigit);
    if (!numeric) return { numType: 'none', num: 0, nameEnd: stop };
    const num = parseDigits(cps, sign === 0 ? start : start + 1, stop);
    if (num < 0) throw onigError('TOO_BIG_NUMBER');
    if (num === 0 && sign !== 0) throw onigError('INVALID_GROUP_NAME', this.text(start, stop));
    return { numType: sign === 0 ? 'abs' : 'rel', num: sign === 0 ? num : num * sign, nameEnd: stop };
  }

  /** The next code point of a `\x{41 42}` sequence, `'end'` at its `}`, `'range'` at a `-` in a class. */
  nextSequenceCodePoint(inClass: boolean): number | 'end' | 'range' {
    while (!this.end() && (this.peek() === 0x20 || this.peek() === 0x0a)) {
      this.p++;
      if (this.end()) throw onigError('INVALID_CODE_POINT_VALUE');
    }
    if (this.peekIs('}')) {
      this.p++;
      this.codePointContinue = 0;
      return 'end';
    }
    if (inClass && this.peekIs('-')) {
      this.p++;
      return 'range';
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

/** A decimal number, -1 when it does not fit in 31 bits. @internal */
export function scanNumber(sc: Scanner): number {
  let total = 0;
  while (!sc.end() && isDigit(sc.peek())) {
    total = total * 10 + (sc.fetch() - 0x30);
    if (total > INT_MAX) return -1;
  }
  return total;
}

/** The value of `c` as a digit of `base` (16, else octal), or -1 when it is not one. */
function digitValue(c: number, base: number): number {
  if (c >= 0x30 && c <= (base === 16 ? 0x39 : 0x37)) return c - 0x30;
  if (base !== 16) return -1;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** A hexadecimal or octal number of `min`..`max` digits. @internal */
export function scanRadix(sc: Scanner, base: number, min: number, max: number): number {
  let total = 0;
  let digits = 0;
  for (; digits < max && !sc.end(); digits++) {
    const d = digitValue(sc.peek(), base);
    if (d < 0) break;
    sc.fetch();
    total = total * base + d;
    if (total > UINT_MAX) throw onigError('TOO_BIG_NUMBER');
  }
  if (digits < min) throw onigError('INVALID_CODE_POINT_VALUE');
  return total;
}

/**
 * After `{`: the bounds, or `'literal'` when the brace does not start a valid
 * interval (Perl_NG then reads `{` as an ordinary character, e.g. `a{,2}`).
 * @internal
 */
export function fetchInterval(sc: Scanner): { lower: number; upper: number } | 'literal' {
  const start = sc.p;
  const bound = (): number => {
    const n = scanNumber(sc);
    if (n < 0 || n > MAX_REPEAT) throw onigError('TOO_BIG_NUMBER_FOR_REPEAT_RANGE');
    return n;
  };
  const literal = (): 'literal' => {
    sc.p = start;
    return 'literal';
  };
  if (sc.end()) return 'literal';
  const lower = bound();
  if (sc.p === start || sc.end()) return literal();
  let upper = lower;
  if (sc.peek() === 0x2c) {
    sc.p++;
    const digitsAt = sc.p;
    upper = bound();
    if (sc.p === digitsAt) upper = Infinity;
  }
  if (!sc.peekIs('}')) return literal();
  sc.p++;
  if (upper < lower) throw onigError('UPPER_SMALLER_THAN_LOWER_IN_REPEAT_RANGE');
  return { lower, upper };
}
