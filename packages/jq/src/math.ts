/**
 * The libm builtins of jq 1.6 on glibc (`[builtins]` of Debian's jq 1.6), as a table for the
 * compiler, plus JS versions of the C functions JavaScript lacks. The special functions live
 * next to it: erf/erfc in math-erf.ts, lgamma/tgamma in math-gamma.ts, the Bessel functions in
 * math-bessel.ts. Results agree with jq 1.6 exactly for special values and to ~1e-14 relative
 * (or absolute near zeros) otherwise (checked in math.test.ts).
 * @module
 */
import type { Json } from './ast.js';
import { numberRequired } from './error-dump.js';
import { JqError } from './errors.js';
import { j0, j1, jn, y0, y1, yn } from './math-bessel.js';
import { erf, erfc } from './math-erf.js';
import { lgammaR, tgamma } from './math-gamma.js';

export { lgammaR } from './math-gamma.js';

/** A math builtin: `arity` counts jq arguments (`floor` 0, `pow(a; b)` 2, `fma(a; b; c)` 3). */
export interface MathBuiltin {
  readonly name: string;
  readonly arity: 0 | 1 | 2 | 3;
  /**
   * The function on numbers: arity 0 gets the input, otherwise the jq arguments in order (the
   * input is ignored). Returns a number, or an array for frexp, modf and lgamma_r.
   */
  readonly fn: (...args: number[]) => Json;
  /** True for `pow10`, which fails whatever the input (see MATH_BUILTINS). */
  readonly anyInput?: boolean;
}

// ---------------------------------------------------------------- bits of a double

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer); // little-endian: U32[1] is the high word

function highWord(x: number): number {
  F64[0] = x;
  return U32[1]!;
}

function lowWord(x: number): number {
  F64[0] = x;
  return U32[0]!;
}

function fromWords(hi: number, lo: number): number {
  U32[1] = hi;
  U32[0] = lo;
  return F64[0]!;
}

/** 2^n for integer n in [-1022, 1023], built from its bits. */
function pow2(n: number): number {
  return fromWords(((n + 1023) << 20) >>> 0, 0);
}

function signBit(x: number): boolean {
  return x < 0 || (x === 0 && 1 / x < 0);
}

/** C's `(int)d` on x86-64: truncation; NaN and out-of-range values give INT_MIN. */
function toCInt(d: number): number {
  return d > -2147483649 && d < 2147483648 ? Math.trunc(d) : -2147483648;
}

// ---------------------------------------------------------------- simple libm functions

/** C `frexp`: [m, e] with x = m * 2^e and 0.5 <= |m| < 1; [x, 0] for 0, ±inf and NaN. @internal */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let hi = highWord(x);
  let e = (hi >>> 20) & 0x7ff;
  let y = x;
  let bias = 0;
  if (e === 0) {
    y = x * 2 ** 64; // subnormal: normalise first
    bias = 64;
    hi = highWord(y);
    e = (hi >>> 20) & 0x7ff;
  }
  const m = fromWords(((hi & 0x800fffff) | (1022 << 20)) >>> 0, lowWord(y));
  return [m, e - 1022 - bias];
}

/**
 * C `scalbn`: x * 2^n rounded once. With x = m * 2^e (frexp) the result is m * 2^(e+n): a normal
 * result is 2m * 2^(e+n-1), an exact product; a subnormal one is m times an exact power of two,
 * a single rounding. @internal
 */
export function scalbn(x: number, n: number): number {
  if (x === 0 || !Number.isFinite(x) || n === 0) return x;
  const [m, e] = frexp(x); // 0.5 <= |m| < 1
  const k = e + n;
  if (k > 1024) return m * Infinity;
  if (k >= -1021) return 2 * m * pow2(k - 1);
  if (k >= -1074) return m * (pow2(k + 52) * 2 ** -52);
  return m * 0; // below half the smallest subnormal: ±0
}

/**
 * `scalb(x, fn)` as jq 1.6 (glibc) computes it: a NaN operand gives NaN; fn = +inf scales to
 * ±inf (NaN for x = 0), fn = -inf to ±0 (NaN for x = ±inf); a non-integer fn gives NaN; an
 * integer fn outside the int range saturates.
 */
function scalb(x: number, fn: number): number {
  if (x !== x || fn !== fn) return NaN;
  if (fn === Infinity) return x === 0 ? NaN : x * Infinity;
  if (fn === -Infinity) return Number.isFinite(x) ? x * 0 : NaN;
  if (Math.trunc(fn) !== fn) return NaN;
  return scalbn(x, Math.max(-65000, Math.min(65000, fn)));
}

