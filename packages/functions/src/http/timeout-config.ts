/** Reads a call timeout from configuration: the first configured key wins, else the invoker's default. */
import { parseDuration, type ConfigSource, type Logger } from '@sluice/engine';

/** The default timeout for one HTTP call when nothing is configured: 30 s. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** Config key that sets the timeout for every HTTP function call (ms, or an ISO-8601 duration). */
export const TIMEOUT_CONFIG_KEY = 'sluice.functions.timeout';

/**
 * The timeout in ms from the first of `keys` that has a value: a positive integer (ms, as Quarkus'
 * `read-timeout` takes it) or an ISO-8601 duration (`PT10S`). An unreadable value is skipped with a
 * warning on `log` (naming the key, never echoing other config), and `fallbackMs` applies if none fits.
 *
 * @example resolveTimeoutMs(config, ['quarkus.rest-client.x.read-timeout', TIMEOUT_CONFIG_KEY], 30000, log)
 */
export function resolveTimeoutMs(config: ConfigSource, keys: readonly string[], fallbackMs: number, log: Logger): number {
  for (const key of keys) {
    const raw = config.get(key);
    if (raw === undefined || raw.trim() === '') continue;
    const ms = parseTimeout(raw);
    if (ms !== undefined) return ms;
    log.log('warn', `ignoring ${key}: not a positive number of milliseconds or an ISO-8601 duration`, { key });
  }
  return fallbackMs;
}

function parseTimeout(raw: string): number | undefined {
  const text = raw.trim();
  const ms = /^\d+$/.test(text) ? Number(text) : parseDuration(text);
  return ms !== undefined && ms > 0 && Number.isSafeInteger(ms) ? ms : undefined;
}
