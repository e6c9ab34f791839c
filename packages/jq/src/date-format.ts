/**
 * `strftime` formatting of a broken-down time as jq 1.6 (on glibc, C locale) prints it.
 *
 * A directive is `%`, flags, an optional width, an optional `E`/`O` modifier and a conversion
 * letter. Every conversion produces either a number (with a minimum digit count and a default
 * padding) or a text; {@link padNumber} and {@link padText} then apply the flags and width the
 * same way for all of them.
 * @module
 */
import {
  COMPOSITES,
  DAY_NAMES,
  MONTH_NAMES,
  isLeap,
  mktimeRaw,
  standardZoneName,
  type Tm,
} from './broken-down-time.js';

/** A parsed directive: `pad` is the last of `_ - 0` given ('' for none). */
interface Spec {
  pad: '' | '_' | '-' | '0';
  upper: boolean;
  /** the `#` flag: names in upper case, `%p` and `%Z` in lower case */
  swapCase: boolean;
  /** -1 without a width */
  width: number;
}

/** Conversions that accept the `E` / `O` modifier; others print the directive as is. */
const WITH_E = 'cCxXyYnprRsPtTuzZ';
const WITH_O = 'bBhCdeHIjklmMnpPrRsStTuUVgGwWyzZ';

/** C's `x % m` for a positive `m`, but never negative. */
const mod = (x: number, m: number): number => ((x % m) + m) % m;

/**
 * A number: `-` then at least `digits` digits, zero-filled by default. A width raises the digit
 * count; `_` (or the default of `%e %k %l`) fills with spaces; `-` fills nothing, but a width
 * still pads with spaces in front.
 */
function padNumber(spec: Spec, value: number, digits: number, spaceFilled = false): string {
  const text = (value < 0 ? '-' : '') + String(Math.abs(value));
  const size = Math.max(digits, spec.width);
  if (spec.pad === '-') return text.padStart(spec.width, ' ');
  if (spec.pad === '_' || (spaceFilled && spec.pad !== '0')) return text.padStart(size, ' ');
  if (text.length >= size) return text;
  return (value < 0 ? '-' : '') + String(Math.abs(value)).padStart(size - (value < 0 ? 1 : 0), '0');
}

/** A text, in the requested case, padded in front to the width (with zeros for the `0` flag). */
function padText(spec: Spec, text: string, lower = false): string {
  const cased = spec.upper
    ? text.replace(/[a-z]+/g, (m) => m.toUpperCase())
    : lower
      ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase())
      : text;
  return cased.padStart(spec.width, spec.pad === '0' ? '0' : ' ');
}

/** ISO 8601 week-based year and week (1-53) of a day; years wrap like C ints. */
function isoWeek(year: number, yday: number, wday: number): [number, number] {
  // Days since the Monday that starts week 1 of the year `yd` lies in (week 1 holds Jan 4).
  const sinceWeek1 = (yd: number): number => {
    const jan1 = mod(wday - 1 - yd, 7); // Monday = 0
    return yd + (jan1 <= 3 ? jan1 : jan1 - 7);
  };
  const yearLength = (y: number): number => (isLeap(y) ? 366 : 365);
  let days = sinceWeek1(yday);
  if (days < 0) {
    year = (year - 1) | 0;
    days = sinceWeek1(yday + yearLength(year));
  } else {
    const next = sinceWeek1(yday - yearLength(year));
    if (next >= 0) {
      year = (year + 1) | 0;
      days = next;
    }
  }
  return [year, Math.floor(days / 7) + 1];
}

