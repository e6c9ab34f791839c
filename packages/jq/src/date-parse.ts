/**
 * `strptime` parsing as jq 1.6 (on glibc, C locale) does it: a scanner that reads the
 * directives into a {@link Tm} and notes what it saw, then {@link complete}, which fills in the
 * fields the input implied (12-hour clock, century, day of week and year, week numbers).
 * @module
 */
import {
  COMPOSITES,
  DAY_NAMES,
  MONTH_NAMES,
  daysFromCivil,
  isLeap,
  isSpace,
  offsetAt,
  utcFields,
  weekdayOf,
  type Tm,
} from './broken-down-time.js';

/** What the scanner saw besides the fields themselves. */
interface Seen {
  /** `%I`/`%l` (cleared by a later `%H`/`%k`) and `%p` PM */
  twelveHour: boolean;
  pm: boolean;
  weekday: boolean;
  yearDay: boolean;
  month: boolean;
  monthDay: boolean;
  /** the week number of `%U` or `%W`, and which of them */
  week: { no: number; firstDay: 0 | 1 } | null;
  /** `%C`, or -1 */
  century: number;
  /** the year came from a two-digit `%y` (a `%C` then sets only its century) */
  twoDigitYear: boolean;
  /** a date directive appeared: the day of week and year are then computed */
  dateGiven: boolean;
  /**
   * The C locale has no eras and no alternative digits; jq 1.6 still commits to one of them on
   * the first `%O` number (then a second one, or `%EC %Ey %EY`, fails) or the first
   * `%EC %Ey %EY` (then all modifiers are ignored).
   */
  alternative: 'undecided' | 'digits' | 'era';
}

/** The 0-based day of the year at which each month starts, common and leap years (13 each). */
const MONTH_STARTS = [
  0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365,
  0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366,
];

/** The first day of month `mon` as a day of the year (jq 1.6's month 24: see {@link monthOf}). */
function monthStart(year: number, mon: number): number {
  return mon === 24 ? 335 : daysFromCivil(year, mon + 1, 1) - daysFromCivil(year, 1, 1);
}

/**
 * Month and day of a day of the year, as jq 1.6 reports them also outside the year: before
 * day 0 the month is -1 (days counted from 0 in a common year, from 365 in a leap year); after
 * the end of a common year the months go on as a leap year's (12 to 24), then 25.
 */
function monthOf(year: number, yday: number): [number, number] {
  const base = isLeap(year) ? 13 : 0;
  let mon = -1;
  while (base + mon + 1 < MONTH_STARTS.length && MONTH_STARTS[base + mon + 1]! <= yday) mon++;
  const start = mon >= 0 ? MONTH_STARTS[base + mon]! : base === 0 ? 0 : 365;
  return [mon, yday - start + 1];
}

/** Case-insensitive match of a full or three-letter name at `pos`: [index, end], longest wins. */
function matchName(s: string, pos: number, names: string[]): [number, number] | null {
  let found: [number, number] | null = null;
  names.forEach((full, index) => {
    for (const name of [full, full.slice(0, 3)]) {
      const end = pos + name.length;
      if (s.slice(pos, end).toLowerCase() === name.toLowerCase() && end > (found?.[1] ?? -1)) found = [index, end];
    }
  });
  return found;
}

const isDigit = (s: string, pos: number): boolean => s[pos] !== undefined && s[pos]! >= '0' && s[pos]! <= '9';