/** C `logb`: the unbiased exponent as a double (-inf for 0, +inf for ±inf). */
function logb(x: number): number {
  if (x !== x) return x;
  if (x === 0) return -Infinity;
  if (!Number.isFinite(x)) return Infinity;
  return frexp(x)[1] - 1;
}

/** glibc `significand`: x scaled to [1, 2). */
function significand(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return frexp(x)[0] * 2;
}

/** C `modf`: [fractional part, integral part], both with the sign of x. */
function modf(x: number): [number, number] {
  if (x !== x) return [x, x];
  if (!Number.isFinite(x)) return [x < 0 ? -0 : 0, x];
  const i = Math.trunc(x);
  const f = x - i;
  return [f === 0 ? (signBit(x) ? -0 : 0) : f, i];
}

/** C `rint`/`nearbyint`: round half to even. */
function rint(x: number): number {
  if (!(Math.abs(x) < 2 ** 52)) return x;
  let r = Math.round(x);
  if (r - x === 0.5 && r % 2 !== 0) r -= 1;
  return r === 0 && signBit(x) ? -0 : r;
}

/** C `round`: half away from zero. */
function round(x: number): number {
  if (!(Math.abs(x) < 2 ** 52)) return x;
  const r = Math.round(Math.abs(x));
  return signBit(x) ? -r : r;
}

/** C `nextafter(x, y)`: the next double after x towards y. */
function nextafter(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  let hi = highWord(x);
  let lo = lowWord(x);
  if ((y > x) === (x > 0)) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi++;
  } else {
    if (lo === 0) hi--;
    lo = (lo - 1) >>> 0;
  }
  return fromWords(hi >>> 0, lo);
}

/** IEEE `remainder` (also `drem`): x - n*y with n = x/y rounded half to even. */
function remainder(x: number, y: number): number {
  if (x !== x || y !== y || !Number.isFinite(x) || y === 0) return NaN;
  if (!Number.isFinite(y)) return x;
  const ay = Math.abs(y);
  let r = Number.isFinite(2 * ay) ? Math.abs(x % (2 * ay)) : Math.abs(x);
  let odd = false;
  if (r >= ay) {
    r -= ay;
    odd = true;
  }
  if (2 * r > ay || (2 * r === ay && odd)) r -= ay;
  return signBit(x) ? -r : r;
}

/** C `fmax`/`fmin`: NaN loses; on a tie (e.g. -0 and 0) glibc on x86-64 returns the first. */
function fmax(x: number, y: number): number {
  if (x !== x) return y;
  if (y !== y) return x;
  return x >= y ? x : y;
}

function fmin(x: number, y: number): number {
  if (x !== x) return y;
  if (y !== y) return x;
  return x <= y ? x : y;
}

/** C `pow`: like Math.pow except pow(1, y) = 1 and pow(-1, ±inf) = 1. */
function pow(x: number, y: number): number {
  if (x === 1 || (x === -1 && (y === Infinity || y === -Infinity))) return 1;
  return Math.pow(x, y);
}

/**
 * C `exp10`: 10^x. Math.pow(10, x) is correctly rounded or nearly so; 10^x = e^(x ln 10) is not
 * used because the rounding of x ln 10 costs up to |x ln 10| ulp.
 */
function exp10(x: number): number {
  return Math.pow(10, x);
}

/**
 * C `fma`: x*y + z with one rounding, computed exactly with BigInt (each double is an integer
 * times a power of two), then rounded to nearest-even like the hardware.
 */
function fma(x: number, y: number, z: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(z) || x === 0 || y === 0) return x * y + z;
  const [mx, ex] = toScaled(x);
  const [my, ey] = toScaled(y);
  let n = mx * my;
  let e = ex + ey;
  if (z !== 0) {
    const [mz, ez] = toScaled(z);
    if (ez >= e) n += mz << BigInt(ez - e);
    else {
      n = (n << BigInt(e - ez)) + mz;
      e = ez;
    }
  }
  if (n === 0n) return 0; // exact cancellation: +0 when rounding to nearest
  const neg = n < 0n;
  if (neg) n = -n;
  // Round to 53 significant bits, or to the 2^-1074 grid when the result is subnormal.
  const shift = Math.max(n.toString(2).length - 53, -1074 - e);
  if (shift > 0) {
    const s = BigInt(shift);
    const q = n >> s;
    const rem = n - (q << s);
    const half = 1n << (s - 1n);
    n = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
    e += shift;
  }
  const r = scalbn(Number(n), e);
  return neg ? -r : r;
}

/** A finite nonzero double as [integer mantissa, exponent]. */
function toScaled(x: number): [bigint, number] {
  const [m, e] = frexp(x);
  return [BigInt(m * 2 ** 53), e - 53];
}

