/**
 * A duration in words, as the upstream backend shows a run's duration (moment's `humanize()` with its
 * default thresholds): "a few seconds", "a minute", "3 minutes", "an hour", "5 hours", "a day",
 * "12 days", "a month", "4 months", "a year", "2 years".
 */

const DAYS_PER_MONTH = 365.2425 / 12;

export function humanizeDuration(ms: number): string {
  const abs = Math.abs(ms);
  const seconds = Math.round(abs / 1000);
  const minutes = Math.round(abs / 60_000);
  const hours = Math.round(abs / 3_600_000);
  const days = Math.round(abs / 86_400_000);
  const months = Math.round(abs / 86_400_000 / DAYS_PER_MONTH);
  const years = Math.round(abs / 86_400_000 / 365.2425);
  if (seconds < 45) return 'a few seconds';
  if (minutes <= 1) return 'a minute';
  if (minutes < 45) return `${minutes} minutes`;
  if (hours <= 1) return 'an hour';
  if (hours < 22) return `${hours} hours`;
  if (days <= 1) return 'a day';
  if (days < 26) return `${days} days`;
  if (months <= 1) return 'a month';
  if (months < 11) return `${months} months`;
  if (years <= 1) return 'a year';
  return `${years} years`;
}
