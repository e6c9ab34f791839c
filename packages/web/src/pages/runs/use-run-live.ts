/**
 * A run followed live: its ProcessInstanceDTO and its whole history, read again every second while
 * it runs (history only from the last entry seen: `?after=`), every 5 s while suspended, and not at
 * all once it has ended. `refresh()` starts following again (after an abort or a retrigger).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { ProcessInstanceDTO, RunHistoryEntry, RunHistoryPage } from '../../api/types';
import { isRunEnded } from '../../components/status/run-status';

export interface LiveRun {
  readonly run: ProcessInstanceDTO | undefined;
  readonly history: readonly RunHistoryEntry[];
  /** The run's input, when the server sends it (first history page). */
  readonly input: unknown;
  readonly error: Error | undefined;
  readonly loading: boolean;
  /** True while polling. */
  readonly following: boolean;
  readonly refresh: () => void;
}

const FAST_MS = 1000;
const SLOW_MS = 5000;
/** The server's history page size: a shorter page is the last one. */
const HISTORY_PAGE = 1000;

function delayFor(run: ProcessInstanceDTO): number | undefined {
  if (isRunEnded(run.state)) return undefined;
  return run.state === 'SUSPENDED' ? SLOW_MS : FAST_MS;
}

export function useRunLive(instanceId: string): LiveRun {
  const [run, setRun] = useState<ProcessInstanceDTO>();
  const [history, setHistory] = useState<readonly RunHistoryEntry[]>([]);
  const [input, setInput] = useState<unknown>();
  const [error, setError] = useState<Error>();
  const [following, setFollowing] = useState(true);
  const [generation, setGeneration] = useState(0);
  const last = useRef(0);
  const base = `/api/orchestrator/v2/workflows/instances/${encodeURIComponent(instanceId)}`;
  const historyPath = `/api/sluice/instances/${encodeURIComponent(instanceId)}/history`;

  // A new run: forget the old one.
  useEffect(() => {
    last.current = 0;
    setRun(undefined);
    setHistory([]);
    setInput(undefined);
    setError(undefined);
  }, [instanceId]);

  useEffect(() => {
    const ctl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    setFollowing(true);
    const once = async (): Promise<void> => {
      if (document.visibilityState === 'hidden') {
        timer = setTimeout(() => void once(), FAST_MS);
        return;
      }
      try {
        // The run first, then its history: history is committed before the status changes, so a
        // run seen as ended has its last entries in the history read after it.
        const dto = await api<ProcessInstanceDTO>(base, { signal: ctl.signal });
        const fresh: RunHistoryEntry[] = [];
        let cursor = last.current;
        for (;;) {
          const page = await api<RunHistoryPage & { input?: unknown }>(`${historyPath}?after=${cursor}`, { signal: ctl.signal });
          if (ctl.signal.aborted) return;
          if (cursor === 0 && page.input !== undefined) setInput(page.input);
          const next = page.entries.filter((e) => e.seq > cursor);
          fresh.push(...next);
          if (next.length > 0) cursor = Math.max(cursor, page.last);
          if (next.length === 0 || page.entries.length < HISTORY_PAGE) break;
        }
        if (ctl.signal.aborted) return;
        last.current = cursor;
        setRun(dto);
        if (fresh.length > 0) setHistory((h) => [...h, ...fresh]);
        setError(undefined);
        const delay = delayFor(dto);
        if (delay === undefined) setFollowing(false);
        else timer = setTimeout(() => void once(), delay);
      } catch (e) {
        if (ctl.signal.aborted) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        // Keep trying while the run may still change (a network blip); not when the run is gone or hidden.
        const status = (e as { status?: number }).status;
        if (status === 403 || status === 404 || status === 401) setFollowing(false);
        else timer = setTimeout(() => void once(), SLOW_MS);
      }
    };
    void once();
    return () => {
      ctl.abort();
      if (timer) clearTimeout(timer);
    };
  }, [base, historyPath, generation]);

  const refresh = useCallback(() => setGeneration((g) => g + 1), []);
  return { run, history, input, error, loading: run === undefined && error === undefined, following, refresh };
}
