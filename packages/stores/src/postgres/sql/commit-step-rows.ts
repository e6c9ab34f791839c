/**
 * Second statement of a commit batch, for the commits whose lease check passed: history (seq
 * continuing), timers (replaced by `state.timers`), consumed inbox entries (deleted), outbox
 * events (appended), and wake_at = now where inbox entries remain, in one statement of
 * data-modifying CTEs.
 */
import type { StepRowsParams } from '../commit-plan.js';
import type { Queryable } from './queryable.js';

// All CTEs see the snapshot taken when this statement starts, after the previous statement locked
// the instance rows: so max(seq) is the committed maximum (only the lease holder appends); it is read
// once per instance (`base`, MATERIALIZED: inlined, the planner re-ran it per history row, and each
// run walked the rows this very statement was inserting: quadratic, 12 s for 20,000 entries); and the
// inbox check must exclude the consumed ids itself (the DELETE beside it is not visible to it).
// Timers: delete the ones gone from state.timers, upsert the rest (unchanged rows are not
// rewritten), so the two never touch the same row.
const SQL = `
WITH w AS (
  SELECT * FROM json_to_recordset($1::json) AS w(id text, now bigint, consumed bigint[])
), t AS (
  SELECT * FROM json_to_recordset($3::json) AS t(instance_id text, timer_id text, due_at bigint, purpose text)
), base AS MATERIALIZED (
  SELECT w.id, (SELECT COALESCE(max(x.seq), 0) FROM sluice_history x WHERE x.instance_id = w.id) AS seq FROM w
), history AS (
  INSERT INTO sluice_history (instance_id, seq, at, type, entry)
  SELECT h.instance_id, base.seq + h.n, h.at, h.type, h.entry
  FROM json_to_recordset($2::json) AS h(instance_id text, n int, at bigint, type text, entry json)
  JOIN base ON base.id = h.instance_id
), timers_gone AS (
  DELETE FROM sluice_timers x
  WHERE x.instance_id = ANY($4::text[])
    AND NOT EXISTS (SELECT 1 FROM t WHERE t.instance_id = x.instance_id AND t.timer_id = x.timer_id)
), timers_set AS (
  INSERT INTO sluice_timers (instance_id, timer_id, due_at, purpose)
  SELECT instance_id, timer_id, due_at, purpose FROM t
  ON CONFLICT (instance_id, timer_id) DO UPDATE SET due_at = excluded.due_at, purpose = excluded.purpose
  WHERE (sluice_timers.due_at, sluice_timers.purpose) IS DISTINCT FROM (excluded.due_at, excluded.purpose)
), consumed AS (
  DELETE FROM sluice_inbox b USING w
  WHERE b.instance_id = w.id AND b.id = ANY(w.consumed)
), outbox AS (
  INSERT INTO sluice_outbox (instance_id, event, created_at)
  SELECT o.instance_id, o.event, o.created_at
  FROM json_to_recordset($5::json) AS o(n int, instance_id text, event json, created_at bigint)
  ORDER BY o.n
)
UPDATE sluice_instances i SET wake_at = w.now
FROM w
WHERE i.id = w.id AND i.wake_at IS DISTINCT FROM w.now
  AND EXISTS (SELECT 1 FROM sluice_inbox b WHERE b.instance_id = i.id AND b.id <> ALL(w.consumed))
RETURNING i.id`;

/** Writes the step rows of the accepted commits; true when one kept inbox entries (so is due now). @internal */
export async function commitStepRows(db: Queryable, p: StepRowsParams): Promise<boolean> {
  if (p.ids.length === 0) return false;
  const res = await db.query({ name: 'sluice_commit_step_rows', text: SQL, values: [p.wake, p.history, p.timers, p.ids, p.outbox] });
  return (res.rowCount ?? 0) > 0;
}
