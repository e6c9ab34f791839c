/**
 * Bessel functions of the first and second kind (C `j0`, `j1`, `jn`, `y0`, `y1`, `yn`), written
 * from textbook methods:
 *
 * - x >= 20 (and large enough for the order): Hankel's asymptotic expansion
 *   J_ν(x) = √(2/(πx)) (P cos θ - Q sin θ), Y_ν(x) = √(2/(πx)) (P sin θ + Q cos θ),
 *   θ = x - (2ν+1)π/4, P = Σ (-1)^k a_2k(ν) / x^2k, Q = Σ (-1)^k a_(2k+1)(ν) / x^(2k+1),
 *   a_k(ν) = (4ν² - 1)(4ν² - 9)···(4ν² - (2k-1)²) / (k! 8^k), summed while the terms decrease;
 *   cos θ and sin θ are formed from cos x and sin x, which Math.* reduces exactly.
 * - x < 20: Miller's backward recurrence J_(k-1) = (2k/x) J_k - J_(k+1), normalised by
 *   J_0 + 2 Σ J_2k = 1, and Neumann's series
 *   Y_0 = (2/π)(ln(x/2) + γ) J_0 - (4/π) Σ_(k>=1) (-1)^k J_2k / k, and Y_1 = -Y_0', i.e.
 *   Y_1 = (2/π)((ln(x/2) + γ) J_1 - J_0/x) + (2/π) Σ_(k>=1) (-1)^k (J_(2k-1) - J_(2k+1)) / k.
 * - higher orders: forward recurrence from J_0, J_1 when n < x (stable there) and always for Y;
 *   otherwise the continued fraction J_n/J_(n-1) = 1/(2n/x - 1/(2(n+1)/x - ...)) followed by the
 *   backward recurrence down to J_0 or J_1 for normalisation.
 *
 * Accuracy: ~1e-15 relative, or ~1e-16 absolute near zeros and for huge x (checked against jq 1.6).
 * @module
 */

const EULER_GAMMA = 0.5772156649015329;
const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const HANKEL_MIN = 20;

/** [J0, J1, Y0, Y1] for 1e-150 <= x < 20 by Miller's algorithm and Neumann's series. */
function smallArgument(x: number): [number, number, number, number] {
  const top = 2 * Math.ceil((x + 40) / 2); // even start index; J_top(x) is negligible
  let next = 0; // f_(k+1)
  let cur = 1; // f_k, k = top
  let norm = 0; // Σ_(k>=1) f_2k (times 2 later, plus f_0)
  let s0 = 0; // Σ (-1)^k f_2k / k
  let s1 = 0; // Σ (-1)^k (f_(2k-1) - f_(2k+1)) / k
  let f2kPlus1 = 0; // f_(2k+1) for the current even k
  for (let k = top; k >= 1; k--) {
    if (k % 2 === 0) {
      const h = k / 2;
      const sgn = h % 2 === 0 ? 1 : -1;
      norm += cur;
      s0 += (sgn * cur) / h;
      f2kPlus1 = next;
    } else if (k < top) {
      // k = 2h - 1 is odd: pairs with f_(2h+1) recorded at k + 1 = 2h.
      const h = (k + 1) / 2;
      const sgn = h % 2 === 0 ? 1 : -1;
      s1 += (sgn * (cur - f2kPlus1)) / h;
    }
    const prev = ((2 * k) / x) * cur - next;
    next = cur;
    cur = prev;
    if (Math.abs(cur) > 1e100) {
      cur *= 1e-100;
      next *= 1e-100;
      norm *= 1e-100;
      s0 *= 1e-100;
      s1 *= 1e-100;
      f2kPlus1 *= 1e-100;
    }
  }
  // cur = f_0, next = f_1.
  const total = cur + 2 * norm;
  const j0v = cur / total;
  const j1v = next / total;
  const l = Math.log(x) - Math.LN2 + EULER_GAMMA;
  const y0v = (2 / Math.PI) * (l * j0v) - (4 / Math.PI) * (s0 / total);
  const y1v = (2 / Math.PI) * (l * j1v - j0v / x) + (2 / Math.PI) * (s1 / total);
  return [j0v, j1v, y0v, y1v];
}

