/** SQL on `sluice_outbox`: events the workflows produced, until a publisher marks them published. */
import type { CloudEvent, OutboxEntry } from '@sluice/engine';
import { prepared, type SqliteDb } from '../prepared.js';

/** @internal Appends produced events in order. */
export function insertOutbox(db: SqliteDb, instanceId: string, events: readonly CloudEvent[], now: number): void {
  const insert = prepared(db, 'INSERT INTO sluice_outbox (instance_id, event, created_at) VALUES (?, ?, ?)');
  for (const e of events) insert.run(instanceId, JSON.stringify(e), now);
}

/** @internal Unpublished events, oldest first, at most `limit`. */
export function selectOutbox(db: SqliteDb, limit: number): OutboxEntry[] {
  const rows = prepared(db, 'SELECT id, event FROM sluice_outbox WHERE published_at IS NULL ORDER BY id LIMIT ?').all(limit) as {
    id: number;
    event: string;
  }[];
  return rows.map((r) => ({ id: r.id, event: JSON.parse(r.event) as CloudEvent }));
}

/** @internal Marks events published at `now` (ids already published keep their first time). */
export function markOutboxPublished(db: SqliteDb, ids: readonly number[], now: number): void {
  const update = prepared(db, 'UPDATE sluice_outbox SET published_at = ? WHERE id = ? AND published_at IS NULL');
  for (const id of ids) update.run(now, id);
}
