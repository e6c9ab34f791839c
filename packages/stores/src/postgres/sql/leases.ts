/**
 * Lease upkeep: `heartbeat` extends the leases a worker still holds, `release` gives one up
 * without a step. Both recompute wake_at from the stored rows as `wakeAt` does from the state.
 */
import type { PoolClient } from 'pg';
import { FINISHED_STATUSES } from './queryable.js';

// wakeAt(state, inboxPending, updated_at, $3) over the rows: inbox pending → updated_at (the
// memory store passes row.updatedAt as `now`), finished → null, else the earliest timer and the
// lease end (LEAST skips nulls). Each runs after a `FOR UPDATE` of the rows in its own statement,
// so the inbox check sees every enqueue that committed before the lock was granted.
const WAKE = `CASE
    WHEN EXISTS (SELECT 1 FROM sluice_inbox b WHERE b.instance_id = i.id) THEN i.updated_at
    WHEN i.status IN ${FINISHED_STATUSES} THEN NULL
    ELSE LEAST((SELECT min(t.due_at) FROM sluice_timers t WHERE t.instance_id = i.id), $3::bigint) END`;

const LOCK = `SELECT id FROM sluice_instances WHERE id = ANY($1::text[]) AND locked_by = $2 ORDER BY id FOR UPDATE`;

const HEARTBEAT = `
UPDATE sluice_instances i SET locked_until = $3, wake_at = ${WAKE}
WHERE i.id = ANY($1::text[]) AND i.locked_by = $2
RETURNING i.id`;

const RELEASE = `
UPDATE sluice_instances i SET locked_by = NULL, locked_until = NULL, wake_at = ${WAKE}
WHERE i.id = ANY($1::text[]) AND i.locked_by = $2`;

/** Extends `worker`'s leases on `ids` to `until`; returns the ids it does not hold. Call in a transaction. @internal */
export async function heartbeatLeases(client: PoolClient, worker: string, ids: readonly string[], until: number): Promise<string[]> {
  if (ids.length === 0) return [];
  const unique = [...new Set(ids)];
  await client.query({ name: 'sluice_lease_lock', text: LOCK, values: [unique, worker] });
  const res = await client.query<{ id: string }>({ name: 'sluice_heartbeat', text: HEARTBEAT, values: [unique, worker, until] });
  const held = new Set(res.rows.map((r) => r.id));
  return ids.filter((id) => !held.has(id));
}

/** Releases `worker`'s lease on `id` if it holds it. Call in a transaction. @internal */
export async function releaseLease(client: PoolClient, worker: string, id: string): Promise<void> {
  await client.query({ name: 'sluice_lease_lock', text: LOCK, values: [[id], worker] });
  await client.query({ name: 'sluice_release', text: RELEASE, values: [[id], worker, null] });
}
