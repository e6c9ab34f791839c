/**
 * Broken-down times for the date builtins: jq's C-int view of the fields, calendar arithmetic
 * (proleptic Gregorian, any year) and the host time zone as JS Date and Intl see it.
 * @module
 */
import type { Json } from './ast.js';

/** The C `struct tm` fields jq uses, as C ints (`year` is tm_year, i.e. year - 1900). */
export interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
}

const INT_MIN = -2147483648;

/** C's `(int)d` on x86-64: truncation; NaN and out-of-range values give INT_MIN. */
export function toCInt(d: number): number {
  return d > -2147483649 && d < 2147483648 ? Math.trunc(d) : INT_MIN;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12; H. Hinnant's algorithm). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** UTC fields of whole seconds `secs` since the epoch, or null when the year overflows an int. */
export function utcFields(secs: number): Tm | null {
  let days: number;
  let rem: number;
  if (Math.abs(secs) < 2 ** 53) {
    days = Math.floor(secs / 86400);
    rem = secs - days * 86400;
  } else {
    const b = BigInt(secs);
    let q = b / 86400n;
    if (b % 86400n < 0n) q -= 1n;
    days = Number(q);
    rem = Number(b - q * 86400n);
  }
  let z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mday = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mon = mp < 10 ? mp + 2 : mp - 10;
  const y = yoe + era * 400 + (mon <= 1 ? 1 : 0);
  if (y - 1900 > 2147483647 || y - 1900 < INT_MIN) return null;
  z = days + 4;
  return {
    year: y - 1900,
    mon,
    mday,
    hour: Math.floor(rem / 3600),
    min: Math.floor(rem / 60) % 60,
    sec: rem % 60,
    wday: ((z % 7) + 7) % 7,
    yday: days - daysFromCivil(y, 1, 1),
  };
}

/** timegm() of possibly out-of-range fields (normalised like glibc), as a double. */
export function timegm(tm: Tm): number {
  const y = tm.year + 1900 + Math.floor(tm.mon / 12);
  const m = ((tm.mon % 12) + 12) % 12;
  const days = daysFromCivil(y, m + 1, 1) + tm.mday - 1;
  return days * 86400 + tm.hour * 3600 + tm.min * 60 + tm.sec;
}

// ---------------------------------------------------------------- the host time zone

const DATE_LIMIT = 8.64e12; // seconds JS Date can represent
const CYCLE = 146097 * 86400; // 400 Gregorian years

/**
 * `secs` moved into JS Date's range: far-future times by whole 400-year cycles (zone rules
 * repeat yearly there, as glibc's POSIX TZ rule does), far-past times clamped.
 */
function inDateRange(secs: number): number {
  if (secs > DATE_LIMIT) return secs - Math.ceil((secs - DATE_LIMIT) / CYCLE) * CYCLE;
  return secs < -DATE_LIMIT ? -DATE_LIMIT : secs;
}

/** UTC offset (seconds east) of the host zone at `secs`, to the second (old LMT offsets have seconds). */
export function offsetAt(secs: number): number {
  const d = new Date(Math.floor(inDateRange(secs)) * 1000);
  const base = -d.getTimezoneOffset() * 60; // whole minutes, cut off either way
  const ds = (((d.getSeconds() - d.getUTCSeconds()) % 60) + 60) % 60;
  if (ds === 0) return base;
  // The offset is base + ds or base + ds - 60: the one that gives the local time of day.
  const local = d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
  const utc = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds();
  return (((utc + base + ds - local) % 86400) + 86400) % 86400 === 0 ? base + ds : base + ds - 60;
}

/** The standard (non-DST) offset of the host zone in the year of `secs`: the smaller of Jan/Jul. */
export function standardOffset(secs: number): number {
  const y = new Date(inDateRange(secs) * 1000).getUTCFullYear();
  const jan = daysFromCivil(y, 1, 1) * 86400;
  const jul = daysFromCivil(y, 7, 1) * 86400;
  return Math.min(offsetAt(jan), offsetAt(jul));
}

/**
 * glibc `tzname[0]`: what `%Z` prints for jq's broken-down times (their tm_zone is NULL and
 * tm_isdst 0). Best effort from Intl: the standard-time short name, e.g. "UTC", "EST"
 * ("GMT+1" where glibc would say "CET").
 */
export function standardZoneName(): string {
  const y = new Date().getUTCFullYear();
  const jan = daysFromCivil(y, 1, 1) * 86400;
  const std = standardOffset(jan);
  const probe = (offsetAt(jan) === std ? jan : daysFromCivil(y, 7, 1) * 86400) * 1000;
  for (const locale of ZONE_LOCALES) {
    const parts = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' }).formatToParts(probe);
    const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (/^[A-Z]{2,5}$/.test(name)) return name;
  }
  // tzdata's numeric style for zones without a letter abbreviation, e.g. "-03", "+0530"
  const a = Math.abs(std);
  const hh = String(Math.floor(a / 3600)).padStart(2, '0');
  const mm = Math.floor(a / 60) % 60;
  return (std < 0 ? '-' : '+') + hh + (mm === 0 ? '' : String(mm).padStart(2, '0'));
}

/** Locales whose ICU short zone names are the usual abbreviations (EST, CET, IST, AEST, ...). */
const ZONE_LOCALES = ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'ja-JP'];

/**
 * glibc `mktime` of fields taken as local time with tm_isdst = 0: the fields are read in the
 * zone's standard time, so during DST the result is an hour later than the wall clock says.
 */
export function mktimeRaw(tm: Tm): number {
  const t = timegm(tm);
  return t - standardOffset(t);
}

// ---------------------------------------------------------------- broken-down times

export function tmToJson(tm: Tm): number[] {
  return [tm.year + 1900, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday];
}

/** jq's `jv2tm`: 8 numbers, each converted to a C int; null if any is missing or not a number. */
export function jsonToTm(v: Json[]): Tm | null {
  const f: number[] = [];
  for (let i = 0; i < 8; i++) {
    const x = v[i];
    if (typeof x !== 'number') return null;
    f.push(toCInt(x));
  }
  return { year: (f[0]! - 1900) | 0, mon: f[1]!, mday: f[2]!, hour: f[3]!, min: f[4]!, sec: f[5]!, wday: f[6]!, yday: f[7]! };
}

/** Seconds as a C `time_t` (x86-64 conversion: NaN and out-of-range give -2^63). */
export function toTimeT(d: number): number {
  return d >= -(2 ** 63) && d < 2 ** 63 ? Math.trunc(d) : -(2 ** 63);
}

/** C `isspace` in the C locale. */
export function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** Day of the week (0 = Sunday) of day `yday` (0-based, may run outside the year) of `year`. */
export function weekdayOf(year: number, yday: number): number {
  return (((daysFromCivil(year, 1, 1) + yday + 4) % 7) + 7) % 7;
}

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** The C locale's composite conversions, shared by formatting and parsing. */
export const COMPOSITES: Readonly<Record<string, string>> = {
  c: '%a %b %e %H:%M:%S %Y', x: '%m/%d/%y', D: '%m/%d/%y', F: '%Y-%m-%d',
  R: '%H:%M', r: '%I:%M:%S %p', X: '%H:%M:%S', T: '%H:%M:%S',
};
