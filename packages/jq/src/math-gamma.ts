/**
 * lgamma, lgamma_r and tgamma, written from Stirling's series:
 *
 *   ln Γ(x) = (x - 1/2) ln x - x + ln(2π)/2 + Σ_{k=1..10} B_2k / (2k (2k-1) x^(2k-1)),
 *
 * used for x >= 10 (the first omitted term is below 1e-19 there), with the recurrence
 * Γ(x) = Γ(x + k) / (x (x+1) ··· (x+k-1)) to bring smaller arguments up to 10 and the reflection
 * formula Γ(x) Γ(1 - x) = π / sin(πx) for negative ones. B_2k are the Bernoulli numbers.
 * Accuracy is ~1e-14 relative (or absolute near the zeros of ln Γ), checked against jq 1.6.
 * @module
 */

/** B_2k / (2k (2k-1)) for k = 1..10, from B_2 = 1/6, B_4 = -1/30, ..., B_20 = -174611/330. */
const STIRLING = [
  1 / 6 / 2,
  -1 / 30 / 12,
  1 / 42 / 30,
  -1 / 30 / 56,
  5 / 66 / 90,
  -691 / 2730 / 132,
  7 / 6 / 182,
  -3617 / 510 / 240,
  43867 / 798 / 306,
  -174611 / 330 / 380,
];
const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LN_PI = Math.log(Math.PI);
const STIRLING_MIN = 10;
/** Below 2^-60 in magnitude, Γ(x) = 1/x to double precision. */
const TINY = 2 ** -60;

/** The correction series Σ B_2k / (2k (2k-1) x^(2k-1)) of Stirling's formula, x >= 10. */
function stirlingSeries(x: number): number {
  const z = 1 / (x * x);
  let s = 0;
  for (let k = STIRLING.length - 1; k >= 0; k--) s = s * z + STIRLING[k]!;
  return s / x;
}

/** ln Γ(x) for x >= 10 (finite or +inf). */
function lnGammaLarge(x: number): number {
  if (x === Infinity) return x;
  // (x - 1/2) ln x - x = (x - 1/2)(ln x - 1) - 1/2, which does not overflow before the result.
  return (x - 0.5) * (Math.log(x) - 1) + (HALF_LN_2PI - 0.5) + stirlingSeries(x);
}

/** sin(πx) for finite x, exact at integers and half-integers. */
export function sinPi(x: number): number {
  // x - 2·round(x/2) is exact and lies in [-1, 1]; sin(π(±1 - r)) = sin(πr) folds it to [-1/2, 1/2].
  let r = x - 2 * Math.round(x / 2);
  if (r > 0.5) r = 1 - r;
  else if (r < -0.5) r = -1 - r;
  if (Math.abs(r) <= 0.25) return Math.sin(Math.PI * r);
  const c = Math.cos(Math.PI * (0.5 - Math.abs(r)));
  return r < 0 ? -c : c;
}

/** ln |Γ(x)| for x > 0. */
function lnGammaPositive(x: number): number {
  if (x >= STIRLING_MIN) return lnGammaLarge(x);
  if (x < TINY) return -Math.log(x); // ln Γ(x) = -ln x - γx + O(x²)
  if (x === 1 || x === 2) return 0;
  // Γ(x) = Γ(x + k) / (x (x+1) ··· (x+k-1)): the ratio is formed before taking its log, so the
  // result keeps its accuracy near the zeros at 1 and 2.
  let p = 1;
  let y = x;
  while (y < STIRLING_MIN) p *= y++;
  return Math.log(gammaLarge(y) / p);
}

/** Γ(y) for 10 <= y <= 172 (overflows to +inf above ~171.62). */
function gammaLarge(y: number): number {
  // √(2π) y^(y-1/2) e^(-y) e^series, with y^(y-1/2) split in two halves to delay overflow.
  const t = Math.pow(y, (y - 0.5) / 2);
  return SQRT_2PI * Math.exp(stirlingSeries(y)) * t * (t * Math.exp(-y));
}

/** C `lgamma_r`: [log|Γ(x)|, sign of Γ(x)]. @internal */
export function lgammaR(x: number): [number, number] {
  if (x !== x) return [x, 1];
  if (x === Infinity || x === -Infinity) return [Infinity, 1];
  if (x === 0) return [Infinity, Object.is(x, -0) ? -1 : 1];
  if (x > 0) return [lnGammaPositive(x), 1];
  const s = sinPi(x);
  if (s === 0) return [Infinity, 1]; // a pole: negative integer
  const sign = s < 0 ? -1 : 1; // Γ(x) = π / (sin(πx) Γ(1-x)) with Γ(1-x) > 0
  if (x > -TINY) return [-Math.log(-x), -1];
  // ln|Γ(x)| = ln π - ln|sin(πx)| - ln Γ(1 - x), with Γ(1-x) = -x Γ(-x).
  const y = -x;
  const r = LN_PI - Math.log(Math.abs(s) * y) - lnGammaPositive(y);
  return [r, sign];
}

/** C `tgamma`. */
export function tgamma(x: number): number {
  if (x !== x) return x;
  if (x === Infinity) return x;
  if (x === -Infinity) return NaN;
  if (x === 0) return 1 / x; // ±inf
  if (x > 0) {
    if (x > 172) return Infinity;
    if (x < TINY) return 1 / x; // Γ(x) = 1/x - γ + O(x): γ is below half an ulp of 1/x
    if (x === Math.floor(x) && x <= 23) {
      let f = 1;
      for (let k = 2; k < x; k++) f *= k; // exact up to 22!
      return f;
    }
    if (x >= STIRLING_MIN) return gammaLarge(x);
    let p = 1;
    let y = x;
    while (y < STIRLING_MIN) p *= y++;
    return gammaLarge(y) / p;
  }
  // x < 0: Γ(x) = π / (sin(πx) · (-x) · Γ(-x)).
  const s = sinPi(x);
  if (s === 0) return NaN; // negative integer
  if (x > -TINY) return 1 / x;
  const y = -x;
  if (y > 190) return s > 0 ? 0 : -0; // underflows (sign of sin(πx))
  if (y < STIRLING_MIN) return Math.PI / (s * y * tgamma(y));
  // Γ(-x) by Stirling's formula, divided in pieces so that the subnormal range is reached late.
  const t = Math.pow(y, (y - 0.5) / 2);
  const head = Math.PI / (s * y * SQRT_2PI * Math.exp(stirlingSeries(y)));
  return head / t / (t * Math.exp(-y));
}
