/**
 * First statement of a commit batch: the lease check and state write for every commit at once.
 * A row is updated only where `locked_by` is still the committing worker and, when the commit names
 * one, its revision is still the one the step was computed from; the ids it returns are
 * the commits that go on, the others fail with LEASE_LOST and write nothing.
 */
import type { StateUpdateRow } from '../commit-plan.js';
import type { Queryable } from './queryable.js';

// The rows stay locked until the batch's COMMIT. That lock is what makes the later inbox check
// exact: an enqueue for one of these instances either committed before this statement took the
// lock (and the next statement, with a newer snapshot, sees its inbox row) or it waits for our
// COMMIT and then lowers wake_at itself. So wake_at is written here as if the inbox were empty,
// and the next statement sets `now` on the few rows that still have entries (one row version per
// commit in the usual case, where a step consumes its whole inbox).
const SQL = `
UPDATE sluice_instances i SET
  workflow_id = u.workflow_id,
  workflow_version = u.workflow_version,
  status = u.status,
  parent_id = u.parent_id,
  parent_call_id = u.parent_call_id,
  state = u.state,
  error_code = u.error_code,
  error_message = u.error_message,
  last_state = u.last_state,
  started_at = u.started_at,
  ended_at = u.ended_at,
  updated_at = u.updated_at,
  revision = i.revision + 1,
  locked_by = u.locked_by,
  locked_until = u.locked_until,
  wake_at = u.wake_at
FROM json_to_recordset($1::json) AS u(
  id text, worker text, expected_revision integer, workflow_id text, workflow_version text, status text, parent_id text,
  parent_call_id text, state json, error_code text, error_message text, last_state text,
  started_at bigint, ended_at bigint, updated_at bigint, locked_by text, locked_until bigint, wake_at bigint)
WHERE i.id = u.id AND i.locked_by = u.worker AND (u.expected_revision IS NULL OR i.revision = u.expected_revision)
RETURNING i.id`;

/**
 * Writes the state rows whose lease `worker` still holds; returns their ids. Rows should be sorted
 * by id so that concurrent batches lock in the same order.
 *
 * @internal
 */
export async function commitStates(db: Queryable, rows: readonly StateUpdateRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const res = await db.query<{ id: string }>({ name: 'sluice_commit_states', text: SQL, values: [JSON.stringify(rows)] });
  return new Set(res.rows.map((r) => r.id));
}
