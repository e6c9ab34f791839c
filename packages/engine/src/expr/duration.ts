/** ISO-8601 durations as the spec uses them (`PT60S`, `P1DT2H`, `PT0.5S`). Months and years are rejected, as in SonataFlow. */

const ISO = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO-8601 duration into milliseconds (days are 24 h). Returns `undefined` for anything
 * else, including month/year forms (`P2M`, `P1Y`) whose length depends on the calendar.
 *
 * @example parseDuration('PT60S') === 60000
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim().toUpperCase();
  if (t === 'P' || t.endsWith('T')) return undefined;
  const m = ISO.exec(t);
  if (!m) return undefined;
  const [, w, d, h, min, s] = m;
  const n = (x: string | undefined): number => (x === undefined ? 0 : Number(x));
  const ms = (((n(w) * 7 + n(d)) * 24 + n(h)) * 60 + n(min)) * 60_000 + n(s) * 1000;
  return Math.round(ms);
}

/** Formats milliseconds as an ISO-8601 duration (`PT1M30S`), for messages. */
export function formatDuration(ms: number): string {
  if (ms === 0) return 'PT0S';
  let rest = ms;
  const d = Math.floor(rest / 86_400_000);
  rest -= d * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = rest / 1000;
  let out = 'P';
  if (d) out += `${d}D`;
  if (h || m || s) out += 'T';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (s) out += `${s}S`;
  return out;
}
