/** Times and durations as the run pages show them: local date-times, "1 min 20 s", "150 ms". */

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

function toDate(t: number | string): Date {
  return new Date(t);
}

/** Date and time, e.g. "12 Mar 2026, 14:03:07" (the browser's locale). */
export function formatDateTime(t: number | string | undefined): string {
  if (t === undefined) return '—';
  const d = toDate(t);
  return Number.isNaN(d.getTime()) ? String(t) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** Time of day with seconds, e.g. "14:03:07". */
export function formatTime(t: number | string): string {
  const d = toDate(t);
  return Number.isNaN(d.getTime()) ? String(t) : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** How long a run took (or has been running, measured to `now`); undefined without a start. */
export function runDurationMs(run: { start?: string; end?: string }, now: number): number | undefined {
  if (!run.start) return undefined;
  const start = Date.parse(run.start);
  const end = run.end ? Date.parse(run.end) : now;
  return Number.isNaN(start) || Number.isNaN(end) ? undefined : end - start;
}
