/**
 * Claims one instance by id if it is free, its lease expired, or the worker already holds it: a
 * conditional UPDATE on the locked row, returning the state with its inbox.
 */
import type { ClaimedInstance } from '@sluice/engine';
import { dueTimerIds, num, type ClaimRow } from '../rows.js';
import type { Queryable } from './queryable.js';

// FOR UPDATE (no SKIP LOCKED): a commit in progress on the row finishes first, and the condition
// is then checked against the committed row.
const SQL = `
WITH target AS (
  SELECT id, locked_by AS prev_locked_by
  FROM sluice_instances
  WHERE id = $1
  FOR UPDATE
), claimed AS (
  UPDATE sluice_instances i
  SET locked_by = $2, locked_until = $3::bigint + $4::bigint
  FROM target t
  WHERE i.id = t.id AND (t.prev_locked_by IS NULL OR t.prev_locked_by = $2 OR i.locked_until < $3)
  RETURNING i.id, i.state, i.revision, t.prev_locked_by
)
SELECT c.id, c.state, c.revision, c.prev_locked_by,
  (SELECT json_agg(json_build_object('id', b.id, 'trigger', b.trigger) ORDER BY b.id)
   FROM sluice_inbox b WHERE b.instance_id = c.id) AS inbox
FROM claimed c`;

/** Runs the claim; see InstanceStore.claim. @internal */
export async function claimInstance(
  db: Queryable,
  args: { id: string; worker: string; now: number; leaseMs: number },
): Promise<ClaimedInstance | undefined> {
  const res = await db.query<ClaimRow>({ name: 'sluice_claim_one', text: SQL, values: [args.id, args.worker, args.now, args.leaseMs] });
  const row = res.rows[0];
  return row ? toClaimed(row, args.worker, args.now) : undefined;
}

/** A claim row as the port's ClaimedInstance (due timers computed from the state like the memory store). @internal */
export function toClaimed(r: ClaimRow, worker: string, now: number): ClaimedInstance {
  return {
    state: r.state,
    inbox: (r.inbox ?? []).map((e) => ({ id: num(e.id), trigger: e.trigger })),
    dueTimers: dueTimerIds(r.state, now),
    takenOver: r.prev_locked_by !== null && r.prev_locked_by !== worker,
    revision: Number(r.revision),
  };
}
