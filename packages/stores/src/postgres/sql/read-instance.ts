/**
 * Reads of one instance: its state (`get`), its summary row (`summary`) and its history after a
 * cursor; and the earliest wake time of all instances (`nextWakeAt`).
 */
import type { InstanceState, InstanceSummary, StoredHistoryEntry } from '@sluice/engine';
import { optNum, SUMMARY_COLUMNS, toStoredHistory, toSummary, type HistoryRow, type InstanceSummaryRow } from '../rows.js';
import type { Queryable } from './queryable.js';

const STATE = 'SELECT state FROM sluice_instances WHERE id = $1';
const SUMMARY = `SELECT ${SUMMARY_COLUMNS} FROM sluice_instances WHERE id = $1`;
const HISTORY = 'SELECT seq, entry FROM sluice_history WHERE instance_id = $1 AND seq > $2 ORDER BY seq LIMIT $3';
// min() over the partial index on wake_at: one index probe.
const NEXT_WAKE = 'SELECT min(wake_at) AS at FROM sluice_instances';

/** The state of an instance, or undefined. @internal */
export async function readState(db: Queryable, id: string): Promise<InstanceState | undefined> {
  const res = await db.query<{ state: InstanceState }>({ name: 'sluice_get', text: STATE, values: [id] });
  return res.rows[0]?.state;
}

/** The summary of an instance, or undefined. @internal */
export async function readSummary(db: Queryable, id: string): Promise<InstanceSummary | undefined> {
  const res = await db.query<InstanceSummaryRow>({ name: 'sluice_summary', text: SUMMARY, values: [id] });
  const row = res.rows[0];
  return row ? toSummary(row) : undefined;
}

/** History entries of `id` with seq > `after`, oldest first, at most `limit`. @internal */
export async function readHistory(db: Queryable, id: string, after: number, limit: number): Promise<StoredHistoryEntry[]> {
  if (limit <= 0) return [];
  const res = await db.query<HistoryRow>({ name: 'sluice_history', text: HISTORY, values: [id, after, limit] });
  return res.rows.map(toStoredHistory);
}

/** The earliest wake_at of any instance. @internal */
export async function readNextWakeAt(db: Queryable): Promise<number | undefined> {
  const res = await db.query<{ at: string | null }>({ name: 'sluice_next_wake', text: NEXT_WAKE });
  return optNum(res.rows[0]?.at);
}
