/**
 * Deletes finished instances that ended before a time, with their history, timers and inbox, in
 * chunks (one transaction each) so a large purge never holds long locks. Outbox rows stay: they
 * belong to the publisher until marked published.
 */
import { FINISHED_STATUSES, type Queryable } from './queryable.js';

/** Instances deleted per statement. @internal */
export const PURGE_CHUNK = 500;

// SKIP LOCKED: a row some transaction holds (a late enqueue, a claim) is left for the next purge.
const SQL = `
WITH gone AS (
  DELETE FROM sluice_instances
  WHERE id IN (
    SELECT id FROM sluice_instances
    WHERE status IN ${FINISHED_STATUSES} AND ended_at < $1
    LIMIT $2
    FOR UPDATE SKIP LOCKED)
  RETURNING id
), history AS (
  DELETE FROM sluice_history WHERE instance_id IN (SELECT id FROM gone)
), timers AS (
  DELETE FROM sluice_timers WHERE instance_id IN (SELECT id FROM gone)
), inbox AS (
  DELETE FROM sluice_inbox WHERE instance_id IN (SELECT id FROM gone)
)
SELECT count(*)::int AS n FROM gone`;

/** Purges; returns how many instances were deleted. @internal */
export async function purgeFinished(db: Queryable, before: number): Promise<number> {
  let total = 0;
  for (;;) {
    const res = await db.query<{ n: number }>({ name: 'sluice_purge', text: SQL, values: [before, PURGE_CHUNK] });
    const n = res.rows[0]?.n ?? 0;
    total += n;
    if (n < PURGE_CHUNK) return total;
  }
}
