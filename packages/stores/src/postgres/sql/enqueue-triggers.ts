/**
 * Queues triggers in the inboxes of existing instances and makes each due now (wake_at =
 * LEAST(wake_at, now); LEAST skips a null). Used by `enqueue` alone and
 * by commits that report to other instances (a finished subflow's result for its parent).
 */
import type { EnqueueRow } from '../commit-plan.js';
import type { Queryable } from './queryable.js';

// The UPDATE takes the target row lock before the transaction commits, so a commit of the target
// that runs concurrently either sees these inbox rows (it locked after us) or is seen by us (our
// LEAST applies to its result). Rows for ids that do not exist are dropped.
const SQL = `
WITH e AS (
  SELECT * FROM json_to_recordset($1::json) AS e(n int, instance_id text, trigger json, now bigint)
), targets AS (
  UPDATE sluice_instances i SET wake_at = LEAST(i.wake_at, x.now)
  FROM (SELECT instance_id, min(now) AS now FROM e GROUP BY instance_id ORDER BY instance_id) x
  WHERE i.id = x.instance_id
  RETURNING i.id
)
INSERT INTO sluice_inbox (instance_id, trigger, created_at)
SELECT e.instance_id, e.trigger, e.now FROM e WHERE e.instance_id IN (SELECT id FROM targets) ORDER BY e.n
RETURNING instance_id`;

/** Inserts the triggers; returns the ids of the instances that received one. @internal */
export async function enqueueTriggers(db: Queryable, rows: readonly EnqueueRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const res = await db.query<{ instance_id: string }>({ name: 'sluice_enqueue_triggers', text: SQL, values: [JSON.stringify(rows)] });
  return new Set(res.rows.map((r) => r.instance_id));
}

const EXISTING = `SELECT id, locked_by FROM sluice_instances WHERE id = ANY($1::text[])`;

/** The ids among `ids` that exist, with their lease holder (unlocked read, for error reports). @internal */
export async function findInstances(db: Queryable, ids: readonly string[]): Promise<Map<string, string | null>> {
  const res = await db.query<{ id: string; locked_by: string | null }>({ name: 'sluice_find_instances', text: EXISTING, values: [[...new Set(ids)]] });
  return new Map(res.rows.map((r) => [r.id, r.locked_by]));
}