/**
 * Hankel's expansion of order nu at x: [J, Y], or undefined when its terms stop decreasing
 * before reaching double precision (x too small for the order).
 */
function hankel(nu: number, x: number): [number, number] | undefined {
  const mu = 4 * nu * nu;
  let p = 1;
  let q = 0;
  let term = 1;
  let ok = false;
  for (let k = 1; k < 200; k++) {
    const next = (term * (mu - (2 * k - 1) ** 2)) / (k * 8 * x);
    if (Math.abs(next) > Math.abs(term)) break; // growing terms: x is too small for the order
    term = next;
    const sgn = Math.floor(k / 2) % 2 === 0 ? 1 : -1;
    if (k % 2 === 0) p += sgn * term;
    else q += sgn * term;
    if (Math.abs(term) < 1e-17 * Math.max(Math.abs(p), Math.abs(q))) {
      ok = true;
      break;
    }
  }
  if (!ok) return undefined;
  // cos and sin of θ = x - π/4 - νπ/2 from cos x and sin x.
  const c = Math.cos(x);
  const s = Math.sin(x);
  let ct = (c + s) * Math.SQRT1_2; // cos(x - π/4)
  let st = (s - c) * Math.SQRT1_2; // sin(x - π/4)
  switch (nu % 4) {
    case 1:
      [ct, st] = [st, -ct];
      break;
    case 2:
      [ct, st] = [-ct, -st];
      break;
    case 3:
      [ct, st] = [-st, ct];
      break;
    default:
  }
  const scale = SQRT_2_OVER_PI / Math.sqrt(x);
  return [scale * (p * ct - q * st), scale * (p * st + q * ct)];
}

/** [J0(x), J1(x), Y0(x), Y1(x)] for finite x > 0. */
function orders01(x: number): [number, number, number, number] {
  if (x >= HANKEL_MIN) {
    const [j0v, y0v] = hankel(0, x)!;
    const [j1v, y1v] = hankel(1, x)!;
    return [j0v, j1v, y0v, y1v];
  }
  if (x < 1e-150) return [1, x / 2, (2 / Math.PI) * (Math.log(x) - Math.LN2 + EULER_GAMMA), -2 / Math.PI / x];
  return smallArgument(x);
}

/** C `j0`. */
export function j0(x: number): number {
  if (x !== x) return x;
  const a = Math.abs(x);
  if (a === Infinity) return 0;
  if (a === 0) return 1;
  return orders01(a)[0];
}

/** C `j1`. */
export function j1(x: number): number {
  if (x !== x) return x;
  const a = Math.abs(x);
  if (a === Infinity) return x < 0 ? -0 : 0;
  if (a === 0) return x;
  const r = orders01(a)[1];
  return x < 0 ? -r : r;
}

/** C `y0`. */
export function y0(x: number): number {
  if (x !== x) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  if (x === Infinity) return 0;
  return orders01(x)[2];
}

/** C `y1`. */
export function y1(x: number): number {
  if (x !== x) return x;
  if (x === 0) return -Infinity;
  if (x < 0) return NaN;
  if (x === Infinity) return 0;
  return orders01(x)[3];
}

