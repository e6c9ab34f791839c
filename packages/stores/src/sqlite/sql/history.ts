/** SQL on `sluice_history`: append a step's entries, read them after a cursor. */
import type { HistoryEntry, StoredHistoryEntry } from '@sluice/engine';
import { prepared, type SqliteDb } from '../prepared.js';

const INSERT = 'INSERT INTO sluice_history (instance_id, seq, at, type, entry) VALUES (?, ?, ?, ?, ?)';

/** @internal Appends entries with seq continuing gap-free from the instance's last one. */
export function appendHistory(db: SqliteDb, instanceId: string, entries: readonly HistoryEntry[]): void {
  if (entries.length === 0) return;
  const last = prepared(db, 'SELECT COALESCE(MAX(seq), 0) AS seq FROM sluice_history WHERE instance_id = ?').get(instanceId) as {
    seq: number;
  };
  const insert = prepared(db, INSERT);
  let seq = last.seq;
  for (const e of entries) insert.run(instanceId, ++seq, e.at, e.type, JSON.stringify(e));
}

const SELECT = `SELECT seq, entry FROM sluice_history
WHERE instance_id = ? AND seq > ?
ORDER BY seq
LIMIT ?`;

/** @internal Entries with `seq > after`, oldest first, at most `limit`. */
export function selectHistory(db: SqliteDb, instanceId: string, after: number, limit: number): StoredHistoryEntry[] {
  const rows = prepared(db, SELECT).all(instanceId, after, limit) as { seq: number; entry: string }[];
  return rows.map((r) => ({ ...(JSON.parse(r.entry) as HistoryEntry), seq: r.seq }));
}
