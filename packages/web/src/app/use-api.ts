/**
 * Data loading for pages: `useApi` loads once per key and can poll; every page shows its own
 * loading, error and empty states from what this returns.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
  /** Loads again now (keeps the current data while loading). */
  readonly reload: () => void;
}

/**
 * Runs `load` when `key` changes, and every `pollMs` while `pollMs` is set and the tab is visible.
 * A null key loads nothing.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, opts: { pollMs?: number } = {}): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(key !== null);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef(key);

  useEffect(() => {
    if (key === null) return;
    if (lastKey.current !== key) {
      lastKey.current = key;
      setData(undefined);
    }
    const ctl = new AbortController();
    setLoading(true);
    loadRef
      .current(ctl.signal)
      .then((d) => {
        if (ctl.signal.aborted) return;
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
      })
      .finally(() => {
        if (!ctl.signal.aborted) setLoading(false);
      });
    return () => ctl.abort();
  }, [key, tick]);

  const pollMs = opts.pollMs;
  useEffect(() => {
    if (key === null || !pollMs) return;
    const id = setInterval(() => {
      if (document.visibilityState !== 'hidden') setTick((t) => t + 1);
    }, pollMs);
    return () => clearInterval(id);
  }, [key, pollMs]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}
