/**
 * A point in time as people read it: "5 minutes ago" (or the date when older than a week), with the
 * exact local time in the tooltip and a machine-readable `<time>` element.
 */
import { Tooltip } from '@mui/material';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "just now", or the local date for anything older than a week (or in the future). */
export function relativeTime(iso: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const ago = now - at;
  if (ago < -60_000 || ago > 7 * 86_400_000) return new Date(at).toLocaleDateString();
  if (ago < 60_000) return 'just now';
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  const [unit, ms] = UNITS.find(([, ms]) => ago >= ms)!;
  return rtf.format(-Math.floor(ago / ms), unit);
}

export function Timestamp({ iso }: { iso: string }) {
  const exact = Number.isNaN(Date.parse(iso)) ? iso : new Date(iso).toLocaleString();
  return (
    <Tooltip title={exact}>
      <time dateTime={iso}>{relativeTime(iso)}</time>
    </Tooltip>
  );
}
