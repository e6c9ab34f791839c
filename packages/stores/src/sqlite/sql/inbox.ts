/** SQL on `sluice_inbox`: triggers queued for an instance, oldest (lowest id) first. */
import type { InboxEntry, Trigger } from '@sluice/engine';
import { placeholders, prepared, type SqliteDb } from '../prepared.js';

/** @internal Queues a trigger; the new entry's id is higher than every earlier one. */
export function insertInbox(db: SqliteDb, instanceId: string, trigger: Trigger, now: number): void {
  prepared(db, 'INSERT INTO sluice_inbox (instance_id, trigger, created_at) VALUES (?, ?, ?)').run(instanceId, JSON.stringify(trigger), now);
}

/** @internal The instance's queued triggers, oldest first. */
export function selectInbox(db: SqliteDb, instanceId: string): InboxEntry[] {
  const rows = prepared(db, 'SELECT id, trigger FROM sluice_inbox WHERE instance_id = ? ORDER BY id').all(instanceId) as {
    id: number;
    trigger: string;
  }[];
  return rows.map((r) => ({ id: r.id, trigger: JSON.parse(r.trigger) as Trigger }));
}

/** @internal Deletes consumed entries; ids of other instances are left alone. */
export function deleteInbox(db: SqliteDb, instanceId: string, ids: readonly number[]): void {
  // Chunks stay far below SQLite's bound-parameter limit (32,766 since 3.32).
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    prepared(db, `DELETE FROM sluice_inbox WHERE instance_id = ? AND id IN (${placeholders(chunk.length)})`).run(instanceId, ...chunk);
  }
}

/** @internal True when the instance has queued triggers. */
export function hasInbox(db: SqliteDb, instanceId: string): boolean {
  return prepared(db, 'SELECT 1 FROM sluice_inbox WHERE instance_id = ? LIMIT 1').get(instanceId) !== undefined;
}
