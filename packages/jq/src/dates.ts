/**
 * jq 1.6's date builtins: gmtime, localtime, mktime, strftime, strflocaltime, strptime,
 * todateiso8601 and fromdateiso8601, with C-locale formatting and parsing and jq's errors.
 * Broken-down times and the host zone are in broken-down-time.ts, the `strftime` conversions in
 * date-format.ts and the `strptime` ones in date-parse.ts.
 * @module
 */
import type { Json } from './ast.js';
import { formatTm } from './date-format.js';
import { parseTm } from './date-parse.js';
import {
  daysFromCivil,
  isSpace,
  jsonToTm,
  mktimeRaw,
  offsetAt,
  tmToJson,
  toTimeT,
  utcFields,
  type Tm,
} from './broken-down-time.js';
import { JqError } from './errors.js';
import { utf8ByteLength } from './value.js';

/**
 * jq 1.6's "broken down time": `[year, month (0-11), day of month, hours, minutes, seconds,
 * day of week (0 = Sunday), day of year (0-365)]` — the full year, not year-1900.
 */
export type BrokenDownTime = number[];

const ISO8601 = '%Y-%m-%dT%H:%M:%SZ';

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
  const out = formatTm(tm, f);
  // jq gives strftime a buffer of strlen(fmt) + 100 bytes and treats an empty result as failure.
  if (out === '' || utf8ByteLength(out) >= utf8ByteLength(f) + 100) throw new JqError(`${name}/1: unknown system failure`);
  return out;
}

/**
 * `strftime(fmt)`: format a broken-down time, or seconds since the epoch (through `gmtime`),
 * as jq 1.6 does in the C locale: all conversions, the `_ - 0 ^ #` flags, field widths
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
 * `strptime(fmt)`: parse a string as jq 1.6 does in the C locale (every conversion of
 * {@link strftime}: names match case-insensitively, `%z` and `%Z` are read and ignored, `%s` gives
 * local time, missing day of week and day of year are computed). Returns the broken-down time;
 * if the text goes on after the format with a whitespace character, the rest is appended as a
 * 9th element (`"2015-03-05 x" | strptime("%Y-%m-%d")` gives `[2015,2,5,0,0,0,4,63," x"]`).
 * Fields not parsed stay 0 (so the year is 1900), and without a date directive the day of week
 * and year stay jq's sentinels 8 and 367. Errors: `strptime/1 requires string inputs and arguments`,
 * `date "x" does not match format "%Y"`.
 */
export function strptime(v: Json, fmt: Json): Json[] {
  if (typeof v !== 'string' || typeof fmt !== 'string') throw new JqError('strptime/1 requires string inputs and arguments');
  const input = cString(v);
  const f = cString(fmt);
  const tm: Tm = { year: 0, mon: 0, mday: 0, hour: 0, min: 0, sec: 0, wday: 8, yday: 367 };
  const end = parseTm(input, f, tm);
  if (end < 0 || (end < input.length && !isSpace(input.charCodeAt(end)))) {
    throw new JqError(`date "${input}" does not match format "${f}"`);
  }
  // jq 1.6 takes a day of year of 367 for "not set" and then counts it from the month and day,
  // also when the week-number arithmetic really gave 367 ("2015 52 0 2", "%Y %W %w %m").
  if (tm.yday === 367 && tm.mday !== 0 && tm.mon >= 0 && tm.mon <= 11) {
    const year = tm.year + 1900;
    tm.yday = daysFromCivil(year, tm.mon + 1, tm.mday) - daysFromCivil(year, 1, 1);
  }
  const out: Json[] = tmToJson(tm);
  if (end < input.length) out.push(input.slice(end));
  return out;
}
