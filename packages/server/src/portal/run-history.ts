/**
 * A run's history as the portal's timeline reads it: every transition, call, retry, timer, event and
 * error in commit order, with ISO times. Call arguments and results are kept as the engine recorded
 * them (secrets are already masked there; credentials are never recorded). The first page also
 * carries the run's input (what `inputSchema?instanceId=` gives back, unfiltered).
 */
import type { Json, StoredHistoryEntry } from '@sluice/engine';

export interface RunHistoryEntry {
  readonly seq: number;
  readonly at: string;
  readonly type: StoredHistoryEntry['type'];
  readonly state?: string;
  readonly thread?: string;
  readonly action?: string;
  readonly data?: Json;
}

export interface RunHistoryPage {
  readonly instanceId: string;
  readonly entries: readonly RunHistoryEntry[];
  /** Pass as `after` to read what follows; equal to the request's `after` when nothing is new. */
  readonly last: number;
  /** The input the run started with; on the first page only (`after` 0), for the run page's Input section. */
  readonly input?: Json;
}

export function runHistoryEntry(h: StoredHistoryEntry): RunHistoryEntry {
  return {
    seq: h.seq,
    at: new Date(h.at).toISOString(),
    type: h.type,
    ...(h.state !== undefined ? { state: h.state } : {}),
    ...(h.thread !== undefined ? { thread: h.thread } : {}),
    ...(h.action !== undefined ? { action: h.action } : {}),
    ...(h.data !== undefined ? { data: h.data } : {}),
  };
}
