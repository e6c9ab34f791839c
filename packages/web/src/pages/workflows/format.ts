/** Dates and durations as the workflow pages show them. */

/** "12 Mar 2026, 14:05" in the browser's locale. */
export function formatDateTime(value: string | number | undefined): string {
  if (value === undefined) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "3 min ago", "2 days ago", "just now". */
export function formatAgo(value: string | number | undefined, now = Date.now()): string {
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

/** How long a run took, or has been going. */
export function runDuration(start: string | undefined, end: string | undefined, humanized: string | undefined, now = Date.now()): string {
  if (humanized) return humanized;
  if (!start) return '—';
  const ms = (end ? new Date(end).getTime() : now) - new Date(start).getTime();
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  const text = s < 60 ? `${s} s` : s < 3600 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return end ? text : `${text} so far`;
}
