/**
 * jq 1.6's date builtins on glibc: gmtime, localtime, mktime, strftime, strflocaltime, strptime,
 * todateiso8601 and fromdateiso8601, with glibc's C-locale formatting and parsing and jq's errors.
 *
 * Stays whole past 600 lines: two thirds are ports of glibc 2.36 `strftime_l.c` and
 * `strptime_l.c` (C locale) that share the struct-tm helpers; splitting them into
 * date-format.ts / date-parse.ts is a mechanical follow-up if the lead prefers.
 * @module
 */
import type { Json } from './ast.js';
import { JqError } from './errors.js';
import { utf8ByteLength } from './value.js';

/**
 * jq 1.6's "broken down time": `[year, month (0-11), day of month, hours, minutes, seconds,
 * day of week (0 = Sunday), day of year (0-365)]` — the full year, not year-1900.
 */
export type BrokenDownTime = number[];

/** The C `struct tm` fields jq uses, as C ints (`year` is tm_year, i.e. year - 1900). */
interface Tm {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
}

const ISO8601 = '%Y-%m-%dT%H:%M:%SZ';
const INT_MIN = -2147483648;

/** C's `(int)d` on x86-64: truncation; NaN and out-of-range values give INT_MIN. */
function toCInt(d: number): number {
  return d > -2147483649 && d < 2147483648 ? Math.trunc(d) : INT_MIN;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12; H. Hinnant's algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** UTC fields of whole seconds `secs` since the epoch, or null when the year overflows an int. */
function utcFields(secs: number): Tm | null {
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
function timegm(tm: Tm): number {
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
function offsetAt(secs: number): number {
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
function standardOffset(secs: number): number {
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
function standardZoneName(): string {
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
function mktimeRaw(tm: Tm): number {
  const t = timegm(tm);
  return t - standardOffset(t);
}

// ---------------------------------------------------------------- broken-down times

function tmToJson(tm: Tm): number[] {
  return [tm.year + 1900, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday];
}

/** jq's `jv2tm`: 8 numbers, each converted to a C int; null if any is missing or not a number. */
function jsonToTm(v: Json[]): Tm | null {
  const f: number[] = [];
  for (let i = 0; i < 8; i++) {
    const x = v[i];
    if (typeof x !== 'number') return null;
    f.push(toCInt(x));
  }
  return { year: (f[0]! - 1900) | 0, mon: f[1]!, mday: f[2]!, hour: f[3]!, min: f[4]!, sec: f[5]!, wday: f[6]!, yday: f[7]! };
}

/** Seconds as a C `time_t` (x86-64 conversion: NaN and out-of-range give -2^63). */
function toTimeT(d: number): number {
  return d >= -(2 ** 63) && d < 2 ** 63 ? Math.trunc(d) : -(2 ** 63);
}

/**
 * `gmtime`: seconds since the epoch to a broken-down UTC time. Seconds keep their fraction, the
 * way jq 1.6 adds it: `-1.5 | gmtime` gives second 59.5 of 1969-12-31T23:59 (jq truncates
 * toward zero, then adds `x - floor(x)`). Errors: `gmtime() requires numeric inputs`;
 * `errror converting number of seconds since epoch to datetime` (sic) when the year overflows.
 * @example gmtime(1425599621) // [2015, 2, 5, 23, 53, 41, 4, 63]
 */
export function gmtime(v: Json): BrokenDownTime {
  if (typeof v !== 'number') throw new JqError('gmtime() requires numeric inputs');
  const tm = utcFields(toTimeT(v));
  if (tm === null) throw new JqError('errror converting number of seconds since epoch to datetime');
  const out = tmToJson(tm);
  out[5] = tm.sec + (v - Math.floor(v));
  return out;
}

/**
 * `localtime`: like {@link gmtime} in the host's time zone (via JS Date). Errors:
 * `localtime() requires numeric inputs`, `error converting number of seconds since epoch to datetime`.
 */
export function localtime(v: Json): BrokenDownTime {
  if (typeof v !== 'number') throw new JqError('localtime() requires numeric inputs');
  const secs = toTimeT(v);
  const tm = utcFields(secs + offsetAt(secs));
  if (tm === null || utcFields(secs) === null) {
    throw new JqError('error converting number of seconds since epoch to datetime');
  }
  const out = tmToJson(tm);
  out[5] = tm.sec + (v - Math.floor(v));
  return out;
}

/**
 * `mktime`: a broken-down time to seconds since the epoch. The fields are normalised (month 14,
 * day 40 are fine), day of week and year are ignored, seconds are truncated. jq 1.6 computes
 * `mktime(local) + tm_gmtoff`: in a zone with DST, summer dates come out an hour late (exactly
 * as jq 1.6 does; in UTC it is timegm). Errors: `mktime requires array inputs`,
 * `mktime requires parsed datetime inputs` (fewer than 8 numbers), and glibc's failure values
 * leak through: a result of -1 (also glibc's own -1 before jq adds the offset) gives
 * `invalid gmtime representation`, -2
 * `mktime not supported on this platform`.
 * @example mktime([2015, 2, 5, 23, 51, 47, 4, 63]) // 1425599507 (in UTC)
 */
export function mktime(v: Json): number {
  if (!Array.isArray(v)) throw new JqError('mktime requires array inputs');
  const tm = v.length < 6 ? null : jsonToTm(v);
  if (tm === null) throw new JqError('mktime requires parsed datetime inputs');
  const raw = mktimeRaw(tm);
  if (raw === -1 || !Number.isFinite(raw) || utcFields(raw) === null) throw new JqError('invalid gmtime representation');
  const t = raw + offsetAt(raw);
  if (t === -1) throw new JqError('invalid gmtime representation');
  if (t === -2) throw new JqError('mktime not supported on this platform');
  return t;
}

function formatWith(name: 'strftime' | 'strflocaltime', v: Json, fmt: Json): string {
  let bdt: Json = v;
  if (typeof v === 'number') {
    if (typeof fmt !== 'string') throw new JqError(`${name}/1 requires a string format`); // jq 1.6 aborts
    bdt = name === 'strftime' ? gmtime(v) : localtime(v);
  } else if (!Array.isArray(v)) throw new JqError(`${name}/1 requires parsed datetime inputs`);
  else if (typeof fmt !== 'string') throw new JqError(`${name}/1 requires a string format`);
  const tm = jsonToTm(bdt as Json[]);
  if (tm === null) throw new JqError(`${name}/1 requires parsed datetime inputs`);
  const f = cString(fmt as string);
  const out = strftimeC(tm, f);
  // jq gives strftime a buffer of strlen(fmt) + 100 bytes and treats an empty result as failure.
  if (out === '' || utf8ByteLength(out) >= utf8ByteLength(f) + 100) throw new JqError(`${name}/1: unknown system failure`);
  return out;
}

/**
 * `strftime(fmt)`: format a broken-down time, or seconds since the epoch (through `gmtime`),
 * with glibc's `strftime` in the C locale: all conversions, the `_ - 0 ^ #` flags, field widths
 * and `E`/`O` modifiers; unknown conversions print as is. `%Z` is the host zone's standard
 * abbreviation and `%z` is always `+0000` (jq's struct tm has no zone); `%s` reads the fields
 * as local standard time. Errors: `strftime/1 requires parsed datetime inputs`,
 * `strftime/1 requires a string format`, `strftime/1: unknown system failure` (empty result,
 * or longer than the format plus 99 bytes).
 * @example strftime(1425599621, '%A, %B %d, %Y') // 'Thursday, March 05, 2015'
 */
export function strftime(v: Json, fmt: Json): string {
  return formatWith('strftime', v, fmt);
}

/** `strflocaltime(fmt)`: {@link strftime} with `localtime` for numbers; errors say `strflocaltime/1`. */
export function strflocaltime(v: Json, fmt: Json): string {
  return formatWith('strflocaltime', v, fmt);
}

/** `todateiso8601` (and `todate`): `strftime("%Y-%m-%dT%H:%M:%SZ")`; fractions are truncated. */
export function todateiso8601(v: Json): string {
  return strftime(v, ISO8601);
}

/**
 * `fromdateiso8601` (and `fromdate`): `strptime("%Y-%m-%dT%H:%M:%SZ") | mktime`. jq 1.6 has no
 * fractional seconds: `"2015-03-05T23:51:47.123Z"` fails with
 * `date "2015-03-05T23:51:47.123Z" does not match format "%Y-%m-%dT%H:%M:%SZ"`.
 */
export function fromdateiso8601(v: Json): number {
  return mktime(strptime(v, ISO8601));
}

/** A JS string as C sees it: cut at the first NUL. */
function cString(s: string): string {
  const i = s.indexOf('\0');
  return i < 0 ? s : s.slice(0, i);
}

/**
 * `strptime(fmt)`: parse a string with glibc's `strptime` in the C locale (every conversion of
 * glibc 2.36: names match case-insensitively, `%z` and `%Z` are read and ignored, `%s` gives
 * local time, missing day of week and day of year are computed). Returns the broken-down time;
 * if the text goes on after the format with a whitespace character, the rest is appended as a
 * 9th element (`"2015-03-05 x" | strptime("%Y-%m-%d")` gives `[2015,2,5,0,0,0,4,63," x"]`).
 * Fields not parsed stay 0 (so the year is 1900), and without a day of month the day of week and
 * year stay jq's sentinels 8 and 367. Errors: `strptime/1 requires string inputs and arguments`,
 * `date "x" does not match format "%Y"`.
 */
export function strptime(v: Json, fmt: Json): Json[] {
  if (typeof v !== 'string' || typeof fmt !== 'string') throw new JqError('strptime/1 requires string inputs and arguments');
  const input = cString(v);
  const f = cString(fmt);
  const tm: Tm = { year: 0, mon: 0, mday: 0, hour: 0, min: 0, sec: 0, wday: 8, yday: 367 };
  const end = strptimeC(input, f, tm);
  if (end < 0 || (end < input.length && !isSpace(input.charCodeAt(end)))) {
    throw new JqError(`date "${input}" does not match format "${f}"`);
  }
  if (tm.wday === 8 && tm.mday !== 0 && tm.mon >= 0 && tm.mon <= 11) tm.wday = jqWeekday(tm);
  if (tm.yday === 367 && tm.mday !== 0 && tm.mon >= 0 && tm.mon <= 11) {
    // jq's own `set_tm_yday`
    tm.yday = MON_YDAY[tm.mon]! + (tm.mon > 1 && isLeap(tm.year + 1900) ? 1 : 0) + tm.mday - 1;
  }
  const out: Json[] = tmToJson(tm);
  if (end < input.length) out.push(input.slice(end));
  return out;
}

/** jq's own `set_tm_wday` (Gauss's algorithm, wrong for Jan-Feb 1900 and 2100, as in jq). */
function jqWeekday(tm: Tm): number {
  const century = Math.trunc((1900 + tm.year) / 100);
  let year = (1900 + tm.year) % 100;
  if (tm.mon < 2) year--;
  let mon = tm.mon - 1;
  if (mon < 1) mon += 12;
  let wday = (tm.mday + Math.floor(2.6 * mon - 0.2) + year + Math.floor(year / 4) + Math.floor(century / 4) - 2 * century) % 7;
  if (wday < 0) wday += 7;
  return wday;
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

// ---------------------------------------------------------------- glibc strftime (C locale)

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
/** Conversions that glibc rejects with the E (or O) modifier: printed as is. */
const NO_E = 'aAbBhdDeFHIjklmMSUgGVwW%';
const NO_O = 'aAcDFxXY%';
/** The C locale's composite conversions. */
const SUBFORMATS: Record<string, string> = {
  c: '%a %b %e %H:%M:%S %Y', x: '%m/%d/%y', D: '%m/%d/%y', F: '%Y-%m-%d',
  R: '%H:%M', r: '%I:%M:%S %p', X: '%H:%M:%S', T: '%H:%M:%S',
};

/** ISO 8601 week-based day count of glibc (`iso_week_days`). */
function isoWeekDays(yday: number, wday: number): number {
  return yday - ((yday - wday + 4 + 378) % 7) + 4 - 1;
}

/** glibc `__strftime_internal` for jq's struct tm (tm_isdst 0, tm_gmtoff 0, tm_zone NULL). */
function strftimeC(tm: Tm, fmt: string): string {
  let out = '';
  const hour12 = tm.hour > 12 ? tm.hour - 12 : tm.hour === 0 ? 12 : tm.hour;
  for (let i = 0; i < fmt.length; i++) {
    if (fmt[i] !== '%') {
      out += fmt[i];
      continue;
    }
    const start = i;
    let pad = '';
    let upper = false;
    let lower = false;
    let swap = false;
    for (;;) {
      const c = fmt[i + 1];
      if (c === '_' || c === '-' || c === '0') pad = c;
      else if (c === '^') upper = true;
      else if (c === '#') swap = true;
      else break;
      i++;
    }
    let width = -1;
    if (fmt[i + 1] !== undefined && fmt[i + 1]! >= '0' && fmt[i + 1]! <= '9') {
      width = 0;
      while (fmt[i + 1] !== undefined && fmt[i + 1]! >= '0' && fmt[i + 1]! <= '9') {
        width = Math.min(width * 10 + +fmt[++i]!, 2147483647);
      }
    }
    let mod = '';
    if (fmt[i + 1] === 'E' || fmt[i + 1] === 'O') mod = fmt[++i]!;
    const conv = fmt[i + 1];
    if (conv !== undefined) i++;

    /** glibc's `add`/`cpy`: write `s`, padded on the left to `width`, in the requested case. */
    const add = (s: string): void => {
      if (width > s.length) out += (pad === '0' ? '0' : ' ').repeat(width - s.length);
      out += upper ? s.replace(/[a-z]+/g, (m) => m.toUpperCase()) : lower ? s.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : s;
    };
    const number = (digits: number, value: number, spacePad = false): void => {
      if (spacePad && pad !== '0' && pad !== '-') pad = '_';
      signAndPad(Math.max(digits, width), String(Math.abs(value)), value < 0);
    };
    const signAndPad = (digits: number, num: string, negative: boolean): void => {
      let buf = negative ? '-' + num : num;
      if (pad !== '-') {
        const padding = digits - buf.length;
        if (padding > 0) {
          if (pad === '_') {
            out += ' '.repeat(padding);
            width = width > padding ? width - padding : 0;
          } else {
            if (negative) {
              out += '-';
              buf = buf.slice(1);
            }
            out += '0'.repeat(padding);
            width = 0;
          }
        }
      }
      add(buf);
    };
    // glibc prints an unknown conversion from the last `%` up to it (just `%` for `%E%`).
    const bad = (): void => add(conv === '%' ? '%' : fmt.slice(start, i + 1));

    if (conv === undefined || (mod === 'E' && NO_E.includes(conv)) || (mod === 'O' && NO_O.includes(conv))) {
      if ((conv === 'b' || conv === 'h') && swap) upper = true; // glibc sets the case first here
      bad();
      continue;
    }
    const year = (tm.year + 1900) | 0;
    switch (conv) {
      case '%':
        add('%');
        break;
      case 'a':
      case 'A':
        if (swap) upper = true;
        add(tm.wday < 0 || tm.wday > 6 ? '?' : conv === 'a' ? DAYS[tm.wday]!.slice(0, 3) : DAYS[tm.wday]!);
        break;
      case 'b':
      case 'h':
      case 'B':
        if (swap) upper = true;
        add(tm.mon < 0 || tm.mon > 11 ? '?' : conv === 'B' ? MONTHS[tm.mon]! : MONTHS[tm.mon]!.slice(0, 3));
        break;
      case 'c':
      case 'x':
      case 'D':
      case 'F':
      case 'R':
      case 'r':
      case 'X':
      case 'T':
        add(strftimeC(tm, SUBFORMATS[conv]!));
        break;
      case 'C':
        number(1, Math.trunc(year / 100) - (year % 100 < 0 ? 1 : 0));
        break;
      case 'd':
        number(2, tm.mday);
        break;
      case 'e':
        number(2, tm.mday, true);
        break;
      case 'H':
        number(2, tm.hour);
        break;
      case 'I':
        number(2, hour12);
        break;
      case 'k':
        number(2, tm.hour, true);
        break;
      case 'l':
        number(2, hour12, true);
        break;
      case 'j':
        number(3, 1 + tm.yday);
        break;
      case 'M':
        number(2, tm.min);
        break;
      case 'm':
        number(2, tm.mon + 1);
        break;
      case 'n':
        add('\n');
        break;
      case 't':
        add('\t');
        break;
      case 'P':
      case 'p':
        if (conv === 'P' || swap) [upper, lower] = [false, true];
        add(tm.hour > 11 ? 'PM' : 'AM');
        break;
      case 'S':
        number(2, tm.sec);
        break;
      case 's': {
        const t = mktimeRaw(tm);
        signAndPad(1, String(Math.abs(t)), t < 0);
        break;
      }
      case 'u':
        number(1, ((tm.wday - 1 + 7) % 7) + 1);
        break;
      case 'U':
        number(2, Math.trunc((tm.yday - tm.wday + 7) / 7));
        break;
      case 'V':
      case 'g':
      case 'G': {
        let y = year;
        let days = isoWeekDays(tm.yday, tm.wday);
        if (days < 0) {
          y = (y - 1) | 0; // C int arithmetic wraps
          days = isoWeekDays(tm.yday + (365 + (isLeap(y) ? 1 : 0)), tm.wday);
        } else {
          const d = isoWeekDays(tm.yday - (365 + (isLeap(y) ? 1 : 0)), tm.wday);
          if (d >= 0) {
            y = (y + 1) | 0;
            days = d;
          }
        }
        if (conv === 'g') number(2, ((y % 100) + 100) % 100);
        else if (conv === 'G') number(1, y);
        else number(2, Math.trunc(days / 7) + 1);
        break;
      }
      case 'W':
        number(2, Math.trunc((tm.yday - ((tm.wday - 1 + 7) % 7) + 7) / 7));
        break;
      case 'w':
        number(1, tm.wday);
        break;
      case 'Y':
        number(1, year);
        break;
      case 'y':
        number(2, ((tm.year % 100) + 100) % 100);
        break;
      case 'Z':
        if (swap) [upper, lower] = [false, true];
        add(standardZoneName());
        break;
      case 'z':
        add('+');
        number(4, 0);
        break;
      default:
        bad();
    }
  }
  return out;
}

// ---------------------------------------------------------------- glibc strptime (C locale)

interface PState {
  haveI: boolean;
  haveWday: boolean;
  haveYday: boolean;
  haveMon: boolean;
  haveMday: boolean;
  haveUweek: boolean;
  haveWweek: boolean;
  isPm: boolean;
  wantCentury: boolean;
  wantXday: boolean;
  wantEra: boolean;
  weekNo: number;
  century: number;
  /** glibc's locale-vs-C decision, which only the E and O modifiers change in the C locale. */
  decided: 'not' | 'loc' | 'raw';
}

/** glibc `__mon_yday`, both rows in one array: glibc's month search runs past the first row. */
const MON_YDAY = [
  0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365,
  0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366,
];

/** glibc `day_of_the_week`. */
function dayOfTheWeek(tm: Tm): number {
  const corrYear = 1900 + tm.year - (tm.mon < 2 ? 1 : 0);
  const q = Math.trunc(corrYear / 4);
  const wday =
    -473 + 365 * (tm.year - 70) + q - Math.trunc(q / 25) + (q % 25 < 0 ? 1 : 0) + Math.trunc(Math.trunc(q / 25) / 4) +
    MON_YDAY[tm.mon]! + tm.mday - 1;
  return ((wday % 7) + 7) % 7;
}

function monthFromYday(tm: Tm, st: PState): void {
  const row = isLeap(1900 + tm.year) ? 13 : 0;
  let m = 0;
  while ((MON_YDAY[row + m] ?? Infinity) <= tm.yday) m++;
  if (!st.haveMon) tm.mon = m - 1;
  if (!st.haveMday) tm.mday = tm.yday - MON_YDAY[row + m - 1]! + 1;
}

/** glibc `__strptime_internal` at top level: index where parsing stopped, or -1. */
function strptimeC(s: string, fmt: string, tm: Tm): number {
  const st: PState = {
    haveI: false, haveWday: false, haveYday: false, haveMon: false, haveMday: false, haveUweek: false,
    haveWweek: false, isPm: false, wantCentury: false, wantXday: false, wantEra: false, weekNo: 0, century: -1,
    decided: 'not',
  };
  const rp = parseFormat(s, 0, fmt, tm, st);
  if (rp < 0) return -1;
  if (st.haveI && st.isPm) tm.hour += 12;
  if (st.century !== -1) tm.year = st.wantCentury ? (tm.year % 100) + (st.century - 19) * 100 : (st.century - 19) * 100;
  else if (st.wantEra && st.wantCentury && tm.year < 69) tm.year += 100;
  if (st.wantXday && !st.haveWday) {
    if (!(st.haveMon && st.haveMday) && st.haveYday) {
      monthFromYday(tm, st);
      st.haveMon = st.haveMday = true;
    }
    if (st.haveMon || (tm.mon >= 0 && tm.mon <= 11)) tm.wday = dayOfTheWeek(tm);
  }
  if (st.wantXday && !st.haveYday && (st.haveMon || (tm.mon >= 0 && tm.mon <= 11))) {
    tm.yday = MON_YDAY[(isLeap(1900 + tm.year) ? 13 : 0) + tm.mon]! + tm.mday - 1;
  }
  if ((st.haveUweek || st.haveWweek) && st.haveWday) {
    const saveWday = tm.wday;
    const saveMday = tm.mday;
    const saveMon = tm.mon;
    const wOffset = st.haveUweek ? 0 : 1;
    tm.mday = 1;
    tm.mon = 0;
    tm.wday = dayOfTheWeek(tm);
    if (st.haveMday) tm.mday = saveMday;
    if (st.haveMon) tm.mon = saveMon;
    if (!st.haveYday) tm.yday = ((7 - (tm.wday - wOffset)) % 7) + (st.weekNo - 1) * 7 + ((saveWday - wOffset + 7) % 7);
    if (!st.haveMday || !st.haveMon) monthFromYday(tm, st);
    tm.wday = saveWday;
  }
  return rp;
}

/** Case-insensitive prefix match of `name` at `rp`: the index after it, or -1. */
function matchName(s: string, rp: number, name: string): number {
  return s.slice(rp, rp + name.length).toLowerCase() === name.toLowerCase() ? rp + name.length : -1;
}

/** The longest full or abbreviated name of `names` at `rp`: [index, end] or null. */
function matchNames(s: string, rp: number, names: readonly string[]): [number, number] | null {
  let best: [number, number] | null = null;
  names.forEach((n, i) => {
    for (const cand of [n, n.slice(0, 3)]) {
      const e = matchName(s, rp, cand);
      if (e > (best?.[1] ?? -1)) best = [i, e];
    }
  });
  return best;
}

/** Parse `fmt` from `s[rp]` into `tm` (glibc's recursive core): the end index, or -1. */
function parseFormat(s: string, rp: number, fmt: string, tm: Tm, st: PState): number {
  let val = 0;
  /** glibc `get_number`: skip spaces, read up to n digits while val*10 <= to, check the range. */
  const num = (from: number, to: number, n: number): boolean => {
    while (isSpace(s.charCodeAt(rp))) rp++;
    let c = s.charCodeAt(rp);
    if (!(c >= 48 && c <= 57)) return false;
    val = 0;
    do {
      val = val * 10 + c - 48;
      rp++;
      c = s.charCodeAt(rp);
    } while (--n > 0 && val * 10 <= to && c >= 48 && c <= 57);
    return val >= from && val <= to;
  };
  for (let i = 0; i < fmt.length; i++) {
    const fc = fmt.charCodeAt(i);
    if (isSpace(fc)) {
      while (isSpace(s.charCodeAt(rp))) rp++;
      continue;
    }
    if (fmt[i] !== '%') {
      if (s[rp] !== fmt[i]) return -1;
      rp++;
      continue;
    }
    i++;
    while ('-_0^#'.includes(fmt[i] ?? 'x')) i++;
    while (fmt[i] !== undefined && fmt[i]! >= '0' && fmt[i]! <= '9') i++;
    let conv = fmt[i];
    let mod = '';
    if (conv === 'E' || conv === 'O') {
      mod = conv;
      conv = fmt[++i];
      if (mod === 'E' ? !'cCyYxX'.includes(conv ?? 'x') : !'bBhdeHImMSUWVwy'.includes(conv ?? 'x')) return -1;
      // The C locale has no eras or alternative digits; what is left is glibc's state dance:
      // %O numbers make it decide "locale" (after which %O numbers and %EC/%Ey/%EY fail), and
      // %Ey first reads up to 4 digits as an era year, then the year within the century again.
      if (st.decided !== 'raw') {
        if (mod === 'O' && !'bBh'.includes(conv!)) {
          if (st.decided === 'loc') return -1;
          st.decided = 'loc';
        } else if (mod === 'E' && 'CyY'.includes(conv!)) {
          if (conv === 'y') {
            if (!num(0, 9999, 4)) return -1;
            tm.year = val;
            st.wantEra = st.wantXday = st.wantCentury = true;
          }
          if (st.decided === 'loc') return -1;
          st.decided = 'raw';
        }
      }
    }
    switch (conv) {
      case '%':
        if (s[rp] !== '%') return -1;
        rp++;
        break;
      case 'a':
      case 'A': {
        const m = matchNames(s, rp, DAYS);
        if (m === null) return -1;
        [tm.wday, rp] = m;
        st.haveWday = true;
        break;
      }
      case 'b':
      case 'B':
      case 'h': {
        const m = matchNames(s, rp, MONTHS);
        if (m === null) return -1;
        [tm.mon, rp] = m;
        st.haveMon = st.wantXday = true;
        break;
      }
      case 'c':
      case 'D':
      case 'x':
      case 'F':
      case 'R':
      case 'r':
      case 'T':
      case 'X':
        rp = parseFormat(s, rp, SUBFORMATS[conv]!, tm, st);
        if (rp < 0) return -1;
        if (conv === 'c' || conv === 'D' || conv === 'x' || conv === 'F') st.wantXday = true;
        break;
      case 'C':
        if (!num(0, 99, 2)) return -1;
        st.century = val;
        st.wantXday = true;
        break;
      case 'd':
      case 'e':
        if (!num(1, 31, 2)) return -1;
        tm.mday = val;
        st.haveMday = st.wantXday = true;
        break;
      case 'k':
      case 'H':
        if (!num(0, 23, 2)) return -1;
        tm.hour = val;
        st.haveI = false;
        break;
      case 'l':
      case 'I':
        if (!num(1, 12, 2)) return -1;
        tm.hour = val % 12;
        st.haveI = true;
        break;
      case 'j':
        if (!num(1, 366, 3)) return -1;
        tm.yday = val - 1;
        st.haveYday = true;
        break;
      case 'm':
        if (!num(1, 12, 2)) return -1;
        tm.mon = val - 1;
        st.haveMon = st.wantXday = true;
        break;
      case 'M':
        if (!num(0, 59, 2)) return -1;
        tm.min = val;
        break;
      case 'n':
      case 't':
        while (isSpace(s.charCodeAt(rp))) rp++;
        break;
      case 'p': {
        const am = matchName(s, rp, 'AM');
        const pm = am < 0 ? matchName(s, rp, 'PM') : -1;
        if (am < 0 && pm < 0) return -1;
        st.isPm = am < 0;
        rp = am < 0 ? pm : am;
        break;
      }
      case 's': {
        let c = s.charCodeAt(rp);
        if (!(c >= 48 && c <= 57)) return -1;
        let secs = 0;
        do {
          secs = secs * 10 + c - 48;
          c = s.charCodeAt(++rp);
        } while (c >= 48 && c <= 57);
        const t = utcFields(secs + offsetAt(secs));
        if (t === null) return -1;
        Object.assign(tm, t);
        break;
      }
      case 'S':
        if (!num(0, 61, 2)) return -1;
        tm.sec = val;
        break;
      case 'u':
        if (!num(1, 7, 1)) return -1;
        tm.wday = val % 7;
        st.haveWday = true;
        break;
      case 'g':
        if (!num(0, 99, 2)) return -1;
        break;
      case 'G': {
        let c = s.charCodeAt(rp);
        if (!(c >= 48 && c <= 57)) return -1;
        do c = s.charCodeAt(++rp);
        while (c >= 48 && c <= 57);
        break;
      }
      case 'U':
      case 'W':
        if (!num(0, 53, 2)) return -1;
        st.weekNo = val;
        if (conv === 'U') st.haveUweek = true;
        else st.haveWweek = true;
        break;
      case 'V':
        if (!num(0, 53, 2)) return -1;
        break;
      case 'w':
        if (!num(0, 6, 1)) return -1;
        tm.wday = val;
        st.haveWday = true;
        break;
      case 'y':
        if (!num(0, 99, 2)) return -1;
        tm.year = val >= 69 ? val : val + 100;
        if (mod !== 'O') st.wantCentury = true;
        st.wantXday = true;
        break;
      case 'Y':
        if (!num(0, 9999, 4)) return -1;
        tm.year = val - 1900;
        st.wantCentury = false;
        st.wantXday = true;
        break;
      case 'Z':
        while (isSpace(s.charCodeAt(rp))) rp++;
        while (rp < s.length && !isSpace(s.charCodeAt(rp))) rp++;
        break;
      case 'z': {
        while (isSpace(s.charCodeAt(rp))) rp++;
        if (s[rp] === 'Z') {
          rp++;
          break;
        }
        if (s[rp] !== '+' && s[rp] !== '-') return -1;
        rp++;
        let n = 0;
        let v = 0;
        while (n < 4 && s.charCodeAt(rp) >= 48 && s.charCodeAt(rp) <= 57) {
          v = v * 10 + s.charCodeAt(rp++) - 48;
          n++;
          if (s[rp] === ':' && n === 2 && s.charCodeAt(rp + 1) >= 48 && s.charCodeAt(rp + 1) <= 57) rp++;
        }
        if (n === 2) v *= 100;
        else if (n !== 4 || v % 100 >= 60) return -1;
        break; // tm_gmtoff: jq ignores it
      }
      default:
        return -1;
    }
  }
  return rp;
}