/** One conversion of `tm`, or null when `conv` is not one (the directive is then printed). */
function convert(tm: Tm, conv: string, spec: Spec): string | null {
  const year = (tm.year + 1900) | 0;
  const hour12 = tm.hour === 0 ? 12 : tm.hour > 12 ? tm.hour - 12 : tm.hour;
  const name = (names: string[], i: number, short: boolean): string => {
    const n = names[i];
    return n === undefined ? '?' : short ? n.slice(0, 3) : n;
  };
  const named = (text: string): string => padText({ ...spec, upper: spec.upper || spec.swapCase }, text);
  switch (conv) {
    case '%': return padText(spec, '%');
    case 'n': return padText(spec, '\n');
    case 't': return padText(spec, '\t');
    case 'a': return named(name(DAY_NAMES, tm.wday, true));
    case 'A': return named(name(DAY_NAMES, tm.wday, false));
    case 'b':
    case 'h': return named(name(MONTH_NAMES, tm.mon, true));
    case 'B': return named(name(MONTH_NAMES, tm.mon, false));
    case 'p': return padText(spec.swapCase ? { ...spec, upper: false } : spec, tm.hour > 11 ? 'PM' : 'AM', spec.swapCase);
    case 'P': return padText({ ...spec, upper: false }, tm.hour > 11 ? 'pm' : 'am');
    case 'Z': return padText(spec.swapCase ? { ...spec, upper: false } : spec, standardZoneName(), spec.swapCase);
    case 'z': return padText(spec, '+') + padNumber(spec, 0, 4); // jq's times carry no offset
    case 's': return padText(spec, String(mktimeRaw(tm)));
    case 'C': return padNumber(spec, Math.floor(year / 100), 1);
    case 'y': return padNumber(spec, mod(tm.year, 100), 2);
    case 'Y': return padNumber(spec, year, 1);
    case 'm': return padNumber(spec, tm.mon + 1, 2);
    case 'd': return padNumber(spec, tm.mday, 2);
    case 'e': return padNumber(spec, tm.mday, 2, true);
    case 'j': return padNumber(spec, tm.yday + 1, 3);
    case 'H': return padNumber(spec, tm.hour, 2);
    case 'k': return padNumber(spec, tm.hour, 2, true);
    case 'I': return padNumber(spec, hour12, 2);
    case 'l': return padNumber(spec, hour12, 2, true);
    case 'M': return padNumber(spec, tm.min, 2);
    case 'S': return padNumber(spec, tm.sec, 2);
    case 'w': return padNumber(spec, tm.wday, 1);
    case 'u': return padNumber(spec, mod(tm.wday - 1, 7) + 1, 1);
    // Weeks starting on Sunday (%U) or Monday (%W); days before the first one are week 0.
    case 'U': return padNumber(spec, Math.trunc((tm.yday - tm.wday + 7) / 7), 2);
    case 'W': return padNumber(spec, Math.trunc((tm.yday - mod(tm.wday - 1, 7) + 7) / 7), 2);
    case 'G': return padNumber(spec, isoWeek(year, tm.yday, tm.wday)[0], 1);
    case 'g': return padNumber(spec, mod(isoWeek(year, tm.yday, tm.wday)[0], 100), 2);
    case 'V': return padNumber(spec, isoWeek(year, tm.yday, tm.wday)[1], 2);
    default: {
      const composite = COMPOSITES[conv];
      return composite === undefined ? null : padText(spec, formatTm(tm, composite));
    }
  }
}

/**
 * `strftime` of `tm` with `fmt` in the C locale. Flags: `_` space fill, `-` no fill, `0` zero
 * fill, `^` upper case, `#` swap case; then a width, then `E` or `O` (no effect in the C
 * locale). A directive that is not a conversion (`%Q`, `%Eb`, a trailing `%5`) is printed as
 * written, padded to its width; `%#Eb`-style names are also upper-cased.
 */
export function formatTm(tm: Tm, fmt: string): string {
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) return out + fmt.slice(i);
    out += fmt.slice(i, pct);
    const m = /^%([-_0^#]*)(\d*)([EO]?)([\s\S]?)/.exec(fmt.slice(pct))!;
    const [whole, flags = '', digits = '', modifier = '', conv = ''] = m;
    i = pct + whole.length;
    const pads = flags.replace(/[^-_0]/g, '');
    const spec: Spec = {
      pad: (pads.at(-1) ?? '') as Spec['pad'],
      upper: flags.includes('^'),
      swapCase: flags.includes('#'),
      width: digits === '' ? -1 : Math.min(Number(digits), 2147483647),
    };
    const allowed = modifier === '' || (modifier === 'E' ? WITH_E : WITH_O).includes(conv);
    const text = conv !== '' && allowed ? convert(tm, conv, spec) : null;
    if (text !== null) out += text;
    else if (conv === '%') out += padText(spec, '%');
    else out += padText({ ...spec, upper: spec.upper || (spec.swapCase && 'bh'.includes(conv) && conv !== '') }, whole);
  }
  return out;
}
