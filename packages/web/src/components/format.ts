/**
 * Dates, times and durations as the portal shows them, in the browser's locale: date-times
 * ("12 Mar 2026, 14:03:07"), times of day, how long ago ("3 min ago", "5 minutes ago") and
 * durations ("1 min 20 s", "150 ms"). A value that is not a date is shown as it is.
 */

type Instant = number | string;

const DAY_MS = 86_400_000;

/**
 * Date and time: "12 Mar 2026, 14:03:07", or "12 Mar 2026, 14:03" with `time: 'short'` (the
 * workflow pages); "—" without a value.
 */
export function formatDateTime(t: Instant | undefined, time: 'medium' | 'short' = 'medium'): string {
  if (t === undefined) return '—';
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: time });
}

/** The browser's default local date and time ("3/12/2026, 2:03:07 PM"), or undefined when `iso` is not a date. */
export function localDateTime(iso: string): string | undefined {
  return Number.isNaN(Date.parse(iso)) ? undefined : new Date(iso).toLocaleString();
}

/** Time of day with seconds, e.g. "14:03:07". */
export function formatTime(t: Instant): string {
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Short words for how long ago, as the workflow pages show it: "just now", "3 min ago", "2 h ago", "2 days ago". */
export function formatAgo(value: Instant | undefined, now = Date.now()): string {
  if (value === undefined) return '';
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) return '';
  const s = Math.round((now - t) / 1000);
  if (s < 45) return 'just now';
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 86400 * 30) return plural(Math.round(s / 86400), 'day');
  if (s < 86400 * 365) return plural(Math.round(s / (86400 * 30)), 'month');
  return plural(Math.round(s / (86400 * 365)), 'year');
}

const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', DAY_MS],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How long ago in the locale's words ("3 hours ago", "yesterday", "just now"), or the local date
 * for anything older than a week (or in the future): notifications, approvals and tasks.
 */
export function relativeTime(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const ago = now - at;
  if (ago < -60_000 || ago > 7 * DAY_MS) return new Date(at).toLocaleDateString();
  if (ago < 60_000) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const [unit, ms] = RELATIVE_UNITS.find(([, ms]) => ago >= ms)!;
  return rtf.format(-Math.floor(ago / ms), unit);
}

/** A duration in short words: "150 ms", "2.5 s", "42 s", "1 min 20 s", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms: number): string {
  const v = Math.max(0, Math.round(ms));
  if (v < 1000) return `${v} ms`;
  if (v < 10_000) return `${(Math.floor(v / 100) / 10).toFixed(1)} s`;
  const s = Math.floor(v / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** How long a run took (or has been running, measured to `now`); undefined without a start. */
export function runDurationMs(run: { start?: string; end?: string }, now: number): number | undefined {
  if (!run.start) return undefined;
  const start = Date.parse(run.start);
  const end = run.end ? Date.parse(run.end) : now;
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : end - start;
}

/**
 * How long a run took as the workflow pages show it: the server's words for an ended run
 * (`duration`), else whole seconds, minutes and hours ("1 min 5 s so far" while it runs).
 */
export function runDurationText(run: { start?: string; end?: string; duration?: string }, now = Date.now()): string {
  if (run.duration) return run.duration;
  const ms = runDurationMs(run, now);
  if (ms === undefined || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  const text = s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return run.end ? text : `${text} so far`;
}