/** Scans `s` from `pos` against `fmt`, writing into `tm` and `seen`: the end position or -1. */
function scan(s: string, pos: number, fmt: string, tm: Tm, seen: Seen): number {
  const skipSpace = (): void => {
    while (isSpace(s.charCodeAt(pos))) pos++;
  };
  /** After blanks, a number of at most `maxDigits` digits (fewer if more would pass `hi`). */
  const number = (lo: number, hi: number, maxDigits: number): number | null => {
    skipSpace();
    if (!isDigit(s, pos)) return null;
    let value = 0;
    for (let n = 0; n < maxDigits && isDigit(s, pos) && (n === 0 || value * 10 <= hi); n++) {
      value = value * 10 + Number(s[pos++]);
    }
    return value >= lo && value <= hi ? value : null;
  };
  const digitRun = (): string => {
    const start = pos;
    while (isDigit(s, pos)) pos++;
    return s.slice(start, pos);
  };

  for (let i = 0; i < fmt.length; i++) {
    const f = fmt[i]!;
    if (isSpace(f.charCodeAt(0))) {
      skipSpace();
      continue;
    }
    if (f !== '%') {
      if (s[pos++] !== f) return -1;
      continue;
    }
    const m = /^%[-_0^#]*\d*([EO]?)([\s\S]?)/.exec(fmt.slice(i))!;
    i += m[0].length - 1;
    const modifier = m[1]!;
    const conv = m[2]!;
    if (modifier !== '') {
      if (!(modifier === 'E' ? 'cCyYxX' : 'bBhdeHImMSUWVwy').includes(conv) || conv === '') return -1;
      if (seen.alternative !== 'era') {
        if (modifier === 'O' && !'bBh'.includes(conv)) {
          if (seen.alternative === 'digits') return -1;
          seen.alternative = 'digits';
        } else if (modifier === 'E' && 'CyY'.includes(conv)) {
          if (conv === 'y') {
            // an era year of up to 4 digits, then the plain %y below
            const era = number(0, 9999, 4);
            if (era === null) return -1;
            tm.year = era;
            seen.dateGiven = seen.twoDigitYear = true;
          }
          if (seen.alternative === 'digits') return -1;
          seen.alternative = 'era';
        }
      }
    }
    let v: number | null = 0;
    switch (conv) {
      case '%':
        if (s[pos++] !== '%') return -1;
        break;
      case 'a':
      case 'A':
      case 'b':
      case 'B':
      case 'h': {
        const day = conv === 'a' || conv === 'A';
        const found = matchName(s, pos, day ? DAY_NAMES : MONTH_NAMES);
        if (found === null) return -1;
        pos = found[1];
        if (day) [tm.wday, seen.weekday] = [found[0], true];
        else [tm.mon, seen.month, seen.dateGiven] = [found[0], true, true];
        break;
      }
      case 'n':
      case 't':
        skipSpace();
        break;
      case 'C':
        if ((v = number(0, 99, 2)) === null) return -1;
        [seen.century, seen.dateGiven] = [v, true];
        break;
      case 'y':
        if ((v = number(0, 99, 2)) === null) return -1;
        tm.year = v < 69 ? v + 100 : v; // 69-99: 1969-1999, 00-68: 2000-2068
        seen.dateGiven = true;
        if (modifier !== 'O') seen.twoDigitYear = true;
        break;
      case 'Y':
        if ((v = number(0, 9999, 4)) === null) return -1;
        tm.year = v - 1900;
        [seen.twoDigitYear, seen.dateGiven] = [false, true];
        break;
      case 'm':
        if ((v = number(1, 12, 2)) === null) return -1;
        [tm.mon, seen.month, seen.dateGiven] = [v - 1, true, true];
        break;
      case 'd':
      case 'e':
        if ((v = number(1, 31, 2)) === null) return -1;
        [tm.mday, seen.monthDay, seen.dateGiven] = [v, true, true];
        break;
      case 'j':
        if ((v = number(1, 366, 3)) === null) return -1;
        [tm.yday, seen.yearDay] = [v - 1, true];
        break;
      case 'H':
      case 'k':
        if ((v = number(0, 23, 2)) === null) return -1;
        [tm.hour, seen.twelveHour] = [v, false];
        break;
      case 'I':
      case 'l':
        if ((v = number(1, 12, 2)) === null) return -1;
        [tm.hour, seen.twelveHour] = [v % 12, true];
        break;
      case 'M':
        if ((v = number(0, 59, 2)) === null) return -1;
        tm.min = v;
        break;
      case 'S':
        if ((v = number(0, 61, 2)) === null) return -1; // leap seconds allowed
        tm.sec = v;
        break;
      case 'p': {
        const word = s.slice(pos, pos + 2).toUpperCase();
        if (word !== 'AM' && word !== 'PM') return -1;
        [seen.pm, pos] = [word === 'PM', pos + 2];
        break;
      }
      case 'w':
      case 'u':
        if ((v = conv === 'w' ? number(0, 6, 1) : number(1, 7, 1)) === null) return -1;
        [tm.wday, seen.weekday] = [v % 7, true];
        break;
      case 'U':
      case 'W':
        if ((v = number(0, 53, 2)) === null) return -1;
        seen.week = { no: v, firstDay: conv === 'U' ? 0 : 1 };
        break;
      case 'V': // ISO week and week-based year: checked, not used
      case 'g':
        if (number(0, conv === 'V' ? 53 : 99, 2) === null) return -1;
        break;
      case 'G':
        if (digitRun() === '') return -1;
        break;
      case 's': {
        const digits = digitRun();
        const local = digits === '' ? null : utcFields(Number(digits) + offsetAt(Number(digits)));
        if (local === null) return -1;
        Object.assign(tm, local);
        break;
      }
      case 'Z': // a zone name: skipped
        skipSpace();
        while (pos < s.length && !isSpace(s.charCodeAt(pos))) pos++;
        break;
      case 'z': {
        // Z, or ±hh, ±hhmm, ±hh:mm (checked; jq has nowhere to keep the offset)
        skipSpace();
        if (s[pos] === 'Z') {
          pos++;
          break;
        }
        if (s[pos] !== '+' && s[pos] !== '-') return -1;
        pos++;
        let digits = '';
        while (digits.length < 4 && isDigit(s, pos)) {
          digits += s[pos++];
          if (digits.length === 2 && s[pos] === ':' && isDigit(s, pos + 1)) pos++;
        }
        if (digits.length !== 2 && (digits.length !== 4 || Number(digits.slice(2)) >= 60)) return -1;
        break;
      }
      default: {
        const composite = COMPOSITES[conv];
        if (composite === undefined || (pos = scan(s, pos, composite, tm, seen)) < 0) return -1;
      }
    }
  }
  return pos;
}

/** Fills in what the parsed directives imply, the way jq 1.6 reports it. */
function complete(tm: Tm, seen: Seen): void {
  if (seen.twelveHour && seen.pm) tm.hour += 12;
  if (seen.century !== -1) tm.year = (seen.twoDigitYear ? tm.year % 100 : 0) + (seen.century - 19) * 100;
  const year = tm.year + 1900;
  if (seen.dateGiven && !seen.weekday) {
    if (seen.yearDay && !(seen.month && seen.monthDay)) {
      const [mon, mday] = monthOf(year, tm.yday);
      if (!seen.month) tm.mon = mon;
      if (!seen.monthDay) tm.mday = mday;
      seen.month = seen.monthDay = true;
    }
    tm.wday = weekdayOf(year, monthStart(year, tm.mon) + tm.mday - 1);
  }
  if (seen.dateGiven && !seen.yearDay) tm.yday = monthStart(year, tm.mon) + tm.mday - 1;
  if (seen.week !== null && seen.weekday) {
    // Week 1 starts on the year's first Sunday (%U) or Monday (%W); week 0 is the days before.
    const { no, firstDay } = seen.week;
    const firstWeekStart = (7 - (weekdayOf(year, 0) - firstDay)) % 7;
    if (!seen.yearDay) tm.yday = firstWeekStart + (no - 1) * 7 + ((tm.wday - firstDay + 7) % 7);
    const [mon, mday] = monthOf(year, tm.yday);
    if (!seen.month) tm.mon = mon;
    if (!seen.monthDay) tm.mday = mday;
  }
}

/**
 * `strptime` of `s` with `fmt` into `tm` (whose fields start as jq 1.6 sets them): the index
 * where the input was left, or -1 when it does not match.
 */
export function parseTm(s: string, fmt: string, tm: Tm): number {
  const seen: Seen = {
    twelveHour: false, pm: false, weekday: false, yearDay: false, month: false, monthDay: false,
    week: null, century: -1, twoDigitYear: false, dateGiven: false, alternative: 'undecided',
  };
  const end = scan(s, 0, fmt, tm, seen);
  if (end >= 0) complete(tm, seen);
  return end;
}
