/**
 * Claims up to `limit` instances that need a worker now (STYLE §4): a CTE picks due rows that are
 * free, already ours, or whose lease expired, `FOR UPDATE SKIP LOCKED` so concurrent claimers never
 * wait on or share a row; the UPDATE sets the lease and returns each state with its inbox.
 */
import type { ClaimedInstance } from '@sluice/engine';
import type { ClaimRow } from '../rows.js';
import { toClaimed } from './claim-one.js';
import type { Queryable } from './queryable.js';

// One statement, so one implicit transaction and one round trip. The inbox is read with the
// statement's snapshot: a trigger enqueued after it is not returned, but its enqueue left
// wake_at <= now (claims never change wake_at), so the next claim returns it. `prev_locked_by` is
// read under the row lock (SKIP LOCKED re-reads the newest row version), so `takenOver` is exact.
const SQL = `
WITH due AS (
  SELECT id, locked_by AS prev_locked_by, wake_at
  FROM sluice_instances
  WHERE wake_at <= $1 AND (locked_by IS NULL OR locked_by = $2 OR locked_until < $1)
  ORDER BY wake_at
  LIMIT $4
  FOR UPDATE SKIP LOCKED
), claimed AS (
  UPDATE sluice_instances i
  SET locked_by = $2, locked_until = $1::bigint + $3::bigint
  FROM due
  WHERE i.id = due.id
  RETURNING i.id, i.state, i.revision, due.prev_locked_by, due.wake_at
)
SELECT c.id, c.state, c.revision, c.prev_locked_by,
  (SELECT json_agg(json_build_object('id', b.id, 'trigger', b.trigger) ORDER BY b.id)
   FROM sluice_inbox b WHERE b.instance_id = c.id) AS inbox
FROM claimed c
ORDER BY c.wake_at, c.id`;

/** Runs the claim; see InstanceStore.claimDue. @internal */
export async function claimDueInstances(
  db: Queryable,
  args: { worker: string; now: number; leaseMs: number; limit: number },
): Promise<ClaimedInstance[]> {
  if (args.limit <= 0) return [];
  const res = await db.query<ClaimRow>({ name: 'sluice_claim_due', text: SQL, values: [args.now, args.worker, args.leaseMs, args.limit] });
  return res.rows.map((r) => toClaimed(r, args.worker, args.now));
}