// ---------------------------------------------------------------- the builtin table

const unary = (name: string, fn: (x: number) => Json): MathBuiltin => ({ name, arity: 0, fn });
const binary = (name: string, fn: (a: number, b: number) => Json): MathBuiltin => ({ name, arity: 2, fn });

/**
 * Every libm builtin of jq 1.6 as Debian builds it, by jq name: one-input functions (`floor`,
 * `sqrt`, ...) have arity 0 and get the input; `pow(a; b)`-style ones have arity 2 and `fma`
 * arity 3 and get their arguments (the input is ignored). `frexp` returns `[mantissa, exponent]`,
 * `modf` `[fraction, integer]`, `lgamma_r` `[log|Γ(x)|, sign]`. `gamma` is `lgamma` (glibc).
 * Integer parameters are converted as C on x86-64 does: `ldexp(x; e)` and `jn(n; x)` truncate to
 * int (NaN and |e| >= 2^31 give INT_MIN), `scalbln` to long. `pow10` is listed by `builtins` but
 * always fails with `Error: pow10/0 not found at build time`. JS lacks erf, erfc, j0, j1, y0,
 * y1, jn, yn, lgamma, tgamma, frexp, ldexp, significand, logb, nextafter, remainder, fma and
 * exp10: they are implemented here and in math-erf.ts, math-gamma.ts and math-bessel.ts.
 */
export const MATH_BUILTINS: ReadonlyArray<MathBuiltin> = [
  unary('acos', Math.acos),
  unary('acosh', Math.acosh),
  unary('asin', Math.asin),
  unary('asinh', Math.asinh),
  unary('atan', Math.atan),
  binary('atan2', Math.atan2),
  unary('atanh', Math.atanh),
  unary('cbrt', Math.cbrt),
  unary('ceil', Math.ceil),
  binary('copysign', (a, b) => (signBit(b) ? -Math.abs(a) : Math.abs(a))),
  unary('cos', Math.cos),
  unary('cosh', Math.cosh),
  binary('drem', remainder),
  unary('erf', erf),
  unary('erfc', erfc),
  unary('exp', Math.exp),
  unary('exp10', exp10),
  unary('exp2', (x) => Math.pow(2, x)),
  unary('expm1', Math.expm1),
  unary('fabs', Math.abs),
  binary('fdim', (a, b) => (a <= b ? 0 : a - b)),
  unary('floor', Math.floor),
  { name: 'fma', arity: 3, fn: fma },
  binary('fmax', fmax),
  binary('fmin', fmin),
  binary('fmod', (a, b) => a % b),
  unary('frexp', frexp),
  unary('gamma', (x) => lgammaR(x)[0]),
  binary('hypot', Math.hypot),
  unary('j0', j0),
  unary('j1', j1),
  binary('jn', (n, x) => jn(toCInt(n), x)),
  binary('ldexp', (x, e) => scalbn(x, toCInt(e))),
  unary('lgamma', (x) => lgammaR(x)[0]),
  unary('lgamma_r', lgammaR),
  unary('log', Math.log),
  unary('log10', Math.log10),
  unary('log1p', Math.log1p),
  unary('log2', Math.log2),
  unary('logb', logb),
  unary('modf', modf),
  unary('nearbyint', rint),
  binary('nextafter', nextafter),
  binary('nexttoward', nextafter),
  binary('pow', pow),
  {
    name: 'pow10',
    arity: 0,
    anyInput: true,
    fn: () => {
      throw new JqError('Error: pow10/0 not found at build time');
    },
  },
  binary('remainder', remainder),
  unary('rint', rint),
  unary('round', round),
  binary('scalb', scalb),
  binary('scalbln', (x, e) => scalbn(x, e >= -(2 ** 63) && e < 2 ** 63 ? Math.trunc(e) : -Infinity)),
  unary('significand', significand),
  unary('sin', Math.sin),
  unary('sinh', Math.sinh),
  unary('sqrt', Math.sqrt),
  unary('tan', Math.tan),
  unary('tanh', Math.tanh),
  unary('tgamma', tgamma),
  unary('trunc', Math.trunc),
  unary('y0', y0),
  unary('y1', y1),
  binary('yn', (n, x) => yn(toCInt(n), x)),
];

/**
 * Call a math builtin as jq does: `args` is `[input]` for arity 0, else the jq arguments. Each
 * must be a number, checked in order (`string ("a") number required`), except for `pow10`.
 */
export function applyMathBuiltin(b: MathBuiltin, args: readonly Json[]): Json {
  if (!b.anyInput) {
    for (const a of args) if (typeof a !== 'number') throw numberRequired(a);
  }
  return b.fn(...(args as number[]));
}
