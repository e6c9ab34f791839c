/** SQL on `sluice_timers`: the instance's timers, a copy of `state.timers` kept for due-ness queries. */
import type { PendingTimer } from '@sluice/engine';
import { prepared, type SqliteDb } from '../prepared.js';

/** @internal Replaces an instance's timer rows with `timers` (its state's timers after a step). */
export function replaceTimers(db: SqliteDb, instanceId: string, timers: Readonly<Record<string, PendingTimer>>): void {
  prepared(db, 'DELETE FROM sluice_timers WHERE instance_id = ?').run(instanceId);
  const insert = prepared(db, 'INSERT INTO sluice_timers (instance_id, timer_id, due_at, purpose) VALUES (?, ?, ?, ?)');
  for (const [timerId, t] of Object.entries(timers)) insert.run(instanceId, timerId, t.dueAt, t.purpose);
}
