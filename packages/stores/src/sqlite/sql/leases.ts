/** SQL on `sluice_instances` for leases and wake times: claims, heartbeats, releases, due rows. */
import { prepared, type SqliteDb } from '../prepared.js';
import type { LeaseRow } from '../rows.js';

/** @internal What a claim, commit, heartbeat or release reads of an instance. */
export function selectLease(db: SqliteDb, id: string): LeaseRow | undefined {
  return prepared(db, 'SELECT id, state, locked_by, locked_until, updated_at, revision FROM sluice_instances WHERE id = ?').get(id) as
    | LeaseRow
    | undefined;
}

const LOCK = `UPDATE sluice_instances SET locked_by = @worker, locked_until = @until
WHERE id = @id AND (locked_by IS NULL OR locked_by = @worker OR locked_until < @now)`;

/**
 * @internal The claim itself (STYLE §4): leases the instance to `worker` until `until` if it is
 * free, already `worker`'s, or its lease expired before `now`. Returns the rows changed: 0 means
 * another worker holds it.
 */
export function lockInstance(db: SqliteDb, p: { id: string; worker: string; now: number; until: number }): number {
  return prepared(db, LOCK).run(p).changes;
}

/** @internal Sets the lease columns and the wake time (heartbeat, release). */
export function setLease(
  db: SqliteDb,
  p: { id: string; locked_by: string | null; locked_until: number | null; wake_at: number | null },
): void {
  prepared(db, 'UPDATE sluice_instances SET locked_by = @locked_by, locked_until = @locked_until, wake_at = @wake_at WHERE id = @id').run(p);
}

const WAKE_NOW = `UPDATE sluice_instances
SET wake_at = CASE WHEN wake_at IS NULL OR wake_at > @now THEN @now ELSE wake_at END
WHERE id = @id`;

/** @internal Makes an instance due by `now` at the latest; returns 0 when there is no such instance. */
export function wakeNow(db: SqliteDb, id: string, now: number): number {
  return prepared(db, WAKE_NOW).run({ id, now }).changes;
}

// `wake_at <= @now` implies `wake_at IS NOT NULL`, so SQLite uses the partial index
// sluice_instances_wake and reads due rows in wake_at order without sorting.
const DUE = `SELECT id FROM sluice_instances
WHERE wake_at <= @now AND (locked_by IS NULL OR locked_by = @worker OR locked_until < @now)
ORDER BY wake_at
LIMIT @limit`;

/** @internal Ids of instances due at `now` that `worker` may claim, earliest wake time first. */
export function selectDueIds(db: SqliteDb, p: { worker: string; now: number; limit: number }): string[] {
  return (prepared(db, DUE).all(p) as { id: string }[]).map((r) => r.id);
}

/** @internal The earliest wake time of any instance. */
export function selectNextWakeAt(db: SqliteDb): number | undefined {
  const row = prepared(db, 'SELECT MIN(wake_at) AS at FROM sluice_instances').get() as { at: number | null };
  return row.at ?? undefined;
}