/** J_n(x) for n >= 2 and finite x > 0. */
function besselJ(n: number, x: number): number {
  if (x > HANKEL_MIN && x > n) {
    const h = hankel(n, x);
    if (h) return h[0];
  }
  if (n < x) {
    // Forward recurrence J_(k+1) = (2k/x) J_k - J_(k-1), stable below the turning point k = x.
    let [a, b] = orders01(x);
    for (let k = 1; k < n; k++) [a, b] = [b, ((2 * k) / x) * b - a];
    return b;
  }
  // J_n(x) <= (ex/2n)^n: zero when that underflows far below the smallest subnormal.
  if (n * Math.log((Math.E * x) / (2 * n)) < -800) return 0;
  if (x < 1e-8) {
    // Leading term of the power series, (x/2)^n / n!.
    let b = 1;
    for (let k = 1; k <= n && b !== 0; k++) b *= x / 2 / k;
    return b;
  }
  // r = J_n / J_(n-1) by the continued fraction 1/(b_n - 1/(b_(n+1) - ...)), b_k = 2k/x (Lentz).
  const tiny = 1e-300;
  let f = (2 * n) / x;
  let c = f;
  let d = 0;
  for (let k = n + 1; k < n + 100000; k++) {
    const bk = (2 * k) / x;
    d = bk - d;
    if (d === 0) d = tiny;
    c = bk - 1 / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  // Backward recurrence from f_n = 1/f, f_(n-1) = 1 (i.e. ratio r = 1/f) down to f_0.
  let top = 1 / f; // f_n, rescaled along with the others
  let next = top; // f_(k+1)
  let cur = 1; // f_k, k = n - 1
  for (let k = n - 1; k >= 1; k--) {
    const prev = ((2 * k) / x) * cur - next;
    next = cur;
    cur = prev;
    if (Math.abs(cur) > 1e100) {
      cur *= 1e-100;
      next *= 1e-100;
      top *= 1e-100;
    }
  }
  const [j0v, j1v] = orders01(x);
  return Math.abs(j0v) >= Math.abs(j1v) ? top * (j0v / cur) : top * (j1v / next);
}

/** C `jn(n, x)` (n already converted to a C int). */
export function jn(n: number, x: number): number {
  if (x !== x) return x;
  if (n === -2147483648) {
    // jq 1.6 (glibc) cannot negate this order: it gives 0 at 0 and ±inf, the order-0 value for
    // |x| >= 2^302, and NaN otherwise.
    const a = Math.abs(x);
    return a === 0 || a === Infinity ? 0 : a >= 2 ** 302 ? j0(a) : NaN;
  }
  let neg = false;
  if (n < 0) {
    // J_(-n)(x) = (-1)^n J_n(x)
    n = -n;
    neg = n % 2 === 1;
  }
  if (x < 0 || Object.is(x, -0)) {
    // J_n(-x) = (-1)^n J_n(x)
    x = -x;
    if (n % 2 === 1) neg = !neg;
  }
  let r: number;
  if (n === 0) r = j0(x);
  else if (n === 1) r = j1(x);
  else if (x === 0 || x === Infinity) r = 0;
  else r = besselJ(n, x);
  return neg ? -r : r;
}

/** C `yn(n, x)` (n already converted to a C int). */
export function yn(n: number, x: number): number {
  if (x !== x) return x;
  if (x < 0) return NaN;
  // jq 1.6 (glibc) cannot negate this order: it gives Y_1, or Y_0 for x >= 2^302.
  if (n === -2147483648) return x >= 2 ** 302 && x !== Infinity ? y0(x) : y1(x);
  let neg = false;
  if (n < 0) {
    // Y_(-n)(x) = (-1)^n Y_n(x)
    n = -n;
    neg = n % 2 === 1;
  }
  let r: number;
  if (n === 0) r = y0(x);
  else if (n === 1) r = y1(x);
  else if (x === 0) r = -Infinity;
  else if (x === Infinity) r = 0;
  else {
    const h = x > HANKEL_MIN && x > n ? hankel(n, x) : undefined;
    if (h) r = h[1];
    else {
      // Forward recurrence Y_(k+1) = (2k/x) Y_k - Y_(k-1): stable, Y grows with the order.
      let [, , a, b] = orders01(x);
      for (let k = 1; k < n && b !== -Infinity; k++) [a, b] = [b, ((2 * k) / x) * b - a];
      r = b;
    }
  }
  return neg ? -r : r;
}
